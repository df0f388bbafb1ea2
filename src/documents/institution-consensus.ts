import type { RecognizedChar, TextLine } from "../types.ts";
import type { PageFrame } from "./shared/page-frame.ts";
import { lineChars } from "./shared/slice-text-line.ts";
import type { ValuePiece } from "./shared/value-pieces.ts";

/** The largest share of the longer name that may differ for two readings to be taken for one name. */
const MAX_DIFFERENCE_SHARE = 0.35;
/** What a name taken over from the other field keeps of its confidence. */
const COPIED_CONFIDENCE = 0.7;

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
    if (!/(院|中心)$/u.test(chars.map((char) => char.text).join(""))) return [[...first], [...second]];
    const copied = merged(from, chars, COPIED_CONFIDENCE);
    return a.length === 0 ? [copied ?? [...to], [...from]] : [[...from], copied ?? [...to]];
  }
  const alignment = align(a, b);
  const longer = Math.max(a.length, b.length);
  if (alignment.cost === 0 || alignment.cost > Math.max(2, longer * MAX_DIFFERENCE_SHARE)) {
    return [[...first], [...second]];
  }
  return [merged(first, alignment.chars, 1) ?? [...first], merged(second, alignment.chars, 1) ?? [...second]];
}

function charsInReadingOrder(pieces: readonly ValuePiece[], frame: PageFrame): RecognizedChar[] {
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

/** The field's pieces as one piece holding `chars`, over the box of its first piece (or of `fallback`'s). */
function merged(
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
