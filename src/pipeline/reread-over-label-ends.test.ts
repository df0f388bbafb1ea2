import assert from "node:assert/strict";
import { test } from "node:test";
import { HOUSEHOLD_RESIDENT_SPEC } from "../documents/household-resident.ts";
import { readFields } from "../documents/read-fields.ts";
import { makeTextLine, textLineAt as at } from "../documents/shared/make-text-line.ts";
import type { RawImage } from "../image/raw-image.ts";
import type { Quad, TextLine } from "../types.ts";
import { rereadOverLabelEnds } from "./reread-over-label-ends.ts";
import type { TextEngine } from "./text-engine.ts";

/** The top rows of a resident card whose 户号 box reads `number`, label and value in one box. */
function card(number: string, stature = "身高175"): TextLine[] {
  return [
    at(`户号${number}`, 50, 20),
    at("姓名", 50, 100),
    at("张建国", 150, 100),
    at("户主或与户主关系", 420, 100),
    at("户主", 600, 100),
    at("性别", 420, 150),
    at("男", 600, 150),
    at("公民身份号码", 50, 200),
    at(stature, 300, 200),
    at("血型", 420, 200),
  ];
}

const IMAGE: RawImage = { width: 900, height: 300, channels: 3, data: new Uint8Array(900 * 300 * 3) };

/** An engine that reads the boxes it is given as `texts`, in turn (the last one again when they run out). */
function engineReading(texts: readonly string[], calls: Quad[][] = []): TextEngine {
  return {
    detect: async () => [],
    recognize: async (_image, quads) => {
      calls.push([...quads]);
      return quads.map((quad, index) => ({
        ...makeTextLine(texts[Math.min(index, texts.length - 1)] ?? "", { confidence: 0.95 }),
        quad,
      }));
    },
    dispose: async () => {},
  };
}

test("a digit printed over the label's end is read back from inside the label's last character", async () => {
  const reading = readFields(card("59946583"), HOUSEHOLD_RESIDENT_SPEC);
  assert.equal(reading.fields.get("householdNumber")?.text, "59946583");
  const calls: Quad[][] = [];
  // stature's three crops, then householdNumber's three (the fields' order).
  const reads = ["175", "175", "175", "号59946583", "559946583", "559946583"];
  await rereadOverLabelEnds(
    IMAGE,
    card("59946583"),
    reading,
    HOUSEHOLD_RESIDENT_SPEC,
    engineReading(reads, calls),
  );
  assert.equal(reading.fields.get("householdNumber")?.text, "559946583");
  assert.equal(reading.fields.get("stature")?.text, "175", "a re-read adding nothing changes nothing");
  assert.equal(calls.length, 1, "one batch for the page");
  const crop = calls[0]?.[4];
  assert.ok(crop !== undefined && crop[0].x > 50 + 20 && crop[0].x < 50 + 40, "the crop starts inside 号");
});

test("crops that add different digits, an unsure digit or a letter leave the value as read", async () => {
  for (const reads of [
    ["559946583", "359946583", "59946583"],
    ["J59946583", "J59946583", "J59946583"],
  ]) {
    const lines = card("59946583", "身高");
    const reading = readFields(lines, HOUSEHOLD_RESIDENT_SPEC);
    await rereadOverLabelEnds(IMAGE, lines, reading, HOUSEHOLD_RESIDENT_SPEC, engineReading(reads));
    assert.equal(reading.fields.get("householdNumber")?.text, "59946583", reads.join());
  }
  const lines = card("59946583", "身高");
  const reading = readFields(lines, HOUSEHOLD_RESIDENT_SPEC);
  const unsure: TextEngine = {
    ...engineReading([]),
    recognize: async (_image, quads) =>
      quads.map((quad) => ({
        ...makeTextLine("559946583", { confidences: [0.4, 1, 1, 1, 1, 1, 1, 1, 1] }),
        quad,
      })),
  };
  await rereadOverLabelEnds(IMAGE, lines, reading, HOUSEHOLD_RESIDENT_SPEC, unsure);
  assert.equal(reading.fields.get("householdNumber")?.text, "59946583");
});

test("a value in a box of its own, or beginning with no digit, is not read again", async () => {
  const lines = [at("户号", 50, 20), at("59946583", 120, 20), at("姓名", 50, 100), at("张建国", 150, 100)];
  const reading = readFields(lines, HOUSEHOLD_RESIDENT_SPEC);
  const calls: Quad[][] = [];
  await rereadOverLabelEnds(
    IMAGE,
    lines,
    reading,
    HOUSEHOLD_RESIDENT_SPEC,
    engineReading(["159946583"], calls),
  );
  assert.equal(reading.fields.get("householdNumber")?.text, "59946583");
  assert.equal(calls.length, 0);
});

test("a digit glimpsed under the label's end but not read surely leaves the value as read, at most half trusted", async () => {
  const lines = card("59946583", "身高");
  const reading = readFields(lines, HOUSEHOLD_RESIDENT_SPEC);
  const glimpsed: TextEngine = {
    ...engineReading([]),
    recognize: async (_image, quads) =>
      quads.map((quad, k) => ({
        // 8 or 3 under 重, each read unsurely.
        ...makeTextLine(k % 2 ? "859946583" : "359946583", { confidences: [0.45, 1, 1, 1, 1, 1, 1, 1, 1] }),
        quad,
      })),
  };
  await rereadOverLabelEnds(IMAGE, lines, reading, HOUSEHOLD_RESIDENT_SPEC, glimpsed);
  const field = reading.fields.get("householdNumber");
  assert.equal(field?.text, "59946583");
  assert.ok((field?.confidence ?? 1) <= 0.5, `confidence ${field?.confidence}`);
  // Crops that read only the label's stroke and the value, as first read: the value keeps its confidence.
  const plain = readFields(card("59946583", "身高"), HOUSEHOLD_RESIDENT_SPEC);
  const before = plain.fields.get("householdNumber")?.confidence;
  await rereadOverLabelEnds(
    IMAGE,
    card("59946583", "身高"),
    plain,
    HOUSEHOLD_RESIDENT_SPEC,
    engineReading(["号59946583", "59946583", "59946583"]),
  );
  assert.equal(plain.fields.get("householdNumber")?.confidence, before);
});
