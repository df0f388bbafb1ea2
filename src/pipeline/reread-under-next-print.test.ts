import assert from "node:assert/strict";
import { test } from "node:test";
import type { DocumentReading, FieldReading } from "../documents/read-fields.ts";
import type { DocumentSpec } from "../documents/shared/field-spec.ts";
import type { LabelMatch } from "../documents/shared/label-matcher.ts";
import { makeTextLine, textLineAt as at } from "../documents/shared/make-text-line.ts";
import { makePageFrame } from "../documents/shared/page-frame.ts";
import { sliceTextLine } from "../documents/shared/slice-text-line.ts";
import type { RawImage } from "../image/raw-image.ts";
import type { Quad, TextLine } from "../types.ts";
import { rereadUnderNextPrint } from "./reread-under-next-print.ts";
import type { TextEngine } from "./text-engine.ts";

const IMAGE: RawImage = { width: 900, height: 300, channels: 3, data: new Uint8Array(900 * 300 * 3) };

const SPEC = {
  fields: [
    { key: "birthWeight", labels: ["出生体重"], kind: "number", units: ["克", "g"], range: [300, 7000] },
    { key: "otherResidence", labels: ["本市（县）其他住址"], kind: "text" },
    { key: "religion", labels: ["宗教信仰"], kind: "text" },
  ],
} as unknown as DocumentSpec;

/** A field read from the characters `from` to `to` of `line`. */
function fieldOf(key: string, line: TextLine, from: number, to: number, label?: LabelMatch): FieldReading {
  const piece = sliceTextLine(line, from, to) as TextLine;
  return {
    key,
    text: piece.text,
    pieceTexts: [piece.text],
    chars: piece.chars,
    quads: [piece.quad],
    confidence: 0.98,
    ...(label ? { label } : {}),
  };
}

function readingOf(fields: readonly FieldReading[]): DocumentReading {
  return {
    fields: new Map(fields.map((field) => [field.key, field])),
    labelsFound: fields.length,
    frame: makePageFrame(0),
  } as unknown as DocumentReading;
}

/** An engine that reads the crops it is given as `texts`, in turn, each character `confidence` sure. */
function engineReading(texts: readonly string[], confidence = 0.95, calls: Quad[][] = []): TextEngine {
  return {
    detect: async () => [],
    recognize: async (_image, quads) => {
      calls.push([...quads]);
      return quads.map((quad, index) => ({
        ...makeTextLine(texts[Math.min(index, texts.length - 1)] ?? "", { confidence }),
        quad,
      }));
    },
    dispose: async () => {},
  };
}

/** A weight read with its unit in one box, 305克, and nothing else. */
function weight(): { lines: TextLine[]; reading: DocumentReading } {
  const line = at("305克", 300, 50);
  return { lines: [at("出生体重", 200, 50), line], reading: readingOf([fieldOf("birthWeight", line, 0, 4)]) };
}

test("a number's last digit printed over its unit's first strokes is read back in crops ending inside the unit", async () => {
  const { lines, reading } = weight();
  const calls: Quad[][] = [];
  // The crop ending earliest cuts the 0 and reads 6; the others read 0, and one only the unit.
  await rereadUnderNextPrint(
    IMAGE,
    lines,
    reading,
    SPEC,
    engineReading(["3056", "3050", "3050", "305克"], 0.95, calls),
  );
  assert.equal(reading.fields.get("birthWeight")?.text, "3050克");
  assert.equal(calls.length, 1, "one batch for the page");
  const crops = calls[0] ?? [];
  assert.equal(crops.length, 4);
  assert.ok(
    crops.every((quad) => quad[1].x > 300 + 60 && quad[1].x < 300 + 80),
    `every crop ends inside 克: ${crops.map((quad) => quad[1].x)}`,
  );
});

test("crops that glimpse different digits, or none surely, leave the number as read and at most half trusted", async () => {
  for (const [reads, confidence] of [
    [["3056", "3050", "3058", "305"], 0.95],
    [["3050", "3050", "3050", "3050"], 0.5],
  ] as const) {
    const { lines, reading } = weight();
    await rereadUnderNextPrint(IMAGE, lines, reading, SPEC, engineReading(reads, confidence));
    const field = reading.fields.get("birthWeight");
    assert.equal(field?.text, "305克", reads.join());
    assert.ok((field?.confidence ?? 1) <= 0.5, `${reads.join()}: confidence ${field?.confidence}`);
  }
  // Crops that read the number and nothing after it: the value keeps its confidence.
  const { lines, reading } = weight();
  await rereadUnderNextPrint(IMAGE, lines, reading, SPEC, engineReading(["305", "305", "305克", "305克"]));
  assert.equal(reading.fields.get("birthWeight")?.confidence, 0.98);
});

test("a number out of its range once the digit is added, or read apart from its unit, is left as read", async () => {
  const line = at("700克", 300, 50);
  const reading = readingOf([fieldOf("birthWeight", line, 0, 4)]);
  await rereadUnderNextPrint(IMAGE, [line], reading, SPEC, engineReading(["7005"]));
  assert.equal(reading.fields.get("birthWeight")?.text, "700克", "7005 g is past the range");
  const apart = at("305", 300, 50);
  const alone = readingOf([fieldOf("birthWeight", apart, 0, 3)]);
  const calls: Quad[][] = [];
  await rereadUnderNextPrint(
    IMAGE,
    [apart, at("克", 380, 50)],
    alone,
    SPEC,
    engineReading(["3050"], 0.95, calls),
  );
  assert.equal(alone.fields.get("birthWeight")?.text, "305");
  assert.equal(calls.length, 0, "nothing follows the number in its box");
});

test("a text's last character printed over the next label's first one is read back", async () => {
  // …1001室 over 宗教信仰's 宗: the pair read as 家, the label found as 家教信仰.
  const line = at("北京市海淀区1001家教信仰", 300, 50);
  const label: LabelMatch = {
    key: "religion",
    variant: "宗教信仰",
    english: false,
    lineIndex: 0,
    line,
    start: 10,
    end: 14,
    quad: (sliceTextLine(line, 10, 14) as TextLine).quad,
    score: 0.75,
    atLineStart: false,
  };
  const make = () =>
    readingOf([
      fieldOf("otherResidence", line, 0, 10),
      { key: "religion", text: "", pieceTexts: [], chars: [], quads: [], confidence: 0, label },
    ]);
  const reading = make();
  await rereadUnderNextPrint(IMAGE, [line], reading, SPEC, engineReading(["1001室"]));
  assert.equal(reading.fields.get("otherResidence")?.text, "北京市海淀区1001室");
  // Nothing read there: the value stands, but the label's changed first character says it may have lost its end.
  const unread = make();
  await rereadUnderNextPrint(IMAGE, [line], unread, SPEC, engineReading(["1001"]));
  assert.equal(unread.fields.get("otherResidence")?.text, "北京市海淀区1001");
  assert.ok((unread.fields.get("otherResidence")?.confidence ?? 1) <= 0.5);
});

test("crops reading the next label's own first character, or a look-alike of it unsurely, change nothing", async () => {
  // 身高 160厘米 | 血型: the crops reaching into 血 read it, or 面 unsurely.
  const line = at("160厘米血型", 300, 50);
  const label: LabelMatch = {
    key: "religion",
    variant: "血型",
    english: false,
    lineIndex: 0,
    line,
    start: 5,
    end: 7,
    quad: (sliceTextLine(line, 5, 7) as TextLine).quad,
    score: 1,
    atLineStart: false,
  };
  const reading = readingOf([
    fieldOf("otherResidence", line, 0, 5),
    { key: "religion", text: "", pieceTexts: [], chars: [], quads: [], confidence: 0, label },
  ]);
  const unsure: TextEngine = {
    ...engineReading([]),
    recognize: async (_image, quads) =>
      quads.map((quad, k) => ({
        ...makeTextLine(k % 2 ? "60厘米血" : "60厘米面", { confidences: [1, 1, 1, 1, k % 2 ? 0.96 : 0.44] }),
        quad,
      })),
  };
  await rereadUnderNextPrint(IMAGE, [line], reading, SPEC, unsure);
  assert.equal(reading.fields.get("otherResidence")?.text, "160厘米");
  assert.equal(reading.fields.get("otherResidence")?.confidence, 0.98);
});
