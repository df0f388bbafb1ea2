import assert from "node:assert/strict";
import { test } from "node:test";
import type { RawImage } from "../../image/raw-image.ts";
import { inkAsBlack, inkMask, measureInk } from "./stamp-ink.ts";

type Rgb = [number, number, number];

/** A 100-pixel strip: `counts` pixels of each colour in turn. */
function strip(parts: [Rgb, number][]): RawImage {
  const pixels = parts.flatMap(([colour, count]) => Array.from({ length: count }, () => colour));
  return { width: pixels.length, height: 1, channels: 3, data: Uint8Array.from(pixels.flat()) };
}

const seal: Rgb = [215, 60, 70];
const black: Rgb = [30, 30, 35];

test("red ink on reddish paper is told from the paper by how far it stands above it", () => {
  const tinted: Rgb = [245, 205, 170];
  const image = strip([
    [tinted, 90],
    [seal, 10],
  ]);
  const levels = measureInk(image, "red");
  assert.ok(levels);
  const mask = inkMask(image, levels);
  assert.equal(
    mask.data.slice(0, 90).reduce((sum, v) => sum + v, 0),
    0,
  );
  assert.equal(
    mask.data.slice(90).reduce((sum, v) => sum + v, 0),
    10,
  );
});

test("a cell without red ink, or without anything dark, measures no ink of that kind", () => {
  const paper: Rgb = [240, 238, 230];
  assert.equal(
    measureInk(
      strip([
        [paper, 95],
        [black, 5],
      ]),
      "red",
    ),
    undefined,
  );
  assert.equal(measureInk(strip([[paper, 100]]), "dark"), undefined);
  assert.ok(
    measureInk(
      strip([
        [paper, 95],
        [black, 5],
      ]),
      "dark",
    ),
  );
});

test("the recogniser's copy has seal ink black and print under the seal white", () => {
  const paper: Rgb = [240, 236, 228];
  const image = strip([
    [paper, 60],
    [seal, 30],
    [black, 10],
  ]);
  const levels = measureInk(image, "red");
  assert.ok(levels);
  const out = inkAsBlack(image, levels);
  const at = (i: number) => out.data[i * 3] as number;
  assert.equal(at(0), 255);
  assert.equal(at(70), 0);
  assert.equal(at(95), 255);
});
