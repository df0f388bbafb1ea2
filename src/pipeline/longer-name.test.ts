import assert from "node:assert/strict";
import { test } from "node:test";
import { makeTextLine } from "../documents/shared/make-text-line.ts";
import { isLongerName } from "./longer-name.ts";

test("a name read longer gets back the last character its box left out", () => {
  const box = [makeTextLine("冯婷")];
  assert.ok(isLongerName(box, makeTextLine("冯婷婷", { confidences: { 2: 0.49 } })), "a doubled name");
  assert.ok(isLongerName([makeTextLine("李梦")], makeTextLine("李梦琪", { confidences: { 2: 0.8 } })));
  assert.ok(
    !isLongerName([makeTextLine("李梦")], makeTextLine("李梦琪", { confidences: { 2: 0.5 } })),
    "another character needs a sure reading",
  );
  assert.ok(!isLongerName(box, makeTextLine("冯婷婷", { confidences: { 2: 0.3 } })), "too unsure");
  assert.ok(!isLongerName(box, makeTextLine("冯婷蜂")), "no name character");
  assert.ok(!isLongerName(box, makeTextLine("冯婷婷婷")), "more than one added");
  assert.ok(!isLongerName(box, makeTextLine("达婷婷")), "the box's characters read otherwise");
  assert.ok(!isLongerName(box, makeTextLine("冯婷1")), "not Chinese");
  assert.ok(!isLongerName([makeTextLine("欧阳晓燕")], makeTextLine("欧阳晓燕燕")), "too long");
  assert.ok(
    !isLongerName([makeTextLine("陈晓燕")], makeTextLine("陈晓燕年"), new Set(["年"])),
    "the next cell's label (年龄) begun",
  );
});
