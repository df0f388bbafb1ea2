import assert from "node:assert/strict";
import { test } from "node:test";
import type { DocumentReading } from "../documents/read-fields.ts";
import type { DocumentSpec } from "../documents/shared/field-spec.ts";
import { makePageFrame } from "../documents/shared/page-frame.ts";
import type { RawImage } from "../image/raw-image.ts";
import type { Quad, RecognizedChar, TextLine } from "../types.ts";
import { completeValueEnds } from "./complete-value-ends.ts";
import type { TextEngine } from "./text-engine.ts";

const TEXT = "河北省承德市滦平县附14";
const COUNT = Array.from(TEXT).length;
const LEFT = 20;
const PITCH = 30;
const RIGHT = LEFT + COUNT * PITCH;
/** The ruling the value's last character is printed across, 2 px past the box. */
const RULING = RIGHT + 2;

/** A page with the value's characters as blocks of ink and a vertical ruling from top to bottom at `ruling`. */
function page(ruling: number | undefined = RULING): RawImage {
  const width = 700;
  const height = 100;
  const image: RawImage = { width, height, channels: 3, data: new Uint8Array(width * height * 3).fill(235) };
  const ink = (x: number, y: number) => image.data.fill(30, (y * width + x) * 3, (y * width + x) * 3 + 3);
  for (let k = 0; k <= COUNT; k++) {
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

/** A line read from `quad`: TEXT's characters where they lie, and `added` (if any) across the ruling. */
function lineOn(quad: Quad, added?: { text: string; confidence: number }): TextLine {
  const from = quad[0].x;
  const width = quad[1].x - from;
  const at = (x: number) => (x - from) / width;
  const chars: RecognizedChar[] = Array.from(TEXT).map((text, k) => ({
    text,
    confidence: 0.95,
    start: at(LEFT + k * PITCH),
    end: at(LEFT + (k + 1) * PITCH),
    alternatives: [],
  }));
  if (added !== undefined) {
    chars.push({ ...added, start: at(RIGHT - 4), end: at(RIGHT + 22), alternatives: [] });
  }
  // Only what the crop holds is read.
  const read = chars.filter((c) => (c.start + c.end) / 2 >= 0 && (c.start + c.end) / 2 <= 1);
  chars.splice(0, chars.length, ...read);
  const text = chars.map((c) => c.text).join("");
  const confidence = chars.reduce((sum, c) => sum + c.confidence, 0) / chars.length;
  return { text, confidence, chars, quad, detectionScore: 1 };
}

const SPEC = { fields: [{ key: "address", labels: ["住址"], kind: "text" }] } as unknown as DocumentSpec;

function readingOf(lines: readonly TextLine[]): DocumentReading {
  const fields = new Map();
  fields.set("address", {
    key: "address",
    text: TEXT,
    pieceTexts: [TEXT],
    chars: [],
    quads: lines.map((l) => l.quad),
    confidence: 0.9,
  });
  return { fields, labelsFound: 1, frame: makePageFrame(0) } as unknown as DocumentReading;
}

type Added = { text: string; confidence: number } | undefined;

/**
 * An engine whose widened reads add what `added` says for each crop: by whether the rulings were painted out and
 * how far past the box the crop reaches (px).
 */
function engine(added: (withoutRulings: boolean, past: number) => Added, calls: Quad[] = []): TextEngine {
  return {
    detect: async () => [],
    recognize: async (_image, quads, options) =>
      quads.map((quad) => {
        calls.push(quad);
        return lineOn(quad, added(options?.withoutRulings === true, quad[1].x - RIGHT));
      }),
    dispose: async () => {},
  };
}

async function complete(added: (withoutRulings: boolean, past: number) => Added, image = page()) {
  const lines = [lineOn(box(LEFT, RIGHT))];
  const calls: Quad[] = [];
  const changed = await completeValueEnds(image, lines, readingOf(lines), SPEC, engine(added, calls));
  return { changed, text: lines[0]?.text, calls };
}

test("a last character across the ruling is added when two reads add it surely", async () => {
  const result = await complete(() => ({ text: "号", confidence: 0.97 }));
  assert.equal(result.changed, true);
  assert.equal(result.text, `${TEXT}号`);
  assert.equal(result.calls.length, 3, "two crops with the ruling painted out, one with it");
  assert.ok(
    result.calls.every((quad) => quad[0].x > LEFT + 2 * PITCH),
    `only the line's end is read again, not its start: ${result.calls.map((q) => q[0].x)}`,
  );
});

test("one very sure read with the ruling painted out is enough when no other read adds anything", async () => {
  const result = await complete((clean, past) =>
    clean && past > 25 ? { text: "号", confidence: 0.95 } : undefined,
  );
  assert.equal(result.text, `${TEXT}号`);
});

test("a character half hidden by the ruling and read as look-alikes is not added", async () => {
  // 号 behind a ruling reads as 中 on some crops: the reads disagree, none very surely.
  const split = await complete((clean) =>
    clean ? { text: "号", confidence: 0.8 } : { text: "中", confidence: 0.75 },
  );
  assert.equal(split.changed, false);
  assert.equal(split.text, TEXT);
  const unsure = await complete(() => ({ text: "中", confidence: 0.7 }));
  assert.equal(unsure.text, TEXT, "three reads agreeing, none very surely");
  const alone = await complete((clean, past) =>
    clean && past > 25 ? { text: "号", confidence: 0.95 } : { text: "中", confidence: 0.4 },
  );
  assert.equal(alone.text, TEXT, "one sure read while another adds something else");
});

test("reads with the ruling painted out prevail over one with it in place, which may take it for a stroke", async () => {
  const result = await complete((clean) =>
    clean ? { text: "3", confidence: 0.98 } : { text: "8", confidence: 0.77 },
  );
  assert.equal(result.text, `${TEXT}3`);
});

test("a value ending away from any ruling is not read again", async () => {
  const result = await complete(() => ({ text: "号", confidence: 0.99 }), page(RIGHT + 120));
  assert.equal(result.changed, false);
  assert.equal(result.calls.length, 0);
});

test("the next cell's label printed just past the ruling is not added to the value", async () => {
  // 血型 starts 8 px past the ruling, on the value's row: the reads take its 血 for the value's last character.
  const lines = [lineOn(box(LEFT, RIGHT))];
  const reading = readingOf(lines);
  const labelQuad = box(RULING + 8, RULING + 68);
  const labelLine: TextLine = {
    text: "血型",
    confidence: 0.95,
    quad: labelQuad,
    detectionScore: 1,
    chars: ["血", "型"].map((text, k) => ({
      text,
      confidence: 0.95,
      start: k / 2,
      end: (k + 1) / 2,
      alternatives: [],
    })),
  };
  reading.fields.set("bloodGroup", {
    ...(reading.fields.get("address") as NonNullable<ReturnType<typeof reading.fields.get>>),
    key: "bloodGroup",
    label: {
      key: "bloodGroup",
      variant: "血型",
      english: false,
      lineIndex: 1,
      line: labelLine,
      start: 0,
      end: 2,
      quad: labelQuad,
      score: 1,
      atLineStart: true,
    },
  });
  const changed = await completeValueEnds(
    page(),
    lines,
    reading,
    SPEC,
    engine(() => ({ text: "血", confidence: 0.97 })),
  );
  assert.equal(changed, false);
  assert.equal(lines[0]?.text, TEXT);
  // Another character read there is still added.
  const other = [lineOn(box(LEFT, RIGHT))];
  const otherReading = readingOf(other);
  otherReading.fields.set(
    "bloodGroup",
    reading.fields.get("bloodGroup") as NonNullable<ReturnType<typeof reading.fields.get>>,
  );
  await completeValueEnds(
    page(),
    other,
    otherReading,
    SPEC,
    engine(() => ({ text: "号", confidence: 0.97 })),
  );
  assert.equal(other[0]?.text, `${TEXT}号`);
});

test("a 1 across the ruling is added only when every read with the ruling painted out adds it", async () => {
  // …6-2-140 | 1: a room number's last 1 printed across the frame line.
  const all = await complete(() => ({ text: "1", confidence: 0.97 }));
  assert.equal(all.text, `${TEXT}1`);
  // The ruling itself read as a 1 where it stands, the reads without it adding nothing: not added.
  const ruling = await complete((clean) => (clean ? undefined : { text: "1", confidence: 0.99 }));
  assert.equal(ruling.text, TEXT);
  // One read without the ruling adds 1, the other nothing: the ruling may have been painted out only in part.
  const one = await complete((clean, past) =>
    clean && past < 25 ? { text: "1", confidence: 0.97 } : undefined,
  );
  assert.equal(one.text, TEXT);
});
