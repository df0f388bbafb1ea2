import assert from "node:assert/strict";
import { test } from "node:test";
import { makeTextLine } from "./make-text-line.ts";
import { redecodeIdNumber } from "./redecode-id-number.ts";

const LATEST = { year: 2026, month: 1, day: 1 };

test("a valid reading comes back unchanged", () => {
  const result = redecodeIdNumber(makeTextLine("510522198001110255").chars, { latest: LATEST });
  assert.ok(result);
  assert.equal(result.value, "510522198001110255");
  assert.equal(result.changed, false);
  assert.ok(Math.abs(result.probability - 0.99 ** 18) < 1e-9);
});

test("a misread digit is repaired from its alternatives by the check digit", () => {
  // True 510522198001110255; position 4 read as 8, with 5 second best.
  const line = makeTextLine("510822198001110255", {
    confidences: { 3: 0.6 },
    alternatives: { 3: [{ text: "5", probability: 0.35 }] },
  });
  const result = redecodeIdNumber(line.chars, { latest: LATEST });
  assert.equal(result?.value, "510522198001110255");
  assert.equal(result?.changed, true);
});

test("the date constraint rejects an impossible month", () => {
  // Month read as 31, with 0 as the alternative at its first digit: only 01 makes a date.
  const line = makeTextLine("510522198031110255", {
    confidences: { 10: 0.7 },
    alternatives: { 10: [{ text: "0", probability: 0.2 }] },
  });
  assert.equal(redecodeIdNumber(line.chars, { latest: LATEST })?.value, "510522198001110255");
});

test("look-alikes count as digits and x as X in the last place", () => {
  const line = makeTextLine("11010519491231OO2x");
  assert.equal(redecodeIdNumber(line.chars, { latest: LATEST })?.value, "11010519491231002X");
});

test("no valid number reachable, or the wrong length, gives undefined", () => {
  assert.equal(redecodeIdNumber(makeTextLine("510522198001110256").chars, { latest: LATEST }), undefined);
  assert.equal(redecodeIdNumber(makeTextLine("51052219800111025").chars), undefined);
});
