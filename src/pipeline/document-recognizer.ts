import { DOCUMENT_SPECS } from "../documents/document-specs.ts";
import { idBirthWindows } from "../documents/id-birth-window.ts";
import { type DocumentReading, readFields } from "../documents/read-fields.ts";
import type { DocumentSpec } from "../documents/shared/field-spec.ts";
import { RecognitionError } from "../errors.ts";
import { boundsIoU, quadBounds, quadSize } from "../geometry/quad.ts";
import { decodeImage } from "../image/decode-image.ts";
import type { RawImage } from "../image/raw-image.ts";
import {
  likelyReadingDirection,
  readInReadingDirection,
} from "../stages/orientation/read-in-reading-direction.ts";
import { orderForDirection } from "../stages/orientation/reading-direction.ts";
import { suppressSeals } from "../stages/seal/suppress-seals.ts";
import type { DocumentType, Quad, RecognitionResult, TextLine } from "../types.ts";
import { assembleFields } from "./assemble-fields.ts";
import { captionBoxes } from "./caption-boxes.ts";
import { documentGeometry } from "./document-geometry.ts";
import { completeValueEnds } from "./complete-value-ends.ts";
import { extendValueLines } from "./extend-value-lines.ts";
import { findTextInEmptyCells } from "./find-text-in-empty-cells.ts";
import { noteInkedEmptyCells } from "./inked-empty-cells.ts";
import { matchesDocumentType } from "./match-document-type.ts";
import { readDatesByUnits } from "./read-dates-by-units.ts";
import { readNeutralInk } from "./read-neutral-ink.ts";
import { readNameStamp } from "./read-name-stamp.ts";
import { doubtStampedName } from "./stamped-name-doubt.ts";
import { rereadDateBoxes } from "./reread-date-boxes.ts";
import { rereadEmptyCells } from "./reread-empty-cells.ts";
import { rereadIdNumbers } from "./reread-id-numbers.ts";
import { rereadLeadingGaps } from "./reread-leading-gaps.ts";
import { rereadPlaceStarts } from "./reread-place-starts.ts";
import { rereadOverLabelEnds } from "./reread-over-label-ends.ts";
import { rereadOverSeals } from "./reread-over-seals.ts";
import { rereadUnderNextPrint } from "./reread-under-next-print.ts";
import { rereadUnsureValues } from "./reread-unsure-values.ts";
import { fillStruckCells } from "./struck-through-cells.ts";
import type { TextEngine } from "./text-engine.ts";
import { valueLineIndices } from "./value-lines.ts";
import { workingCopy } from "./working-copy.ts";

/** Milliseconds per stage of one recognition. */
export interface PipelineTimings {
  decode: number;
  prepare: number;
  detect: number;
  /** The reading direction is decided while the page is read: its cost is part of `recognize`, and this is 0. */
  orient: number;
  recognize: number;
  fields: number;
  total: number;
}

/**
 * Reads one document from image bytes into the Alibaba-shaped result: decode, work on a bounded copy with the red
 * seals whitened, detect the text, decide which way it reads, read every line, fit the lines to the document's
 * labels, and assemble values, confidences and positions in original pixels.
 */
export class DocumentRecognizer {
  readonly #engine: TextEngine;

  constructor(engine: TextEngine) {
    this.#engine = engine;
  }

  async recognize(bytes: Uint8Array, type: DocumentType): Promise<RecognitionResult> {
    return (await this.recognizeTimed(bytes, type)).result;
  }

  async recognizeTimed(
    bytes: Uint8Array,
    type: DocumentType,
  ): Promise<{ result: RecognitionResult; timings: PipelineTimings }> {
    const clock = stopwatch();
    const original = await decodeImage(bytes);
    const decode = clock.lap();
    const { image: work, scale } = await workingCopy(original);
    const clean = suppressSeals(work).image;
    const prepare = clock.lap();
    const spec = DOCUMENT_SPECS[type];
    let lines = await this.#readLines(clean, clock, spec);
    let reading = readFields(lines.lines, spec);
    if (reading.labelsFound < expectedLabels(spec) * RETRY_BELOW_LABEL_SHARE) {
      // Faint print (a grey copy, a dim photo) is found more often at a larger size: read again, keep the better.
      const again = await this.#readAgain(clean, clock, lines, spec);
      const second = readFields(again.lines, spec);
      if (second.labelsFound > reading.labelsFound) {
        again.timings.detect += lines.timings.detect;
        again.timings.orient += lines.timings.orient;
        again.timings.recognize += lines.timings.recognize;
        lines = again;
        reading = second;
      }
    }
    if (!matchesDocumentType(lines.lines, type, reading.labelsFound)) {
      throw new RecognitionError(
        "unmatchedImageType",
        `The image does not look like a ${DESCRIPTIONS[type]}: ${reading.labelsFound} of its printed labels were found.`,
      );
    }
    reading = await this.#completeValuesAtRulings(clean, lines, reading, spec);
    // A free-text value or a name whose detection stopped short of its ink is read again as one line.
    if (await extendValueLines(clean, lines.lines, reading, spec, this.#engine, new Set(STAMPED_KEYS)))
      reading = readFields(lines.lines, spec);
    // A free-text value's last character printed across the ruling at its end is read in a few crops past it.
    if (await completeValueEnds(clean, lines.lines, reading, spec, this.#engine))
      reading = readFields(lines.lines, spec);
    // A number printed over its label's end lost its first digit to the label's character: read it again.
    await rereadOverLabelEnds(clean, lines.lines, reading, spec, this.#engine);
    // A value's last character printed over its unit or the next cell's label was read as part of it: read it again.
    await rereadUnderNextPrint(clean, lines.lines, reading, spec, this.#engine);
    // A value box read with room for a character before its first one may have skipped it: read it again.
    await rereadLeadingGaps(clean, reading, spec, this.#engine, lines.lines, new Set(STAMPED_KEYS));
    // A place value that begins with a city but no province may have lost a faint province: read it wider.
    await rereadPlaceStarts(clean, reading, spec, this.#engine);
    lines.timings.recognize += clock.lap();
    await this.#readStamps(work, reading, spec, lines.lines);
    // Dates and numbers read as no valid value are read again where no seal was whitened.
    await rereadOverSeals(work, reading, spec, this.#engine);
    // Cells of strict form the detector left empty (or read as no valid value) are cut and read on their own.
    await rereadEmptyCells(clean, reading, spec, this.#engine, lines.lines);
    // Cells that must hold a value and still hold none are searched for text at a larger scale.
    await findTextInEmptyCells(clean, reading, spec, this.#engine, lines.lines);
    // Short cells still empty are read in the grey of their neutral ink, the coloured guilloche left out.
    await readNeutralInk(clean, reading, spec, this.#engine, lines.lines);
    // Names read unsurely (a rare character in dot-matrix print) are read again a few ways, the readings pooled.
    await rereadUnsureValues(clean, reading, spec, this.#engine, new Set(STAMPED_KEYS));
    // The cells of a parent not given, struck through with slanted strokes, get the print code's filler.
    fillStruckCells(clean, reading, spec);
    // Boxed dates that lost digits or units on their boxes' rulings are read again with the boxes painted out.
    await rereadDateBoxes(clean, reading, spec, this.#engine);
    // Boxed dates still doubtful are read box by box, each box placed by its printed unit and cut out on its own.
    await readDatesByUnits(clean, reading, spec, this.#engine, lines.lines);
    // ID numbers not read surely valid (or born where the page says not) are read again stretched and before seal
    // whitening, and the readings vote.
    await rereadIdNumbers(clean, work, reading, spec, this.#engine, idBirthWindows(spec, reading));
    // A cell answered empty where a character's ink stands is no sure blank (its value was not read).
    noteInkedEmptyCells(work, reading, spec, lines.lines);
    const toOriginal = (point: { x: number; y: number }) => ({ x: point.x * scale, y: point.y * scale });
    const { data, keyValueInfo } = assembleFields(spec, reading, toOriginal);
    const geometry = documentGeometry(work, reading, type, scale);
    const fields = clock.lap();
    const result: RecognitionResult = {
      angle: geometry.angle,
      data,
      ftype: geometry.ftype,
      height: geometry.height,
      orgHeight: original.height,
      orgWidth: original.width,
      prism_keyValueInfo: keyValueInfo,
      sliceRect: geometry.sliceRect,
      width: geometry.width,
    };
    const timings = { decode, prepare, ...lines.timings, fields, total: clock.total() };
    return { result, timings };
  }

  /**
   * Completes the lines holding a value where they end at a vertical ruling (a character printed across the ruling
   * is often left out of the detected box), then reads the fields again if a line gained a character. Lines only of
   * labels are left alone: a label is found by its wording whether or not its last character was cut.
   */
  async #completeValuesAtRulings(
    image: RawImage,
    page: PageReading,
    reading: DocumentReading,
    spec: DocumentSpec,
  ): Promise<DocumentReading> {
    const indices = valueLineIndices(page.lines, reading);
    if (indices.length === 0 || this.#engine.completeAtRulings === undefined) return reading;
    const completed = await this.#engine.completeAtRulings(
      image,
      indices.map((i) => page.lines[i] as TextLine),
    );
    let changed = false;
    indices.forEach((lineIndex, k) => {
      const line = completed[k] as TextLine;
      if (line.text === page.lines[lineIndex]?.text) return;
      page.lines[lineIndex] = line;
      changed = true;
    });
    return changed ? readFields(page.lines, spec) : reading;
  }

  /** Reads the red name seals of 承办人签章, which seal suppression whitened, into their fields. */
  async #readStamps(
    image: RawImage,
    reading: DocumentReading,
    spec: DocumentSpec,
    lines: readonly TextLine[],
  ): Promise<void> {
    const otherLabels = lines.filter((line) => STAMP_LABEL.test(line.text)).map((line) => line.quad);
    for (const key of STAMPED_KEYS) {
      const row = spec.layout.find((keys) => keys.includes(key));
      if (row === undefined) continue;
      const nextKey = row[row.indexOf(key) + 1];
      const stamp = await readNameStamp(image, reading, key, this.#engine, { nextKey, otherLabels });
      const field = reading.fields.get(key);
      if (field === undefined) continue;
      const read =
        stamp === undefined
          ? field
          : {
              ...field,
              text: stamp.text,
              pieceTexts: [stamp.text],
              chars: stamp.chars,
              quads: [stamp.quad],
              confidence: stamp.confidence,
            };
      // One character left of an unread seal is no name; a name beginning with no surname is a doubtful one.
      reading.fields.set(key, doubtStampedName(read));
    }
  }

  async dispose(): Promise<void> {
    await this.#engine.dispose();
  }

  /**
   * Detects the page's text at a readable size and reads every box the way the text runs, except the small print
   * under a label found (the label's printed translation, which no field uses once the label itself was read).
   */
  async #readLines(image: RawImage, clock: Stopwatch, spec: DocumentSpec): Promise<PageReading> {
    const quads = await detectAtReadableSize(image, this.#engine);
    const detect = clock.lap();
    const likely = likelyReadingDirection(quads);
    const captions = captionBoxes(quads, likely);
    const first = quads.flatMap((_, i) => (captions.has(i) ? [] : [i]));
    const read = await readInReadingDirection(
      image,
      first.map((i) => quads[i] as Quad),
      this.#engine,
    );
    const byIndex = new Map(first.map((quadIndex, k) => [quadIndex, read.lines[k] as TextLine]));
    // Captions were found the way the page was likely to read; read the other way, they sit elsewhere.
    const asRead = Math.cos(read.direction - likely) > 0 ? captions : captionBoxes(quads, read.direction);
    const labelled = labelledBoxes(byIndex, asRead, spec);
    const rest = [...captions.keys()].filter((caption) => {
      const upper = asRead.get(caption);
      return upper === undefined || !labelled.has(upper);
    });
    const restLines = await this.#engine.recognize(
      image,
      rest.map((i) => orderForDirection(quads[i] as Quad, read.direction)),
    );
    rest.forEach((quadIndex, k) => {
      byIndex.set(quadIndex, restLines[k] as TextLine);
    });
    const all = quads.flatMap((_, i) => byIndex.get(i) ?? []);
    const recognize = clock.lap();
    return {
      lines: all.filter((line) => line.text.trim() !== ""),
      read: all,
      direction: read.direction,
      timings: { detect, orient: 0, recognize },
    };
  }

  /** Reads the boxes at the given indices of `quads` into the same places of `lines`. */
  async #readInto(
    image: RawImage,
    quads: readonly Quad[],
    indices: readonly number[],
    lines: (TextLine | undefined)[],
  ): Promise<void> {
    if (indices.length === 0) return;
    const read = await this.#engine.recognize(
      image,
      indices.map((i) => quads[i] as Quad),
    );
    indices.forEach((quadIndex, k) => {
      lines[quadIndex] = read[k];
    });
  }

  /**
   * Detects again at {@link RETRY_DETECTION_LONG_SIDE} and reads only what the first pass did not: a box found
   * again at the same place keeps its first reading, and the reading direction stays the one already decided.
   */
  async #readAgain(
    image: RawImage,
    clock: Stopwatch,
    first: PageReading,
    spec: DocumentSpec,
  ): Promise<PageReading> {
    const quads = (await this.#engine.detect(image, { longSide: RETRY_DETECTION_LONG_SIDE })).map((quad) =>
      orderForDirection(quad, first.direction),
    );
    const detect = clock.lap();
    const earlier = first.read.map((line) => ({ line, bounds: quadBounds(line.quad) }));
    const reused = quads.map((quad) => {
      const bounds = quadBounds(quad);
      return earlier.find((old) => boundsIoU(old.bounds, bounds) >= SAME_BOX_IOU)?.line;
    });
    // New boxes are read as on the first pass: captions last, and only those not under a label found.
    const captions = captionBoxes(quads, first.direction);
    const fresh = quads.flatMap((_, i) => (reused[i] === undefined && !captions.has(i) ? [i] : []));
    await this.#readInto(image, quads, fresh, reused);
    const known = new Map(reused.flatMap((line, i) => (line === undefined ? [] : [[i, line] as const])));
    const labelled = labelledBoxes(known, captions, spec);
    const freshCaptions = [...captions].flatMap(([caption, upper]) =>
      reused[caption] === undefined && !labelled.has(upper) ? [caption] : [],
    );
    await this.#readInto(image, quads, freshCaptions, reused);
    const read = reused.filter((line): line is TextLine => line !== undefined);
    const recognize = clock.lap();
    return {
      lines: read.filter((line) => line.text.trim() !== ""),
      read,
      direction: first.direction,
      timings: { detect, orient: 0, recognize },
    };
  }
}

/** The boxes, among those captions sit under, that hold one of the document's labels (by its Chinese wording). */
function labelledBoxes(
  read: ReadonlyMap<number, TextLine>,
  captions: ReadonlyMap<number, number>,
  spec: DocumentSpec,
): Set<number> {
  if (captions.size === 0) return new Set();
  const lines = [...read.values()].filter((line) => line.text.trim() !== "");
  const centres: { x: number; y: number }[] = [];
  for (const field of readFields(lines, spec).fields.values()) {
    // Only a label read whole, in one box: a label read in part may go on in the box below (文化 over 程度).
    const label = field.label;
    if (label === undefined || label.english || label.score < 1 || label.joined !== undefined) continue;
    const bounds = quadBounds(label.quad);
    centres.push({ x: (bounds.left + bounds.right) / 2, y: (bounds.top + bounds.bottom) / 2 });
  }
  const labelled = new Set<number>();
  for (const upper of new Set(captions.values())) {
    const line = read.get(upper);
    if (line === undefined) continue;
    const bounds = quadBounds(line.quad);
    const holds = centres.some(
      (c) => c.x >= bounds.left && c.x <= bounds.right && c.y >= bounds.top && c.y <= bounds.bottom,
    );
    if (holds) labelled.add(upper);
  }
  return labelled;
}

/** One reading of a page's text: the non-empty lines, every box as read, and the direction they were read in. */
interface PageReading {
  lines: TextLine[];
  read: TextLine[];
  direction: number;
  timings: { detect: number; orient: number; recognize: number };
}

/** Boxes of two detections overlapping at least this much (bounding-box IoU) are the same line. */
const SAME_BOX_IOU = 0.85;

/** The detector's usual reading size (long side, px), and the text height it finds text at reliably. */
const DETECTION_LONG_SIDE = 960;
const READABLE_TEXT_HEIGHT = 16;
const MAX_DETECTION_LONG_SIDE = 2048;

/**
 * Detects at the usual size, then, where the text came out smaller than the detector reads reliably (an A4
 * certificate's small print, a document far from the camera), once more at the size that makes it readable.
 */
async function detectAtReadableSize(image: RawImage, engine: TextEngine): Promise<Quad[]> {
  const first = await engine.detect(image, { longSide: DETECTION_LONG_SIDE });
  if (first.length === 0) return first;
  const heights = first.map((quad) => quadSize(quad).height).sort((a, b) => a - b);
  const textHeight = heights[heights.length >> 1] as number;
  const seen = (textHeight * DETECTION_LONG_SIDE) / Math.max(image.width, image.height);
  if (seen >= READABLE_TEXT_HEIGHT) return first;
  const longSide = Math.min(
    MAX_DETECTION_LONG_SIDE,
    Math.round((DETECTION_LONG_SIDE * READABLE_TEXT_HEIGHT * 1.25) / seen),
  );
  if (longSide <= DETECTION_LONG_SIDE * 1.15) return first;
  return engine.detect(image, { longSide });
}

/** Below this share of its labels found, a page is read a second time at {@link RETRY_DETECTION_LONG_SIDE}. */
const RETRY_BELOW_LABEL_SHARE = 0.75;
const RETRY_DETECTION_LONG_SIDE = 1440;

/** How many labels a complete page of the type shows: one per field printed everywhere. */
function expectedLabels(spec: DocumentSpec): number {
  return spec.fields.filter((field) => !field.optional).length;
}

/** Fields that are an officer's red name seal. */
const STAMPED_KEYS = ["Registrar", "registrar"];
/** A line that reads like the label of a stamped field (承办人签章, or part of it). */
const STAMP_LABEL = /承办人|办人签/u;

const DESCRIPTIONS: Record<DocumentType, string> = {
  "household-head": "householder page (户主页) of a household register",
  "household-resident": "resident page (常住人口登记卡) of a household register",
  "birth-certificate": "medical certificate of birth (出生医学证明)",
};

interface Stopwatch {
  lap(): number;
  total(): number;
}

function stopwatch(): Stopwatch {
  const started = performance.now();
  let last = started;
  return {
    lap() {
      const now = performance.now();
      const elapsed = now - last;
      last = now;
      return elapsed;
    },
    total: () => performance.now() - started,
  };
}
