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

/** Counts the boxes `reader` is asked to read. */
function counting(reader: LineReader): LineReader & { boxesRead: number } {
  return {
    boxesRead: 0,
    recognize(image, quads) {
      this.boxesRead += quads.length;
      return reader.recognize(image, quads);
    },
  };
}

for (const degrees of [0, 180]) {
  test(`a page turned ${degrees}° is read once, plus the first two of its sample the other way`, async () => {
    const truth = (degrees * Math.PI) / 180;
    const reader = counting(readerFor(truth));
    const quads = Array.from({ length: 20 }, (_, i) => lineBox(200, 100 + 40 * i, 0));
    const decided = await readInReadingDirection(IMAGE, quads, reader, 8);
    assert.ok(Math.cos(decided.direction - truth) > 0.99);
    assert.equal(reader.boxesRead, 22);
  });
}

test("when the first of the sample leave the way in doubt, the whole sample is read both ways", async () => {
  const upright = readerFor(0);
  // The first two boxes (the sample's first) read as unsure either way: a smudge, a line of symmetric digits.
  const doubtful: LineReader = {
    async recognize(image, quads) {
      const lines = await upright.recognize(image, quads);
      return lines.map((line, k) => {
        const y = ((quads[k] as Quad)[0].y + (quads[k] as Quad)[2].y) / 2;
        return y < 160 ? makeTextLine("出生日期", { confidence: 0.6 }) : line;
      });
    },
  };
  const reader = counting(doubtful);
  const quads = Array.from({ length: 20 }, (_, i) => lineBox(200, 100 + 40 * i, 0));
  const decided = await readInReadingDirection(IMAGE, quads, reader, 8);
  assert.equal(decided.direction, 0);
  assert.equal(reader.boxesRead, 28);
  assert.equal(decided.lines.length, 20);
});
