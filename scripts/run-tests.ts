// Finds every *.test.ts under the source folders and runs them with node's own test runner (Node 20 does not expand
// globs in `--test`). Extra arguments are passed on, e.g. `npm test -- --test-name-pattern=decode`.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const ROOTS = ["src", "synth", "bench", "test", "scripts"];

function findTests(dir: string, out: string[]): void {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry === "node_modules" || entry.startsWith(".")) continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) findTests(path, out);
    else if (entry.endsWith(".test.ts")) out.push(path);
  }
}

const files: string[] = [];
for (const root of ROOTS) findTests(root, files);
files.sort();
const extra = process.argv.slice(2);
const result = spawnSync(
  process.execPath,
  ["--import", "tsx", "--test", "--test-reporter=spec", "--test-concurrency=1", ...extra, ...files],
  { stdio: "inherit" },
);
process.exit(result.status ?? 1);
