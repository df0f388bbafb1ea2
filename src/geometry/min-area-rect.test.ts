import assert from "node:assert/strict";
import { test } from "node:test";
import type { Point } from "../types.ts";
import { convexHull } from "./convex-hull.ts";
import { minAreaRect } from "./min-area-rect.ts";
import { unclipDistance, unclipRect } from "./unclip.ts";

function near(actual: number, expected: number, tolerance = 1e-6): void {
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} is not within ${tolerance} of ${expected}`);
}

test("the convex hull drops inner and collinear points", () => {
  const hull = convexHull([
    { x: 0, y: 0 },
    { x: 2, y: 0 },
    { x: 4, y: 0 },
    { x: 4, y: 4 },
    { x: 0, y: 4 },
    { x: 2, y: 2 },
  ]);
  assert.equal(hull.length, 4);
});

test("an axis-aligned point set gives its bounding box, corners in reading order", () => {
  const rect = minAreaRect([
    { x: 1, y: 2 },
    { x: 9, y: 2 },
    { x: 9, y: 5 },
    { x: 1, y: 5 },
    { x: 4, y: 3 },
  ]);
  near(rect.width, 8);
  near(rect.height, 3);
  const [tl, tr, br, bl] = rect.corners;
  assert.deepEqual(
    [tl.x, tl.y, tr.x, tr.y, br.x, br.y, bl.x, bl.y].map(Math.round),
    [1, 2, 9, 2, 9, 5, 1, 5],
  );
});

test("a rotated rectangle is recovered with its sides and its top edge first", () => {
  const angle = (20 * Math.PI) / 180;
  const points: Point[] = [];
  for (const [u, v] of [
    [0, 0],
    [30, 0],
    [30, 6],
    [0, 6],
    [12, 3],
  ] as const) {
    points.push({
      x: 50 + u * Math.cos(angle) - v * Math.sin(angle),
      y: 20 + u * Math.sin(angle) + v * Math.cos(angle),
    });
  }
  const rect = minAreaRect(points);
  near(rect.width, 30);
  near(rect.height, 6);
  const [tl, tr] = rect.corners;
  near(Math.atan2(tr.y - tl.y, tr.x - tl.x), angle);
  near(tl.x, 50);
  near(tl.y, 20);
});

test("unclip grows a box by area × ratio / perimeter on every side", () => {
  const rect = minAreaRect([
    { x: 0, y: 0 },
    { x: 20, y: 0 },
    { x: 20, y: 4 },
    { x: 0, y: 4 },
  ]);
  const distance = unclipDistance(rect, 1.5);
  near(distance, (80 * 1.5) / 48);
  const grown = unclipRect(rect, 1.5);
  near(grown.width, 20 + 2 * distance);
  near(grown.height, 4 + 2 * distance);
  near(grown.corners[0].x, -distance);
  near(grown.corners[0].y, -distance);
});
