import assert from "node:assert/strict";
import { test } from "node:test";
import { makeTextLine } from "./make-text-line.ts";
import { lineChars, sliceTextLine } from "./slice-text-line.ts";

test("sliceTextLine gives the value part its own quad and rescaled characters", () => {
  const line = makeTextLine("姓名张三");
  const value = sliceTextLine(line, 2, 4);
  assert.ok(value);
  assert.equal(value.text, "张三");
  assert.deepEqual(value.quad[0], { x: 40, y: 0 });
  assert.deepEqual(value.quad[2], { x: 80, y: 20 });
  assert.equal(value.chars[0]?.start, 0);
  assert.equal(value.chars[1]?.end, 1);
});

test("sliceTextLine of an empty range is undefined", () => {
  assert.equal(sliceTextLine(makeTextLine("姓名"), 2, 2), undefined);
});

test("lineChars spaces characters evenly when the engine gave none", () => {
  const line = { ...makeTextLine("户号"), chars: [] };
  const chars = lineChars(line);
  assert.deepEqual(
    chars.map((char) => [char.text, char.start, char.end]),
    [
      ["户", 0, 0.5],
      ["号", 0.5, 1],
    ],
  );
});
