import assert from "node:assert/strict";
import { test } from "node:test";
import type { Quad } from "../types.ts";
import { boundsIoU, boundsQuad, quadBounds, subQuad } from "./quad.ts";
import { sortReadingOrder } from "./reading-order.ts";

function box(left: number, top: number, right: number, bottom: number): Quad {
  return [
    { x: left, y: top },
    { x: right, y: top },
    { x: right, y: bottom },
    { x: left, y: bottom },
  ];
}

test("subQuad cuts a slanted line along its reading direction", () => {
  const line: Quad = [
    { x: 0, y: 0 },
    { x: 100, y: 10 },
    { x: 98, y: 30 },
    { x: -2, y: 20 },
  ];
  const part = subQuad(line, 0.25, 0.5);
  assert.deepEqual(part, [
    { x: 25, y: 2.5 },
    { x: 50, y: 5 },
    { x: 48, y: 25 },
    { x: 23, y: 22.5 },
  ]);
});

test("IoU of boxes: identical 1, disjoint 0, half-overlap one third", () => {
  const a = quadBounds(box(0, 0, 10, 10));
  assert.equal(boundsIoU(a, a), 1);
  assert.equal(boundsIoU(a, quadBounds(box(20, 0, 30, 10))), 0);
  assert.equal(boundsIoU(a, quadBounds(box(5, 0, 15, 10))), 1 / 3);
});

test("reading order: rows top to bottom, left to right within a row despite small offsets", () => {
  const items = [
    { name: "value", quad: box(200, 12, 300, 32) },
    { name: "second row", quad: box(10, 60, 80, 80) },
    { name: "label", quad: box(10, 10, 80, 30) },
    { name: "title", quad: box(100, -40, 200, -10) },
  ];
  const names = sortReadingOrder(items, (item) => item.quad).map((item) => item.name);
  assert.deepEqual(names, ["title", "label", "value", "second row"]);
});

test("boundsQuad gives the rectangle's corners clockwise from the top left, and quadBounds gives the bounds back", () => {
  const bounds = { left: 10, top: 20, right: 110, bottom: 70 };
  assert.deepEqual(boundsQuad(bounds), [
    { x: 10, y: 20 },
    { x: 110, y: 20 },
    { x: 110, y: 70 },
    { x: 10, y: 70 },
  ]);
  assert.deepEqual(quadBounds(boundsQuad(bounds)), bounds);
});
