import { DOCUMENT_TYPES, inKnownOrder, TIERS } from "./order.ts";
import type { SampleEvaluation } from "./sample-evaluation.ts";
import { checkTargets, type TargetCheck } from "./targets.ts";
import { type FieldError, type ImageSummary, worstErrors, worstImages } from "./worst-cases.ts";

/** A share with the counts behind it; `rate` is null when nothing was counted (no division by zero in reports). */
export interface Rate {
  correct: number;
  total: number;
  rate: number | null;
}

/** Every figure the report shows for one group of images (all of them, one type, one type and tier). */
export interface GroupMetrics {
  samples: number;
  failures: number;
  /** Exact match over fields whose true value is non-empty. */
  fieldAccuracy: Rate;
  /** Fields whose true value is empty and whose answer was empty too. */
  blankAccuracy: Rate;
  /** Σ max(0, length − edit distance) / Σ length over non-empty true values. */
  characterAccuracy: number | null;
  /** Mean of the sliceRect corner error over images read with a sliceRect (the rest count in `cornerWithin`). */
  cornerErrorMean: number | null;
  /** Images whose sliceRect corners are all within 2% of the diagonal (failures count as misses). */
  cornerWithin: Rate;
  angleAccuracy: Rate;
  ftypeAccuracy: Rate;
  /** Keys left out of results, counted over all images. */
  missingKeys: number;
  medianMs: number | null;
  p90Ms: number | null;
}

/** Exact-match and character figures for one field of one document type. */
export interface FieldMetrics {
  type: string;
  key: string;
  fieldAccuracy: Rate;
  characterAccuracy: number | null;
  blankAccuracy: Rate;
}

/** Everything the benchmark measured. */
export interface BenchMetrics {
  overall: GroupMetrics;
  byType: { type: string; metrics: GroupMetrics }[];
  byTypeAndTier: { type: string; tier: string; metrics: GroupMetrics }[];
  byField: FieldMetrics[];
  /** One group per degradation name: the images that had it, whatever else they had. */
  byDegradation: { degradation: string; metrics: GroupMetrics }[];
  /** The run checked against the product's targets. */
  targets: TargetCheck[];
  /** The images that went worst, worst first. */
  worstImages: ImageSummary[];
  /** The wrong fields that are furthest off, a few per image so one bad image does not fill the list. */
  worstErrors: FieldError[];
  failures: { file: string; error: string }[];
}

/** Builds a {@link Rate} from the verdicts (true = correct). */
export function rateOf(verdicts: readonly boolean[]): Rate {
  const correct = verdicts.filter(Boolean).length;
  return { correct, total: verdicts.length, rate: verdicts.length === 0 ? null : correct / verdicts.length };
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** The q-quantile (0–1) of the values, interpolating between neighbours; null for no values. */
export function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const below = sorted[Math.floor(position)] ?? 0;
  const above = sorted[Math.ceil(position)] ?? below;
  return below + (above - below) * (position - Math.floor(position));
}

function characterFigure(fields: readonly SampleEvaluation["fields"][number][]): number | null {
  let weighted = 0;
  let length = 0;
  for (const field of fields) {
    if (field.blank) continue;
    weighted += field.characterAccuracy * field.length;
    length += field.length;
  }
  return length === 0 ? null : weighted / length;
}

/** The figures for one group of evaluated images. */
export function groupMetrics(samples: readonly SampleEvaluation[]): GroupMetrics {
  const fields = samples.flatMap((sample) => sample.fields);
  const read = samples.filter((sample) => !sample.failed);
  const times = samples.map((sample) => sample.timeMs);
  return {
    samples: samples.length,
    failures: samples.length - read.length,
    fieldAccuracy: rateOf(fields.filter((field) => !field.blank).map((field) => field.match)),
    blankAccuracy: rateOf(fields.filter((field) => field.blank).map((field) => field.match)),
    characterAccuracy: characterFigure(fields),
    cornerErrorMean: mean(read.map((sample) => sample.cornerError).filter(Number.isFinite)),
    cornerWithin: rateOf(samples.map((sample) => sample.cornerWithinTolerance)),
    angleAccuracy: rateOf(samples.map((sample) => sample.angleCorrect)),
    ftypeAccuracy: rateOf(samples.map((sample) => sample.ftypeCorrect)),
    missingKeys: samples.reduce((sum, sample) => sum + sample.missingKeys.length, 0),
    medianMs: quantile(times, 0.5),
    p90Ms: quantile(times, 0.9),
  };
}

function fieldMetrics(samples: readonly SampleEvaluation[]): FieldMetrics[] {
  const result: FieldMetrics[] = [];
  for (const type of inKnownOrder(
    samples.map((sample) => sample.type),
    DOCUMENT_TYPES,
  )) {
    const fields = samples.filter((sample) => sample.type === type).flatMap((sample) => sample.fields);
    for (const key of new Set(fields.map((field) => field.key))) {
      const own = fields.filter((field) => field.key === key);
      result.push({
        type,
        key,
        fieldAccuracy: rateOf(own.filter((field) => !field.blank).map((field) => field.match)),
        characterAccuracy: characterFigure(own),
        blankAccuracy: rateOf(own.filter((field) => field.blank).map((field) => field.match)),
      });
    }
  }
  return result;
}

/** Aggregates evaluated images into every figure of the report, grouped by type, tier and field. */
export function summarize(samples: readonly SampleEvaluation[], worstLimit = 30): BenchMetrics {
  const types = inKnownOrder(
    samples.map((sample) => sample.type),
    DOCUMENT_TYPES,
  );
  const byTypeAndTier = types.flatMap((type) => {
    const own = samples.filter((sample) => sample.type === type);
    return inKnownOrder(
      own.map((sample) => sample.tier),
      TIERS,
    ).map((tier) => ({
      type,
      tier,
      metrics: groupMetrics(own.filter((sample) => sample.tier === tier)),
    }));
  });
  const overall = groupMetrics(samples);
  return {
    overall,
    byType: types.map((type) => ({
      type,
      metrics: groupMetrics(samples.filter((sample) => sample.type === type)),
    })),
    byTypeAndTier,
    byField: fieldMetrics(samples),
    byDegradation: [...new Set(samples.flatMap((sample) => sample.degradations))]
      .sort()
      .map((degradation) => ({
        degradation,
        metrics: groupMetrics(samples.filter((sample) => sample.degradations.includes(degradation))),
      })),
    targets: checkTargets(samples, overall, byTypeAndTier),
    worstImages: worstImages(samples, worstLimit),
    worstErrors: worstErrors(samples, worstLimit),
    failures: samples
      .filter((sample) => sample.failed)
      .map((sample) => ({ file: sample.file, error: sample.error ?? "" })),
  };
}
