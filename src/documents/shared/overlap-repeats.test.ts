import assert from "node:assert/strict";
import { test } from "node:test";
import { textLineAt } from "./make-text-line.ts";
import { withoutOverlapRepeats } from "./overlap-repeats.ts";
import { makePageFrame } from "./page-frame.ts";

const frame = makePageFrame(0);
const piece = (text: string, x: number, lineIndex: number) => ({ line: textLineAt(text, x, 100), lineIndex });

test("characters two overlapping boxes both read are kept once", () => {
  // `2018年09` spans 100…240; the second box starts under its `09` (200…240).
  const pieces = withoutOverlapRepeats([piece("09月03日", 200, 1), piece("2018年09", 100, 0)], frame);
  assert.deepEqual(
    pieces.map((p) => p.line.text),
    ["2018年09", "月03日"],
  );
});

test("boxes that only touch keep every character", () => {
  const pieces = withoutOverlapRepeats([piece("2018年", 100, 0), piece("09月", 198, 1)], frame);
  assert.deepEqual(
    pieces.map((p) => p.line.text),
    ["2018年", "09月"],
  );
});

test("a box wholly under another is dropped", () => {
  const pieces = withoutOverlapRepeats([piece("2018年09月", 100, 0), piece("09", 200, 1)], frame);
  assert.deepEqual(
    pieces.map((p) => p.line.text),
    ["2018年09月"],
  );
});
