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

test("the first two digits must be a province code", () => {
  // True 131125198208248013 read as 05…: the read digits lead first, but no province has the code 05.
  const line = makeTextLine("051125198208248013", {
    confidences: { 0: 0.6, 1: 0.6 },
    alternatives: { 0: [{ text: "1", probability: 0.3 }], 1: [{ text: "3", probability: 0.3 }] },
  });
  const result = redecodeIdNumber(line.chars, { latest: LATEST });
  assert.equal(result?.value, "131125198208248013");
  assert.equal(result?.changed, true);
});

test("look-alikes count as digits and x as X in the last place", () => {
  const line = makeTextLine("11010519491231OO2x");
  assert.equal(redecodeIdNumber(line.chars, { latest: LATEST })?.value, "11010519491231002X");
});

test("no valid number reachable, or the wrong length, gives undefined", () => {
  assert.equal(redecodeIdNumber(makeTextLine("510522198001110256").chars, { latest: LATEST }), undefined);
  assert.equal(redecodeIdNumber(makeTextLine("5105221980011102").chars), undefined);
});

test("a first digit lost on a ruling line is put back, the check digit choosing it", () => {
  // True 13050319930508728X, read without its leading 1.
  const result = redecodeIdNumber(makeTextLine("3050319930508728X").chars, { latest: LATEST });
  assert.equal(result?.value, "13050319930508728X");
  assert.equal(result?.edit, "insertion");
  assert.equal(result?.changed, true);
});

test("a lost last character is put back, X included", () => {
  const result = redecodeIdNumber(makeTextLine("11010519491231002").chars, { latest: LATEST });
  assert.equal(result?.value, "11010519491231002X");
});

test("an extra character read from a ruling at the end is dropped", () => {
  const result = redecodeIdNumber(makeTextLine("2104041956032605301").chars, { latest: LATEST });
  assert.equal(result?.value, "210404195603260530");
  assert.equal(result?.edit, "deletion");
});

test("a lost digit inside the date is put back where the date and check digit allow it", () => {
  // 510522198001110255 with the 0 of the month lost: 51052219801110255.
  const line = makeTextLine("51052219801110255", { confidence: 0.95 });
  const result = redecodeIdNumber(line.chars, { latest: LATEST });
  assert.ok(result);
  assert.equal(result.value.length, 18);
  assert.ok(result.probability < 0.95 ** 17 * 0.01, "an edit inside the number costs more than at its ends");
});

test("nothing valid near a reading two characters short or with letters everywhere gives undefined", () => {
  assert.equal(redecodeIdNumber(makeTextLine("1305031993050872").chars, { latest: LATEST }), undefined);
  assert.equal(redecodeIdNumber(makeTextLine("ABCDEFGHIJKLMNOPQ").chars, { latest: LATEST }), undefined);
});

test("a lost inner digit is put back where it makes a current county code, not at the front", () => {
  // True 420381198912077959 (丹江口市) read without the 1 ending its region code: a 4 put back at the front
  // (442038…, an edge edit) also makes a valid number, but 4420 has no county 442038.
  const result = redecodeIdNumber(makeTextLine("42038198912077959").chars, { latest: LATEST });
  assert.equal(result?.value, "420381198912077959");
  assert.equal(result?.region, "county");
  // True 430821198705314934 (慈利县) without its 1: 34 3082… is a province with no such prefecture.
  const other = redecodeIdNumber(makeTextLine("43082198705314934").chars, { latest: LATEST });
  assert.equal(other?.value, "430821198705314934");
});

test("the region prior is soft: a sure code the 2023 divisions no longer list is kept, less probable", () => {
  // 320323 (铜山县, a district since 2010 with a new code) read with sure digits; 320322 (沛县) is one swap away.
  const kept = redecodeIdNumber(makeTextLine("320323198001010019").chars, { latest: LATEST });
  assert.equal(kept?.value, "320323198001010019");
  assert.equal(kept?.region, "prefecture");
  assert.ok((kept?.probability ?? 1) < 0.99 ** 18 / 2);
});

test("between two doubtful readings, the one with a current county code wins", () => {
  // 320323…0035 and 320322…0055 are both valid; the digits as read favour the former, whose county is gone.
  const line = makeTextLine("320323198001010035", {
    confidences: { 5: 0.6, 16: 0.6 },
    alternatives: { 5: [{ text: "2", probability: 0.35 }], 16: [{ text: "5", probability: 0.35 }] },
  });
  const result = redecodeIdNumber(line.chars, { latest: LATEST });
  assert.equal(result?.value, "320322198001010055");
  assert.equal(result?.region, "county");
});
