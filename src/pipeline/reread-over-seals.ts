import type { DocumentReading } from "../documents/read-fields.ts";
import type { DocumentSpec } from "../documents/shared/field-spec.ts";
import { normaliseValue } from "../documents/shared/normalise-value.ts";
import { lineChars } from "../documents/shared/slice-text-line.ts";
import type { RawImage } from "../image/raw-image.ts";
import type { TextEngine } from "./text-engine.ts";

/** Kinds strict enough that a reading is known to be wrong when it breaks their form. */
const STRICT_KINDS = new Set(["date", "birth-time", "id-number", "certificate-number"]);

/**
 * Reads again, from the picture as it was before red seals were whitened, the boxes of strictly formed values
 * (dates, ID numbers, the birth certificate's number) that were read as no valid value or only as a repaired one.
 * Print over a seal (签发日期 stamped over by the registry's seal) keeps its strokes where they cross red ink only
 * approximately once the seal is whitened, and the recogniser reads the untouched picture better there; print in
 * red ink itself (the certificate number) is whitened with the seals. The new reading is kept only when it makes a
 * valid value read more surely than the first. Changes `reading` in place.
 */
export async function rereadOverSeals(
  unsuppressed: RawImage,
  reading: DocumentReading,
  spec: DocumentSpec,
  engine: TextEngine,
): Promise<void> {
  if (reading.blank) return;
  for (const field of spec.fields) {
    const read = reading.fields.get(field.key);
    if (!STRICT_KINDS.has(field.kind) || field.parts !== undefined) continue;
    if (read === undefined || read.text.trim() === "" || read.quads.length === 0) continue;
    const before = normaliseValue(read.text, field, read.chars);
    if (before.valid && before.confidence >= 1) continue;
    const lines = await engine.recognize(unsuppressed, read.quads);
    const pieceTexts = lines.map((line) => line.text);
    const text = pieceTexts.join(" ");
    const chars = lines.flatMap((line) => lineChars(line));
    const after = normaliseValue(text, field, chars);
    if (!after.valid || (before.valid && after.confidence <= before.confidence)) continue;
    const confidence = chars.reduce((sum, char) => sum + char.confidence, 0) / Math.max(1, chars.length);
    reading.fields.set(field.key, { ...read, text, pieceTexts, chars, confidence });
  }
}
