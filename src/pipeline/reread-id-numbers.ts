import { type BirthWindow, type idBirthWindows, inBirthWindow } from "../documents/id-birth-window.ts";
import type { DocumentReading, FieldReading } from "../documents/read-fields.ts";
import type { DocumentSpec, FieldSpec } from "../documents/shared/field-spec.ts";
import { normaliseValue } from "../documents/shared/normalise-value.ts";
import { redecodeIdNumber } from "../documents/shared/redecode-id-number.ts";
import { lineChars } from "../documents/shared/slice-text-line.ts";
import { type IdReading, voteIdNumber } from "../documents/shared/vote-id-number.ts";
import type { PageBox } from "../documents/shared/page-frame.ts";
import { type Bounds, boundsQuad, quadSize } from "../geometry/quad.ts";
import type { RawImage } from "../image/raw-image.ts";
import { warpImage } from "../image/warp-image.ts";
import type { Quad, RecognizedChar } from "../types.ts";
import { CELL_REACH, labelBox } from "./reread-empty-cells.ts";
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
/** What a number read from a cell the detector found nothing in keeps of its confidence. */
const FOUND_IN_CELL = 0.9;
/** How much wider and taller than the twin's value its moved copy is cut, in the value's heights, each way. */
const TWIN_MARGIN = 0.3;
/** Half the height of an empty cell cut for its number, in label heights. */
const CELL_HALF_HEIGHT = 0.8;
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
 * no reading makes valid is left alone. A number the detector found nothing of is looked for the same way where the
 * other parent's number lies, moved to its row, and right of its label. The crops are read in one call. Changes
 * `reading` in place.
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
  const emptied = findEmptyCells(reading, spec);
  /** The boxes each variant read, by field: one variant per way of cutting the cell (a box, or its pieces). */
  const cutsOf = (key: string): Quad[][] => {
    const read = reading.fields.get(key) as FieldReading;
    return emptied.get(key)?.cells ?? [read.quads];
  };
  const fields = spec.fields.filter((field) =>
    needsRereading(field, reading.fields.get(field.key), windows.get(field.key)),
  );
  const rows: Row[] = [];
  const variantQuads = new Map<string, Quad[][]>();
  for (const field of fields) {
    for (const cut of cutsOf(field.key)) addVariants(field.key, cut);
  }
  function addVariants(key: string, cut: Quad[]): void {
    const naturalWidth = cut.reduce((sum, quad) => sum + naturalCropWidth(quad), 0);
    const stretches = FRAMES_PER_CHAR.map((frames) => (ID_LENGTH * frames * FRAME_WIDTH) / naturalWidth)
      .filter((stretch) => stretch >= MIN_STRETCH)
      .map((stretch) => Math.min(stretch, MAX_STRETCH));
    const first = stretches[0] ?? 1;
    const variants = [
      ...stretches.map((stretch) => ({ image: clean, stretch })),
      { image: unsuppressed, stretch: first },
    ];
    const known = variantQuads.get(key) ?? [];
    variantQuads.set(key, known);
    for (const { image, stretch } of variants) {
      const variant = known.length;
      known.push(cut);
      for (const quad of cut) {
        const width = Math.max(FRAME_WIDTH, Math.round(naturalCropWidth(quad) * stretch));
        rows.push({ key, variant, crop: warpImage(image, quad, width, LINE_HEIGHT) });
      }
    }
  }
  // A cell given for the search and not filled is given back as it was.
  const restore = () => {
    for (const [key, { before }] of emptied)
      if (reading.fields.get(key)?.text.trim() === "") reading.fields.set(key, before);
  };
  if (rows.length === 0) return restore();
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
      quads: variantQuads.get(field.key)?.[variant] ?? read.quads,
    }));
    const candidates = [{ text: read.text, chars: read.chars, quads: read.quads }, ...again];
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
      quads: chosen.quads,
      text: chosen.text,
      pieceTexts: [chosen.text],
      chars: chosen.chars,
      // Doubted as far as another candidate kept part of the vote, and where the detector saw nothing.
      confidence: meanConfidence(chosen.chars) * voted.support * (emptied.has(field.key) ? FOUND_IN_CELL : 1),
    });
  }
  restore();
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
 * Gives an ID number the detector found nothing of its cell, right of its label (found, or placed from its twin's)
 * up to the next label on its row, a text line high: read stretched like any other, the cell keeps a value only when
 * a reading of it is a valid number. Changes `reading` in place; returns the fields given cells: as they were, and
 * the cells to read.
 */
function findEmptyCells(
  reading: DocumentReading,
  spec: DocumentSpec,
): Map<string, { before: FieldReading; cells: Quad[][] }> {
  const { frame } = reading;
  const found = new Map<string, { before: FieldReading; cells: Quad[][] }>();
  const labels = [...reading.fields.values()].flatMap((field) =>
    field.label && !field.label.english ? [{ key: field.key, box: frame.box(field.label.quad) }] : [],
  );
  for (const field of spec.fields) {
    const read = reading.fields.get(field.key);
    if (field.kind !== "id-number" || read === undefined) continue;
    if (read.text.trim() !== "" || read.quads.length > 0) continue;
    // Both where the twin's value lies and right of the label: either may be off (a passport number is short).
    const cells = [twinValueCell(spec, field, reading, labels), labelCell(spec, field, labels)].flatMap(
      (cell) => (cell === undefined ? [] : [[boundsQuad(cell).map(frame.toImage) as unknown as Quad]]),
    );
    if (cells.length === 0) continue;
    found.set(field.key, { before: read, cells });
    // The field holds a box while it is searched, so it is read again; given back if nothing valid is read.
    reading.fields.set(field.key, { ...read, quads: cells[0] ?? [] });
  }
  return found;
}

/** A field's cell right of its label (found, or placed from its row-mates' or its twin's), a text line high. */
function labelCell(
  spec: DocumentSpec,
  field: FieldSpec,
  labels: readonly { key: string; box: PageBox }[],
): Bounds | undefined {
  const twin = twinRow(spec, field, labels);
  const label =
    labelBox(spec, field, labels) ??
    (twin && {
      ...twin.box,
      top: twin.box.top + twin.shift,
      bottom: twin.box.bottom + twin.shift,
      centerY: twin.box.centerY + twin.shift,
    });
  if (label === undefined) return undefined;
  const height = label.height;
  const left = label.right + height * 0.15;
  const nextOnRow = labels
    .filter(({ box }) => Math.abs(box.centerY - label.centerY) < height * 0.6 && box.left > label.right)
    .map(({ box }) => box.left - height * 0.15);
  const right = Math.max(
    left + height,
    Math.min(left + height * (CELL_REACH[field.kind] ?? 14), ...nextOnRow),
  );
  return {
    left,
    right,
    top: label.centerY - height * CELL_HALF_HEIGHT,
    bottom: label.centerY + height * CELL_HALF_HEIGHT,
  };
}

/**
 * A twin's value moved to this field's row: the other parent's number, printed in the same column and font, spans
 * what this one does, a little wider each way for print off its place.
 */
function twinValueCell(
  spec: DocumentSpec,
  field: FieldSpec,
  reading: DocumentReading,
  labels: readonly { key: string; box: PageBox }[],
): Bounds | undefined {
  const twin = twinRow(spec, field, labels);
  const value = twin && reading.fields.get(twin.key);
  if (twin === undefined || value === undefined || value.quads.length === 0) return undefined;
  const points = value.quads.flatMap((quad) => quad.map(reading.frame.toPage));
  const xs = points.map((point) => point.x);
  const ys = points.map((point) => point.y);
  const height = Math.max(...ys) - Math.min(...ys);
  return {
    left: Math.min(...xs) - height * TWIN_MARGIN,
    right: Math.max(...xs) + height * TWIN_MARGIN,
    top: Math.min(...ys) + twin.shift - height * TWIN_MARGIN,
    bottom: Math.max(...ys) + twin.shift + height * TWIN_MARGIN,
  };
}

/**
 * A field's twin in a block printed twice (the mother's and the father's rows of a birth certificate) whose label
 * was found, and how far down (or up) this field's row lies from the twin's: the median of how far the blocks'
 * other twin labels found lie apart, for twins the same number of rows apart in the layout.
 */
function twinRow(
  spec: DocumentSpec,
  field: FieldSpec,
  labels: readonly { key: string; box: PageBox }[],
): { key: string; box: PageBox; shift: number } | undefined {
  const rowOf = (key: string) => spec.layout.findIndex((row) => row.includes(key));
  const boxOf = (key: string) => labels.find((label) => label.key === key)?.box;
  const twins = (of: FieldSpec) =>
    spec.fields.filter((other) => other.key !== of.key && other.labels[0] === of.labels[0]);
  for (const twin of twins(field)) {
    const twinBox = boxOf(twin.key);
    if (twinBox === undefined) continue;
    const rows = rowOf(field.key) - rowOf(twin.key);
    const shifts = spec.fields.flatMap((other) =>
      twins(other).flatMap((mate) => {
        const from = boxOf(other.key);
        const to = boxOf(mate.key);
        if (from === undefined || to === undefined || rowOf(mate.key) - rowOf(other.key) !== rows) return [];
        return [to.centerY - from.centerY];
      }),
    );
    if (shifts.length === 0) continue;
    const shift = [...shifts].sort((a, b) => a - b)[shifts.length >> 1] as number;
    return { key: twin.key, box: twinBox, shift };
  }
  return undefined;
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
