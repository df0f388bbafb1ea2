import type { PageFrame } from "./shared/page-frame.ts";
import { lineChars, sliceTextLine } from "./shared/slice-text-line.ts";
import type { ValuePiece } from "./shared/value-pieces.ts";

/** How the name of a medical institution ends: 医院, 保健院, 卫生院, 服务中心. */
const NAME_END = /(院|中心)$/u;
const HAS_CHINESE = /[\u4e00-\u9fff]/u;

/**
 * The pieces of a medical institution's name (医疗机构名称, 签发机构) without what was read round it: pieces with no
 * Chinese character (an English caption's remnant `a`), and anything after the name's end — the hospital's seal
 * stamped over the 签发机构 cell leaves its caption `出生医学证明专用章` read in part (`生学证用专`, `#7`), and the
 * name on its ring read again in part.
 */
export function trimInstitution(pieces: readonly ValuePiece[], frame: PageFrame): ValuePiece[] {
  const kept: ValuePiece[] = [];
  for (const piece of inReadingOrder(withoutRepeats(pieces), frame)) {
    if (!HAS_CHINESE.test(piece.line.text)) continue;
    const symbols = lineChars(piece.line).map((char) => char.text);
    const end = symbols.lastIndexOf("院");
    const cut = end >= 0 && end < symbols.length - 1 ? sliceTextLine(piece.line, 0, end + 1) : undefined;
    kept.push(cut === undefined ? piece : { ...piece, line: cut });
    if (NAME_END.test((cut ?? piece.line).text.trim())) break;
  }
  return kept;
}

/**
 * The pieces without those whose whole text another, longer piece holds: the hospital's name read a second time in
 * part, from the ring of its seal stamped over the cell (`妇幼` beside `清水县妇幼保健院`), or under two overlapping
 * boxes. Joined, the repeat would be read into the name (`妇幼清水县妇幼保健院`).
 */
function withoutRepeats(pieces: readonly ValuePiece[]): ValuePiece[] {
  const texts = pieces.map((piece) => piece.line.text.replace(/\s+/gu, ""));
  return pieces.filter((_, index) => {
    const own = texts[index] as string;
    if (Array.from(own).length < 2) return true;
    return !texts.some((other, at) => at !== index && other.length > own.length && other.includes(own));
  });
}

/** Rows top to bottom, left to right within a row (boxes whose centres are within half a line height). */
export function inReadingOrder(pieces: readonly ValuePiece[], frame: PageFrame): ValuePiece[] {
  const boxed = pieces.map((piece) => ({ piece, box: frame.box(piece.line.quad) }));
  boxed.sort((a, b) => {
    const sameRow = Math.abs(a.box.centerY - b.box.centerY) < Math.min(a.box.height, b.box.height) * 0.5;
    return sameRow ? a.box.left - b.box.left : a.box.centerY - b.box.centerY;
  });
  return boxed.map(({ piece }) => piece);
}
