import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { makeTextLine } from "../../src/documents/shared/make-text-line.ts";
import type { TextLine } from "../../src/types.ts";
import { BASELINE_FIELD_LABELS } from "./baseline-labels.ts";
import { extractNaively, naiveResult } from "./naive-fields.ts";

function at(text: string, left: number, top: number, width = 20 * Array.from(text).length): TextLine {
  return makeTextLine(text, {
    quad: [
      { x: left, y: top },
      { x: left + width, y: top },
      { x: left + width, y: top + 20 },
      { x: left, y: top + 20 },
    ],
  });
}

function values(type: Parameters<typeof extractNaively>[0], lines: TextLine[]): Record<string, string> {
  return Object.fromEntries([...extractNaively(type, lines)].map(([key, found]) => [key, found.value]));
}

describe("extractNaively", () => {
  it("takes the text after a label on the same line, cut at the next label", () => {
    const found = values("household-head", [at("户 别 家庭户 户主姓名 张建国", 0, 0)]);
    assert.equal(found.householdType, "家庭户");
    assert.equal(found.householderName, "张建国");
  });

  it("takes the nearest line to the right when the label stands alone", () => {
    const found = values("household-head", [
      at("住址", 0, 100),
      at("湖南省长沙市岳麓区", 300, 102),
      at("长沙市其他", 100, 101),
      at("户号", 0, 200),
    ]);
    assert.equal(found.address, "长沙市其他");
    assert.equal(found.householdNumber, "");
  });

  it("gives the second occurrence of a repeated label to the father", () => {
    const found = values("birth-certificate", [
      at("母亲姓名王芳年龄29", 0, 0),
      at("父亲姓名李强年龄31", 0, 100),
    ]);
    assert.equal(found.motherName, "王芳");
    assert.equal(found.motherAge, "29");
    assert.equal(found.fatherName, "李强");
    assert.equal(found.fatherAge, "31");
  });

  it("returns every key of the type, empty where nothing was found", () => {
    const found = values("household-resident", []);
    assert.deepEqual(
      Object.keys(found),
      BASELINE_FIELD_LABELS["household-resident"].map((field) => field.key),
    );
    assert.ok(Object.values(found).every((value) => value === ""));
  });
});

describe("naiveResult", () => {
  it("has the api.md shape, the whole image as sliceRect, angle 0 and ftype 0", () => {
    const result = naiveResult("household-head", [at("户别：家庭户", 10, 10)], 800, 600);
    assert.equal(result.data.householdType, "家庭户");
    assert.deepEqual(result.sliceRect, { x0: 0, y0: 0, x1: 800, y1: 0, x2: 800, y2: 600, x3: 0, y3: 600 });
    assert.equal(result.angle, 0);
    assert.equal(result.ftype, 0);
    assert.equal(result.prism_keyValueInfo.length, 8);
    const first = result.prism_keyValueInfo[0];
    assert.equal(first?.valueProb, 99);
    assert.equal(first?.valuePos?.length, 4);
    assert.equal(result.prism_keyValueInfo[1]?.valuePos, undefined);
  });
});
