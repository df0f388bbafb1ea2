import assert from "node:assert/strict";
import { test } from "node:test";
import type { Point, Quad } from "../types.ts";
import { rectangleAspect, rectangleAspectRange } from "./rectangle-aspect.ts";

/** A width×height rectangle tilted about both axes and turned in its plane, 3D, seen by a pinhole camera. */
function photograph(
  width: number,
  height: number,
  tiltX: number,
  tiltY: number,
  turn: number,
  focal: number,
): Quad {
  const centre = { x: 640, y: 480 };
  const corners: [number, number][] = [
    [-width / 2, -height / 2],
    [width / 2, -height / 2],
    [width / 2, height / 2],
    [-width / 2, height / 2],
  ];
  return corners.map(([u, v]): Point => {
    // Turn in plane, then tilt about x and y, then push away from the camera.
    let x = u * Math.cos(turn) - v * Math.sin(turn);
    let y = u * Math.sin(turn) + v * Math.cos(turn);
    let z = 0;
    [y, z] = [y * Math.cos(tiltX) - z * Math.sin(tiltX), y * Math.sin(tiltX) + z * Math.cos(tiltX)];
    [x, z] = [x * Math.cos(tiltY) + z * Math.sin(tiltY), -x * Math.sin(tiltY) + z * Math.cos(tiltY)];
    z += 900;
    return { x: centre.x + (focal * x) / z, y: centre.y + (focal * y) / z };
  }) as unknown as Quad;
}

test("recovers a page's shape from a photo taken at a slant, where the sides' lengths mislead", () => {
  const quad = photograph(143, 105, 0.5, 0.35, 0.2, 1000);
  const [tl, tr, br, bl] = quad;
  const naive =
    (Math.hypot(tr.x - tl.x, tr.y - tl.y) + Math.hypot(br.x - bl.x, br.y - bl.y)) /
    (Math.hypot(bl.x - tl.x, bl.y - tl.y) + Math.hypot(br.x - tr.x, br.y - tr.y));
  assert.ok(Math.abs(Math.log(naive / (143 / 105))) > 0.05, `the slant should mislead: ${naive}`);
  const aspect = rectangleAspect(quad, { x: 640, y: 480 });
  assert.ok(Math.abs(aspect - 143 / 105) < 0.01, `aspect ${aspect}`);
});

test("a tall sheet seen at a slant stays tall", () => {
  const aspect = rectangleAspect(photograph(210, 297, -0.4, 0.3, -0.1, 800), { x: 640, y: 480 });
  assert.ok(Math.abs(aspect - 210 / 297) < 0.01, `aspect ${aspect}`);
});

test("falls back to the sides' lengths when the view is square on", () => {
  const quad: Quad = [
    { x: 100, y: 100 },
    { x: 400, y: 100 },
    { x: 400, y: 300 },
    { x: 100, y: 300 },
  ];
  assert.ok(Math.abs(rectangleAspect(quad, { x: 250, y: 200 }) - 1.5) < 1e-9);
});

test("the shapes a range of lenses gives hold the page's when the camera's lens is among them", () => {
  // Tilted about the vertical axis only (a slight turn keeps it from being exactly degenerate): the focal length
  // then rests on one vanishing point, and a little noise in the corners moves it far.
  const quad = photograph(143, 105, 0.002, 0.45, 0.03, 1000);
  const [least, most] = rectangleAspectRange(quad, { x: 640, y: 480 }, [700, 2400]);
  assert.ok(least <= 143 / 105 && 143 / 105 <= most, `range ${least}–${most}`);
  // Lenses far shorter than the camera's give a shape that is not the page's.
  const [, shortMost] = rectangleAspectRange(quad, { x: 640, y: 480 }, [150, 250]);
  assert.ok(shortMost < 0.95 * (143 / 105), `range up to ${shortMost}`);
});

test("a flat picture's shape is the same whatever the lens", () => {
  const quad: Quad = [
    { x: 100, y: 100 },
    { x: 400, y: 100 },
    { x: 400, y: 300 },
    { x: 100, y: 300 },
  ];
  const [least, most] = rectangleAspectRange(quad, { x: 250, y: 200 }, [200, 2000]);
  assert.ok(Math.abs(least - 1.5) < 1e-9 && Math.abs(most - 1.5) < 1e-9, `range ${least}–${most}`);
});
