import type { PageFrame } from "./shared/page-frame.ts";
import type { ValuePiece } from "./shared/value-pieces.ts";

const HAN = /\p{Script=Han}/u;
const DIGIT = /[0-9０-９]/u;
/** Chinese characters a piece must hold to be taken for a text value rather than a number's misread end. */
const MIN_TEXT_HAN = 4;
/** The longest piece, in symbols, taken for the garbled label printed before the text value (住址 read 在鼎). */
const MAX_LABEL_SYMBOLS = 3;

/**
 * On a page printing a number and a free text on one row (户号 | 住址), gives to the text field the pieces the
 * number field took right of its number because the text's label was not read: a digits field holds no Chinese
 * words, so a run of Chinese characters after the number is the next cell's value. A short Chinese piece between the
 * number and that value is the unread label itself and is dropped. Does nothing when the text's label was found.
 *
 * @example
 * // 户号 635412322 在鼎 广东省清远市… with 住址 unread: householdNumber 635412322, address 广东省清远市…
 * valueAfterNumber("householdNumber", "address")(assigned, found, frame);
 */
export function valueAfterNumber(
  numberKey: string,
  textKey: string,
): (assigned: Map<string, ValuePiece[]>, found: ReadonlySet<string>, frame: PageFrame) => void {
  return (assigned, found, frame) => {
    if (found.has(textKey)) return;
    const pieces = assigned.get(numberKey);
    if (!pieces || pieces.length < 2) return;
    const boxed = pieces
      .map((piece) => ({ piece, box: frame.box(piece.line.quad), symbols: symbolsOf(piece) }))
      .sort((a, b) => a.box.left - b.box.left);
    const number = boxed.find(({ symbols }) => symbols.some((symbol) => DIGIT.test(symbol)));
    const isText = (symbols: string[]): boolean =>
      symbols.filter((symbol) => HAN.test(symbol)).length >= MIN_TEXT_HAN;
    const text = boxed.filter(
      (candidate) =>
        candidate !== number &&
        isText(candidate.symbols) &&
        (!number || candidate.box.left >= number.box.right),
    );
    const first = text[0];
    if (first === undefined) return;
    const labels = boxed.filter(
      (candidate) =>
        candidate !== number &&
        !text.includes(candidate) &&
        candidate.symbols.length <= MAX_LABEL_SYMBOLS &&
        candidate.symbols.every((symbol) => HAN.test(symbol)) &&
        (!number || candidate.box.left >= number.box.right) &&
        candidate.box.left < first.box.left,
    );
    const moved = new Set([...text, ...labels].map(({ piece }) => piece));
    assigned.set(
      numberKey,
      pieces.filter((piece) => !moved.has(piece)),
    );
    assigned.set(textKey, [...(assigned.get(textKey) ?? []), ...text.map(({ piece }) => piece)]);
  };
}

function symbolsOf(piece: ValuePiece): string[] {
  return Array.from(piece.line.text.replace(/\s+/gu, ""));
}
