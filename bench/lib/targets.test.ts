import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { DocumentType, RecognitionResult } from "../../src/types.ts";
import type { SampleLabel } from "./labels.ts";
import { summarize } from "./metrics.ts";
import { evaluateSample } from "./sample-evaluation.ts";
import type { TargetCheck } from "./targets.ts";

const CORNERS = [
  { x: 0, y: 0 },
  { x: 1000, y: 0 },
  { x: 1000, y: 600 },
  { x: 0, y: 600 },
] as const;

// A valid number: the check digit of 11010519491231002 is X.
const VALID_ID = "11010519491231002X";
const WRONG_CHECK = "110105194912310021";

function label(
  fields: Record<string, string>,
  tier = "clean",
  type: DocumentType = "household-resident",
): SampleLabel {
  return {
    file: `${tier}-${Object.values(fields).join("")}.png`,
    type,
    tier,
    fields,
    corners: CORNERS,
    rotation: 0,
    ftype: 0,
  };
}

function result(data: Record<string, string>, valueProb = 90): RecognitionResult {
  return {
    data,
    prism_keyValueInfo: Object.entries(data).map(([key, value]) => ({
      key,
      keyProb: 100,
      value,
      valueProb,
      valuePos: [],
    })),
    sliceRect: { x0: 0, y0: 0, x1: 1000, y1: 0, x2: 1000, y2: 600, x3: 0, y3: 600 },
    angle: 0,
    ftype: 0,
    width: 1000,
    height: 600,
    orgWidth: 1000,
    orgHeight: 600,
  };
}

function check(targets: readonly TargetCheck[], name: string): TargetCheck {
  const found = targets.find((target) => target.name.startsWith(name));
  assert.ok(found, `no target named ${name}`);
  return found;
}

describe("checkTargets", () => {
  it("finds a sure answer with a wrong check digit and an ID number read wrong", () => {
    const samples = [
      evaluateSample({
        label: label({ idCardNumber: VALID_ID }),
        result: result({ idCardNumber: WRONG_CHECK }),
        timeMs: 10,
      }),
      evaluateSample({
        label: label({ idCardNumber: VALID_ID }),
        result: result({ idCardNumber: VALID_ID }),
        timeMs: 10,
      }),
    ];
    const { targets } = summarize(samples);
    assert.equal(check(targets, "ID numbers exact").met, false);
    assert.equal(check(targets, "ID numbers exact").measured, "50.0% (1/2)");
    assert.equal(check(targets, "invalid ID numbers").met, false);
  });

  it("does not count the slashes struck through a parent not given as an invalid number", () => {
    const filler = "//////////////////";
    const samples = [
      evaluateSample({
        label: label({ idCardNumber: filler }),
        result: result({ idCardNumber: filler }, 88),
        timeMs: 10,
      }),
    ];
    const { targets } = summarize(samples);
    assert.equal(check(targets, "invalid ID numbers").met, true);
    assert.equal(check(targets, "ID numbers exact").measured, "100.0% (1/1)");
  });

  it("accepts an invalid ID number returned unsure", () => {
    const samples = [
      evaluateSample({
        label: label({ idCardNumber: VALID_ID }),
        result: result({ idCardNumber: WRONG_CHECK }, 40),
        timeMs: 10,
      }),
    ];
    assert.equal(check(summarize(samples).targets, "invalid ID numbers").met, true);
  });

  it("counts values invented on a blank form, and says when there is no blank form", () => {
    const blank = evaluateSample({
      label: label({ name: "", sex: "" }),
      result: result({ name: "王", sex: "" }),
      timeMs: 5,
    });
    assert.equal(blank.blankForm, true);
    assert.equal(check(summarize([blank]).targets, "values invented").measured, "1 of 1 blank forms");
    assert.equal(check(summarize([blank]).targets, "values invented").met, false);
    const filled = evaluateSample({
      label: label({ name: "王", sex: "" }),
      result: result({ name: "王", sex: "" }),
      timeMs: 5,
    });
    assert.equal(check(summarize([filled]).targets, "values invented").met, null);
  });

  it("holds each tier to its own goal and checks the median", () => {
    const samples = [
      evaluateSample({ label: label({ name: "王" }, "hard"), result: result({ name: "王" }), timeMs: 1500 }),
      evaluateSample({ label: label({ name: "李" }, "clean"), result: result({ name: "季" }), timeMs: 1500 }),
    ];
    const { targets } = summarize(samples);
    assert.equal(check(targets, "household-resident / hard").met, true);
    assert.equal(check(targets, "household-resident / hard").goal, "≥ 95.0%");
    assert.equal(check(targets, "household-resident / clean").met, false);
    assert.equal(check(targets, "median time").met, false);
    assert.equal(
      targets.some((target) => target.name.includes("moderate")),
      false,
    );
  });
});
