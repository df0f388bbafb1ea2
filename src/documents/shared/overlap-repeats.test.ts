import assert from "node:assert/strict";
import { test } from "node:test";
import { textLineAt } from "./make-text-line.ts";
import { withoutBoundaryRepeats, withoutOverlapRepeats } from "./overlap-repeats.ts";
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

test("words read twice where two boxes of a name meet are read once; apart, or one character, they stay", () => {
  // 驻马店市第一人民 (100…260) was completed past its box; 人民医院 starts at 255, under its last characters.
  // A box nested in the first (马店市, read again) does not hide it.
  const met = withoutBoundaryRepeats(
    [piece("人民医院", 255, 1), piece("驻马店市第一人民", 100, 0), piece("马店市", 120, 2)],
    frame,
  );
  assert.deepEqual(
    met.map((p) => p.line.text),
    ["驻马店市第一人民", "马店市", "医院"],
  );
  // The same words in boxes three characters apart are two readings of different ink.
  const apart = withoutBoundaryRepeats([piece("第一人民", 100, 0), piece("人民医院", 240, 1)], frame);
  assert.deepEqual(
    apart.map((p) => p.line.text),
    ["第一人民", "人民医院"],
  );
  // One character repeated is no evidence of a double read.
  const one = withoutBoundaryRepeats([piece("刘岗村", 100, 0), piece("村6组", 160, 1)], frame);
  assert.deepEqual(
    one.map((p) => p.line.text),
    ["刘岗村", "村6组"],
  );
});
