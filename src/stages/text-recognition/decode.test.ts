import assert from "node:assert/strict";
import { test } from "node:test";
import { ctcLabels, decodeCtc, spanAlternatives } from "./decode.ts";

const labels = ctcLabels(["甲", "乙", "丙"]);
const classes = labels.length;

/** Frames as [best class, its probability]; the rest of each frame's mass goes to the next class. */
function logits(frames: [number, number][]): Float32Array {
  const data = new Float32Array(frames.length * classes);
  frames.forEach(([label, p], t) => {
    data[t * classes + label] = p;
    data[t * classes + ((label + 1) % classes)] = 1 - p;
  });
  return data;
}

function layout(frames: number, contentWidth: number) {
  return { offset: 0, frames, classes, frameWidth: 8, contentWidth };
}

test("labels: blank first, dictionary, space last", () => {
  assert.deepEqual(labels, ["", "甲", "乙", "丙", " "]);
});

test("repeats merge, blanks separate, a blank between equal labels keeps both", () => {
  const data = logits([
    [1, 0.9],
    [1, 0.95],
    [0, 0.99],
    [1, 0.8],
    [2, 0.7],
    [2, 0.6],
    [0, 0.9],
    [4, 0.9],
    [3, 0.9],
  ]);
  const line = decodeCtc(data, layout(9, 72), labels, 3);
  assert.equal(line.text, "甲甲乙 丙");
  assert.deepEqual(
    line.chars.map((c) => c.confidence),
    [0.95, 0.8, 0.7, 0.9, 0.9].map(Math.fround),
  );
  assert.ok(Math.abs(line.confidence - (0.95 + 0.8 + 0.7 + 0.9 + 0.9) / 5) < 1e-6);
});

test("characters get positions as fractions of the line, halfway to neighbours, at most half a character out", () => {
  // 20 frames of 8 px = 160 px, line content 160 px. Characters at frames 2 and 4, then one alone at 15.
  const frames: [number, number][] = Array.from({ length: 20 }, () => [0, 0.99]);
  frames[2] = [1, 0.9];
  frames[4] = [2, 0.9];
  frames[15] = [3, 0.9];
  const line = decodeCtc(logits(frames), layout(20, 160), labels, 2);
  const positions = line.chars.map((c) => [c.start, c.end].map((v) => Math.round(v * 160)));
  // Centres at 2.5, 4.5, 15.5 frames = 20, 36, 124 px; half a character is 3 frames = 24 px.
  assert.deepEqual(positions, [
    [0, 28],
    [28, 60],
    [100, 148],
  ]);
});

test("each character keeps its best readings, blank excluded, best first", () => {
  const data = new Float32Array(classes);
  data.set([0.05, 0.1, 0.6, 0.2, 0.05]);
  const line = decodeCtc(data, layout(1, 8), labels, 3);
  assert.deepEqual(
    line.chars[0]?.alternatives.map((a) => a.text),
    ["乙", "丙", "甲"],
  );
  assert.ok(Math.abs((line.chars[0]?.alternatives[0]?.probability ?? 0) - 0.6) < 1e-6);
});

test("an all-blank line is empty with confidence 0", () => {
  const line = decodeCtc(
    logits([
      [0, 1],
      [0, 1],
    ]),
    layout(2, 16),
    labels,
    5,
  );
  assert.deepEqual(line, { text: "", confidence: 0, chars: [] });
});

test("a frame whose best class is below one half is still read correctly", () => {
  const data = new Float32Array(classes);
  data.set([0.3, 0.05, 0.1, 0.45, 0.1]);
  const line = decodeCtc(data, layout(1, 8), labels, 2);
  assert.equal(line.text, "丙");
  assert.ok(Math.abs((line.chars[0]?.confidence ?? 0) - 0.45) < 1e-6);
});

test("span alternatives: each span's classes by their best frame in it, even where every frame reads blank", () => {
  // Frames 0–3: the first glyph, read blank throughout (乙 at most 0.25); frames 4–7: the second, read 丙.
  const data = logits([
    [0, 0.9],
    [0, 0.7],
    [0, 0.8],
    [0, 0.95],
    [0, 0.9],
    [3, 0.6],
    [3, 0.8],
    [0, 0.9],
  ]);
  data[1 * classes + 2] = 0.25;
  data[2 * classes + 2] = 0.125;
  const [first, second] = spanAlternatives(
    data,
    layout(8, 64),
    labels,
    [
      { start: 0, end: 0.5 },
      { start: 0.5, end: 1 },
    ],
    2,
  );
  // Blank (class 0) is never a candidate; 甲 is the blank frames' leftover mass (0.3 at frame 1).
  assert.deepEqual(first, [
    { text: "甲", probability: data[1 * classes + 1] as number },
    { text: "乙", probability: 0.25 },
  ]);
  assert.equal(second?.[0]?.text, "丙");
  assert.ok(Math.abs((second?.[0]?.probability ?? 0) - 0.8) < 1e-6);
});
