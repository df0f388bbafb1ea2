import type { DocumentReading } from "../documents/read-fields.ts";
import type { DocumentSpec } from "../documents/shared/field-spec.ts";
import type { PageBox } from "../documents/shared/page-frame.ts";
import type { RawImage } from "../image/raw-image.ts";
import {
  betterWidenedRead,
  MIN_ADDED_CONFIDENCE,
  rulingsNearEnds,
  type WidenedQuad,
  widenAtRulings,
} from "../stages/text-recognition/widen-at-rulings.ts";
import { quadSize, subQuad } from "../geometry/quad.ts";
import type { TextLine } from "../types.ts";
import { lineOwners, sameRow } from "./extend-value-lines.ts";
import type { TextEngine } from "./text-engine.ts";

/** How much of a line's end is read again, in line heights. */
const TAIL = 8;
/** How much of it is compared with the first read, in line heights. */
const COMPARED = 4;
/** How far past the ruling the crops reach, in line heights: most of a character, and a whole one. */
const WIDENINGS = [0.6, 1.0];
/** A character one read adds is a candidate when read at least this surely. */
const CANDIDATE_CONFIDENCE = 0.3;
/**
 * A read may be this much less sure overall than the first: painting out a leaning ruling can cost the strokes of a
 * few characters that touch it, and what counts here is the character at the end, which the reads vote on.
 */
const CONFIDENCE_SLACK = 0.25;
/**
 * How many character widths from the ruling an added character's centre may lie. The reads here vote, so this is
 * looser than a single widened read's: the recognizer places a character across a ruling about a third of a width
 * past it (…5门564号 with 号's centre 0.36 widths past), while the next cell's first character, printed clear of the
 * ruling, lies a whole width past.
 */
const ACROSS_REACH = 0.5;
/** The surest read of an added character must be at least this sure. */
const VERY_SURE = 0.9;

/** One read of a value's end: the line completed by it, the character it adds, and whether rulings were painted out. */
interface EndReading {
  text: string;
  line: TextLine;
  added: number;
  withoutRulings: boolean;
}

/**
 * Completes the end of free-text values (an address, a place, an employer) whose last box stops at a vertical
 * ruling: a long value printed to its cell's edge, or past the page's frame, has its last character across the
 * ruling (…附14号, …11-4-1701), and the detected box stops at the ruling, so the character is lost; a frame line
 * photographed at an angle, or a stroke touching it, also defeats the single wider read every value line gets.
 * The value's last line is read in a few crops widened past the ruling, with the rulings painted out and kept, and
 * a character is added only when two reads add the same one (one of them surely), or one read with the rulings
 * painted out adds it very surely and none adds another surely. Lines change in place; returns whether any did.
 */
export async function completeValueEnds(
  image: RawImage,
  lines: TextLine[],
  reading: DocumentReading,
  spec: DocumentSpec,
  engine: TextEngine,
): Promise<boolean> {
  if (reading.blank) return false;
  const { frame } = reading;
  const owner = lineOwners(lines, reading);
  const ends: { index: number; tail: Tail; spans: WidenedQuad[] }[] = [];
  for (const field of spec.fields) {
    if (field.kind !== "text") continue;
    const owned = [...owner.entries()].flatMap(([index, key]) => (key === field.key ? [index] : []));
    const index = lastOf(owned.map((i) => ({ index: i, box: frame.box((lines[i] as TextLine).quad) })));
    if (index === undefined) continue;
    const line = lines[index] as TextLine;
    if (line.chars.length === 0) continue;
    const rulings = rulingsNearEnds(image, line.quad, { leaning: true });
    if (!rulings.right || rulings.rightAt === undefined) continue;
    const tail = tailOf(line);
    const rightAt = (rulings.rightAt - tail.from) / (1 - tail.from);
    const right = { left: false, right: true, rightAt };
    ends.push({ index, tail, spans: WIDENINGS.map((by) => widenAtRulings(tail.line.quad, right, by)) });
  }
  if (ends.length === 0) return false;
  const quads = ends.flatMap(({ spans }) => spans.map((span) => span.quad));
  const clean = await engine.recognize(image, quads, { withoutRulings: true });
  // With the rulings in place, only the nearer crop: a character touching the ruling keeps all its strokes there.
  const plain = await engine.recognize(
    image,
    ends.map(({ spans }) => (spans[0] as WidenedQuad).quad),
  );
  let changed = false;
  ends.forEach(({ index, tail, spans }, k) => {
    const reads: EndReading[] = [];
    spans.forEach((span, s) => {
      const read = endReading(tail.line, clean[k * spans.length + s], span, true);
      if (read !== undefined) reads.push(read);
    });
    const read = endReading(tail.line, plain[k], spans[0] as WidenedQuad, false);
    if (read !== undefined) reads.push(read);
    const chosen = agreedEnd(reads);
    if (chosen === undefined) return;
    // The next cell's label, printed just past the ruling (身高 172厘米 | 血型), is no part of the value.
    const added = chosen.line.chars.at(-1)?.text;
    if (added !== undefined && nextLabelStarts(lines[index] as TextLine, reading).has(added)) return;
    lines[index] = joinTail(lines[index] as TextLine, tail, chosen.line);
    changed = true;
  });
  return changed;
}

/** How far past a line's end, in line heights, a label found on its row counts as the next cell's. */
const NEXT_LABEL_REACH = 3;

/**
 * The first characters of the labels found on a line's row that begin near its end (from half a line height before
 * it to {@link NEXT_LABEL_REACH} after): the next cell's label, as printed and as read.
 */
function nextLabelStarts(line: TextLine, reading: DocumentReading): Set<string> {
  const { frame } = reading;
  const box = frame.box(line.quad);
  const height = box.bottom - box.top;
  const starts = new Set<string>();
  for (const field of reading.fields.values()) {
    const label = field.label;
    if (label === undefined) continue;
    const at = frame.box(label.quad);
    if (
      !sameRow(at, box) ||
      at.left < box.right - height / 2 ||
      at.left > box.right + NEXT_LABEL_REACH * height
    )
      continue;
    const printed = Array.from(label.variant)[0];
    const read = label.line.chars[label.start]?.text;
    if (printed !== undefined) starts.add(printed);
    if (read !== undefined) starts.add(read);
  }
  return starts;
}

/** The end of a line read again: its last {@link TAIL} line heights, as a line of its own. */
interface Tail {
  /** Where the tail starts, as a fraction of the line's length. */
  from: number;
  /** Where the characters compared with the new reads start (the last {@link COMPARED} line heights). */
  compared: number;
  /** Those characters, extents as fractions of the tail, and the tail's quad. */
  line: TextLine;
}

/**
 * A line's last {@link TAIL} line heights: only the end is read again, so what the ruling removal does to the rest
 * of the line (a label's cell at its start) does not matter, and the crops are small. The reads are compared with
 * the first on the characters of the last {@link COMPARED} line heights only: the tail's first characters may be
 * cut by the crop.
 */
function tailOf(line: TextLine): Tail {
  const { width, height } = quadSize(line.quad);
  const from = Math.max(0, 1 - (TAIL * height) / Math.max(1, width));
  const compared = Math.max(0, 1 - (COMPARED * height) / Math.max(1, width));
  const scale = 1 - from;
  const chars = line.chars
    .filter((char) => (char.start + char.end) / 2 >= compared)
    .map((char) => ({ ...char, start: (char.start - from) / scale, end: (char.end - from) / scale }));
  const text = chars.map((char) => char.text).join("");
  const confidence = chars.reduce((sum, char) => sum + char.confidence, 0) / Math.max(1, chars.length);
  return { from, compared, line: { ...line, text, chars, confidence, quad: subQuad(line.quad, from, 1) } };
}

/** The line with its compared end replaced by the completed one (extents mapped back onto the whole line). */
function joinTail(line: TextLine, tail: Tail, completed: TextLine): TextLine {
  const scale = 1 - tail.from;
  const head = line.chars.filter((char) => (char.start + char.end) / 2 < tail.compared);
  const end = completed.chars.map((char) => ({
    ...char,
    start: tail.from + char.start * scale,
    end: tail.from + char.end * scale,
  }));
  const chars = [...head, ...end];
  const text = chars.map((char) => char.text).join("");
  const confidence = chars.reduce((sum, char) => sum + char.confidence, 0) / Math.max(1, chars.length);
  return { ...line, text, chars, confidence };
}

/** The index of the box that ends a value: the rightmost on its lowest row. */
function lastOf(boxes: readonly { index: number; box: PageBox }[]): number | undefined {
  if (boxes.length === 0) return undefined;
  const lowest = boxes.reduce((a, b) => (b.box.bottom > a.box.bottom ? b : a));
  const row = boxes.filter(({ box }) => sameRow(box, lowest.box));
  return row.reduce((a, b) => (b.box.right > a.box.right ? b : a)).index;
}

/** What a widened read adds at the value's end (one character across the ruling), if anything. */
function endReading(
  first: TextLine,
  read: TextLine | undefined,
  span: WidenedQuad,
  withoutRulings: boolean,
): EndReading | undefined {
  if (read === undefined) return undefined;
  const completed = betterWidenedRead(first, read, span, {
    minAdded: CANDIDATE_CONFIDENCE,
    confidenceSlack: CONFIDENCE_SLACK,
    acrossReach: ACROSS_REACH,
    oneAtEnd: withoutRulings,
  });
  const added = completed?.chars.at(-1);
  if (completed === undefined || added === undefined) return undefined;
  const line = { ...first, text: completed.text, chars: completed.chars, confidence: completed.confidence };
  return { text: completed.text, line, added: added.confidence, withoutRulings };
}

/**
 * The completion the reads agree on: two reads giving it, each surely and one very surely, while no read with the
 * rulings painted out gives another surely (one with the ruling in place may take its strokes for the character's:
 * 3 across a ruling reads 8); or one read with the rulings painted out giving it very surely, no other read adding
 * anything. A character half hidden by the ruling reads as several look-alikes (号 as 中), each unsurely: none is
 * added. A 1, which a ruling also reads as, is added only when every read with the rulings painted out adds it.
 */
function agreedEnd(reads: readonly EndReading[]): EndReading | undefined {
  for (const text of new Set(reads.map((read) => read.text))) {
    const giving = reads.filter((read) => read.text === text);
    const others = reads.filter((read) => read.text !== text);
    const best = giving.reduce((a, b) => (b.added > a.added ? b : a));
    if (best.added < VERY_SURE) continue;
    // A 1 added is ink of its own only when every read with the rulings painted out gives it (two at least).
    if (best.line.chars.at(-1)?.text === "1") {
      const clean = reads.filter((read) => read.withoutRulings);
      if (clean.length < 2 || clean.some((read) => read.text !== text)) continue;
    }
    const contradicted = others.some((other) => other.withoutRulings && other.added >= MIN_ADDED_CONFIDENCE);
    if (giving.length >= 2 && !contradicted && giving.every((read) => read.added >= MIN_ADDED_CONFIDENCE))
      return best;
    if (giving.length === 1 && others.length === 0 && best.withoutRulings) return best;
  }
  return undefined;
}
