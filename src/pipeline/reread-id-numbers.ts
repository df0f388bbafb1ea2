import { type BirthWindow, type idBirthWindows, inBirthWindow } from "../documents/id-birth-window.ts";
import type { DocumentReading, FieldReading } from "../documents/read-fields.ts";
import type { DocumentSpec, FieldSpec } from "../documents/shared/field-spec.ts";
import { normaliseValue } from "../documents/shared/normalise-value.ts";
import { redecodeIdNumber } from "../documents/shared/redecode-id-number.ts";
import { lineChars } from "../documents/shared/slice-text-line.ts";
import { type IdReading, voteIdNumber } from "../documents/shared/vote-id-number.ts";
import { quadSize } from "../geometry/quad.ts";
import type { RawImage } from "../image/raw-image.ts";
import { warpImage } from "../image/warp-image.ts";
import type { Quad, RecognizedChar } from "../types.ts";
import type { TextEngine } from "./text-engine.ts";

/** The recogniser's input height, px, and input pixels per output frame (one CTC step). */
const LINE_HEIGHT = 48;
const FRAME_WIDTH = 8;
/** Characters of an ID number. */
const ID_LENGTH = 18;
/**
 * Frames per character the number is read again at. A doubled digit needs a blank frame between its two halves, so
 * print narrower than about three frames a character (a condensed font in a tall box) loses one of every pair; the
 * two widths give two readings that fail differently.
 */
const FRAMES_PER_CHAR = [2.5, 3.5];
/** Stretches smaller than this are the reading already made; larger ones blur strokes to nothing. */
const MIN_STRETCH = 1.2;
const MAX_STRETCH = 3;
/** A reading this sure of a number valid as read is not read again. */
const SURE = 0.9;
/**
 * How likely a number whose birth date is outside what the page says (the card's 出生日期, the parent's age at the
 * birth) is, against one inside: low, but the other value may be the one misread.
 */
const OUTSIDE_WINDOW = 0.01;
/** What a number found only by re-decoding under the page's birth date keeps of the readings' confidence. */
const FROM_WINDOW = 0.7;

/** A crop to read: its field, which reading of the field it belongs to, and the quad's piece. */
interface Row {
  key: string;
  variant: number;
  crop: RawImage;
}

/**
 * Reads every ID number that is not read surely and valid as read again, stretched across so each character gets
 * enough of the recogniser's frames (a doubled digit of a condensed font merges into one when it does not: `500231`
 * read as `50231`), at two widths, and once more stretched from the picture before seal whitening. The readings
 * then vote ({@link voteIdNumber}), character by character with their alternatives, with what the page says of the
 * birth date (`windows`, see {@link idBirthWindows}) as a prior, and the numbers re-decoded within that window as
 * candidates too. The field keeps the reading whose own valid number won (or the number found in the window,
 * written as found and less sure), its confidence times the winner's share of the vote; or stays as read. A number
 * no reading makes valid is left alone. The crops are read in one call. Changes `reading` in place.
 */
export async function rereadIdNumbers(
  clean: RawImage,
  unsuppressed: RawImage,
  reading: DocumentReading,
  spec: DocumentSpec,
  engine: TextEngine,
  windows: ReadonlyMap<string, BirthWindow> = new Map(),
): Promise<void> {
  if (reading.blank) return;
  const fields = spec.fields.filter((field) =>
    needsRereading(field, reading.fields.get(field.key), windows.get(field.key)),
  );
  const rows: Row[] = [];
  for (const field of fields) {
    const read = reading.fields.get(field.key) as FieldReading;
    const naturalWidth = read.quads.reduce((sum, quad) => sum + naturalCropWidth(quad), 0);
    const stretches = FRAMES_PER_CHAR.map((frames) => (ID_LENGTH * frames * FRAME_WIDTH) / naturalWidth)
      .filter((stretch) => stretch >= MIN_STRETCH)
      .map((stretch) => Math.min(stretch, MAX_STRETCH));
    const first = stretches[0] ?? 1;
    const variants = [
      ...stretches.map((stretch) => ({ image: clean, stretch })),
      { image: unsuppressed, stretch: first },
    ];
    variants.forEach(({ image, stretch }, variant) => {
      for (const quad of read.quads) {
        const width = Math.max(FRAME_WIDTH, Math.round(naturalCropWidth(quad) * stretch));
        rows.push({ key: field.key, variant, crop: warpImage(image, quad, width, LINE_HEIGHT) });
      }
    });
  }
  if (rows.length === 0) return;
  const { image, quads } = stackRows(rows.map((row) => row.crop));
  const lines = await engine.recognize(image, quads);
  for (const field of fields) {
    const read = reading.fields.get(field.key) as FieldReading;
    const texts = new Map<number, string[]>();
    const chars = new Map<number, RecognizedChar[]>();
    rows.forEach((row, index) => {
      const line = lines[index];
      if (row.key !== field.key || line === undefined) return;
      texts.set(row.variant, [...(texts.get(row.variant) ?? []), line.text]);
      chars.set(row.variant, [...(chars.get(row.variant) ?? []), ...lineChars(line)]);
    });
    const again = [...texts.keys()].map((variant) => ({
      text: (texts.get(variant) ?? []).join(""),
      chars: chars.get(variant) ?? [],
    }));
    const candidates = [{ text: read.text, chars: read.chars }, ...again];
    const readings: IdReading[] = candidates.map((candidate) => ({
      chars: candidate.chars,
      value: validValue(candidate.text, field, candidate.chars),
    }));
    const window = windows.get(field.key);
    const fromWindow =
      window === undefined
        ? []
        : candidates.flatMap((candidate) => {
            const found = redecodeIdNumber(candidate.chars, window);
            return found === undefined ? [] : [found.value];
          });
    const voted = voteIdNumber(readings, {
      prior: window && ((value) => (inBirthWindow(value, window) ? 1 : OUTSIDE_WINDOW)),
      candidates: fromWindow,
    });
    if (voted === undefined || voted.reading === 0) continue;
    if (voted.reading < 0) {
      // Spelled by no reading as it stands: written as found, as sure as the surest reading, less the repair.
      const surest = Math.max(...candidates.map((candidate) => meanConfidence(candidate.chars)));
      const confidence = surest * FROM_WINDOW * voted.support;
      reading.fields.set(field.key, { ...read, ...spelled(voted.value, confidence) });
      continue;
    }
    const chosen = candidates[voted.reading];
    if (chosen === undefined) continue;
    reading.fields.set(field.key, {
      ...read,
      text: chosen.text,
      pieceTexts: [chosen.text],
      chars: chosen.chars,
      // Doubted as far as another candidate kept part of the vote.
      confidence: meanConfidence(chosen.chars) * voted.support,
    });
  }
}

function meanConfidence(chars: readonly RecognizedChar[]): number {
  return chars.reduce((sum, char) => sum + char.confidence, 0) / Math.max(1, chars.length);
}

/** A value's text and characters, each character as sure as the whole. */
function spelled(
  value: string,
  confidence: number,
): Pick<FieldReading, "text" | "pieceTexts" | "chars" | "confidence"> {
  const symbols = Array.from(value);
  const chars = symbols.map((symbol, index) => ({
    text: symbol,
    confidence,
    start: index / symbols.length,
    end: (index + 1) / symbols.length,
    alternatives: [{ text: symbol, probability: confidence }],
  }));
  return { text: value, pieceTexts: [value], chars, confidence };
}

/**
 * An ID number read, not struck through, and not already read surely as a valid number whose birth date is where
 * the page says.
 */
function needsRereading(field: FieldSpec, read: FieldReading | undefined, window?: BirthWindow): boolean {
  if (field.kind !== "id-number" || field.parts !== undefined) return false;
  if (read === undefined || read.quads.length === 0) return false;
  // A box read as nothing is read again too: squeezed enough, a number reads as no character at all.
  const text = read.text.replace(/\s+/gu, "");
  if (/^[/／]+$/u.test(text)) return false;
  if (text === "") return true;
  const normalised = normaliseValue(read.text, field, read.chars);
  const sure = normalised.valid && normalised.confidence >= 1 && read.confidence >= SURE;
  return !sure || (window !== undefined && !inBirthWindow(normalised.value, window));
}

function validValue(text: string, field: FieldSpec, chars: readonly RecognizedChar[]): string | undefined {
  const normalised = normaliseValue(text, field, chars);
  return normalised.valid && normalised.value !== "" ? normalised.value : undefined;
}

/** The width a quad is read at, at the recogniser's height, keeping its aspect. */
function naturalCropWidth(quad: Quad): number {
  const { width, height } = quadSize(quad);
  return height < 1 ? 0 : (LINE_HEIGHT * width) / height;
}

/** Crops stacked top to bottom on white, with the quad of each. */
function stackRows(crops: readonly RawImage[]): { image: RawImage; quads: Quad[] } {
  const channels = crops[0]?.channels ?? 3;
  const width = Math.max(1, ...crops.map((crop) => crop.width));
  const height = crops.reduce((sum, crop) => sum + crop.height, 0);
  const data = new Uint8Array(width * height * channels).fill(255);
  const quads: Quad[] = [];
  let top = 0;
  for (const crop of crops) {
    for (let y = 0; y < crop.height; y++) {
      const from = y * crop.width * crop.channels;
      const to = (top + y) * width * channels;
      if (crop.channels === channels) {
        data.set(crop.data.subarray(from, from + crop.width * channels), to);
        continue;
      }
      for (let x = 0; x < crop.width; x++) {
        for (let c = 0; c < channels; c++) {
          data[to + x * channels + c] =
            crop.data[from + x * crop.channels + Math.min(c, crop.channels - 1)] ?? 255;
        }
      }
    }
    quads.push([
      { x: 0, y: top },
      { x: crop.width, y: top },
      { x: crop.width, y: top + crop.height },
      { x: 0, y: top + crop.height },
    ]);
    top += crop.height;
  }
  return { image: { width, height, channels, data }, quads };
}
