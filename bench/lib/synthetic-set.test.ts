import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { ensureSyntheticSet, readSetStamp } from "./synthetic-set.ts";

// A stand-in generator: records its arguments and each run, writes labels.jsonl unless told to fail.
const FAKE_GENERATOR = `
import { appendFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
const args = process.argv.slice(2);
const out = args[args.indexOf("--out") + 1];
appendFileSync(process.env.BENCH_FAKE_RUNS, args.join(" ") + "\\n");
if (args[args.indexOf("--seed") + 1] === "13") process.exit(3);
writeFileSync(join(out, "labels.jsonl"), "{}\\n");
`;

describe("ensureSyntheticSet", () => {
  let dir = "";
  let generator = "";
  let runs = "";
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "bench-set-"));
    generator = join(dir, "fake-generator.mjs");
    runs = join(dir, "runs.txt");
    await writeFile(generator, FAKE_GENERATOR);
    await writeFile(runs, "");
    process.env.BENCH_FAKE_RUNS = runs;
  });
  after(async () => {
    delete process.env.BENCH_FAKE_RUNS;
    await rm(dir, { recursive: true, force: true });
  });

  it("generates the set once with the seed and count, then reuses it", async () => {
    const options = { seed: 7, countPerType: 5, cacheRoot: join(dir, "cache"), generator };
    const first = await ensureSyntheticSet(options);
    assert.equal(first.dir, join(dir, "cache", "synth-seed7-count5"));
    assert.equal(await readFile(join(first.dir, "labels.jsonl"), "utf8"), "{}\n");
    assert.match(first.stamp, /"seed":7/);
    assert.equal(first.stale, false);
    assert.deepEqual(await ensureSyntheticSet(options), first);
    const lines = (await readFile(runs, "utf8")).trim().split("\n");
    assert.equal(lines.length, 1);
    assert.match(
      lines[0] ?? "",
      /^--type all --tier mixed --count 15 --seed 7 --out .*synth-seed7-count5\.partial-\d+$/,
    );
  });

  it("says when the generator changed since, and generates again when asked", async () => {
    const options = { seed: 8, countPerType: 2, cacheRoot: join(dir, "cache"), generator };
    await ensureSyntheticSet(options);
    await writeFile(join(dir, "helper.mjs"), "export const changed = true;\n");
    assert.equal((await ensureSyntheticSet(options)).stale, true);
    assert.equal((await ensureSyntheticSet({ ...options, regenerate: true })).stale, false);
    const lines = (await readFile(runs, "utf8")).trim().split("\n");
    assert.equal(lines.filter((line) => line.includes("--seed 8")).length, 2);
  });

  it("fails without marking a set complete when the generator fails", async () => {
    const options = { seed: 13, countPerType: 5, cacheRoot: join(dir, "cache"), generator };
    await assert.rejects(ensureSyntheticSet(options), /exited with status 3/);
    assert.equal(await readSetStamp(join(dir, "cache", "synth-seed13-count5")), undefined);
  });

  it("says so when there is no generator", async () => {
    const options = {
      seed: 1,
      countPerType: 1,
      cacheRoot: join(dir, "cache"),
      generator: join(dir, "none.ts"),
    };
    await assert.rejects(ensureSyntheticSet(options), /does not exist yet; pass --data DIR/);
  });
});
