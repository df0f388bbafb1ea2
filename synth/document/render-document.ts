/**
 * The document half of the synthetic generator: draws a flat, printed sheet of one document type with true values
 * and where their ink is. The capture half (photo and scan degradations, labels.jsonl) builds on this interface.
 *
 * @example
 * const doc = renderDocument("household-resident", new Random(42));
 * writeFileSync("card.png", doc.canvas.toBuffer("image/png"));
 */
import type { Canvas } from "@napi-rs/canvas";
import type { Point } from "../../src/types.ts";
import type { Random } from "../random.ts";
import { BIRTH_KEYS, renderBirthCertificate } from "./birth-certificate.ts";
import { HEAD_KEYS, renderHead } from "./household-head.ts";
import { RESIDENT_KEYS, renderResident } from "./household-resident.ts";
import type { BuiltDocument } from "./sheet.ts";

/** The document types the generator draws (same names as the recognizer's). */
export type SynthDocumentType = "household-head" | "household-resident" | "birth-certificate";

/** One rendered sheet with its truth. */
export interface RenderedDocument {
  type: SynthDocumentType;
  /** The flat printed sheet, RGBA, as a perfect scan would show it. */
  canvas: Canvas;
  /** The document's corners in canvas px (TL, TR, BR, BL): the whole canvas unless the sheet shows more. */
  documentQuad: [Point, Point, Point, Point];
  /** Every key of the type in api.md §4 order: the true value, normalised as the recognizer must return it. */
  fields: Record<string, string>;
  /** Where each non-empty value's ink is, canvas px. */
  fieldQuads: Record<string, [Point, Point, Point, Point][]>;
  /**
   * Layout and printing choices made (for labels and debugging). All types: `dateStyle` (padded | unpadded |
   * dotted), `face`, `dotMatrix`, `ribbonWear`, `ink`, `shiftX`/`shiftY` (printer misregistration, px). Householder
   * page: `serial`, `sectionNo`, `community`, `collective`. Resident card: `idLabel`, `collective`, `printsNumber`,
   * `booklet` (open booklet: the card is the right page, `documentQuad` that page). Birth certificate: `edition`
   * (5/6 green number box, 7 yellow with barcode), `counterfoil` (副页 below; `documentQuad` is the 正页),
   * `palette`, `fatherMissing`.
   */
  variant: Record<string, string | number | boolean>;
  /** A blank form: every value "". */
  blank: boolean;
}

/** Rendering options. */
export interface RenderOptions {
  /** Probability of an empty form (default 0.03). */
  blankRate?: number;
}

/** The Alibaba keys of each type, in the order the API returns them. */
export const DOCUMENT_KEYS: Record<SynthDocumentType, readonly string[]> = {
  "household-head": HEAD_KEYS,
  "household-resident": RESIDENT_KEYS,
  "birth-certificate": BIRTH_KEYS,
};

/** Draws one document of `type`; all randomness comes from `random`, so a seed gives the same bytes every time. */
export function renderDocument(
  type: SynthDocumentType,
  random: Random,
  options: RenderOptions = {},
): RenderedDocument {
  const blank = random.chance(options.blankRate ?? 0.03);
  const built: BuiltDocument =
    type === "household-head"
      ? renderHead(random, blank)
      : type === "household-resident"
        ? renderResident(random, blank)
        : renderBirthCertificate(random, blank);
  const fields: Record<string, string> = {};
  const fieldQuads: Record<string, [Point, Point, Point, Point][]> = {};
  for (const key of DOCUMENT_KEYS[type]) {
    const value = blank ? "" : (built.content.fields[key] ?? "").replace(/\s+/g, "");
    fields[key] = value;
    const quads = built.content.quads[key] ?? [];
    if (value !== "" && quads.length > 0) fieldQuads[key] = quads;
  }
  return {
    type,
    canvas: built.canvas,
    documentQuad: built.documentQuad,
    fields,
    fieldQuads,
    variant: built.content.variant,
    blank,
  };
}
