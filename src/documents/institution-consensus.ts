import type { RecognizedChar, TextLine } from "../types.ts";
import type { PageFrame } from "./shared/page-frame.ts";
import { lineChars } from "./shared/slice-text-line.ts";
import type { ValuePiece } from "./shared/value-pieces.ts";

/** The largest share of the longer name that may differ for two readings to be taken for one name. */
const MAX_DIFFERENCE_SHARE = 0.35;
/** What a name taken over from the other field keeps of its confidence. */
const COPIED_CONFIDENCE = 0.7;
/** How an institution's name ends: 医院, 保健院, 卫生院, 服务中心. */
const NAME_END = /(院|中心)$/u;

/**
 * The medical institution (医疗机构名称) and the issuing authority (签发机构) are the same hospital on almost every
 * certificate: read twice, the name can be read better than once. Where the two readings differ by a few characters,
 * they are taken for one name and merged character by character — the surer of two different characters (the
 * other kept among its alternatives, for the place fixed after), and a
 * character one reading lost kept from the other. Where one field was not read at all and the other ends like an
 * institution's name, the name is taken over, with lower confidence. Names that differ more are two institutions
 * and are left as read.
 */
export function institutionConsensus(
  first: readonly ValuePiece[],
  second: readonly ValuePiece[],
  frame: PageFrame,
): [ValuePiece[], ValuePiece[]] {
  const a = charsInReadingOrder(first, frame);
  const b = charsInReadingOrder(second, frame);
  if (a.length === 0 && b.length === 0) return [[...first], [...second]];
  if (a.length === 0 || b.length === 0) {
    const [from, to] = a.length === 0 ? [second, first] : [first, second];
    const chars = a.length === 0 ? b : a;
    if (!NAME_END.test(chars.map((char) => char.text).join(""))) return [[...first], [...second]];
    const copied = merged(from, chars, COPIED_CONFIDENCE);
    return a.length === 0 ? [copied ?? [...to], [...from]] : [[...from], copied ?? [...to]];
  }
  const alignment = align(a, b);
  const longer = Math.max(a.length, b.length);
  if (alignment.cost === 0) return [[...first], [...second]];
  if (alignment.cost > Math.max(2, longer * MAX_DIFFERENCE_SHARE)) {
    // One reading may be the other's part, its start or end lost (`民医院` beside `宁江区人民医院`).
    const [short, long] = a.length <= b.length ? [a, b] : [b, a];
    const within = alignWithin(short, long);
    if (within === undefined) return [[...first], [...second]];
    const whole = [...within.head, ...within.chars, ...within.tail];
    const copied = (chars: readonly RecognizedChar[]) =>
      chars.map((char) => ({ ...char, confidence: char.confidence * COPIED_CONFIDENCE }));
    const part = [...copied(within.head), ...within.chars, ...copied(within.tail)];
    const [forFirst, forSecond] = short === a ? [part, whole] : [whole, part];
    return [merged(first, forFirst, 1) ?? [...first], merged(second, forSecond, 1) ?? [...second]];
  }
  return [merged(first, alignment.chars, 1) ?? [...first], merged(second, alignment.chars, 1) ?? [...second]];
}

/** A part of a name read alone is taken for the other reading's part when it is at least this long... */
const MIN_PART_LENGTH = 3;
/** ... and differs from it by at most one edit, or this share of its length if more (`丽自治州中小医院`: 2 of 8). */
const MAX_PART_SHARE = 0.25;

/**
 * Where the shorter reading lies within the longer one, its start or end lost (`民医院` in `宁江区人民医院`,
 * `力保健院` in `无锡市妇动保健院`), at most one edit from that part or {@link MAX_PART_SHARE} of its length: the longer's characters
 * before and after it, and the part merged character by character. Undefined unless the shorter reading is at least
 * {@link MIN_PART_LENGTH} long, the longer ends like an institution's name, and something of it was lost.
 */
function alignWithin(
  short: readonly RecognizedChar[],
  long: readonly RecognizedChar[],
): { head: RecognizedChar[]; chars: RecognizedChar[]; tail: RecognizedChar[] } | undefined {
  if (short.length < MIN_PART_LENGTH || !NAME_END.test(long.map((char) => char.text).join("")))
    return undefined;
  // Edit costs with the longer reading's start and end free: row i, column j is short[0, i) against long[?, j).
  const cost: number[][] = Array.from({ length: short.length + 1 }, (_, i) =>
    Array.from({ length: long.length + 1 }, () => i),
  );
  for (let i = 1; i <= short.length; i++) {
    for (let j = 1; j <= long.length; j++) {
      const same = short[i - 1]?.text === long[j - 1]?.text ? 0 : 1;
      const row = cost[i] as number[];
      const above = cost[i - 1] as number[];
      row[j] = Math.min((above[j - 1] ?? 0) + same, (above[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1);
    }
  }
  const last = cost[short.length] as number[];
  let end = long.length;
  for (let j = long.length; j >= 0; j--) if ((last[j] ?? 0) < (last[end] ?? 0)) end = j;
  if ((last[end] ?? 0) > Math.max(1, Math.floor(short.length * MAX_PART_SHARE))) return undefined;
  let i = short.length;
  let j = end;
  while (i > 0) {
    const here = cost[i]?.[j] ?? 0;
    const same = j > 0 && short[i - 1]?.text === long[j - 1]?.text ? 0 : 1;
    if (j > 0 && here === (cost[i - 1]?.[j - 1] ?? 0) + same) {
      i--;
      j--;
    } else if (here === (cost[i - 1]?.[j] ?? 0) + 1) i--;
    else j--;
  }
  const start = j;
  if (start === 0 && end === long.length) return undefined;
  const { chars } = align(short, long.slice(start, end));
  return { head: long.slice(0, start), chars, tail: long.slice(end) };
}

/** The characters of a field's pieces, rows top to bottom and left to right, blanks left out. */
export function charsInReadingOrder(pieces: readonly ValuePiece[], frame: PageFrame): RecognizedChar[] {
  const boxed = pieces.map((piece) => ({ piece, box: frame.box(piece.line.quad) }));
  boxed.sort((x, y) => {
    const sameRow = Math.abs(x.box.centerY - y.box.centerY) < Math.min(x.box.height, y.box.height) * 0.5;
    return sameRow ? x.box.left - y.box.left : x.box.centerY - y.box.centerY;
  });
  return boxed.flatMap(({ piece }) => lineChars(piece.line)).filter((char) => char.text.trim() !== "");
}

/** The edit alignment of two readings, and the merged characters it gives. */
function align(
  a: readonly RecognizedChar[],
  b: readonly RecognizedChar[],
): { cost: number; chars: RecognizedChar[] } {
  const rows = a.length + 1;
  const columns = b.length + 1;
  const cost: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: columns }, (__, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < columns; j++) {
      const same = a[i - 1]?.text === b[j - 1]?.text ? 0 : 1;
      const row = cost[i] as number[];
      const above = cost[i - 1] as number[];
      row[j] = Math.min((above[j - 1] ?? 0) + same, (above[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1);
    }
  }
  const chars: RecognizedChar[] = [];
  let i = a.length;
  let j = b.length;
  while (i > 0 || j > 0) {
    const here = cost[i]?.[j] ?? 0;
    const left = a[i - 1];
    const right = b[j - 1];
    if (
      i > 0 &&
      j > 0 &&
      left &&
      right &&
      here === (cost[i - 1]?.[j - 1] ?? 0) + (left.text === right.text ? 0 : 1)
    ) {
      chars.unshift(left.text === right.text ? surer(left, right) : withOther(left, right));
      i--;
      j--;
    } else if (i > 0 && left && here === (cost[i - 1]?.[j] ?? 0) + 1) {
      chars.unshift(left);
      i--;
    } else if (right) {
      chars.unshift(right);
      j--;
    } else break;
  }
  return { cost: cost[a.length]?.[b.length] ?? 0, chars };
}

function surer(left: RecognizedChar, right: RecognizedChar): RecognizedChar {
  return left.confidence >= right.confidence ? left : right;
}

/** The surer of two different readings of one character, with the other among its alternatives. */
function withOther(left: RecognizedChar, right: RecognizedChar): RecognizedChar {
  const [chosen, other] = left.confidence >= right.confidence ? [left, right] : [right, left];
  const alternatives = chosen.alternatives.filter((alternative) => alternative.text !== other.text);
  return {
    ...chosen,
    alternatives: [...alternatives, { text: other.text, probability: other.confidence }].sort(
      (a, b) => b.probability - a.probability,
    ),
  };
}

/** The field's pieces as one piece holding `chars` (confidences times `factor`), over the box of its first piece. */
export function merged(
  pieces: readonly ValuePiece[],
  chars: readonly RecognizedChar[],
  factor: number,
): ValuePiece[] | undefined {
  const first = pieces[0];
  if (first === undefined || chars.length === 0) return undefined;
  const count = chars.length;
  const spread = chars.map((char, index) => ({
    ...char,
    confidence: char.confidence * factor,
    start: index / count,
    end: (index + 1) / count,
  }));
  const line: TextLine = {
    text: spread.map((char) => char.text).join(""),
    confidence: spread.reduce((sum, char) => sum + char.confidence, 0) / count,
    quad: first.line.quad,
    detectionScore: first.line.detectionScore,
    chars: spread,
  };
  return [{ line, lineIndex: first.lineIndex }];
}
