import type { SampleEvaluation } from "./sample-evaluation.ts";

/** One wrong field, with what a developer needs to open the image. */
export interface FieldError {
  file: string;
  type: string;
  tier: string;
  key: string;
  expected: string;
  got: string;
  characterAccuracy: number;
}

/** How one image went, for the list of the worst images. */
export interface ImageSummary {
  file: string;
  type: string;
  tier: string;
  /** Non-empty true values read exactly, out of how many. */
  correct: number;
  total: number;
  /** Blank fields that received a value. */
  invented: number;
  cornerError: number;
  angleCorrect: boolean;
  degradations: string[];
  error?: string;
}

/** How many of one image's errors the worst-errors list shows at most. */
export const ERRORS_PER_IMAGE = 3;

/**
 * The worst wrong fields: lowest character accuracy first (an invented value on a blank field counts as 0), then
 * by file name and field so the list is stable from run to run; at most {@link ERRORS_PER_IMAGE} per image.
 */
export function worstErrors(samples: readonly SampleEvaluation[], limit: number): FieldError[] {
  const errors = samples.flatMap((sample) =>
    sample.fields
      .filter((field) => !field.match)
      .map((field) => ({
        file: sample.file,
        type: sample.type,
        tier: sample.tier,
        key: field.key,
        expected: field.expected,
        got: field.got,
        characterAccuracy: field.characterAccuracy,
      })),
  );
  errors.sort((a, b) => a.characterAccuracy - b.characterAccuracy || a.file.localeCompare(b.file));
  const shown = new Map<string, number>();
  return errors
    .filter((error) => {
      const count = (shown.get(error.file) ?? 0) + 1;
      shown.set(error.file, count);
      return count <= ERRORS_PER_IMAGE;
    })
    .slice(0, limit);
}

function summarizeImage(sample: SampleEvaluation): ImageSummary {
  const filled = sample.fields.filter((field) => !field.blank);
  const summary: ImageSummary = {
    file: sample.file,
    type: sample.type,
    tier: sample.tier,
    correct: filled.filter((field) => field.match).length,
    total: filled.length,
    invented: sample.fields.filter((field) => field.blank && !field.match).length,
    cornerError: sample.cornerError,
    angleCorrect: sample.angleCorrect,
    degradations: sample.degradations,
  };
  if (sample.error !== undefined) summary.error = sample.error;
  return summary;
}

function share(summary: ImageSummary): number {
  return summary.total === 0 ? 1 : summary.correct / summary.total;
}

/** The images with the lowest share of exact fields (then most invented values, then file name), worst first. */
export function worstImages(samples: readonly SampleEvaluation[], limit: number): ImageSummary[] {
  return samples
    .map(summarizeImage)
    .filter(
      (summary) => summary.correct < summary.total || summary.invented > 0 || summary.error !== undefined,
    )
    .sort((a, b) => share(a) - share(b) || b.invented - a.invented || a.file.localeCompare(b.file))
    .slice(0, limit);
}
