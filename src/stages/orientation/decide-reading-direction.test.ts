import assert from "node:assert/strict";
import { test } from "node:test";
import { makeTextLine } from "../../documents/shared/make-text-line.ts";
import type { RawImage } from "../../image/raw-image.ts";
import type { Quad } from "../../types.ts";
import { decideReadingDirection, type LineReader } from "./decide-reading-direction.ts";

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
    const decided = await decideReadingDirection(IMAGE, quads, readerFor(truth));
    assert.ok(Math.cos(decided.direction - truth) > 0.99, `decided ${decided.direction}`);
    assert.ok(decided.confidence > decided.rejectedConfidence);
  });
}
