import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import type { DocumentType, Point } from "../../src/types.ts";
import { DOCUMENT_TYPES } from "./order.ts";

const pointSchema = z.object({ x: z.number(), y: z.number() });

// What the synthetic generator writes per image (one JSON line in labels.jsonl). Only what the benchmark reads is
// required; the generator may add more.
const labelSchema = z.object({
  file: z.string().min(1),
  type: z.enum(["household-head", "household-resident", "birth-certificate"]),
  tier: z.string().default("unknown"),
  fields: z.record(z.string(), z.string()),
  corners: z.tuple([pointSchema, pointSchema, pointSchema, pointSchema]),
  rotation: z.number().default(0),
  ftype: z.union([z.literal(0), z.literal(1)]).default(0),
  degradations: z.unknown().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
});

/** The truth about one synthetic image. */
export interface SampleLabel {
  /** Image file name, relative to the data folder. */
  file: string;
  type: DocumentType;
  tier: string;
  /** Every field key of the type with its true value; `""` where the document leaves it blank. */
  fields: Record<string, string>;
  /** The document's corners in the image: top-left, top-right, bottom-right, bottom-left of the upright page. */
  corners: readonly [Point, Point, Point, Point];
  /** How far the document is turned, degrees clockwise (as api.md `angle`, but not necessarily a quarter turn). */
  rotation: number;
  ftype: 0 | 1;
  degradations?: unknown;
  width?: number;
  height?: number;
}

/**
 * Parses labels.jsonl text. A malformed line is an error naming its line number: a benchmark that silently skips
 * samples would report figures over a set nobody chose.
 */
export function parseLabels(text: string): SampleLabel[] {
  const labels: SampleLabel[] = [];
  const lines = text.split("\n");
  for (const [index, line] of lines.entries()) {
    if (line.trim() === "") continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      throw new Error(`labels.jsonl line ${index + 1} is not JSON`, { cause: error });
    }
    const parsed = labelSchema.safeParse(json);
    if (!parsed.success) {
      throw new Error(`labels.jsonl line ${index + 1} is not a label: ${z.prettifyError(parsed.error)}`);
    }
    labels.push(parsed.data);
  }
  return labels;
}

/** Reads `labels.jsonl` from a data folder. */
export async function readLabels(dataDir: string): Promise<SampleLabel[]> {
  return parseLabels(await readFile(join(dataDir, "labels.jsonl"), "utf8"));
}

/** Options that narrow the set to a quick subset. */
export interface SampleFilter {
  types?: readonly DocumentType[];
  tiers?: readonly string[];
  /** At most this many samples of each type, taken spread over the tiers in file order. */
  limitPerType?: number;
}

/**
 * Narrows the labels to the chosen types and tiers, then keeps at most `limitPerType` of each type, taking the
 * tiers in turn so that a quick run of 10 still sees clean, moderate and hard pages.
 */
export function selectSamples(labels: readonly SampleLabel[], filter: SampleFilter): SampleLabel[] {
  const chosen = labels.filter(
    (label) =>
      (!filter.types || filter.types.includes(label.type)) &&
      (!filter.tiers || filter.tiers.includes(label.tier)),
  );
  const limit = filter.limitPerType;
  if (limit === undefined) return chosen;
  const result: SampleLabel[] = [];
  for (const type of DOCUMENT_TYPES) {
    result.push(...interleaveByTier(chosen.filter((label) => label.type === type)).slice(0, limit));
  }
  return result;
}

function interleaveByTier(labels: readonly SampleLabel[]): SampleLabel[] {
  const queues = new Map<string, SampleLabel[]>();
  for (const label of labels) {
    const queue = queues.get(label.tier) ?? [];
    queue.push(label);
    queues.set(label.tier, queue);
  }
  const result: SampleLabel[] = [];
  const lists = [...queues.values()];
  for (let round = 0; result.length < labels.length; round++) {
    for (const list of lists) {
      const label = list[round];
      if (label) result.push(label);
    }
  }
  return result;
}
