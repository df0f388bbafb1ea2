import assert from "node:assert/strict";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { standInDocument } from "./capture/test-support.ts";
import { assignment, generateSet, type RenderFunction } from "./generate-set.ts";

const FIELD_KEYS = ["name", "sex", "birthDate"];

/** A stand-in renderer: the test document with a fixed key set, one value left blank. */
const render: RenderFunction = (type, random) => ({
  ...standInDocument(type),
  fields: { name: "张伟", sex: random.pick(["男", "女"]), birthDate: "" },
  variant: { edition: 1 },
  blank: false,
});

const scratch = await mkdtemp(join(tmpdir(), "synth-set-"));
after(() => rm(scratch, { recursive: true, force: true }));

describe("generateSet", () => {
  it("spreads types fastest and tiers evenly", () => {
    const options = {
      types: ["household-head", "household-resident", "birth-certificate"] as const,
      tier: "mixed" as const,
    };
    const seen = new Set<string>();
    for (let i = 0; i < 9; i++) {
      const { type, tier } = assignment(options, i);
      seen.add(`${type}/${tier}`);
    }
    assert.equal(seen.size, 9);
  });

  it("writes images and a labels.jsonl line per image with every field key, identically for one seed", async () => {
    const options = {
      types: ["household-head", "birth-certificate"] as const,
      count: 3,
      seed: 11,
      tier: "mixed" as const,
    };
    const first = join(scratch, "a");
    const second = join(scratch, "b");
    await generateSet({ ...options, outDir: first }, render);
    await generateSet({ ...options, outDir: second }, render);
    const lines = (await readFile(join(first, "labels.jsonl"), "utf8")).trim().split("\n");
    assert.equal(lines.length, 3);
    for (const line of lines) {
      const label = JSON.parse(line);
      assert.deepEqual(Object.keys(label.fields).sort(), [...FIELD_KEYS].sort());
      assert.equal(label.corners.length, 4);
      assert.ok(label.angle >= 0 && label.angle < 360);
      assert.match(label.file, new RegExp(`^${label.type}-${label.tier}-\\d{4}\\.(png|jpg)$`));
      const a = await readFile(join(first, label.file));
      const b = await readFile(join(second, label.file));
      assert.ok(a.equals(b), `${label.file} differs between runs`);
    }
    assert.deepEqual((await readdir(first)).sort(), (await readdir(second)).sort());
    assert.equal(
      await readFile(join(first, "labels.jsonl"), "utf8"),
      await readFile(join(second, "labels.jsonl"), "utf8"),
    );
  });
});
