// The accuracy benchmark: `npm run bench:accuracy [-- options]`. Reads (or generates once, under bench/.cache) the
// fixed synthetic set, runs a recognizer on it through the library's interface, prints the report and writes it to
// bench/results/. Method and figures: the report's own header and docs/.
import { mkdir, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Command, InvalidArgumentError, Option } from "commander";
import type { DocumentType } from "../src/types.ts";
import { loadRecognizer, type RecognizerChoice } from "./lib/bench-recognizer.ts";
import { readLabels, selectSamples } from "./lib/labels.ts";
import { summarize } from "./lib/metrics.ts";
import { DOCUMENT_TYPES, TIERS } from "./lib/order.ts";
import { renderReport } from "./lib/report.ts";
import { runSamples } from "./lib/run-samples.ts";
import { evaluateSample, type SampleEvaluation } from "./lib/sample-evaluation.ts";
import { ensureSyntheticSet, FIXED_SET } from "./lib/synthetic-set.ts";

const BENCH = dirname(fileURLToPath(import.meta.url));

interface Options {
  data?: string;
  seed: number;
  count: number;
  limit?: number;
  types?: DocumentType[];
  tiers?: string[];
  recognizer: RecognizerChoice;
  out: string;
  worst: number;
  regenerate: boolean;
}

function positiveInteger(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new InvalidArgumentError("expected a positive integer");
  return value;
}

function listOf(allowed: readonly string[]) {
  return (text: string): string[] => {
    const items = text
      .split(",")
      .map((item) => item.trim())
      .filter(Boolean);
    const unknown = items.filter((item) => !allowed.includes(item));
    if (unknown.length > 0)
      throw new InvalidArgumentError(`unknown ${unknown.join(", ")}; expected ${allowed.join(", ")}`);
    return items;
  };
}

function parseOptions(argv: readonly string[]): { options: Options; selection: string } {
  const program = new Command("bench:accuracy")
    .description("Field accuracy, page geometry and speed of a recognizer on the fixed synthetic set.")
    .option("--data <dir>", "use an existing folder with labels.jsonl instead of the generated set")
    .option("--seed <n>", "seed of the generated set", positiveInteger, FIXED_SET.seed)
    .option(
      "--count <n>",
      "images of each type in the generated set",
      positiveInteger,
      FIXED_SET.countPerType,
    )
    .option("--limit <n>", "read at most N images of each type, spread over the tiers", positiveInteger)
    .option("--types <list>", `comma-separated types (${DOCUMENT_TYPES.join(",")})`, listOf(DOCUMENT_TYPES))
    .option("--tiers <list>", `comma-separated tiers (${TIERS.join(",")})`, listOf(TIERS))
    .addOption(
      new Option(
        "--recognizer <name>",
        "auto: the library when src/index.ts exports createRecognizer, else the baseline",
      )
        .choices(["auto", "baseline", "library"])
        .default("auto"),
    )
    .option(
      "--out <file>",
      "where to write the markdown report",
      join(BENCH, "results", "accuracy-latest.md"),
    )
    .option("--worst <n>", "how many of the worst images and errors to list", positiveInteger, 40)
    .option("--regenerate", "generate the set again even if it is cached", false);
  program.parse([...argv], { from: "user" });
  const narrowing = ["--data", "--seed", "--count", "--limit", "--types", "--tiers"];
  const selection = argv.filter(
    (arg, index) => narrowing.includes(arg) || narrowing.includes(argv[index - 1] ?? ""),
  );
  return { options: program.opts<Options>(), selection: selection.join(" ") };
}

// Paths inside the checkout are shown relative to it, others as given, so reports do not leak ../../ chains.
function displayPath(path: string): string {
  const inside = relative(process.cwd(), path);
  return inside === "" ? "." : inside.startsWith("..") ? path : inside;
}

async function dataFolder(options: Options): Promise<{ dir: string; description: string }> {
  if (options.data !== undefined) {
    const dir = resolve(options.data);
    return { dir, description: `\`${displayPath(dir)}\`` };
  }
  const cacheRoot = join(BENCH, ".cache");
  const set = await ensureSyntheticSet({
    seed: options.seed,
    countPerType: options.count,
    cacheRoot,
    regenerate: options.regenerate,
  });
  let description = `\`${displayPath(set.dir)}\` (generated: \`${set.stamp}\`)`;
  if (set.stale) {
    const warning =
      "made by an older version of the generator; run with --regenerate for figures on the current one";
    process.stderr.write(`warning: the cached set was ${warning}\n`);
    description += ` — **${warning}**`;
  }
  return { dir: set.dir, description };
}

async function measure(
  options: Options,
  dir: string,
): Promise<{ name: string; baseline: boolean; samples: SampleEvaluation[] }> {
  const filter = { types: options.types, tiers: options.tiers, limitPerType: options.limit };
  const labels = selectSamples(await readLabels(dir), filter);
  if (labels.length === 0) throw new Error(`no images in ${dir} match the selection`);
  const recognizer = await loadRecognizer(options.recognizer);
  process.stderr.write(`${recognizer.name}: ${labels.length} images from ${displayPath(dir)}\n`);
  try {
    const outcomes = await runSamples(recognizer, dir, labels);
    return { name: recognizer.name, baseline: recognizer.baseline, samples: outcomes.map(evaluateSample) };
  } finally {
    await recognizer.dispose();
  }
}

async function writeOutputs(
  report: string,
  samples: readonly SampleEvaluation[],
  out: string,
): Promise<void> {
  process.stdout.write(report);
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, report);
  // Every verdict, one JSON line per image, for digging further than the report goes. Reports kept in the
  // repository get theirs in the git-ignored cache; a report written elsewhere gets its own beside it, so runs in
  // several worktrees sharing one cache do not overwrite each other's.
  const details = out.startsWith(join(BENCH, "results"))
    ? join(BENCH, ".cache", "accuracy-last-run.jsonl")
    : out.replace(/(\.md)?$/, ".jsonl");
  await mkdir(dirname(details), { recursive: true });
  await writeFile(details, `${samples.map((sample) => JSON.stringify(sample)).join("\n")}\n`);
  process.stderr.write(
    `report written to ${displayPath(out)}; per-image verdicts in ${displayPath(details)}\n`,
  );
}

async function main(): Promise<void> {
  const startedAt = new Date().toISOString();
  const { options, selection } = parseOptions(process.argv.slice(2));
  const data = await dataFolder(options);
  const measured = await measure(options, data.dir);
  const machine = `${availableParallelism()} CPUs, Node ${process.version}, ${process.platform}/${process.arch}`;
  const report = renderReport(summarize(measured.samples, options.worst), {
    recognizer: measured.name,
    baseline: measured.baseline,
    data: data.description,
    selection,
    startedAt,
    machine,
  });
  await writeOutputs(report, measured.samples, resolve(options.out));
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:accuracy: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
