import type { BenchMetrics, GroupMetrics, Rate } from "./metrics.ts";
import { CORNER_TOLERANCE } from "./page-geometry.ts";
import { ERRORS_PER_IMAGE, type FieldError, type ImageSummary } from "./worst-cases.ts";

/** What the report says about the run besides the figures. */
export interface ReportContext {
  /** Name of the recognizer that was measured. */
  recognizer: string;
  /** True for the naive OCR baseline: the report then says loudly that its figures are not the product's. */
  baseline: boolean;
  /** Where the images came from (folder, and seed when generated). */
  data: string;
  /** The options that narrowed the set, as typed (`--limit 10 --types birth-certificate`), or "" for the full set. */
  selection: string;
  /** When the run started (ISO 8601). */
  startedAt: string;
  /** Machine description: CPU count, Node version. */
  machine: string;
}

const BASELINE_NOTE =
  "> **BASELINE.** These figures come from `bench/lib/ocr-baseline.ts`: plain OCR lines with a naive label lookup, " +
  "whole image as sliceRect, angle 0, ftype 0. They are expected to be low; they show that the benchmark measures, " +
  "not how good zhengzhao is.";

/** A share as `92.3% (120/130)`, or `—` when nothing was counted. */
export function formatRate(rate: Rate): string {
  if (rate.rate === null) return "—";
  return `${formatPercent(rate.rate)} (${rate.correct}/${rate.total})`;
}

/** A fraction as a percentage with one decimal, or `—`. */
export function formatPercent(value: number | null): string {
  return value === null ? "—" : `${(value * 100).toFixed(1)}%`;
}

function formatMs(value: number | null): string {
  return value === null ? "—" : `${Math.round(value)}`;
}

/** Makes a value safe inside a markdown table cell and shows an empty value as `""`. */
export function cell(value: string): string {
  if (value === "") return '""';
  return value.replace(/\\/gu, "\\\\").replace(/\|/gu, "\\|").replace(/\r?\n/gu, " ");
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [
    `| ${header.join(" | ")} |`,
    `|${header.map(() => "---").join("|")}|`,
    ...rows.map((row) => `| ${row.join(" | ")} |`),
  ];
}

function groupRow(name: string, metrics: GroupMetrics): string[] {
  return [
    name,
    String(metrics.samples),
    String(metrics.failures),
    formatRate(metrics.fieldAccuracy),
    formatRate(metrics.blankAccuracy),
    formatPercent(metrics.characterAccuracy),
    formatPercent(metrics.cornerErrorMean),
    formatRate(metrics.cornerWithin),
    formatRate(metrics.angleAccuracy),
    formatRate(metrics.ftypeAccuracy),
    formatMs(metrics.medianMs),
    formatMs(metrics.p90Ms),
  ];
}

const GROUP_HEADER = [
  "group",
  "images",
  "failed",
  "fields exact",
  "blank fields empty",
  "characters",
  "corner error (mean)",
  `corners ≤ ${CORNER_TOLERANCE * 100}%`,
  "angle",
  "ftype",
  "median ms",
  "p90 ms",
];

function summaryTable(metrics: BenchMetrics): string[] {
  const rows = [
    groupRow("**all**", metrics.overall),
    ...metrics.byType.map((group) => groupRow(`**${group.type}**`, group.metrics)),
    ...metrics.byTypeAndTier.map((group) => groupRow(`${group.type} / ${group.tier}`, group.metrics)),
  ];
  return table(GROUP_HEADER, rows);
}

function degradationTable(metrics: BenchMetrics): string[] {
  if (metrics.byDegradation.length === 0) return ["The labels name no degradations."];
  const rows = metrics.byDegradation.map((group) => groupRow(`\`${group.degradation}\``, group.metrics));
  return table(["degradation", ...GROUP_HEADER.slice(1)], rows);
}

function fieldTable(metrics: BenchMetrics): string[] {
  const header = ["type", "field", "exact (non-empty truth)", "characters", "blank fields empty"];
  const rows = metrics.byField.map((field) => [
    field.type,
    `\`${field.key}\``,
    formatRate(field.fieldAccuracy),
    formatPercent(field.characterAccuracy),
    formatRate(field.blankAccuracy),
  ]);
  return table(header, rows);
}

function imageTable(images: readonly ImageSummary[]): string[] {
  const header = [
    "file",
    "type",
    "tier",
    "fields exact",
    "invented",
    "corner error",
    "angle",
    "degradations",
  ];
  const rows = images.map((image) => [
    `\`${cell(image.file)}\``,
    image.type,
    image.tier,
    image.error === undefined ? `${image.correct}/${image.total}` : `failed: ${cell(image.error)}`,
    String(image.invented),
    Number.isFinite(image.cornerError) ? formatPercent(image.cornerError) : "—",
    image.angleCorrect ? "right" : "wrong",
    cell(image.degradations.join(", ")),
  ]);
  return table(header, rows);
}

function errorTable(errors: readonly FieldError[]): string[] {
  const header = ["file", "type", "tier", "field", "expected", "got", "characters"];
  const rows = errors.map((error) => [
    `\`${cell(error.file)}\``,
    error.type,
    error.tier,
    `\`${error.key}\``,
    cell(error.expected),
    cell(error.got),
    formatPercent(error.characterAccuracy),
  ]);
  return table(header, rows);
}

const METHOD =
  "Fields are compared after api.md §4 normalisation (white space removed, dates as dates, measured numbers as " +
  "numbers). *fields exact* counts fields whose true value is non-empty; *blank fields empty* counts fields whose " +
  "true value is empty (any answer there is an invented value). *characters* is 1 − edit distance / length over " +
  "non-empty true values. Corner error: largest sliceRect corner distance / document diagonal. Angle: the nearest " +
  "quarter turn of the true rotation. Times are per page, end to end from image bytes. Method: bench/README.md.";

function headerLines(context: ReportContext): string[] {
  return [
    "# Accuracy benchmark",
    "",
    ...(context.baseline ? [BASELINE_NOTE, ""] : []),
    `- recognizer: \`${context.recognizer}\``,
    `- data: ${context.data}`,
    `- selection: ${context.selection === "" ? "the full fixed set" : `\`${context.selection}\``}`,
    `- started: ${context.startedAt}; machine: ${context.machine}`,
    "",
    METHOD,
  ];
}

function section(title: string, body: readonly string[]): string[] {
  return ["", `## ${title}`, "", ...body];
}

function targetTable(metrics: BenchMetrics): string[] {
  const verdict = (met: boolean | null) => (met === null ? "not measured" : met ? "met" : "**missed**");
  return table(
    ["target", "goal", "measured", "verdict"],
    metrics.targets.map((check) => [check.name, check.goal, check.measured, verdict(check.met)]),
  );
}

function failureTable(metrics: BenchMetrics): string[] {
  if (metrics.failures.length === 0) return ["None."];
  return table(
    ["file", "error"],
    metrics.failures.map((failure) => [`\`${cell(failure.file)}\``, cell(failure.error)]),
  );
}

/**
 * Renders the figures as a markdown page: the run's context, the summary by type and tier, by degradation, every
 * field, the worst errors with their files, and the failures.
 */
export function renderReport(metrics: BenchMetrics, context: ReportContext): string {
  const worst = metrics.worstErrors;
  const images = metrics.worstImages;
  const lines = [
    ...headerLines(context),
    ...section("Summary", summaryTable(metrics)),
    ...section("Targets", targetTable(metrics)),
    ...section("By degradation", [
      "Each row holds the images that had that degradation, whatever else they had.",
      "",
      ...degradationTable(metrics),
    ]),
    ...section("Per field", fieldTable(metrics)),
    ...section(`Worst images (${images.length})`, images.length === 0 ? ["None."] : imageTable(images)),
    ...section(
      `Worst errors (${worst.length}, at most ${ERRORS_PER_IMAGE} per image)`,
      worst.length === 0 ? ["None."] : errorTable(worst),
    ),
    ...section(`Failures (${metrics.failures.length})`, failureTable(metrics)),
  ];
  return `${lines.join("\n")}\n`;
}
