import type { FieldReading } from "../documents/read-fields.ts";
import { isCommonSurname, isCompoundSurname } from "../documents/shared/surnames.ts";

/**
 * The most a stamped name that does not begin with a common or compound surname is trusted. The surname list covers
 * well over 99% of people, so such a name is far likelier a misread seal (股建伟 for 殷建伟) than a rare surname.
 */
export const NO_SURNAME_CEILING = 0.4;

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff]/gu;

/**
 * What a stamped field's reading (承办人签章: the officer's name seal, or a signature) is worth as a name. One
 * Chinese character is never a whole name: it is what survived of a seal the stamp reader could not read (a seal's
 * glyph, or its red ink whitened to one stroke), so the answer is empty, and unsure (its boxes stay: ink stood
 * there). A name of two or more characters whose first is no surname keeps its text at a confidence of at most
 * {@link NO_SURNAME_CEILING}. Anything else is returned as it is.
 *
 * @example
 * doubtStampedName({ ...field, text: "娟", confidence: 0.98 }); // text "", confidence 0
 * doubtStampedName({ ...field, text: "股建伟", confidence: 0.97 }); // text kept, confidence 0.4
 */
export function doubtStampedName(field: FieldReading): FieldReading {
  const han = field.text.match(HAN) ?? [];
  if (han.length === 0) return field;
  if (han.length === 1) return { ...field, text: "", pieceTexts: [""], chars: [], confidence: 0 };
  if (isCommonSurname(han[0] ?? "") || isCompoundSurname(han.map((text) => ({ text })))) return field;
  return { ...field, confidence: Math.min(field.confidence, NO_SURNAME_CEILING) };
}
