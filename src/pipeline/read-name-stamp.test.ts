import assert from "node:assert/strict";
import { test } from "node:test";
import type { DocumentReading } from "../documents/read-fields.ts";
import { makeTextLine } from "../documents/shared/make-text-line.ts";
import { makePageFrame } from "../documents/shared/page-frame.ts";
import type { RawImage } from "../image/raw-image.ts";
import type { Quad, TextLine } from "../types.ts";
import { readNameStamp } from "./read-name-stamp.ts";
import type { TextEngine } from "./text-engine.ts";

const LABEL: Quad = [
  { x: 40, y: 100 },
  { x: 190, y: 100 },
  { x: 190, y: 130 },
  { x: 40, y: 130 },
];

function paper(width = 480, height = 260): RawImage {
  return { width, height, channels: 3, data: new Uint8Array(width * height * 3).fill(240) };
}

/**
 * A red framed square stamp of side `side` at (cx, cy) with a block of "strokes" in each quarter, in `ink`.
 */
function drawStamp(
  image: RawImage,
  cx: number,
  cy: number,
  side: number,
  ink: [number, number, number] = [210, 50, 60],
): void {
  const half = side / 2;
  for (let y = Math.round(cy - half); y < cy + half; y++) {
    for (let x = Math.round(cx - half); x < cx + half; x++) {
      const u = x - cx;
      const v = y - cy;
      const frame = Math.abs(u) > half - 4 || Math.abs(v) > half - 4;
      const glyph = Math.abs(u) > 5 && Math.abs(u) < half - 9 && Math.abs(v) > 5 && Math.abs(v) < half - 9;
      if (!frame && !(glyph && (x + y) % 5 < 3)) continue;
      const i = (y * image.width + x) * 3;
      image.data.set(ink, i);
    }
  }
}

function readingWith(label?: Quad): DocumentReading {
  const fields = new Map();
  fields.set("registrar", {
    key: "registrar",
    text: "",
    pieceTexts: [],
    chars: [],
    quads: [],
    confidence: 0,
    ...(label
      ? { label: { quad: label, line: { ...makeTextLine("承办人签章"), quad: label }, start: 0, end: 5 } }
      : {}),
  });
  return { fields, labelsFound: 1, frame: makePageFrame(0) } as unknown as DocumentReading;
}

/** An engine that reads a line of n glyphs (64 px apart after a 16 px margin) as the first n of 张三之印. */
function glyphEngine(calls: number[]): TextEngine {
  return {
    detect: async () => [],
    recognize: async (_image, quads) => {
      calls.push(quads.length);
      return quads.map((quad): TextLine => {
        const width = quad[1].x - quad[0].x;
        const count = Math.round((width - 16) / 64);
        const chars = Array.from("张三之印")
          .slice(0, count)
          .map((text, i) => {
            const middle = (16 + i * 64 + 24) / width;
            return {
              text,
              confidence: 0.95,
              start: middle - 0.02,
              end: middle + 0.02,
              alternatives: [{ text, probability: 0.95 }],
            };
          });
        return { text: chars.map((c) => c.text).join(""), confidence: 0.95, quad, detectionScore: 1, chars };
      });
    },
    dispose: async () => {},
  };
}

test("a red stamp right of the label is read in seal order without its 之印", async () => {
  const image = paper();
  drawStamp(image, 260, 112, 64);
  const calls: number[] = [];
  const stamp = await readNameStamp(image, readingWith(LABEL), "registrar", glyphEngine(calls));
  assert.ok(stamp);
  assert.equal(stamp.text, "张三");
  assert.equal(stamp.chars.length, 2);
  assert.ok(Math.abs(stamp.confidence - 0.95 * 0.95) < 1e-9, "both glyphs must be right");
  const xs = stamp.quad.map((p) => p.x);
  assert.ok(Math.min(...xs) > 220 && Math.max(...xs) < 300, `stamp box ${xs}`);
  // Every glyph read surely in the common layout: one pass.
  assert.deepEqual(calls, [1]);
});

test("an empty cell gives no reading, and the engine is not asked", async () => {
  const calls: number[] = [];
  assert.equal(await readNameStamp(paper(), readingWith(LABEL), "registrar", glyphEngine(calls)), undefined);
  assert.deepEqual(calls, []);
});

test("without the label the stamp is looked for before the next label, and beside other label-like lines", async () => {
  const image = paper();
  drawStamp(image, 260, 112, 64);
  const reading = readingWith();
  const next: Quad = [
    { x: 420, y: 100 },
    { x: 470, y: 100 },
    { x: 470, y: 130 },
    { x: 420, y: 130 },
  ];
  reading.fields.set("registrationDate", { label: { quad: next } } as never);
  const before = await readNameStamp(image, reading, "registrar", glyphEngine([]), {
    nextKey: "registrationDate",
  });
  assert.equal(before?.text, "张三");
  const beside = await readNameStamp(image, readingWith(), "registrar", glyphEngine([]), {
    otherLabels: [LABEL],
  });
  assert.equal(beside?.text, "张三");
  assert.equal(await readNameStamp(image, readingWith(), "registrar", glyphEngine([])), undefined);
});

test("one unsure glyph makes the whole name unsure", async () => {
  const image = paper();
  drawStamp(image, 260, 112, 64);
  const sure = glyphEngine([]);
  const engine: TextEngine = {
    ...sure,
    recognize: async (picture, quads) =>
      (await sure.recognize(picture, quads)).map((line) => ({
        ...line,
        chars: line.chars.map((char, i) =>
          i === 0
            ? { ...char, confidence: 0.4, alternatives: [{ text: char.text, probability: 0.4 }] }
            : char,
        ),
      })),
  };
  const stamp = await readNameStamp(image, readingWith(LABEL), "registrar", engine);
  assert.equal(stamp?.text, "张三");
  assert.ok((stamp?.confidence ?? 1) <= 0.4, `confidence ${stamp?.confidence}`);
});

test("a label box taller than its characters (it took in a stroke above) does not make the stamp look small", async () => {
  const image = paper(480, 300);
  drawStamp(image, 240, 142, 48);
  // 承办人签章 in a box 150 wide but 90 tall: five characters 30 wide, so the text is 30 high, not 90.
  const tall: Quad = [
    { x: 40, y: 97 },
    { x: 190, y: 97 },
    { x: 190, y: 187 },
    { x: 40, y: 187 },
  ];
  const stamp = await readNameStamp(image, readingWith(tall), "registrar", glyphEngine([]));
  assert.equal(stamp?.text, "张三");
});

test("a framed stamp read unsurely as something no one is called names no one; read surely, it is taken", async () => {
  const image = paper();
  drawStamp(image, 260, 112, 64);
  const readAs = (text: string, confidence: number): TextEngine => ({
    ...glyphEngine([]),
    recognize: async (picture, quads) =>
      (await glyphEngine([]).recognize(picture, quads)).map((line) => ({
        ...line,
        chars: line.chars.map((char, i) => {
          const glyph = i < text.length ? (text[i] as string) : char.text;
          return {
            ...char,
            text: glyph,
            confidence,
            alternatives: [{ text: glyph, probability: confidence }],
          };
        }),
      })),
  });
  const junk = await readNameStamp(image, readingWith(LABEL), "registrar", readAs("酸屋", 0.8));
  assert.equal(junk?.text, "");
  assert.equal(junk?.confidence, 0);
  assert.equal(
    (await readNameStamp(image, readingWith(LABEL), "registrar", readAs("李红", 0.8)))?.text,
    "李红",
  );
  assert.equal(
    (await readNameStamp(image, readingWith(LABEL), "registrar", readAs("酸屋", 0.99)))?.text,
    "酸屋",
  ); // A plausible name whose glyphs were all read unsurely (0.2 × 0.2) is the priors' guess, not a reading.
  const guess = await readNameStamp(image, readingWith(LABEL), "registrar", readAs("李红", 0.2));
  assert.equal(guess?.text, "");
  assert.equal(guess?.confidence, 0);
  assert.equal(
    (await readNameStamp(image, readingWith(LABEL), "registrar", readAs("李红", 0.3)))?.text,
    "李红",
  );
});

test("a faded red stamp is read when framed; unframed, its ink makes an empty cell's answer unsure", async () => {
  // Redness 30 over the paper's 0: below the contrast red ink is taken at on its own.
  const faded: [number, number, number] = [236, 206, 204];
  const framed = paper();
  drawStamp(framed, 260, 112, 64, faded);
  assert.equal((await readNameStamp(framed, readingWith(LABEL), "registrar", glyphEngine([])))?.text, "张三");
  // Unframed: a round blot of strokes.
  const unframed = paper();
  for (let y = 82; y < 142; y++)
    for (let x = 230; x < 290; x++)
      if (Math.hypot(x - 260, y - 112) < 30 && (x + y) % 5 < 3)
        unframed.data.set(faded, (y * unframed.width + x) * 3);
  const calls: number[] = [];
  const unsure = await readNameStamp(unframed, readingWith(LABEL), "registrar", glyphEngine(calls));
  assert.equal(unsure?.text, "");
  assert.equal(unsure?.confidence, 0);
  assert.deepEqual(calls, [], "nothing is read of ink that is no stamp");
  // Where the cell's ordinary reading holds something (a signature in ink), that reading stands.
  const signed = readingWith(LABEL);
  const field = signed.fields.get("registrar");
  if (field) signed.fields.set("registrar", { ...field, text: "王五" });
  assert.equal(await readNameStamp(unframed, signed, "registrar", glyphEngine([])), undefined);
});
