import type { DocumentReading } from "../documents/read-fields.ts";
import type { DocumentSpec, FieldSpec } from "../documents/shared/field-spec.ts";
import { normaliseValue } from "../documents/shared/normalise-value.ts";
import type { PageBox } from "../documents/shared/page-frame.ts";
import { lineChars } from "../documents/shared/slice-text-line.ts";
import type { RawImage } from "../image/raw-image.ts";
import { warpImage } from "../image/warp-image.ts";
import type { Point, Quad, RecognizedChar, TextLine } from "../types.ts";
import { readCropsAtOnce, withoutRulings } from "./box-digit-crops.ts";
import { normaliseContrast } from "./cell-mosaic.ts";
import { emptyCells } from "./find-text-in-empty-cells.ts";
import type { TextEngine } from "./text-engine.ts";

/** A character's size in the crops' pixels (the size `withoutRulings` paints rulings at). */
const PITCH_PX = 32;
/**
 * The bands cut across a cell: their centres' shifts from the label's line, and their half height, in character
 * sizes (a value printed off its line, the printer's misregistration, is still cut whole in one of them).
 */
const BAND_OFFSETS = [0, 0.5, -0.5];
const BAND_HALF = 0.85;
/** Kinds of short cells searched: a word of a vocabulary, a number. */
const SHORT_KINDS = new Set(["vocabulary", "number"]);
/** Least mean confidence, and least confidence of any character, of what is read. */
const MIN_CONFIDENCE = 0.85;
const MIN_CHAR_CONFIDENCE = 0.6;
/**
 * A vocabulary word read less surely counts when at least {@link AGREEING_CROPS} crops read it (and none another
 * value), each with this mean confidence and no character below the least one; corrected to its vocabulary by one
 * character at most (`中` for 中国). Such a value keeps {@link AGREED_FACTOR} more of its confidence.
 */
const AGREEING_CROPS = 2;
const MIN_AGREED_CONFIDENCE = 0.6;
const MIN_AGREED_CHAR_CONFIDENCE = 0.3;
const MIN_AGREED_CORRECTION = 0.8;
const AGREED_FACTOR = 0.8;
/** How much a pixel's colour (its channels' spread) takes from its darkness: coloured print is not the value's ink. */
const CHROMA_WEIGHT = 1.5;
/** What a value found this way keeps of its confidence: the page's own detection did not see it. */
const FOUND_FACTOR = 0.85;
const DIGIT = /[\d０-９]/u;

/**
 * The last look at short cells (性别, 国籍, 年龄 …) that the form always fills in and that are still empty, for a value
 * printed faint over the form's coloured guilloche: the values are printed in black or grey ink, the security
 * pattern in colour, so each cell is cut with only its grey ink kept (a pixel's darkness less its colour), once as
 * it is and once with its rulings painted out (an underline struck through the value), and all are read in one
 * recogniser call. A reading is kept only when it is a valid value of its kind (an entry of the vocabulary, a
 * number in range) read surely, or a vocabulary word read less surely by several crops, and no two crops read
 * different values. A blank form, or a page where most
 * such cells are empty, is not searched (see `emptyCells`). Changes `reading` in place.
 */
export async function readNeutralInk(
  image: RawImage,
  reading: DocumentReading,
  spec: DocumentSpec,
  engine: TextEngine,
  lines: readonly TextLine[] = [],
): Promise<void> {
  if (reading.blank || image.channels < 3) return;
  const cells = emptyCells(reading, spec, lines).filter((cell) => SHORT_KINDS.has(cell.field.kind));
  if (cells.length === 0) return;
  const { frame } = reading;
  const crops = cells.flatMap((cell) =>
    neutralCrops(image, cell.field, cell.box, cell.text, frame.toImage).map((crop) => ({ cell, crop })),
  );
  if (crops.length === 0) return;
  const read = await readCropsAtOnce(
    engine,
    crops.map(({ crop }) => crop),
  );
  const valueAt = (key: string): string => {
    const field = spec.fields.find((other) => other.key === key);
    const text = reading.fields.get(key)?.text ?? "";
    return field === undefined || text.trim() === "" ? "" : normaliseValue(text, field).value;
  };
  const labelChars = new Set(
    spec.fields.flatMap((field) => field.labels.flatMap((label) => Array.from(label))),
  );
  const found = new Map<(typeof cells)[number], Found[]>();
  crops.forEach(({ cell }, index) => {
    const line = read[index];
    if (line === undefined) return;
    for (const chars of valueChars(lineChars(line), cell.field, labelChars)) {
      const text = chars.map((char) => char.text).join("");
      const surely = sure(chars) ? validValue(text, cell.field, valueAt) : undefined;
      const value =
        surely ??
        (likely(chars, cell.field)
          ? validValue(text, cell.field, valueAt, MIN_AGREED_CORRECTION)
          : undefined);
      if (value === undefined) continue;
      found.set(cell, [...(found.get(cell) ?? []), { value, chars, sure: surely !== undefined }]);
      break;
    }
  });
  for (const [cell, readings] of found) {
    const before = reading.fields.get(cell.field.key);
    // Crops that read different values leave the cell in doubt: nothing is chosen.
    if (before === undefined || new Set(readings.map((one) => one.value)).size !== 1) continue;
    // Read surely in one crop, or less surely in several crops that agree (a word of a closed vocabulary only).
    const surely = readings.some((one) => one.sure);
    if (!surely && readings.length < AGREEING_CROPS) continue;
    const best = readings.reduce((a, b) => (mean(b.chars) > mean(a.chars) ? b : a));
    const text = surely ? best.chars.map((char) => char.text).join("") : best.value;
    reading.fields.set(cell.field.key, {
      ...before,
      text,
      pieceTexts: [text],
      chars: surely ? best.chars : [],
      quads: [boxQuad(cell.box, frame.toImage)],
      confidence: mean(best.chars) * FOUND_FACTOR * (surely ? 1 : AGREED_FACTOR),
    });
  }
}

/** A value read in one crop: as normalised, its characters, and whether they were read surely (see `sure`). */
interface Found {
  value: string;
  chars: RecognizedChar[];
  sure: boolean;
}

/**
 * A cell cut at {@link PITCH_PX} per character in bands along its label's line ({@link BAND_OFFSETS}), in the grey
 * of its neutral ink only (see {@link neutralGrey}): each as it is, and with its rulings painted out.
 */
function neutralCrops(
  image: RawImage,
  field: FieldSpec,
  box: PageBox,
  text: number,
  toImage: (point: Point) => Point,
): RawImage[] {
  // A number may be printed over its label's end: its cell starts over the label's last character.
  const left = field.kind === "number" ? box.left - text * 0.8 : box.left;
  const right = box.right;
  if (!(text > 0) || right - left < text) return [];
  const width = Math.max(8, Math.round(((right - left) * PITCH_PX) / text));
  const height = Math.round(2 * BAND_HALF * PITCH_PX);
  return BAND_OFFSETS.flatMap((offset) => {
    const top = box.centerY + (offset - BAND_HALF) * text;
    const bottom = box.centerY + (offset + BAND_HALF) * text;
    const grey = neutralGrey(warpImage(image, boxQuad({ left, top, right, bottom }, toImage), width, height));
    const cleaned = withoutRulings(grey);
    const stretched = normaliseContrast(grey);
    return cleaned === undefined ? [grey, stretched] : [grey, stretched, { ...grey, data: cleaned.grey }];
  });
}

/**
 * A colour crop in grey where only neutral ink is dark: each pixel's darkness (below its brightest channel) less
 * {@link CHROMA_WEIGHT} times its colour (its channels' spread). Black and grey print keeps its darkness; a green
 * or red pattern, however dark, comes out near white.
 */
export function neutralGrey(crop: RawImage): RawImage {
  const { width, height, channels, data } = crop;
  const out = new Uint8Array(width * height);
  for (let p = 0, q = 0; p < out.length; p++, q += channels) {
    const r = data[q] as number;
    const g = data[q + 1] as number;
    const b = data[q + 2] as number;
    const most = Math.max(r, g, b);
    const chroma = most - Math.min(r, g, b);
    out[p] = 255 - Math.max(0, Math.round(255 - most - CHROMA_WEIGHT * chroma));
  }
  return { width, height, channels: 1, data: out };
}

/**
 * The characters of a reading that may be the value, surest first: for a number, from its first digit to its last;
 * for a word, all of them, then without the characters of the form's labels read at either end (`籍中国`: the
 * label's end cut with the cell).
 */
function valueChars(
  chars: readonly RecognizedChar[],
  field: FieldSpec,
  labelChars: ReadonlySet<string>,
): RecognizedChar[][] {
  const trimmed = (keep: (text: string) => boolean) => {
    let start = 0;
    let end = chars.length;
    while (start < end && !keep(chars[start]?.text ?? "")) start++;
    while (end > start && !keep(chars[end - 1]?.text ?? "")) end--;
    return chars.slice(start, end);
  };
  if (field.kind === "number") return [trimmed((text) => DIGIT.test(text))];
  return [[...chars], trimmed((text) => !labelChars.has(text))];
}

/**
 * Whether a vocabulary word is read well enough to count when other crops read the same word: faint print read
 * through a guilloche (`中` 0.98 `国` 0.52) is seldom sure in any one crop, but a closed vocabulary and crops that
 * agree make up for it.
 */
function likely(chars: readonly RecognizedChar[], field: FieldSpec): boolean {
  return (
    field.kind === "vocabulary" &&
    chars.length > 0 &&
    mean(chars) >= MIN_AGREED_CONFIDENCE &&
    chars.every((char) => char.confidence >= MIN_AGREED_CHAR_CONFIDENCE)
  );
}

function sure(chars: readonly RecognizedChar[]): boolean {
  return (
    chars.length > 0 &&
    mean(chars) >= MIN_CONFIDENCE &&
    chars.every((char) => char.confidence >= MIN_CHAR_CONFIDENCE)
  );
}

/**
 * The value read, when it is a valid value of its field read as it is (an entry of its vocabulary, a number in
 * range), or, with `least` below 1, corrected to one with at least that confidence.
 */
function validValue(
  text: string,
  field: FieldSpec,
  valueAt: (key: string) => string,
  least = 1,
): string | undefined {
  if (text === "") return undefined;
  const normalised = normaliseValue(text, field);
  if (!normalised.valid || normalised.confidence < least || normalised.value === "") return undefined;
  if (field.kind === "number" && normalised.value !== text) return undefined;
  const [low, high] = field.range ?? [0, Number.POSITIVE_INFINITY];
  if (field.kind === "number" && (Number(text) < low || Number(text) > high)) return undefined;
  return (field.plausibleWith?.(normalised.value, valueAt) ?? true) ? normalised.value : undefined;
}

function mean(chars: readonly RecognizedChar[]): number {
  return chars.length === 0 ? 0 : chars.reduce((sum, char) => sum + char.confidence, 0) / chars.length;
}

function boxQuad(
  box: { left: number; top: number; right: number; bottom: number },
  toImage: (point: Point) => Point,
): Quad {
  return [
    toImage({ x: box.left, y: box.top }),
    toImage({ x: box.right, y: box.top }),
    toImage({ x: box.right, y: box.bottom }),
    toImage({ x: box.left, y: box.bottom }),
  ] as const satisfies Quad;
}
