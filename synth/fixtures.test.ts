import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import sharp from "sharp";
import { DOCUMENT_KEYS } from "./document/render-document.ts";
import type { LabelLine } from "./generate-set.ts";

const FIXTURES = fileURLToPath(new URL("../test/fixtures/synth/", import.meta.url));
const labels: LabelLine[] = (await readFile(join(FIXTURES, "labels.jsonl"), "utf8"))
  .trim()
  .split("\n")
  .map((line) => JSON.parse(line));

describe("committed synthetic fixtures", () => {
  it("cover every type × tier twice", () => {
    assert.equal(labels.length, 18);
    const combinations = new Map<string, number>();
    for (const label of labels)
      combinations.set(
        `${label.type}/${label.tier}`,
        (combinations.get(`${label.type}/${label.tier}`) ?? 0) + 1,
      );
    assert.equal(combinations.size, 9);
    for (const count of combinations.values()) assert.equal(count, 2);
  });

  it("label every image truthfully: size, every field key, corners inside, grey copies", async () => {
    for (const label of labels) {
      assert.deepEqual(Object.keys(label.fields), [...DOCUMENT_KEYS[label.type]], label.file);
      const meta = await sharp(join(FIXTURES, label.file)).metadata();
      assert.equal(meta.width, label.width, label.file);
      assert.equal(meta.height, label.height, label.file);
      if (label.ftype === 1) assert.equal(meta.channels, 1, `${label.file} is a copy and should be grey`);
      for (const p of label.corners)
        assert.ok(p.x >= 0 && p.y >= 0 && p.x <= label.width && p.y <= label.height);
      for (const key of Object.keys(label.fieldQuads))
        assert.notEqual(label.fields[key], "", `${label.file} ${key}`);
    }
  });
});
