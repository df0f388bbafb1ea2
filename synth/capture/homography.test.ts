import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  applyHomography,
  compose,
  homographyFromQuads,
  invert,
  mapCorners,
  rotation,
  scaling,
  translation,
} from "./homography.ts";

const square = [
  { x: 0, y: 0 },
  { x: 10, y: 0 },
  { x: 10, y: 10 },
  { x: 0, y: 10 },
] as const;
const kite = [
  { x: 3, y: 4 },
  { x: 40, y: 1 },
  { x: 52, y: 37 },
  { x: -2, y: 30 },
] as const;

function near(actual: { x: number; y: number }, expected: { x: number; y: number }, tolerance = 1e-9) {
  assert.ok(
    Math.hypot(actual.x - expected.x, actual.y - expected.y) < tolerance,
    `${JSON.stringify(actual)}`,
  );
}

describe("homography", () => {
  it("maps the four source points onto the four targets", () => {
    const h = homographyFromQuads(square, kite);
    mapCorners(h, square).forEach((p, i) => {
      near(p, kite[i] as { x: number; y: number }, 1e-9);
    });
  });

  it("inverts and composes", () => {
    const h = homographyFromQuads(square, kite);
    near(applyHomography(compose(invert(h), h), { x: 7, y: 2 }), { x: 7, y: 2 });
    const moved = compose(translation(5, -1), compose(scaling(2), rotation(90)));
    // 90° clockwise on screen takes +x to +y; then doubled and shifted.
    near(applyHomography(moved, { x: 1, y: 0 }), { x: 5, y: 1 });
  });

  it("rejects a degenerate quad", () => {
    assert.throws(() => homographyFromQuads(square, [kite[0], kite[0], kite[0], kite[0]]));
  });
});
