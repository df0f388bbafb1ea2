import assert from "node:assert/strict";
import { test } from "node:test";
import type { DocumentReading } from "../documents/read-fields.ts";
import type { DocumentSpec } from "../documents/shared/field-spec.ts";
import { makeTextLine } from "../documents/shared/make-text-line.ts";
import { makePageFrame } from "../documents/shared/page-frame.ts";
import type { RawImage } from "../image/raw-image.ts";
import type { Quad, TextLine } from "../types.ts";
import { extendValueLines, isBetterReading } from "./extend-value-lines.ts";
import type { TextEngine } from "./text-engine.ts";

const TEXT = "河北省承德市滦平县安纯沟门镇安纯沟门村";
const PITCH = 30;
const LEFT = 20;

/** A page with `count` character-like blocks on one line (30 px apart, from x = 20), and optional ink at `ruling`. */
function page(count: number, ruling?: number): RawImage {
  const width = 800;
  const height = 100;
  const image: RawImage = { width, height, channels: 3, data: new Uint8Array(width * height * 3).fill(235) };
  const ink = (x: number, y: number) => image.data.fill(30, (y * width + x) * 3, (y * width + x) * 3 + 3);
  for (let k = 0; k < count; k++) {
    for (let y = 36; y < 62; y++)
      for (let x = LEFT + k * PITCH + 2; x < LEFT + k * PITCH + 26; x++) if ((x + y) % 3) ink(x, y);
  }
  if (ruling !== undefined)
    for (let y = 0; y < height; y++) for (let x = ruling; x < ruling + 2; x++) ink(x, y);
  return image;
}

function box(from: number, to: number): Quad {
  return [
    { x: from, y: 32 },
    { x: to, y: 32 },
    { x: to, y: 66 },
    { x: from, y: 66 },
  ];
}

const SPEC = { fields: [{ key: "address", labels: ["住址"], kind: "text" }] } as unknown as DocumentSpec;

function readingOf(lines: readonly TextLine[], extra: Record<string, Quad> = {}): DocumentReading {
  const fields = new Map();
  fields.set("address", {
    key: "address",
    text: "",
    pieceTexts: [],
    chars: [],
    quads: lines.map((l) => l.quad),
    confidence: 0.9,
  });
  for (const [key, quad] of Object.entries(extra)) {
    fields.set(key, { key, text: "", pieceTexts: [], chars: [], quads: [quad], confidence: 0.9 });
  }
  return { fields, labelsFound: 1, frame: makePageFrame(0) } as unknown as DocumentReading;
}

/** Reads a quad as the characters of TEXT its span covers (one per 30 px from x = 20). */
function engine(calls: Quad[]): TextEngine {
  return {
    detect: async () => [],
    recognize: async (_image, quads) =>
      quads.map((quad) => {
        calls.push(quad);
        const first = Math.round((quad[0].x - LEFT) / PITCH);
        const last = Math.round((quad[1].x - LEFT) / PITCH);
        const text = Array.from(TEXT).slice(Math.max(0, first), Math.max(0, last)).join("");
        return { ...makeTextLine(text, { confidence: 0.95 }), quad };
      }),
    dispose: async () => {},
  };
}

function valueLine(first: number, last: number): TextLine {
  const quad = box(LEFT + first * PITCH, LEFT + last * PITCH);
  return { ...makeTextLine(Array.from(TEXT).slice(first, last).join(""), { confidence: 0.95 }), quad };
}

test("a value whose boxes stopped short of its ink is read again as one line to the ink's end", async () => {
  const lines = [valueLine(0, 7)];
  const calls: Quad[] = [];
  assert.equal(await extendValueLines(page(15), lines, readingOf(lines), SPEC, engine(calls)), true);
  assert.equal(lines.length, 1);
  assert.equal(lines[0]?.text, Array.from(TEXT).slice(0, 15).join(""));
  assert.ok((lines[0]?.quad[1].x ?? 0) >= LEFT + 15 * PITCH - 6);
});

test("boxes of one value with a character left unboxed between them become one line", async () => {
  const lines = [valueLine(0, 5), valueLine(6, 10)];
  assert.equal(await extendValueLines(page(10), lines, readingOf(lines), SPEC, engine([])), true);
  assert.deepEqual(
    lines.map((line) => line.text),
    [Array.from(TEXT).slice(0, 10).join("")],
  );
});

test("a ruling's stroke read at the span's end is dropped", async () => {
  const lines = [valueLine(0, 7)];
  const strokes: TextEngine = {
    ...engine([]),
    recognize: async (image, quads) =>
      (await engine([]).recognize(image, quads)).map((line) => ({
        ...line,
        ...makeTextLine(`${line.text}一`, { confidence: 0.95 }),
      })),
  };
  assert.equal(await extendValueLines(page(12), lines, readingOf(lines), SPEC, strokes), true);
  assert.equal(lines[0]?.text, Array.from(TEXT).slice(0, 12).join(""));
});

test("a label read at the end of the longer reading is cut off it, a place word of a label is not", async () => {
  const spec = {
    fields: [
      { key: "address", labels: ["住址"], kind: "text" },
      { key: "birthDate", labels: ["出生日期"], kind: "date" },
      { key: "community", labels: ["居委会"], kind: "text" },
    ],
  } as unknown as DocumentSpec;
  const withEnd = (end: string): TextEngine => ({
    ...engine([]),
    recognize: async (image, quads) =>
      (await engine([]).recognize(image, quads)).map((line) => ({
        ...line,
        ...makeTextLine(`${line.text}${end}`, { confidence: 0.95 }),
      })),
  });
  const label = [valueLine(0, 7)];
  assert.equal(await extendValueLines(page(12), label, readingOf(label), spec, withEnd("出生日期")), true);
  assert.equal(label[0]?.text, Array.from(TEXT).slice(0, 12).join(""));
  const half = [valueLine(0, 7)];
  await extendValueLines(page(12), half, readingOf(half), spec, withEnd("出生日"));
  assert.equal(half[0]?.text, Array.from(TEXT).slice(0, 12).join(""), "a label's beginning too");
  const place = [valueLine(0, 7)];
  await extendValueLines(page(12), place, readingOf(place), spec, withEnd("居委会"));
  assert.equal(place[0]?.text, `${Array.from(TEXT).slice(0, 12).join("")}居委会`);
});

test("the ink is not followed past a ruling, nor into another field's box, nor read when it stops at the box", async () => {
  const calls: Quad[] = [];
  const whole = [valueLine(0, 7)];
  assert.equal(await extendValueLines(page(7), whole, readingOf(whole), SPEC, engine(calls)), false);
  assert.equal(calls.length, 0, "nothing past the box: nothing read");
  const ruled = [valueLine(0, 7)];
  await extendValueLines(page(15, LEFT + 10 * PITCH - 2), ruled, readingOf(ruled), SPEC, engine([]));
  assert.equal(ruled[0]?.text, Array.from(TEXT).slice(0, 10).join(""), "stops at the ruling");
  const next = [valueLine(0, 7), valueLine(10, 15)];
  const reading = readingOf([next[0] as TextLine], { householderName: next[1]?.quad as Quad });
  await extendValueLines(page(15), next, reading, SPEC, engine([]));
  assert.equal(next[0]?.text, Array.from(TEXT).slice(0, 10).join(""), "stops at another field's box");
  assert.equal(next.length, 2);
});

test("a longer reading replaces the boxes' only when it keeps their characters and adds sure ones", () => {
  const pieces = [makeTextLine("河北省承德市", { confidence: 0.9 })];
  assert.ok(isBetterReading(pieces, makeTextLine("河北省承德市滦平县", { confidence: 0.9 })));
  assert.ok(!isBetterReading(pieces, makeTextLine("河北省承德", { confidence: 0.9 })), "shorter");
  assert.ok(!isBetterReading(pieces, makeTextLine("山东省烟台市招远市", { confidence: 0.9 })), "other text");
  const doubled = makeTextLine("河北省承承德市", { confidence: 0.9 });
  const where = { covered: [[0, 0.8]] as [number, number][], charWidth: 0.1 };
  assert.ok(!isBetterReading(pieces, doubled, where), "a character read twice inside the boxes");
  const beyond = makeTextLine("河北省承德市滦平", { confidence: 0.9 });
  assert.ok(
    isBetterReading(pieces, beyond, { covered: [[0, 0.75]], charWidth: 0.1 }),
    "added past the boxes",
  );
  assert.ok(
    !isBetterReading(
      pieces,
      makeTextLine("河北省承德市滦平县", { confidence: 0.9, confidences: { 6: 0.3, 7: 0.4, 8: 0.5 } }),
    ),
    "added characters unsure",
  );
});
