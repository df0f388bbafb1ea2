import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { RecognitionError } from "../../src/errors.ts";
import type { DocumentType, RecognitionResult } from "../../src/types.ts";
import type { BenchRecognizer } from "./bench-recognizer.ts";
import { readLabels } from "./labels.ts";
import { summarize } from "./metrics.ts";
import { runSamples } from "./run-samples.ts";
import { evaluateSample } from "./sample-evaluation.ts";

const CORNERS = [
  { x: 0, y: 0 },
  { x: 100, y: 0 },
  { x: 100, y: 80 },
  { x: 0, y: 80 },
];

// Three "images" whose bytes tell the fake recognizer what to answer: right, wrong, or fail.
const SAMPLES = [
  { file: "right.png", answer: "张三" },
  { file: "wrong.png", answer: "李四" },
  { file: "broken.png", answer: "" },
];

function answer(name: string): RecognitionResult {
  return {
    data: { name, formerName: "" },
    prism_keyValueInfo: [],
    sliceRect: { x0: 0, y0: 0, x1: 100, y1: 0, x2: 100, y2: 80, x3: 0, y3: 80 },
    angle: 0,
    ftype: 0,
    width: 100,
    height: 80,
    orgWidth: 100,
    orgHeight: 80,
  };
}

function fakeRecognizer(calls: DocumentType[]): BenchRecognizer {
  return {
    name: "fake",
    baseline: false,
    async recognize(type, image) {
      calls.push(type);
      const name = new TextDecoder().decode(image);
      if (name === "") throw new RecognitionError("unsupportedImageFormat", "empty file");
      return answer(name);
    },
    dispose: async () => {},
  };
}

describe("runSamples", () => {
  let dir = "";
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "bench-run-"));
    const lines = SAMPLES.map((sample) =>
      JSON.stringify({
        file: sample.file,
        type: "household-resident",
        tier: "clean",
        fields: { name: "张三", formerName: "" },
        corners: CORNERS,
      }),
    );
    await writeFile(join(dir, "labels.jsonl"), `${lines.join("\n")}\n`);
    for (const sample of SAMPLES) await writeFile(join(dir, sample.file), sample.answer);
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it("reads every image from the folder, warms up once, and records failures with their code", async () => {
    const calls: DocumentType[] = [];
    const progress: string[] = [];
    const outcomes = await runSamples(fakeRecognizer(calls), dir, await readLabels(dir), (line) =>
      progress.push(line),
    );
    assert.equal(calls.length, 4);
    assert.deepEqual(
      outcomes.map((outcome) => [outcome.label.file, outcome.result?.data.name, outcome.error]),
      [
        ["right.png", "张三", undefined],
        ["wrong.png", "李四", undefined],
        ["broken.png", undefined, "unsupportedImageFormat: empty file"],
      ],
    );
    assert.ok(outcomes.every((outcome) => outcome.timeMs >= 0));
    assert.ok(progress.some((line) => line.includes("broken.png")));
  });

  it("refuses a set whose images are missing, before reading any", async () => {
    const calls: DocumentType[] = [];
    const labels = await readLabels(dir);
    const broken = [...labels, { ...labels[0], file: "gone.png" } as (typeof labels)[number]];
    await assert.rejects(
      runSamples(fakeRecognizer(calls), dir, broken, () => {}),
      /1 of 4 images are missing .*gone\.png/,
    );
    assert.equal(calls.length, 0);
  });

  it("gives figures that see the wrong answer and the failure", async () => {
    const outcomes = await runSamples(fakeRecognizer([]), dir, await readLabels(dir), () => {});
    const metrics = summarize(outcomes.map(evaluateSample));
    assert.deepEqual(metrics.overall.fieldAccuracy, { correct: 1, total: 3, rate: 1 / 3 });
    assert.deepEqual(metrics.overall.blankAccuracy, { correct: 2, total: 3, rate: 2 / 3 });
    assert.equal(metrics.overall.failures, 1);
    assert.deepEqual(metrics.failures, [{ file: "broken.png", error: "unsupportedImageFormat: empty file" }]);
  });
});
