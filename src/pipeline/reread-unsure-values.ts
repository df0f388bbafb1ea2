import type { DocumentReading } from "../documents/read-fields.ts";
import type { DocumentSpec } from "../documents/shared/field-spec.ts";
import { isNameCharacter, preferNameCharacter } from "../documents/shared/name-characters.ts";
import { lineChars } from "../documents/shared/slice-text-line.ts";
import { quadSize } from "../geometry/quad.ts";
import type { RawImage } from "../image/raw-image.ts";
import { warpImage } from "../image/warp-image.ts";
import type { CharAlternative, Quad, RecognizedChar, TextLine } from "../types.ts";
import { readCropsAtOnce } from "./box-digit-crops.ts";
import type { TextEngine } from "./text-engine.ts";

/** The height, px, a name's crops are cut at: the recogniser's line height. */
const CROP_HEIGHT = 48;
/** A character of a name read with less confidence than this, or one names seldom hold, has the name read again. */
const UNSURE = 0.85;
/** Renderings read per name, and the margin added round the detected box for some, in box heights. */
const RENDERINGS = 4;
const PADDING = 0.15;
/** Alternatives kept per character of the pooled reading. */
const KEPT_ALTERNATIVES = 5;
/** The values read again, by kind: the whole value's form, and what each of its characters may be. */
const FORMS: Partial<Record<string, { whole: RegExp; char: RegExp }>> = {
  name: { whole: /^[\u3400-\u4dbf\u4e00-\u9fff]{2,4}$/u, char: /^[\u3400-\u4dbf\u4e00-\u9fff]$/u },
};

/**
 * Values read unsurely, read again in a few renderings of their crop, and each character chosen by the readings
 * together: for now names, the values where that was measured to help. Names are often printed by dot-matrix
 * printers, in strokes of dots or dashes: a rare character (珺, 娟) printed so is read as a look-alike (罐, 姐) in
 * one crop and right in another. So each name with a character read under {@link UNSURE}, or one names seldom
 * hold, is cut again in grey: smoothed over 3×3 pixels (the dots run together into strokes), and with a margin
 * round its box as it is, smoothed and thickened (a 3×3 minimum). All crops of the page are read in one recogniser
 * call. The readings of the value's length and form are pooled with the first reading, character by character:
 * each candidate's probability averaged over the readings, the likeliest taken, the others kept as its
 * alternatives for the name priors applied later (see `normaliseValue`). Names of two to four Chinese characters
 * only; the fields in `skip` (name stamps, read otherwise) are left alone. Certificate numbers are not pooled so:
 * their smoothed and thickened digits broke as many numbers as they put right (3 and 3 over the two dev sets and a
 * fresh one). Changes `reading` in place.
 */
export async function rereadUnsureValues(
  image: RawImage,
  reading: DocumentReading,
  spec: DocumentSpec,
  engine: TextEngine,
  skip: ReadonlySet<string> = new Set(),
): Promise<void> {
  if (reading.blank) return;
  const names = spec.fields.flatMap((field) => {
    const read = reading.fields.get(field.key);
    const form = FORMS[field.kind];
    if (form === undefined || skip.has(field.key) || read === undefined || read.quads.length !== 1) return [];
    const chars = read.chars.filter((char) => char.text.trim() !== "");
    const text = chars.map((char) => char.text).join("");
    if (!form.whole.test(text) || text !== read.text.replace(/\s+/gu, "")) return [];
    const unsure = chars.some(
      (char, index) =>
        char.confidence < UNSURE || (field.kind === "name" && index > 0 && !isNameCharacter(char.text)),
    );
    return unsure ? [{ key: field.key, read, chars, form }] : [];
  });
  if (names.length === 0) return;
  const crops = names.map((name) => {
    const quad = name.read.quads[0] as Quad;
    const tight = greyCrop(image, quad);
    const padded = greyCrop(image, paddedQuad(quad, PADDING));
    return tight === undefined || padded === undefined ? undefined : { tight, padded };
  });
  const renderings = crops.flatMap((crop) =>
    crop === undefined
      ? []
      : [smoothed(crop.tight), crop.padded, smoothed(crop.padded), thickened(crop.padded)],
  );
  if (renderings.length === 0) return;
  const lines = await readCropsAtOnce(engine, renderings);
  let at = 0;
  names.forEach((name, index) => {
    if (crops[index] === undefined) return;
    const again = lines.slice(at, at + RENDERINGS);
    at += RENDERINGS;
    const pooled = keepNameCharacters(name.chars, pooledChars(name.chars, again, name.form.char));
    if (pooled === undefined) return;
    const text = pooled.map((char) => char.text).join("");
    reading.fields.set(name.key, {
      ...name.read,
      text,
      pieceTexts: [text],
      chars: pooled,
      confidence: pooled.reduce((sum, char) => sum + char.confidence, 0) / pooled.length,
    });
  });
}

/**
 * The characters of a value pooled over its first reading and the readings again of the same length whose
 * characters are all of the given `form`: each candidate's probability averaged over them all. Undefined when no
 * reading again has the value's length.
 */
export function pooledChars(
  first: readonly RecognizedChar[],
  again: readonly TextLine[],
  form: RegExp,
): RecognizedChar[] | undefined {
  const readings = again
    .map((line) => lineChars(line).filter((char) => char.text.trim() !== ""))
    .filter((chars) => chars.length === first.length && chars.every((char) => form.test(char.text)));
  if (readings.length === 0) return undefined;
  const all = [first, ...readings];
  return first.map((char, index) => {
    const sums = new Map<string, number>();
    for (const chars of all) {
      const read = chars[index] as RecognizedChar;
      for (const option of optionsOf(read))
        sums.set(option.text, (sums.get(option.text) ?? 0) + option.probability);
    }
    const ranked: CharAlternative[] = [...sums]
      .map(([text, sum]) => ({ text, probability: sum / all.length }))
      .sort((a, b) => b.probability - a.probability)
      .slice(0, KEPT_ALTERNATIVES);
    const best = ranked[0] as CharAlternative;
    return { ...char, text: best.text, confidence: best.probability, alternatives: ranked };
  });
}

/**
 * The pooled characters of a name, except that a given-name character the first reading makes one names hold (with
 * the name prior of `preferNameCharacter`: 焙 0.5 beside 煜 0.25 is 煜) is not replaced by one they seldom hold (焙
 * again, surer): the prior would prefer the first, so it stays, with its pooled probability, the others its
 * alternatives.
 */
export function keepNameCharacters(
  first: readonly RecognizedChar[],
  pooled: RecognizedChar[] | undefined,
): RecognizedChar[] | undefined {
  if (pooled === undefined) return undefined;
  return pooled.map((char, index) => {
    const read = preferNameCharacter(first[index] as RecognizedChar) ?? (first[index] as RecognizedChar);
    if (index === 0 || char.text === read.text || !isNameCharacter(read.text) || isNameCharacter(char.text))
      return char;
    const probability = char.alternatives.find((option) => option.text === read.text)?.probability ?? 0;
    return { ...char, text: read.text, confidence: probability };
  });
}

/** A character's readings with their probabilities, the chosen one included. */
function optionsOf(char: RecognizedChar): CharAlternative[] {
  if (char.alternatives.some((option) => option.text === char.text)) return char.alternatives;
  return [{ text: char.text, probability: char.confidence }, ...char.alternatives];
}

/** The quad widened on every side by `fraction` of its height, along its own edges. */
export function paddedQuad(quad: Quad, fraction: number): Quad {
  const [tl, tr, br, bl] = quad;
  const { height } = quadSize(quad);
  const unit = (from: { x: number; y: number }, to: { x: number; y: number }) => {
    const length = Math.hypot(to.x - from.x, to.y - from.y) || 1;
    return { x: (to.x - from.x) / length, y: (to.y - from.y) / length };
  };
  const along = unit(tl, tr);
  const down = unit(tl, bl);
  const pad = height * fraction;
  const move = (point: { x: number; y: number }, sx: number, sy: number) => ({
    x: point.x + pad * (sx * along.x + sy * down.x),
    y: point.y + pad * (sx * along.y + sy * down.y),
  });
  return [move(tl, -1, -1), move(tr, 1, -1), move(br, 1, 1), move(bl, -1, 1)];
}

/** The quad's crop at the recogniser's height, in grey (the mean of its channels). */
function greyCrop(image: RawImage, quad: Quad): RawImage | undefined {
  const { width, height } = quadSize(quad);
  if (!(width >= 1 && height >= 1)) return undefined;
  const cropWidth = Math.max(CROP_HEIGHT, Math.round((width * CROP_HEIGHT) / height));
  const crop = warpImage(image, quad, cropWidth, CROP_HEIGHT);
  if (crop.channels === 1) return crop;
  const data = new Uint8Array(crop.width * crop.height);
  const colours = Math.min(3, crop.channels);
  for (let p = 0, q = 0; p < data.length; p++, q += crop.channels) {
    let sum = 0;
    for (let c = 0; c < colours; c++) sum += crop.data[q + c] as number;
    data[p] = Math.round(sum / colours);
  }
  return { width: crop.width, height: crop.height, channels: 1, data };
}

/** A grey crop averaged over 3×3 pixels: print of dots or dashes runs together into strokes. */
export function smoothed(crop: RawImage): RawImage {
  return filtered3x3(crop, (values) =>
    Math.round(values.reduce((sum, value) => sum + value, 0) / values.length),
  );
}

/** A grey crop with each pixel the darkest of its 3×3 neighbours: thin or broken strokes thickened. */
export function thickened(crop: RawImage): RawImage {
  return filtered3x3(crop, (values) => Math.min(...values));
}

function filtered3x3(crop: RawImage, pick: (values: number[]) => number): RawImage {
  const { width, height, data } = crop;
  const out = new Uint8Array(width * height);
  const values: number[] = [];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      values.length = 0;
      for (let dy = -1; dy <= 1; dy++) {
        const row = Math.min(height - 1, Math.max(0, y + dy)) * width;
        for (let dx = -1; dx <= 1; dx++)
          values.push(data[row + Math.min(width - 1, Math.max(0, x + dx))] as number);
      }
      out[y * width + x] = pick(values);
    }
  }
  return { width, height, channels: 1, data: out };
}
