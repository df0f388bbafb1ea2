import assert from "node:assert/strict";
import { test } from "node:test";
import type { RawImage } from "../../image/raw-image.ts";
import { withoutBoxRulings } from "./remove-box-rulings.ts";

/** A 48-high crop: a box (rows 14–46, columns 20–100) and a digit-like stroke raised above it, crossing its side. */
function boxedCrop(): RawImage {
  const width = 160;
  const height = 48;
  const data = new Uint8Array(width * height).fill(230);
  const ink = (x: number, y: number) => {
    data[y * width + x] = 40;
  };
  for (let x = 20; x <= 100; x++) {
    ink(x, 14);
    ink(x, 46);
  }
  for (let y = 14; y <= 46; y++) {
    ink(20, y);
    ink(100, y);
  }
  // A "1" of 20 px high from row 4 to 23, three px wide, at columns 96–98 (across the box's right side).
  for (let y = 4; y < 24; y++) for (let x = 96; x <= 98; x++) ink(x, y);
  return { width, height, channels: 1, data };
}

test("box sides and edges are painted out, a digit raised above the box is kept", () => {
  const crop = boxedCrop();
  const clean = withoutBoxRulings(crop);
  assert.notEqual(clean, crop);
  const at = (x: number, y: number) => clean.data[y * clean.width + x] as number;
  assert.ok(at(20, 30) > 200, "left side removed");
  assert.ok(at(100, 40) > 200, "right side below the digit removed");
  assert.ok(at(60, 46) > 200, "bottom edge removed");
  assert.ok(at(97, 10) < 100, "the digit's stroke above the box kept");
});

test("a crop without boxes is returned as it is", () => {
  const width = 100;
  const height = 48;
  const data = new Uint8Array(width * height).fill(230);
  for (let y = 10; y < 30; y++) for (let x = 40; x < 44; x++) data[y * width + x] = 40;
  const crop: RawImage = { width, height, channels: 1, data };
  assert.equal(withoutBoxRulings(crop), crop);
});
