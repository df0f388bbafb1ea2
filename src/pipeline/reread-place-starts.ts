import type { DocumentReading } from "../documents/read-fields.ts";
import { provinceBefore } from "../documents/shared/divisions.ts";
import type { DocumentSpec } from "../documents/shared/field-spec.ts";
import { lineChars } from "../documents/shared/slice-text-line.ts";
import { quadSize, subQuad } from "../geometry/quad.ts";
import type { RawImage } from "../image/raw-image.ts";
import type { Quad, RecognizedChar } from "../types.ts";
import type { TextEngine } from "./text-engine.ts";

/** The fields whose value begins with a place named from its province down (not boxed as 出生地点 is). */
const PLACE_KEYS: ReadonlySet<string> = new Set([
  "address",
  "otherResidence",
  "birthPlace",
  "nativePlace",
  "motherAddress",
  "fatherAddress",
]);
/** How many of the value's first characters the wider reading must find after the province. */
const SAME_START = 6;
/** How many of those may be read otherwise there. */
const MAX_START_MISREAD = 2;
/** How many of the province's characters the wider reading must read as printed. */
const MIN_PROVINCE_SAME = 2;
/** What a province's character read otherwise keeps of its confidence. */
const PUT_IN_CONFIDENCE = 0.6;
/** How many character pitches beyond the province's own length the crop reaches further left. */
const EXTRA_PITCHES = 1;

/**
 * Reads again, widened to the left by the length of a province's name, a place value that begins with a city or a
 * municipality's district but names no province before it (`德州市夏津县…`): a faint or glared province is often left
 * out of the detected box. The divisions say which province it must be (see `provinceBefore`); where the wider crop
 * reads the value's start and, before it, that province in part (see {@link provinceRead}: `山东雪` for 山东省, `华省`
 * for 四川省), the value gets the province, its characters read otherwise trusted at most {@link PUT_IN_CONFIDENCE}.
 * Otherwise nothing changes: a province is never put in from the divisions alone (an address may be printed
 * without it, and then the crop reads the label or nothing there). One recognizer call per page, only for such
 * values. Changes `reading` in place.
 */
export async function rereadPlaceStarts(
  image: RawImage,
  reading: DocumentReading,
  spec: DocumentSpec,
  engine: TextEngine,
): Promise<void> {
  if (reading.blank) return;
  const candidates = spec.fields.flatMap((field) => {
    if (!PLACE_KEYS.has(field.key) || field.parts !== undefined) return [];
    const read = reading.fields.get(field.key);
    const quad = read?.quads[0];
    if (read === undefined || quad === undefined) return [];
    const province = provinceBefore(read.text.replace(/\s+/gu, ""));
    const { width, height } = quadSize(quad);
    if (province === undefined || width <= 0) return [];
    const reach = ((Array.from(province).length + EXTRA_PITCHES) * height) / width;
    return [{ key: field.key, read, province: Array.from(province), quad: subQuad(quad, -reach, 1) }];
  });
  if (candidates.length === 0) return;
  const lines = await engine.recognize(
    image,
    candidates.map(({ quad }) => quad),
  );
  candidates.forEach(({ key, read, province, quad }, index) => {
    const line = lines[index];
    if (line === undefined) return;
    const found = provinceRead(lineChars(line), Array.from(read.text.replace(/\s+/gu, "")), province);
    if (found === undefined) return;
    const [firstText = "", ...otherTexts] = read.pieceTexts;
    const [firstQuad = quad, ...otherQuads] = read.quads;
    const from = subQuad(quad, found.start, 1);
    const merged: Quad = [from[0], firstQuad[1], firstQuad[2], from[3]];
    const all = [...found.chars, ...read.chars];
    const added = province.join("");
    reading.fields.set(key, {
      ...read,
      text: added + read.text,
      pieceTexts: [added + firstText, ...otherTexts],
      chars: all,
      quads: [merged, ...otherQuads],
      confidence: all.reduce((sum, char) => sum + char.confidence, 0) / all.length,
    });
  });
}

/**
 * The province's characters as the wider reading holds them before the value's start, or `undefined`: the value's
 * first {@link SAME_START} characters found there with at most {@link MAX_START_MISREAD} of them read otherwise, and
 * before them the province's length of characters holding {@link MIN_PROVINCE_SAME} of its own in place, or its
 * last (省, 市, 区: a province ends there) and one more character at all. Characters read otherwise are the
 * province's, with at most {@link PUT_IN_CONFIDENCE}; `start` is where the first begins in the wider crop.
 */
function provinceRead(
  chars: readonly RecognizedChar[],
  value: readonly string[],
  province: readonly string[],
): { chars: RecognizedChar[]; start: number } | undefined {
  const width = Math.min(SAME_START, value.length);
  let best: { at: number; misread: number } | undefined;
  for (let at = 1; at + width <= chars.length; at++) {
    let misread = 0;
    for (let k = 0; k < width; k++) if (chars[at + k]?.text !== value[k]) misread++;
    if (best === undefined || misread < best.misread) best = { at, misread };
  }
  if (best === undefined || best.misread > MAX_START_MISREAD) return undefined;
  const before = chars.slice(Math.max(0, best.at - province.length), best.at);
  if (before.length === 0) return undefined;
  const offset = province.length - before.length;
  const same = before.filter((char, k) => char.text === province[offset + k]).length;
  const endsRight = before[before.length - 1]?.text === province[province.length - 1];
  if (same < MIN_PROVINCE_SAME && !(endsRight && before.length >= 2)) return undefined;
  const put = province.map((text, k) => {
    const char = before[k - offset];
    if (char !== undefined && char.text === text) return char;
    const confidence = Math.min(char?.confidence ?? PUT_IN_CONFIDENCE, PUT_IN_CONFIDENCE);
    const near = char ?? (before[0] as RecognizedChar);
    return {
      text,
      confidence,
      start: near.start,
      end: near.end,
      alternatives: [{ text, probability: confidence }],
    };
  });
  return { chars: put, start: (before[0] as RecognizedChar).start };
}
