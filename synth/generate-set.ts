import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Point } from "../src/types.ts";
import { type CaptureSource, captureDocument } from "./capture/capture-document.ts";
import { CAPTURE_TIERS, type CaptureTier } from "./capture/capture-plan.ts";
import { Random } from "./random.ts";

/** The document types the generator draws. */
export const SYNTH_TYPES = ["household-head", "household-resident", "birth-certificate"] as const;

/** One of {@link SYNTH_TYPES}. */
export type SynthType = (typeof SYNTH_TYPES)[number];

/** What the generator needs from the document renderer (structurally its `RenderedDocument`). */
export interface SynthDocument extends CaptureSource {
  fields: Record<string, string>;
  variant: Record<string, string | number | boolean>;
  blank: boolean;
}

/** Renders one document of a type from a random stream. */
export type RenderFunction = (type: SynthType, random: Random) => SynthDocument;

/** Options of one generated set. */
export interface GenerateOptions {
  types: readonly SynthType[];
  count: number;
  seed: number;
  tier: CaptureTier | "mixed";
  outDir: string;
  /** Longest image side, px (see `CaptureOptions.maxSide`); unlimited when absent. */
  maxSide?: number;
  /** Called after each image, for progress output. */
  onImage?: (index: number, label: LabelLine) => void;
}

type XY = { x: number; y: number };

/** One line of `labels.jsonl`. Coordinates are image pixels rounded to 0.01. */
export interface LabelLine {
  file: string;
  type: SynthType;
  tier: CaptureTier;
  kind: string;
  width: number;
  height: number;
  fields: Record<string, string>;
  corners: XY[];
  /** Degrees clockwise, quarter turn plus skew, in [0, 360). */
  rotation: number;
  /** `rotation` as the API reports it: an integer 0–359. */
  angle: number;
  ftype: 0 | 1;
  degradations: string[];
  fieldQuads: Record<string, XY[][]>;
  variant: Record<string, string | number | boolean>;
  blank: boolean;
}

/** Which type and tier image `index` of a set gets: types cycle fastest, then tiers, so any 9 in a row cover all. */
export function assignment(options: Pick<GenerateOptions, "types" | "tier">, index: number) {
  const type = options.types[index % options.types.length] as SynthType;
  const tier =
    options.tier === "mixed"
      ? (CAPTURE_TIERS[Math.floor(index / options.types.length) % CAPTURE_TIERS.length] as CaptureTier)
      : options.tier;
  return { type, tier };
}

/**
 * Renders, captures and writes `count` images and one `labels.jsonl`. Image `index` draws its document from
 * `Random.derive(seed, 2·index)` and its capture from `Random.derive(seed, 2·index + 1)`, so a seed gives the same
 * bytes, and changing the capture code leaves the documents' values as they were.
 */
export async function generateSet(options: GenerateOptions, render: RenderFunction): Promise<LabelLine[]> {
  await mkdir(options.outDir, { recursive: true });
  const labels: LabelLine[] = [];
  for (let index = 0; index < options.count; index++) {
    const { type, tier } = assignment(options, index);
    const document = render(type, Random.derive(options.seed, 2 * index));
    const captureRandom = Random.derive(options.seed, 2 * index + 1);
    const capture = await captureDocument(
      document,
      captureRandom,
      tier,
      options.maxSide === undefined ? {} : { maxSide: options.maxSide },
    );
    const file = `${type}-${tier}-${String(index).padStart(4, "0")}.${capture.format}`;
    await writeFile(join(options.outDir, file), capture.image);
    const label: LabelLine = {
      file,
      type,
      tier,
      kind: capture.kind,
      width: capture.width,
      height: capture.height,
      fields: document.fields,
      corners: capture.corners.map(roundPoint),
      rotation: capture.rotation,
      angle: Math.round(capture.rotation) % 360,
      ftype: capture.ftype,
      degradations: capture.degradations,
      fieldQuads: Object.fromEntries(
        Object.entries(capture.fieldQuads).map(([key, quads]) => [key, quads.map((q) => q.map(roundPoint))]),
      ),
      variant: document.variant,
      blank: document.blank,
    };
    labels.push(label);
    options.onImage?.(index, label);
  }
  const text = labels.map((label) => JSON.stringify(label)).join("\n");
  await writeFile(join(options.outDir, "labels.jsonl"), `${text}\n`);
  return labels;
}

function roundPoint(point: Point): XY {
  return { x: Math.round(point.x * 100) / 100, y: Math.round(point.y * 100) / 100 };
}
