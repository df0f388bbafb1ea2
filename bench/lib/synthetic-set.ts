import { spawn } from "node:child_process";
import { access, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
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
  /** The generator script (default synth/main.ts); tests pass a stand-in. */
  generator?: string;
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

/**
 * The folder of the fixed synthetic set, generated on first use with the synthetic generator
 * (`synth/main.ts --type all --tier mixed --count 3N --seed S --out DIR`) and reused afterwards. It is written to a `.partial`
 * folder and renamed when complete, so an interrupted run never leaves a half set that looks whole.
 */
export async function ensureSyntheticSet(options: SyntheticSetOptions): Promise<string> {
  const dir = join(options.cacheRoot, `synth-seed${options.seed}-count${options.countPerType}`);
  if (await exists(join(dir, COMPLETE_MARKER))) return dir;
  const generator = options.generator ?? GENERATOR;
  if (!(await exists(generator))) {
    throw new Error(
      `the synthetic generator ${generator} does not exist yet; pass --data DIR with a labels.jsonl`,
    );
  }
  const partial = `${dir}.partial`;
  await rm(partial, { recursive: true, force: true });
  await mkdir(partial, { recursive: true });
  process.stderr.write(`generating the synthetic set into ${dir} (seed ${options.seed}) …\n`);
  await runGenerator(options, generator, partial);
  if (!(await exists(join(partial, "labels.jsonl")))) {
    throw new Error(`the generator wrote no labels.jsonl in ${partial}`);
  }
  const stamp = {
    seed: options.seed,
    countPerType: options.countPerType,
    generatedAt: new Date().toISOString(),
  };
  await writeFile(join(partial, COMPLETE_MARKER), `${JSON.stringify(stamp)}\n`);
  await rm(dir, { recursive: true, force: true });
  await rename(partial, dir);
  return dir;
}

/** The generation stamp of a cached set, for the report; undefined for a folder given with `--data`. */
export async function readSetStamp(dir: string): Promise<string | undefined> {
  try {
    return (await readFile(join(dir, COMPLETE_MARKER), "utf8")).trim();
  } catch {
    return undefined;
  }
}
