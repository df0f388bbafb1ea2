import type { FieldSpec } from "./field-spec.ts";

/** Latin letters, spaces and the punctuation printed around captions: `省 Province`, `县(区) County`. */
const CAPTION_NOISE = /[\sA-Za-z'’().,/:：（）。、-]/gu;

/**
 * Whether a piece read near a boxed value is only the form's own print round the boxes, never part of the value:
 * a preprinted unit (`周`, `克`, `厘米`) or the caption under a box with its English (`省 Province`, `市City`,
 * `县(区) County`, read in part as `省Provi` or a lone `P`). Only fields that declare parts or units have such
 * print; a piece with a digit in it is always a value.
 *
 * @example
 * isBoxCaption("省Provi", birthPlace); // true
 * isBoxCaption("广东省", birthPlace); // false
 */
export function isBoxCaption(text: string, field: FieldSpec): boolean {
  const words = [...(field.parts ?? []), ...(field.units ?? [])]
    .map((word) => word.replace(CAPTION_NOISE, ""))
    .filter((word) => word !== "")
    .sort((a, b) => b.length - a.length);
  if (words.length === 0 || /\d/u.test(text)) return false;
  let rest = text.replace(CAPTION_NOISE, "");
  for (const word of words) rest = rest.split(word).join("");
  return rest === "";
}
