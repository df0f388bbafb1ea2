import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { FieldEvaluation, SampleEvaluation } from "./sample-evaluation.ts";
import { ERRORS_PER_IMAGE, worstErrors, worstImages } from "./worst-cases.ts";

function field(key: string, expected: string, got: string, characterAccuracy: number): FieldEvaluation {
  const blank = expected === "";
  return { key, expected, got, blank, match: expected === got, characterAccuracy, length: expected.length };
}

function sample(file: string, fields: FieldEvaluation[], error?: string): SampleEvaluation {
  const evaluation: SampleEvaluation = {
    file,
    type: "birth-certificate",
    tier: "hard",
    degradations: ["blur"],
    failed: error !== undefined,
    blankForm: false,
    fields,
    missingKeys: [],
    cornerError: 0.01,
    cornerWithinTolerance: true,
    angleCorrect: true,
    ftypeCorrect: true,
    timeMs: 1,
  };
  if (error !== undefined) evaluation.error = error;
  return evaluation;
}

const MANY_WRONG = sample(
  "many.jpg",
  ["a", "b", "c", "d", "e"].map((key) => field(key, "值", "", 0)),
);
const ONE_WRONG = sample("one.jpg", [field("sex", "男", "女", 0), field("motherAge", "29", "29", 1)]);
const PERFECT = sample("perfect.jpg", [field("sex", "男", "男", 1), field("fatherName", "", "", 1)]);

describe("worstErrors", () => {
  it("shows at most a few errors of one image, so other images reach the list", () => {
    const errors = worstErrors([MANY_WRONG, ONE_WRONG], 10);
    assert.equal(errors.filter((error) => error.file === "many.jpg").length, ERRORS_PER_IMAGE);
    assert.ok(errors.some((error) => error.file === "one.jpg"));
  });

  it("puts the furthest-off values first", () => {
    const close = sample("close.jpg", [field("address", "湖南省长沙市", "湖南省长沙币", 5 / 6)]);
    assert.deepEqual(
      worstErrors([close, ONE_WRONG], 10).map((error) => error.file),
      ["one.jpg", "close.jpg"],
    );
  });
});

describe("worstImages", () => {
  it("lists images with errors, lowest share of exact fields first, and leaves perfect ones out", () => {
    const images = worstImages([PERFECT, ONE_WRONG, MANY_WRONG], 10);
    assert.deepEqual(
      images.map((image) => [image.file, image.correct, image.total]),
      [
        ["many.jpg", 0, 5],
        ["one.jpg", 1, 2],
      ],
    );
  });

  it("counts invented values and keeps the failure message", () => {
    const invented = sample("invented.jpg", [field("fatherName", "", "张三", 0)]);
    const failed = sample("failed.jpg", [field("sex", "男", "", 0)], "algorithmError: boom");
    const images = worstImages([invented, failed], 10);
    assert.deepEqual(
      images.map((image) => [image.file, image.invented, image.error]),
      [
        ["failed.jpg", 0, "algorithmError: boom"],
        ["invented.jpg", 1, undefined],
      ],
    );
  });
});
