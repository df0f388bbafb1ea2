import assert from "node:assert/strict";
import { test } from "node:test";
import { insideFrame, layoutCells, plausibleLayouts, snappedCuts } from "./stamp-grid.ts";
import type { InkMask } from "./stamp-ink.ts";

function blank(width: number, height: number): InkMask {
  return { width, height, data: new Uint8Array(width * height) };
}

function fill(mask: InkMask, left: number, top: number, right: number, bottom: number): void {
  for (let y = top; y < bottom; y++) for (let x = left; x < right; x++) mask.data[y * mask.width + x] = 1;
}

/** A 100 px stamp with a 5 px frame. */
function framed(): InkMask {
  const mask = blank(100, 100);
  fill(mask, 0, 0, 100, 5);
  fill(mask, 0, 95, 100, 100);
  fill(mask, 0, 0, 5, 100);
  fill(mask, 95, 0, 100, 100);
  return mask;
}

const corners = (cells: ReturnType<typeof layoutCells>) =>
  cells.map((cell) => [cell.column, cell.row, cell.left, cell.top, cell.right, cell.bottom]);

test("the frame is cut off on each side, with its blurred inner edge", () => {
  const mask = framed();
  fill(mask, 20, 20, 80, 80);
  assert.deepEqual(insideFrame(mask), { left: 20, top: 20, right: 80, bottom: 80 });
});

test("a ruling beside the frame is cut off with it", () => {
  const mask = framed();
  fill(mask, 0, 8, 100, 10); // a ruled line just inside the top of the frame
  fill(mask, 20, 20, 80, 80);
  assert.equal(insideFrame(mask).top, 20);
});

test("a character's bold stroke near the edge is not frame", () => {
  const mask = framed();
  fill(mask, 10, 10, 90, 40);
  fill(mask, 10, 60, 30, 90);
  assert.deepEqual(insideFrame(mask), { left: 10, top: 10, right: 90, bottom: 90 });
});

test("without a frame the ink's box is the inside", () => {
  const mask = blank(60, 50);
  fill(mask, 10, 12, 40, 30);
  assert.deepEqual(insideFrame(mask), { left: 10, top: 12, right: 40, bottom: 30 });
});

test("a 2×2 stamp reads its right column first, top to bottom, then the left one", () => {
  const mask = framed();
  fill(mask, 10, 10, 46, 46); // third: 之
  fill(mask, 54, 10, 90, 46); // first: 张
  fill(mask, 10, 54, 46, 90); // fourth: 印
  fill(mask, 54, 54, 90, 90); // second: 三
  const inside = insideFrame(mask);
  assert.deepEqual(corners(layoutCells(mask, inside, [2, 2])), [
    [0, 0, 50, 10, 90, 50],
    [0, 1, 50, 50, 90, 90],
    [1, 0, 10, 10, 50, 50],
    [1, 1, 10, 50, 50, 90],
  ]);
});

test("cuts move to the gap between characters set off-centre", () => {
  const mask = framed();
  // The left column is wider: the gap lies at x 53–58, not at the middle (50).
  fill(mask, 10, 10, 53, 46);
  fill(mask, 58, 10, 90, 46);
  fill(mask, 10, 54, 53, 90);
  fill(mask, 58, 54, 90, 90);
  const cells = layoutCells(mask, insideFrame(mask), [2, 2]);
  assert.equal(cells[0]?.left, 56);
  assert.equal(cells[2]?.right, 56);
});

test("a three-character stamp with a tall 印 gives two cells on the right and one on the left", () => {
  const mask = framed();
  fill(mask, 54, 10, 90, 46);
  fill(mask, 54, 54, 90, 90);
  fill(mask, 12, 10, 44, 90);
  assert.deepEqual(corners(layoutCells(mask, insideFrame(mask), [2, 1])), [
    [0, 0, 49, 10, 90, 50],
    [0, 1, 49, 50, 90, 90],
    [1, 0, 12, 10, 49, 90],
  ]);
});

test("with no gap near the even place the cut stays even", () => {
  assert.deepEqual(snappedCuts([5, 5, 5, 5, 5, 5, 5, 5, 5, 5], 2, 100), [100, 105, 110]);
  // A gap far from the middle (a radical's) is not taken.
  assert.deepEqual(snappedCuts([5, 5, 0, 0, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5], 2), [0, 10, 20]);
  assert.deepEqual(snappedCuts([5, 5, 5, 5, 5, 5, 5, 5, 5, 5], 1), [0, 10]);
});

test("only layouts whose characters keep a seal's proportions are tried", () => {
  const square = plausibleLayouts(100, 100).map((layout) => layout.join("+"));
  assert.ok(
    square.includes("2+2") && square.includes("2+1") && square.includes("1+1") && square.includes("2"),
  );
  assert.ok(!square.includes("1+1+1+1"));
  const tall = plausibleLayouts(40, 120).map((layout) => layout.join("+"));
  assert.ok(tall.includes("3") && !tall.includes("1+1") && !tall.includes("1+1+1"));
  const wide = plausibleLayouts(120, 40).map((layout) => layout.join("+"));
  assert.ok(wide.includes("1+1+1") && !wide.includes("3") && !wide.includes("2+2"));
});
