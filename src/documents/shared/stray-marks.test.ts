import assert from "node:assert/strict";
import { test } from "node:test";
import { textLineAt as at } from "./make-text-line.ts";
import { dropStrayMarks, isStrayMark } from "./stray-marks.ts";
import type { ValuePiece } from "./value-pieces.ts";

const piece = (text: string): ValuePiece => ({ line: at(text, 100, 100), lineIndex: 0 });

test("a few symbols with no Chinese and no number are a stray mark", () => {
  assert.ok(isStrayMark(piece("3#）")));
  assert.ok(isStrayMark(piece("4）")));
  assert.ok(isStrayMark(piece("e")));
});

test("Chinese, numbers and longer runs are kept", () => {
  assert.equal(isStrayMark(piece("国")), false);
  assert.equal(isStrayMark(piece("12")), false, "a house number on its own");
  assert.equal(isStrayMark(piece("6-6-1703")), false);
  assert.equal(isStrayMark(piece("A座")), false);
  assert.equal(isStrayMark(piece("Room")), false);
});

test("only the named fields lose their marks", () => {
  const assigned = new Map([
    ["immigratedToCityInfo", [piece("4）"), piece("2000年10月由河北省衡水市安平县迁来")]],
    ["stature", [piece("175"), piece("cm")]],
  ]);
  dropStrayMarks(assigned, ["immigratedToCityInfo"]);
  assert.deepEqual(
    assigned.get("immigratedToCityInfo")?.map((p) => p.line.text),
    ["2000年10月由河北省衡水市安平县迁来"],
  );
  assert.equal(assigned.get("stature")?.length, 2);
});
