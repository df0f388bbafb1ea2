import assert from "node:assert/strict";
import { test } from "node:test";
import { makePageFrame } from "../documents/shared/page-frame.ts";
import type { Quad, TextLine } from "../types.ts";
import { type DateRow, findUnits, placeUnits, type UnitMark } from "./date-units.ts";

/** A line of evenly spaced characters, 20 px each, from `left` on the row at y 100–120. */
function line(text: string, left: number, top = 100): TextLine {
  const symbols = Array.from(text);
  const width = symbols.length * 20;
  const quad: Quad = [
    { x: left, y: top },
    { x: left + width, y: top },
    { x: left + width, y: top + 20 },
    { x: left, y: top + 20 },
  ];
  return {
    text,
    confidence: 0.9,
    quad,
    detectionScore: 1,
    chars: symbols.map((symbol, i) => ({
      text: symbol,
      confidence: 0.9,
      start: i / symbols.length,
      end: (i + 1) / symbols.length,
      alternatives: [{ text: symbol, probability: 0.9 }],
    })),
  };
}

const row: DateRow = { start: 100, end: 600, centerY: 110, pitch: 20 };
const frame = makePageFrame(0);
const centres = (marks: readonly (UnitMark | undefined)[]) =>
  marks.map((mark) => (mark === undefined ? undefined : (mark.left + mark.right) / 2));

test("units are found in order on the label's row, wherever the boxes' lines were cut", () => {
  const lines = [
    line("出生时间", 20),
    line("2016", 110),
    line("年10", 200),
    line("月2", 280),
    line("日02时", 340),
    // A unit on another row is not the row's.
    line("分", 480, 160),
  ];
  const marks = findUnits(lines, frame, row, ["年", "月", "日", "时", "分"]);
  assert.deepEqual(centres(marks), [210, 290, 350, 410, undefined]);
  assert.deepEqual(
    marks.map((mark) => mark?.unit),
    ["年", "月", "日", "时", undefined],
  );
});

test("a unit is looked for only after the one before it and past the label", () => {
  // The label's 日 (签发日期) and a 日 before the year's 年 are not the day's.
  const marks = findUnits([line("签发日期", 20), line("日2016年05月11日", 100)], frame, row, [
    "年",
    "月",
    "日",
  ]);
  assert.deepEqual(centres(marks), [210, 270, 330]);
});

test("units not read are placed by those read", () => {
  const mark = (centre: number): UnitMark => ({
    unit: "u",
    left: centre - 10,
    right: centre + 10,
    centerY: 110,
  });
  const between = placeUnits([mark(200), mark(300), undefined, mark(500), undefined], row);
  assert.deepEqual(centres(between ?? []), [200, 300, 400, 500, 610]);
  const first = placeUnits([undefined, mark(300), mark(400)], row);
  assert.deepEqual(centres(first ?? []), [200, 300, 400]);
  assert.equal(placeUnits([mark(200), undefined, undefined], row), undefined);
});
