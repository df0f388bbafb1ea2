import { access, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { BenchRecognizer } from "./bench-recognizer.ts";
import type { SampleLabel } from "./labels.ts";
import type { SampleOutcome } from "./sample-evaluation.ts";

/** Where progress lines go (stderr by default, so stdout carries only the report). */
export type ProgressSink = (line: string) => void;

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === "string" ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}

/** Runs the recognizer on one image, timing it from bytes to result and turning a failure into an outcome. */
export async function runSample(
  recognizer: BenchRecognizer,
  label: SampleLabel,
  bytes: Uint8Array,
): Promise<SampleOutcome> {
  const started = performance.now();
  try {
    const result = await recognizer.recognize(label.type, bytes);
    return { label, result, timeMs: performance.now() - started };
  } catch (error) {
    return { label, error: describeError(error), timeMs: performance.now() - started };
  }
}

/**
 * Fails before anything is measured when images of the labels are missing: a broken set is not a recognizer's
 * failure, and a run that dies after ten minutes helps nobody.
 */
export async function checkImagesExist(dataDir: string, labels: readonly SampleLabel[]): Promise<void> {
  const missing: string[] = [];
  for (const label of labels) {
    await access(join(dataDir, label.file)).catch(() => missing.push(label.file));
  }
  if (missing.length > 0) {
    const shown = missing.slice(0, 3).join(", ");
    throw new Error(
      `${missing.length} of ${labels.length} images are missing from ${dataDir} (${shown} …); ` +
        "regenerate the set (--regenerate) or fix the folder",
    );
  }
}

/**
 * Runs every sample in turn (one at a time: the timings are per page, and the machine's cores belong to the
 * recognizer). The first image is read once beforehand and not counted, so model warm-up does not land in the
 * first page's time.
 */
export async function runSamples(
  recognizer: BenchRecognizer,
  dataDir: string,
  labels: readonly SampleLabel[],
  progress: ProgressSink = (line) => process.stderr.write(`${line}\n`),
): Promise<SampleOutcome[]> {
  await checkImagesExist(dataDir, labels);
  const first = labels[0];
  if (first) await runSample(recognizer, first, await readFile(join(dataDir, first.file)));
  const outcomes: SampleOutcome[] = [];
  for (const [index, label] of labels.entries()) {
    const bytes = await readFile(join(dataDir, label.file));
    const outcome = await runSample(recognizer, label, bytes);
    outcomes.push(outcome);
    if (outcome.error) progress(`  ${label.file}: ${outcome.error}`);
    if ((index + 1) % 10 === 0 || index + 1 === labels.length) {
      progress(`  ${index + 1}/${labels.length} images read`);
    }
  }
  return outcomes;
}
