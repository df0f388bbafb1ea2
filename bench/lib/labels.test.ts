import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Point } from "../../src/types.ts";
import { parseLabels, type SampleLabel, selectSamples } from "./labels.ts";

const CORNERS: [Point, Point, Point, Point] = [
  { x: 0, y: 0 },
  { x: 10, y: 0 },
  { x: 10, y: 10 },
  { x: 0, y: 10 },
];

function line(extra: Record<string, unknown>): string {
  return JSON.stringify({
    file: "x.png",
    type: "birth-certificate",
    tier: "clean",
    fields: {},
    corners: CORNERS,
    ...extra,
  });
}

describe("parseLabels", () => {
  it("reads one label per line, skipping blank lines and keeping what it needs", () => {
    const text = `${line({ file: "a.png", fields: { sex: "男" }, rotation: 92, ftype: 1, extra: 1 })}\n\n${line({ file: "b.png" })}\n`;
    const labels = parseLabels(text);
    assert.equal(labels.length, 2);
    assert.equal(labels[0]?.file, "a.png");
    assert.deepEqual(labels[0]?.fields, { sex: "男" });
    assert.equal(labels[0]?.rotation, 92);
    assert.equal(labels[1]?.rotation, 0);
    assert.equal(labels[1]?.ftype, 0);
  });

  it("names the line that is broken", () => {
    assert.throws(() => parseLabels(`${line({})}\n{oops`), /line 2 is not JSON/);
    assert.throws(() => parseLabels(line({ type: "passport" })), /line 1 is not a label/);
    assert.throws(() => parseLabels(line({ corners: CORNERS.slice(0, 3) })), /line 1 is not a label/);
  });
});

function sample(file: string, type: SampleLabel["type"], tier: string): SampleLabel {
  return {
    file,
    type,
    tier,
    fields: {},
    corners: CORNERS,
    rotation: 0,
    ftype: 0,
  };
}

describe("selectSamples", () => {
  const all = [
    sample("h1", "household-head", "clean"),
    sample("h2", "household-head", "clean"),
    sample("h3", "household-head", "moderate"),
    sample("h4", "household-head", "hard"),
    sample("b1", "birth-certificate", "hard"),
  ];

  it("keeps everything by default", () => {
    assert.equal(selectSamples(all, {}).length, 5);
  });

  it("filters by type and tier", () => {
    assert.deepEqual(
      selectSamples(all, { types: ["household-head"], tiers: ["clean"] }).map((s) => s.file),
      ["h1", "h2"],
    );
  });

  it("limits per type, taking the tiers in turn", () => {
    assert.deepEqual(
      selectSamples(all, { limitPerType: 3 }).map((s) => s.file),
      ["h1", "h3", "h4", "b1"],
    );
  });
});
