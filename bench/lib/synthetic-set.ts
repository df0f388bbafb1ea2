import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { access, mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { DOCUMENT_TYPES } from "./order.ts";

/** The fixed benchmark set: the same seed and size every run, so figures are comparable between commits. */
export const FIXED_SET = { seed: 20261121, countPerType: 120 } as const;

const REPOSITORY = fileURLToPath(new URL("../../", import.meta.url));
const GENERATOR = join(REPOSITORY, "synth", "main.ts");
const COMPLETE_MARKER = ".complete";

/** Which synthetic set to generate or reuse. */
export interface SyntheticSetOptions {
  seed: number;
  countPerType: number;
  /** Folder that holds generated sets (bench/.cache, git-ignored). */
  cacheRoot: string;
  /** The generator script (default synth/main.ts); tests pass a stand-in. Its folder is fingerprinted. */
  generator?: string;
  /** Generate again even when a complete set is cached. */
  regenerate?: boolean;
}

/** A generated set: where it is, how it was made, and whether the generator has changed since. */
export interface SyntheticSet {
  dir: string;
  /** The `.complete` stamp: seed, count, generator fingerprint, time. */
  stamp: string;
  /** True when the generator's sources differ from those that made the set. */
  stale: boolean;
}

/**
 * A short hash of the generator's sources (every non-test `.ts`/`.mjs` under its folder, with their paths), so a
 * cached set made by older code can be recognised.
 */
export async function generatorFingerprint(folder: string): Promise<string> {
  const entries = await readdir(folder, { recursive: true });
  const files = entries.filter((file) => /\.(ts|mjs)$/u.test(file) && !/\.test\.ts$/u.test(file)).sort();
  const hash = createHash("sha256");
  for (const file of files)
    hash
      .update(`${file}\0`)
      .update(await readFile(join(folder, file)))
      .update("\0");
  return hash.digest("hex").slice(0, 12);
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

function runGenerator(options: SyntheticSetOptions, generator: string, out: string): Promise<void> {
  // The generator's --count is the whole set; it cycles the types fastest, then the tiers, so a multiple of three
  // types gives each type the same number of images, spread evenly over the tiers.
  const total = options.countPerType * DOCUMENT_TYPES.length;
  const args = ["--import", "tsx", generator, "--type", "all", "--tier", "mixed", "--count", String(total)];
  args.push("--seed", String(options.seed), "--out", out);
  return new Promise((resolve, reject) => {
    // Output goes to stderr: stdout carries the report.
    const child = spawn(process.execPath, args, {
      cwd: REPOSITORY,
      stdio: ["ignore", process.stderr, "inherit"],
    });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${generator} exited with ${signal ?? `status ${code}`}`)),
    );
  });
}

// Each run generates into its own folder: two runs started together (two developers, or CI) must not write into,
// or delete, each other's half-made set. The first to finish installs its set; a later one keeps the installed
// set unless asked to regenerate.
async function generate(options: SyntheticSetOptions, generator: string, dir: string, fingerprint: string) {
  const partial = `${dir}.partial-${process.pid}`;
  await rm(partial, { recursive: true, force: true });
  await mkdir(partial, { recursive: true });
  process.stderr.write(`generating the synthetic set into ${dir} (seed ${options.seed}) …\n`);
  try {
    await runGenerator(options, generator, partial);
    if (!(await exists(join(partial, "labels.jsonl")))) {
      throw new Error(`the generator wrote no labels.jsonl in ${partial}`);
    }
    const { seed, countPerType } = options;
    const stamp = { seed, countPerType, generator: fingerprint, generatedAt: new Date().toISOString() };
    await writeFile(join(partial, COMPLETE_MARKER), `${JSON.stringify(stamp)}\n`);
    if (!options.regenerate && (await readSetStamp(dir)) !== undefined) return;
    await rm(dir, { recursive: true, force: true });
    await rename(partial, dir);
  } finally {
    await rm(partial, { recursive: true, force: true });
  }
}

/**
 * The fixed synthetic set, generated on first use with the synthetic generator
 * (`synth/main.ts --type all --tier mixed --count 3N --seed S --out DIR`) and reused afterwards; `stale` says when
 * the generator has changed since (then `regenerate` makes it again). It is written to a `.partial` folder and
 * renamed when complete, so an interrupted or concurrent run never leaves a half set that looks whole.
 */
export async function ensureSyntheticSet(options: SyntheticSetOptions): Promise<SyntheticSet> {
  const dir = join(options.cacheRoot, `synth-seed${options.seed}-count${options.countPerType}`);
  const generator = options.generator ?? GENERATOR;
  const hasGenerator = await exists(generator);
  const fingerprint = hasGenerator ? await generatorFingerprint(dirname(generator)) : "";
  let stamp = await readSetStamp(dir);
  if (stamp === undefined || options.regenerate) {
    if (!hasGenerator) {
      throw new Error(
        `the synthetic generator ${generator} does not exist yet; pass --data DIR with a labels.jsonl`,
      );
    }
    await generate(options, generator, dir, fingerprint);
    stamp = (await readSetStamp(dir)) ?? "";
  }
  return { dir, stamp, stale: hasGenerator && stampedFingerprint(stamp) !== fingerprint };
}

function stampedFingerprint(stamp: string): unknown {
  try {
    return (JSON.parse(stamp) as { generator?: unknown }).generator;
  } catch {
    return undefined;
  }
}

/** The generation stamp of a cached set, for the report; undefined for a folder given with `--data`. */
export async function readSetStamp(dir: string): Promise<string | undefined> {
  try {
    return (await readFile(join(dir, COMPLETE_MARKER), "utf8")).trim();
  } catch {
    return undefined;
  }
}
