import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { DocumentType, RecognitionResult } from "../../src/types.ts";
import type { SampleLabel } from "./labels.ts";
import { groupMetrics, quantile, rateOf, summarize } from "./metrics.ts";
import { degradationNames, evaluateSample, type SampleOutcome } from "./sample-evaluation.ts";

// A 1000×600 page placed at (100, 50) in the image: diagonal √(1000² + 600²) ≈ 1166 px, so 2% ≈ 23 px.
const CORNERS = [
  { x: 100, y: 50 },
  { x: 1100, y: 50 },
  { x: 1100, y: 650 },
  { x: 100, y: 650 },
] as const;

const TRUE_FIELDS = {
  householdType: "家庭户",
  householderName: "张建国",
  issueDate: "2016年08月31日",
  sectionNo: "",
};

function label(overrides: Partial<SampleLabel> = {}): SampleLabel {
  const type: DocumentType = "household-head";
  return {
    file: "a.png",
    type,
    tier: "clean",
    fields: { ...TRUE_FIELDS },
    corners: CORNERS,
    rotation: 0,
    ftype: 0,
    ...overrides,
  };
}

function result(data: Record<string, string>, overrides: Partial<RecognitionResult> = {}): RecognitionResult {
  const [tl, tr, br, bl] = CORNERS;
  return {
    data,
    prism_keyValueInfo: [],
    sliceRect: { x0: tl.x, y0: tl.y, x1: tr.x, y1: tr.y, x2: br.x, y2: br.y, x3: bl.x, y3: bl.y },
    angle: 0,
    ftype: 0,
    width: 1000,
    height: 600,
    orgWidth: 1200,
    orgHeight: 700,
    ...overrides,
  };
}

function evaluate(outcome: Partial<SampleOutcome> & { result?: RecognitionResult }) {
  return evaluateSample({ label: label(), timeMs: 100, ...outcome });
}

describe("field accuracy", () => {
  it("is perfect for a perfect answer, with dates written differently", () => {
    const sample = evaluate({ result: result({ ...TRUE_FIELDS, issueDate: "2016.8.31" }) });
    const metrics = groupMetrics([sample]);
    assert.deepEqual(metrics.fieldAccuracy, { correct: 3, total: 3, rate: 1 });
    assert.deepEqual(metrics.blankAccuracy, { correct: 1, total: 1, rate: 1 });
    assert.equal(metrics.characterAccuracy, 1);
  });

  it("drops when one value is wrong", () => {
    const sample = evaluate({ result: result({ ...TRUE_FIELDS, householderName: "张建军" }) });
    const metrics = groupMetrics([sample]);
    assert.deepEqual(metrics.fieldAccuracy, { correct: 2, total: 3, rate: 2 / 3 });
    // 3 + 3 + 10 characters ("2016-08-31"), one of them wrong.
    assert.equal(metrics.characterAccuracy, 15 / 16);
  });

  it("counts an invented value on a blank field as an error", () => {
    const sample = evaluate({ result: result({ ...TRUE_FIELDS, sectionNo: "4401030023005" }) });
    const metrics = groupMetrics([sample]);
    assert.equal(metrics.fieldAccuracy.rate, 1);
    assert.deepEqual(metrics.blankAccuracy, { correct: 0, total: 1, rate: 0 });
  });

  it("reads a missing key as empty and counts it", () => {
    const { householderName: _left, ...rest } = TRUE_FIELDS;
    const metrics = groupMetrics([evaluate({ result: result(rest) })]);
    assert.equal(metrics.fieldAccuracy.correct, 2);
    assert.equal(metrics.missingKeys, 1);
  });

  it("scores a failed recognition as wrong everywhere, blank fields included", () => {
    const sample = evaluate({ error: "algorithmError: boom" });
    const metrics = groupMetrics([sample]);
    assert.equal(metrics.failures, 1);
    assert.equal(metrics.fieldAccuracy.correct, 0);
    assert.equal(metrics.blankAccuracy.correct, 0);
    assert.equal(metrics.characterAccuracy, 0);
    assert.equal(metrics.cornerWithin.rate, 0);
    assert.equal(metrics.angleAccuracy.rate, 0);
    assert.equal(metrics.cornerErrorMean, null);
  });
});

describe("page geometry", () => {
  it("accepts corners within 2% of the diagonal", () => {
    const sample = evaluate({
      result: result(TRUE_FIELDS, { sliceRect: { ...result({}).sliceRect, x0: 110, y0: 60 } }),
    });
    assert.ok(sample.cornerError > 0.01 && sample.cornerError < 0.02, String(sample.cornerError));
    assert.equal(sample.cornerWithinTolerance, true);
  });

  it("fails a corner off by 5% of the diagonal", () => {
    const off = 0.05 * Math.hypot(1000, 600);
    const sample = evaluate({
      result: result(TRUE_FIELDS, { sliceRect: { ...result({}).sliceRect, x2: 1100 + off } }),
    });
    assert.ok(Math.abs(sample.cornerError - 0.05) < 1e-9);
    assert.equal(sample.cornerWithinTolerance, false);
    assert.equal(groupMetrics([sample]).cornerWithin.rate, 0);
  });

  it("compares the angle with the nearest quarter turn of the true rotation", () => {
    const tilted = (rotation: number, angle: number) =>
      evaluateSample({ label: label({ rotation }), result: result(TRUE_FIELDS, { angle }), timeMs: 1 })
        .angleCorrect;
    assert.equal(tilted(7, 0), true);
    assert.equal(tilted(-4, 0), true);
    assert.equal(tilted(93, 90), true);
    assert.equal(tilted(-88, 270), true);
    assert.equal(tilted(180, 0), false);
    assert.equal(tilted(90, 270), false);
  });

  it("scores a result without sliceRect as a page not found", () => {
    const broken = { ...result(TRUE_FIELDS) } as Partial<RecognitionResult>;
    delete broken.sliceRect;
    const sample = evaluate({ result: broken as RecognitionResult });
    assert.equal(sample.cornerError, Number.POSITIVE_INFINITY);
    assert.equal(sample.cornerWithinTolerance, false);
    const good = evaluate({ result: result(TRUE_FIELDS) });
    assert.equal(groupMetrics([sample, good]).cornerErrorMean, 0);
  });

  it("checks ftype", () => {
    const copy = evaluateSample({ label: label({ ftype: 1 }), result: result(TRUE_FIELDS), timeMs: 1 });
    assert.equal(copy.ftypeCorrect, false);
  });
});

describe("summaries", () => {
  it("groups by type and tier, in the known order", () => {
    const samples = [
      evaluateSample({ label: label({ tier: "hard", file: "h.png" }), result: result({}), timeMs: 300 }),
      evaluateSample({ label: label({ file: "c.png" }), result: result(TRUE_FIELDS), timeMs: 100 }),
    ];
    const metrics = summarize(samples);
    assert.deepEqual(
      metrics.byTypeAndTier.map((group) => [group.tier, group.metrics.fieldAccuracy.rate]),
      [
        ["clean", 1],
        ["hard", 0],
      ],
    );
    assert.equal(metrics.overall.fieldAccuracy.rate, 0.5);
    assert.equal(metrics.overall.medianMs, 200);
    const name = metrics.byField.find((field) => field.key === "householderName");
    assert.deepEqual(name?.fieldAccuracy, { correct: 1, total: 2, rate: 0.5 });
  });

  it("lists the worst errors first, with the file to open", () => {
    const samples = [
      evaluateSample({
        label: label({ file: "b.png" }),
        result: result({ ...TRUE_FIELDS, householdType: "家庭" }),
        timeMs: 1,
      }),
      evaluateSample({
        label: label({ file: "a.png" }),
        result: result({ ...TRUE_FIELDS, sectionNo: "12" }),
        timeMs: 1,
      }),
    ];
    const errors = summarize(samples, 10).worstErrors;
    assert.deepEqual(
      errors.map((error) => [error.file, error.key, error.expected, error.got]),
      [
        ["a.png", "sectionNo", "", "12"],
        ["b.png", "householdType", "家庭户", "家庭"],
      ],
    );
    assert.equal(summarize(samples, 1).worstErrors.length, 1);
    assert.deepEqual(
      summarize(samples).worstImages.map((image) => [image.file, image.correct, image.total, image.invented]),
      [
        ["b.png", 2, 3, 0],
        ["a.png", 3, 3, 1],
      ],
    );
  });
});

describe("rates and quantiles", () => {
  it("has no rate for nothing counted", () => {
    assert.deepEqual(rateOf([]), { correct: 0, total: 0, rate: null });
  });

  it("interpolates quantiles", () => {
    assert.equal(quantile([], 0.5), null);
    assert.equal(quantile([5], 0.9), 5);
    assert.equal(quantile([4, 1, 3, 2], 0.5), 2.5);
    assert.equal(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 0.9), 10);
  });
});

describe("degradations", () => {
  it("reads the names of name:parameter strings and of objects", () => {
    assert.deepEqual(degradationNames(["blur:1.20", "jpeg:45", "blur:0.5", "hand"]), [
      "blur",
      "jpeg",
      "hand",
    ]);
    assert.deepEqual(degradationNames([{ name: "glare" }, { kind: "shadow" }, 3]), ["glare", "shadow"]);
    assert.deepEqual(degradationNames(undefined), []);
  });

  it("groups the images that had each degradation", () => {
    const blurred = evaluateSample({
      label: label({ degradations: ["blur:2", "jpeg:40"] }),
      result: result({}),
      timeMs: 1,
    });
    const sharp = evaluateSample({
      label: label({ degradations: ["jpeg:90"] }),
      result: result(TRUE_FIELDS),
      timeMs: 1,
    });
    const groups = summarize([blurred, sharp]).byDegradation;
    assert.deepEqual(
      groups.map((group) => [group.degradation, group.metrics.samples, group.metrics.fieldAccuracy.rate]),
      [
        ["blur", 1, 0],
        ["jpeg", 2, 0.5],
      ],
    );
  });
});
