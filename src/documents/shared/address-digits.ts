import type { RecognizedChar } from "../../types.ts";

/** What an address's numbers are followed or preceded by: digits, units of the building, a dash. */
const NUMBER_CONTEXT = /[0-9号楼栋幢门单元室组层座排巷弄户\-－]/u;
const ONE_LOOKALIKES = new Set(["I", "l", "|", "丨", "ı"]);
/** What a look-alike read as a digit keeps of its confidence. */
const FIXED_CONFIDENCE = 0.7;

/**
 * An address's characters with a Latin I or l (or a stroke) read between its numbers and their units taken for the
 * digit 1 (`12号楼I门894号` → `12号楼1门894号`): Chinese addresses number their buildings, doors and rooms in
 * digits, and these letters stand alone there only as misread ones. Characters elsewhere stay as read.
 *
 * @example
 * addressDigits(chars).map((char) => char.text).join(""); // "12号楼1门"
 */
export function addressDigits(chars: readonly RecognizedChar[]): RecognizedChar[] {
  return chars.map((char, index) => {
    if (!ONE_LOOKALIKES.has(char.text)) return char;
    const before = chars[index - 1]?.text ?? "";
    const after = chars[index + 1]?.text ?? "";
    if (!NUMBER_CONTEXT.test(before) || !NUMBER_CONTEXT.test(after)) return char;
    const confidence = Math.min(char.confidence, FIXED_CONFIDENCE);
    return { ...char, text: "1", confidence, alternatives: [{ text: "1", probability: confidence }] };
  });
}
