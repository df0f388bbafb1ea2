import assert from "node:assert/strict";
import { test } from "node:test";
import type { Quad } from "../types.ts";
import { captionBoxes } from "./caption-boxes.ts";

function box(left: number, top: number, width: number, height: number): Quad {
  return [
    { x: left, y: top },
    { x: left + width, y: top },
    { x: left + width, y: top + height },
    { x: left, y: top + height },
  ];
}

test("a small line starting under a taller one is its caption", () => {
  const label = box(100, 100, 200, 40);
  const caption = box(102, 145, 180, 20);
  const value = box(350, 100, 300, 40);
  assert.deepEqual([...captionBoxes([label, caption, value], 0)], [[1, 0]]);
});

test("lines of the same height, far below, or starting elsewhere are not captions", () => {
  const label = box(100, 100, 200, 40);
  const sameHeight = box(100, 150, 200, 40);
  const farBelow = box(100, 260, 200, 20);
  const shifted = box(300, 145, 200, 20);
  assert.deepEqual([...captionBoxes([label, sameHeight, farBelow, shifted], 0)], []);
});

test("under a page turned upside down, the caption is found in that reading direction", () => {
  // The same label and caption as the first test, turned half a turn about the origin.
  const turn = (quad: Quad): Quad => quad.map((p) => ({ x: -p.x, y: -p.y })) as unknown as Quad;
  const label = turn(box(100, 100, 200, 40));
  const caption = turn(box(102, 145, 180, 20));
  assert.deepEqual([...captionBoxes([label, caption], Math.PI)], [[1, 0]]);
  assert.deepEqual([...captionBoxes([label, caption], 0)], []);
});

test("a single character under a line is no caption (a letter-spaced label cut into boxes)", () => {
  const line = box(100, 100, 200, 40);
  const character = box(100, 145, 25, 25);
  assert.deepEqual([...captionBoxes([line, character], 0)], []);
});
