import { DOCUMENT_SPECS } from "../documents/document-specs.ts";
import { type DocumentReading, readFields } from "../documents/read-fields.ts";
import { RecognitionError } from "../errors.ts";
import { decodeImage } from "../image/decode-image.ts";
import type { RawImage } from "../image/raw-image.ts";
import { locateDocument } from "../stages/document/locate-document.ts";
import { decideReadingDirection } from "../stages/orientation/decide-reading-direction.ts";
import { orderForDirection } from "../stages/orientation/reading-direction.ts";
import { suppressSeals } from "../stages/seal/suppress-seals.ts";
import type { DocumentType, RecognitionResult, TextLine } from "../types.ts";
import { assembleFields } from "./assemble-fields.ts";
import { documentGeometry } from "./document-geometry.ts";
import { matchesDocumentType } from "./match-document-type.ts";
import { readNameStamp } from "./read-name-stamp.ts";
import type { TextEngine } from "./text-engine.ts";
import { workingCopy } from "./working-copy.ts";

/** Milliseconds per stage of one recognition. */
export interface PipelineTimings {
  decode: number;
  prepare: number;
  detect: number;
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
    const lines = await this.#readLines(clean, clock);
    const spec = DOCUMENT_SPECS[type];
    const reading = readFields(lines.lines, spec);
    if (!matchesDocumentType(lines.lines, type, reading.labelsFound)) {
      throw new RecognitionError(
        "unmatchedImageType",
        `The image does not look like a ${DESCRIPTIONS[type]}: ${reading.labelsFound} of its printed labels were found.`,
      );
    }
    await this.#readStamps(
      work,
      reading,
      spec.fields.map((field) => field.key),
    );
    const toOriginal = (point: { x: number; y: number }) => ({ x: point.x * scale, y: point.y * scale });
    const { data, keyValueInfo } = assembleFields(spec, reading, toOriginal);
    const outline = locateDocument(work).quad;
    const geometry = documentGeometry(work, outline, reading.frame, scale);
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

  /** Reads the red name seals of 承办人签章, which seal suppression whitened, into their fields. */
  async #readStamps(image: RawImage, reading: DocumentReading, keys: readonly string[]): Promise<void> {
    for (const key of STAMPED_KEYS.filter((stamped) => keys.includes(stamped))) {
      const stamp = await readNameStamp(image, reading, key, this.#engine);
      const field = reading.fields.get(key);
      if (stamp === undefined || field === undefined) continue;
      const chars = Array.from(stamp.text).map((text, index, all) => ({
        text,
        confidence: stamp.confidence,
        start: index / all.length,
        end: (index + 1) / all.length,
        alternatives: [{ text, probability: stamp.confidence }],
      }));
      reading.fields.set(key, {
        ...field,
        text: stamp.text,
        pieceTexts: [stamp.text],
        chars,
        quads: [stamp.quad],
        confidence: stamp.confidence,
      });
    }
  }

  async dispose(): Promise<void> {
    await this.#engine.dispose();
  }

  async #readLines(
    image: RawImage,
    clock: Stopwatch,
  ): Promise<{ lines: TextLine[]; timings: { detect: number; orient: number; recognize: number } }> {
    const quads = await this.#engine.detect(image);
    const detect = clock.lap();
    const { direction } = await decideReadingDirection(image, quads, this.#engine);
    const orient = clock.lap();
    const ordered = quads.map((quad) => orderForDirection(quad, direction));
    const lines = (await this.#engine.recognize(image, ordered)).filter((line) => line.text.trim() !== "");
    const recognize = clock.lap();
    return { lines, timings: { detect, orient, recognize } };
  }
}

/** Fields that are an officer's red name seal. */
const STAMPED_KEYS = ["Registrar", "registrar"];

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
