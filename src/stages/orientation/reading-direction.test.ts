import assert from "node:assert/strict";
import { test } from "node:test";
import type { Quad } from "../../types.ts";
import { orderForDirection, readingAxis, toClockwiseDegrees } from "./reading-direction.ts";

function box(cx: number, cy: number, width: number, height: number, turn: number): Quad {
  const cos = Math.cos(turn);
  const sin = Math.sin(turn);
  const corner = (x: number, y: number) => ({ x: cx + x * cos - y * sin, y: cy + x * sin + y * cos });
  return [
    corner(-width / 2, -height / 2),
    corner(width / 2, -height / 2),
    corner(width / 2, height / 2),
    corner(-width / 2, height / 2),
  ];
}

test("the reading axis follows long boxes and ignores square ones", () => {
  const turn = (7 * Math.PI) / 180;
  const quads = [box(100, 100, 200, 20, turn), box(100, 200, 150, 20, turn), box(300, 300, 20, 20, 1)];
  assert.ok(Math.abs((readingAxis(quads) as number) - turn) < 1e-6);
});

test("a quarter-turned page has a vertical axis, whichever corner the detector started at", () => {
  const quads = [box(100, 100, 200, 20, Math.PI / 2), box(150, 100, 180, 20, -Math.PI / 2)];
  assert.ok(Math.abs((readingAxis(quads) as number) - Math.PI / 2) < 1e-6);
  assert.equal(readingAxis([box(0, 0, 20, 20, 0)]), undefined);
});

test("corners are re-ordered so the first edge runs along the reading direction", () => {
  const tall = box(0, 0, 20, 100, 0);
  const down = orderForDirection(tall, Math.PI / 2);
  assert.ok(down[1].y - down[0].y > 90, "first edge points down the page");
  assert.ok(down[0].x > 0, "and starts at the right, where a quarter-turned line's glyph tops are");
  const quad = box(0, 0, 100, 20, 0);
  const reversed = orderForDirection(quad, Math.PI);
  assert.deepEqual(reversed[0], quad[2]);
  assert.deepEqual(orderForDirection(quad, 0), quad);
});

test("directions become clockwise degrees", () => {
  assert.equal(toClockwiseDegrees(0), 0);
  assert.equal(toClockwiseDegrees(Math.PI / 2), 90);
  assert.equal(toClockwiseDegrees(-Math.PI / 2), 270);
  assert.equal(toClockwiseDegrees(Math.PI), 180);
});
