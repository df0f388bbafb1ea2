import assert from "node:assert/strict";
import { test } from "node:test";
import { makeTextLine } from "../../documents/shared/make-text-line.ts";
import type { RawImage } from "../../image/raw-image.ts";
import type { Quad } from "../../types.ts";
import { type LineReader, readInReadingDirection } from "./read-in-reading-direction.ts";

const IMAGE: RawImage = { width: 1, height: 1, channels: 3, data: new Uint8Array(3) };

/** A reader that reads confidently only boxes whose first edge runs along `truth` (as a real model would). */
function readerFor(truth: number): LineReader {
  return {
    async recognize(_image, quads) {
      return quads.map((quad) => {
        const angle = Math.atan2(quad[1].y - quad[0].y, quad[1].x - quad[0].x);
        const aligned = Math.cos(angle - truth) > 0.9;
        return makeTextLine("出生日期", { confidence: aligned ? 0.97 : 0.3 });
      });
    },
  };
}

function lineBox(cx: number, cy: number, turn: number): Quad {
  const corner = (x: number, y: number) => ({
    x: cx + x * Math.cos(turn) - y * Math.sin(turn),
    y: cy + x * Math.sin(turn) + y * Math.cos(turn),
  });
  return [corner(-80, -10), corner(80, -10), corner(80, 10), corner(-80, 10)];
}

for (const degrees of [0, 90, 180, 270, 184]) {
  test(`a page turned ${degrees}° is read the right way round`, async () => {
    const truth = (degrees * Math.PI) / 180;
    // The detector's corner order says nothing about the page's turn: give the boxes upright-looking order.
    const quads = [0, 1, 2, 3].map((i) => lineBox(200, 100 + 40 * i, truth % Math.PI));
    const decided = await readInReadingDirection(IMAGE, quads, readerFor(truth));
    assert.ok(Math.cos(decided.direction - truth) > 0.99, `decided ${decided.direction}`);
    assert.ok(decided.confidence > decided.rejectedConfidence);
    assert.equal(decided.lines.length, quads.length);
    assert.ok(
      decided.lines.every((line) => line.confidence > 0.9),
      "every box read the way that won",
    );
  });
}

test("an upright page is read once, plus only its sample the other way", async () => {
  let boxesRead = 0;
  const reader = readerFor(0);
  const counting: LineReader = {
    recognize(image, quads) {
      boxesRead += quads.length;
      return reader.recognize(image, quads);
    },
  };
  const quads = Array.from({ length: 20 }, (_, i) => lineBox(200, 100 + 40 * i, 0));
  const decided = await readInReadingDirection(IMAGE, quads, counting, 8);
  assert.equal(decided.direction, 0);
  assert.equal(boxesRead, 28);
});
