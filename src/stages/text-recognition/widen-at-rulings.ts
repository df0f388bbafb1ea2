import { quadSize } from "../../geometry/quad.ts";
import type { Point, Quad, RecognizedChar } from "../../types.ts";
import type { RawImage } from "../../image/raw-image.ts";
import { warpImage } from "../../image/warp-image.ts";
import type { DecodedLine } from "./decode.ts";
import { LINE_HEIGHT, lineCropWidth } from "./preprocess.ts";
import { type RulingOptions, verticalRulingColumns } from "./remove-rulings.ts";

/** How far (in line heights) a line ending at a ruling is widened: past the ruling by most of a character. */
const WIDEN_BY = 0.6;
/** A ruling this far inside a line's box (in line heights) may cut its end character too. */
const INSIDE_REACH = 0.3;
/** A character the widened read adds must be at least this sure. */
export const MIN_ADDED_CONFIDENCE = 0.6;
/** The widened read must agree with the first on this share of the first's characters. */
const MIN_AGREEMENT = 0.7;
/** The widened read may be this much less sure overall than the first. */
const CONFIDENCE_SLACK = 0.05;
/** An added character's centre lies within this many character widths of the ruling it was printed across. */
const ACROSS_REACH = 0.3;
/** What a ruling is misread as at a line's end. */
const RULING_LOOKALIKES = new Set(["一", "丨", "|", "1", "l", "I"]);

/** A quad widened past the ruling at one or both ends, and where the original quad lies across it (fractions). */
export interface WidenedQuad {
  quad: Quad;
  /** The original quad's left and right ends as fractions of the widened quad's width. */
  from: number;
  to: number;
  left: boolean;
  right: boolean;
  /** Where the rulings at the left and right ends lie, as fractions of the original quad's width (if known). */
  leftAt?: number | undefined;
  rightAt?: number | undefined;
  /** A character's width (the line's height) as a fraction of the original quad's width. */
  charWidth: number;
}

/** Which ends of a line have a ruling near them and where (fractions of the line's width). */
export interface RulingEnds {
  left: boolean;
  right: boolean;
  leftAt?: number | undefined;
  rightAt?: number | undefined;
  /** Whether a ruling crosses the line away from its ends (a value printed across a cell's ruling). */
  inside?: boolean;
}

/**
 * Widens a line's quad (corners from its reading direction) by 0.6 of its height (or `widenBy`) at the ends where a
 * vertical ruling was found: the detected box often stops at a ruling while a character printed across it continues.
 */
export function widenAtRulings(quad: Quad, ends: RulingEnds, widenBy = WIDEN_BY): WidenedQuad {
  const { width, height } = quadSize(quad);
  const [tl, tr, br, bl] = quad;
  const length = Math.hypot(tr.x - tl.x, tr.y - tl.y) || 1;
  const ux = (tr.x - tl.x) / length;
  const uy = (tr.y - tl.y) / length;
  const by = widenBy * height;
  const shift = (p: Point, k: number): Point => ({ x: p.x + ux * k, y: p.y + uy * k });
  const before = ends.left ? by : 0;
  const after = ends.right ? by : 0;
  const total = width + before + after;
  return {
    quad: [shift(tl, -before), shift(tr, after), shift(br, after), shift(bl, -before)],
    from: before / total,
    to: (before + width) / total,
    left: ends.left,
    right: ends.right,
    leftAt: ends.leftAt,
    rightAt: ends.rightAt,
    charWidth: height / Math.max(1, width),
  };
}

/**
 * Which ends of a line (corners from its reading direction) have a vertical ruling near them: within 0.3 of the
 * line's height inside its box or 0.6 outside it. The detected box tends to stop at such a ruling, or just short
 * of it, while a character printed across the ruling continues beyond. `options.leaning` also finds leaning rulings.
 */
export function rulingsNearEnds(image: RawImage, quad: Quad, options: RulingOptions = {}): RulingEnds {
  const wide = widenAtRulings(quad, { left: true, right: true });
  const width = lineCropWidth(wide.quad);
  if (width === 0) return { left: false, right: false };
  const columns = verticalRulingColumns(warpImage(image, wide.quad, width, LINE_HEIGHT), options);
  const from = wide.from * width;
  const to = wide.to * width;
  const inside = INSIDE_REACH * LINE_HEIGHT;
  const onLine = (x: number) => ((x + 0.5) / width - wide.from) / (wide.to - wide.from);
  const left = columns.filter((x) => x < from + inside && x < to);
  const right = columns.filter((x) => x >= to - inside && x > from);
  return {
    left: left.length > 0,
    right: right.length > 0,
    leftAt: left.length > 0 ? onLine(left[left.length - 1] as number) : undefined,
    rightAt: right.length > 0 ? onLine(right[0] as number) : undefined,
    inside: columns.some((x) => x >= from + inside && x < to - inside),
  };
}

/** What a ruling is misread as within a line (a digit 1 or the character 一 may be real there). */
const RULING_STROKES = new Set(["丨", "|", "l", "I"]);
/** A clean read of the same length replaces the first only when this much surer on average. */
const SAME_LENGTH_GAIN = 0.05;

/**
 * The read of a line with the rulings crossing it painted out, when it is better than the first read: a ruling
 * through a character merges with its strokes and the character is lost or misread (17182503 for 1|77182503).
 * The clean read must keep the first's characters in order (at least {@link MIN_AGREEMENT} of them), add at most
 * two, each surely and none a ruling's stroke, and be about as sure overall (surer, when it adds none). Undefined
 * when the first read stands.
 */
export function betterCleanRead(first: DecodedLine, clean: DecodedLine): DecodedLine | undefined {
  if (clean.chars.length === 0 || first.chars.length === 0 || clean.text === first.text) return undefined;
  const added = clean.chars.length - first.chars.length;
  if (added < 0 || added > 2) return undefined;
  const kept = commonInOrder(first.chars, clean.chars);
  if (kept.size < MIN_AGREEMENT * first.chars.length) return undefined;
  const extra = clean.chars.filter((_, k) => !kept.has(k));
  if (extra.some((c) => c.confidence < MIN_ADDED_CONFIDENCE || RULING_STROKES.has(c.text))) return undefined;
  const gain = meanConfidence(clean.chars) - meanConfidence(first.chars);
  if (added === 0 ? gain < SAME_LENGTH_GAIN : gain < -CONFIDENCE_SLACK) return undefined;
  return clean;
}

function meanConfidence(chars: readonly RecognizedChar[]): number {
  return chars.reduce((sum, c) => sum + c.confidence, 0) / Math.max(1, chars.length);
}

/** The indices in `b` of a longest common subsequence of `a` and `b` (by text). */
export function commonInOrder(a: readonly RecognizedChar[], b: readonly RecognizedChar[]): Set<number> {
  return new Set(matchedInOrder(a, b).map(([, j]) => j));
}

/** The index pairs (in `a`, in `b`) of a longest common subsequence of `a` and `b` (by text), in order. */
function matchedInOrder(a: readonly RecognizedChar[], b: readonly RecognizedChar[]): [number, number][] {
  const cols = b.length + 1;
  const table = new Uint16Array((a.length + 1) * cols);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * cols + j] =
        a[i]?.text === b[j]?.text
          ? (table[(i + 1) * cols + j + 1] as number) + 1
          : Math.max(table[(i + 1) * cols + j] as number, table[i * cols + j + 1] as number);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i]?.text === b[j]?.text) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if ((table[(i + 1) * cols + j] as number) >= (table[i * cols + j + 1] as number)) i++;
    else j++;
  }
  return pairs;
}

/** How sure {@link betterWidenedRead} wants the wider read: its added character, and overall against the first. */
export interface WidenedReadLimits {
  /** The least confidence of an added character (default 0.6). */
  minAdded?: number;
  /** How much less sure overall than the first read the wider one may be (default 0.05). */
  confidenceSlack?: number;
  /**
   * How many character widths from the ruling an added character's centre may lie (default
   * {@link ACROSS_REACH}).
   */
  acrossReach?: number;
  /**
   * Whether a digit 1 may be added at the end: only for a read with the rulings painted out, where a 1 left is ink
   * of its own, not the ruling (…6-2-140 | 1 → …6-2-1401). Default false.
   */
  oneAtEnd?: boolean;
}

/**
 * The first read completed by the widened one when that adds a character lost at a ruling: the widened read
 * holds the first's characters in order (less a ruling misread as 一/丨/1 at a widened end, unless the wider read
 * holds it too, one character in: a real 1 before the character across the ruling, …781号; at least
 * {@link MIN_AGREEMENT} of them, so a character the two read differently, or one only one of them read, does not
 * stop it), holds one character more than the first at a widened end, read surely and across the ruling, and is
 * about as sure overall. Each end is judged alone: a stroke of the left ruling misread does not cost the character
 * lost at the right one. The first read's characters are kept and the added ones put before/after them, extents
 * mapped onto the original quad. Undefined when the first read stands.
 */
export function betterWidenedRead(
  first: DecodedLine,
  widened: DecodedLine,
  span: WidenedQuad,
  {
    minAdded = MIN_ADDED_CONFIDENCE,
    confidenceSlack = CONFIDENCE_SLACK,
    acrossReach = ACROSS_REACH,
    oneAtEnd = false,
  }: WidenedReadLimits = {},
): DecodedLine | undefined {
  if (widened.chars.length === 0 || widened.text === first.text) return undefined;
  if (widened.confidence < first.confidence - confidenceSlack) return undefined;
  const chars = onOriginalQuad(widened, span).chars;
  // A look-alike at a widened end is the ruling misread, unless the wider read holds it too, one character in (a
  // real 1 before the character across the ruling: …781号).
  let core = [...first.chars];
  const lookalike = (c: RecognizedChar | undefined) => RULING_LOOKALIKES.has(c?.text ?? "");
  if (span.left && lookalike(core[0]) && chars[1]?.text !== core[0]?.text) core = core.slice(1);
  if (span.right && lookalike(core.at(-1)) && chars.at(-2)?.text !== core.at(-1)?.text)
    core = core.slice(0, -1);
  if (core.length === 0) return undefined;
  // Matched as early as possible, what is left over at the end is the most; matched as late as possible (the
  // reads reversed), what is left over at the start.
  const pairs = matchedInOrder(core, chars);
  if (pairs.length < MIN_AGREEMENT * core.length) return undefined;
  const [lastCore, lastWidened] = pairs[pairs.length - 1] as [number, number];
  const [firstCoreReversed, firstWidenedReversed] = matchedInOrder(
    [...core].reverse(),
    [...chars].reverse(),
  ).at(-1) as [number, number];
  const firstCore = core.length - 1 - firstCoreReversed;
  const firstWidened = chars.length - 1 - firstWidenedReversed;
  // One character more than the first read holds beyond the characters both read, at each end.
  const addable = (
    c: RecognizedChar | undefined,
    at: number | undefined,
    oneAllowed = false,
  ): c is RecognizedChar =>
    c !== undefined &&
    c.confidence >= minAdded &&
    (!RULING_LOOKALIKES.has(c.text) || (oneAllowed && c.text === "1")) &&
    // An added character must lie across its ruling: one wholly beyond it is the next cell's (a label).
    acrossRuling(c, at, span.charWidth, acrossReach);
  const lead = span.left && firstWidened - firstCore === 1 ? chars[0] : undefined;
  const trailing = chars.length - 1 - lastWidened - (core.length - 1 - lastCore);
  const trail = span.right && trailing === 1 ? chars[chars.length - 1] : undefined;
  const before = addable(lead, span.leftAt) ? [lead] : [];
  const after = addable(trail, span.rightAt, oneAtEnd) ? [trail] : [];
  if (before.length === 0 && after.length === 0) return undefined;
  // The first read's characters stand (it saw them whole); the wider one only adds what lay past the ruling.
  const kept = [...before, ...core, ...after].map((c) => ({
    ...c,
    start: Math.min(1, Math.max(0, c.start)),
    end: Math.min(1, Math.max(0, c.end)),
  }));
  return {
    text: kept.map((c) => c.text).join(""),
    confidence: kept.reduce((sum, c) => sum + c.confidence, 0) / kept.length,
    chars: kept,
  };
}

/** Whether a character's centre lies within `reach` of a character's width from the ruling. */
function acrossRuling(
  char: RecognizedChar,
  at: number | undefined,
  charWidth: number,
  reach: number,
): boolean {
  if (at === undefined) return true;
  return Math.abs((char.start + char.end) / 2 - at) <= reach * charWidth;
}

/** The widened read with its characters' extents as fractions of the original quad (beyond it outside 0–1). */
function onOriginalQuad(line: DecodedLine, span: WidenedQuad): DecodedLine {
  const scale = span.to - span.from || 1;
  const onOriginal = (f: number) => (f - span.from) / scale;
  return {
    ...line,
    chars: line.chars.map((c) => ({ ...c, start: onOriginal(c.start), end: onOriginal(c.end) })),
  };
}
