import assert from "node:assert/strict";
import { test } from "node:test";
import { makeTextLine } from "./shared/make-text-line.ts";
import { normaliseValue } from "./shared/normalise-value.ts";
import { HOUSEHOLD_RESIDENT_SPEC } from "./household-resident.ts";

const moves = ["immigratedToCityInfo", "immigratedToResidenceInfo"].map((key) => {
  const field = HOUSEHOLD_RESIDENT_SPEC.fields.find((one) => one.key === key);
  assert.ok(field);
  return field;
});

test("a move noted as a set phrase, one character misread unsurely, is that phrase", () => {
  for (const field of moves) {
    const read = (text: string, confidences: Record<number, number>) =>
      normaliseValue(text, field, makeTextLine(text, { confidences }).chars).value;
    assert.equal(read("出牛", { 1: 0.6 }), "出生");
    assert.equal(read("B生", { 0: 0.5 }), "出生");
    assert.equal(read("购房迁人", { 3: 0.7 }), "购房迁入");
  }
});

test("a move written out, or a phrase read surely as another word, stays as read", () => {
  const [field] = moves;
  assert.ok(field);
  const read = (text: string) => normaliseValue(text, field, makeTextLine(text).chars).value;
  assert.equal(read("2005年07月由湖南省长沙县迁来"), "2005年07月由湖南省长沙县迁来");
  assert.equal(read("出差"), "出差");
});
