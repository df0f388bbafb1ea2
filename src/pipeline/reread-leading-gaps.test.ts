import assert from "node:assert/strict";
import { test } from "node:test";
import { HOUSEHOLD_RESIDENT_SPEC } from "../documents/household-resident.ts";
import { readFields } from "../documents/read-fields.ts";
import { makeTextLine, textLineAt as at } from "../documents/shared/make-text-line.ts";
import type { RawImage } from "../image/raw-image.ts";
import type { Quad, RecognizedChar, TextLine } from "../types.ts";
import { rereadLeadingGaps } from "./reread-leading-gaps.ts";
import type { TextEngine } from "./text-engine.ts";

/** A box `width` px wide at (x, y) whose characters sit in its last `share`, evenly: its start read as blank. */
function boxWithGap(text: string, x: number, y: number, width: number, share: number): TextLine {
  const symbols = Array.from(text);
  const quad: Quad = [
    { x, y },
    { x: x + width, y },
    { x: x + width, y: y + 20 },
    { x, y: y + 20 },
  ];
  const step = share / symbols.length;
  const chars: RecognizedChar[] = symbols.map((symbol, index) => ({
    text: symbol,
    confidence: 0.98,
    start: 1 - share + index * step,
    end: 1 - share + (index + 1) * step,
    alternatives: [{ text: symbol, probability: 0.98 }],
  }));
  return { text, confidence: 0.98, quad, detectionScore: 0.9, chars };
}

function card(name: TextLine, marital: TextLine): TextLine[] {
  return [
    at("姓名", 50, 50),
    name,
    at("户主或与户主关系", 420, 50),
    at("户主", 600, 50),
    at("性别", 420, 100),
    at("男", 600, 100),
    at("文化程度", 50, 150),
    at("婚姻状况", 420, 150),
    marital,
  ];
}

const IMAGE: RawImage = { width: 900, height: 300, channels: 3, data: new Uint8Array(900 * 300 * 3) };

/** An engine reading each field's crops in turn as given, by the order the fields' crops are asked in. */
function engineReading(texts: readonly string[], confidence = 0.9, calls: Quad[][] = []): TextEngine {
  return {
    detect: async () => [],
    recognize: async (_image, quads) => {
      calls.push([...quads]);
      return quads.map((quad, index) => ({ ...makeTextLine(texts[index] ?? "", { confidence }), quad }));
    },
    dispose: async () => {},
  };
}

test("a character skipped at a box's blank start is read back when the other crops agree on it", async () => {
  const lines = card(boxWithGap("晓燕", 150, 50, 90, 0.64), boxWithGap("婚", 600, 150, 60, 0.5));
  const reading = readFields(lines, HOUSEHOLD_RESIDENT_SPEC);
  assert.equal(reading.fields.get("name")?.text, "晓燕");
  const calls: Quad[][] = [];
  // name's three crops, then maritalStatus's three.
  const reads = ["韩晓燕", "韩晓燕", "晓燕", "已婚", "但婚", "婚"];
  await rereadLeadingGaps(IMAGE, reading, HOUSEHOLD_RESIDENT_SPEC, engineReading(reads, 0.9, calls), lines);
  assert.equal(reading.fields.get("name")?.text, "韩晓燕");
  assert.equal(reading.fields.get("maritalStatus")?.text, "婚", "one crop alone is not enough");
  assert.equal(calls.length, 1, "one batch for the page");
  assert.equal(calls[0]?.length, 6, "only the two boxes with room before their first character");
});

test("an added character must suit the field and be read surely, and crops must not disagree", async () => {
  const cases: [string[], number, string][] = [
    [["1晓燕", "1晓燕", "1晓燕"], 0.9, "a digit in a name"],
    [["韩晓燕", "韩晓燕", "韩晓燕"], 0.5, "read unsure"],
    [["韩晓燕", "寒晓燕", "韩晓燕"], 0.9, "crops disagree"],
  ];
  for (const [reads, confidence, why] of cases) {
    const lines = card(boxWithGap("晓燕", 150, 50, 90, 0.64), at("未婚", 600, 150));
    const reading = readFields(lines, HOUSEHOLD_RESIDENT_SPEC);
    await rereadLeadingGaps(IMAGE, reading, HOUSEHOLD_RESIDENT_SPEC, engineReading(reads, confidence), lines);
    assert.equal(reading.fields.get("name")?.text, "晓燕", why);
  }
  // A vocabulary value gains a character only when that makes an entry of its vocabulary.
  const lines = card(at("王明", 150, 50), boxWithGap("婚", 600, 150, 60, 0.5));
  const reading = readFields(lines, HOUSEHOLD_RESIDENT_SPEC);
  await rereadLeadingGaps(
    IMAGE,
    reading,
    HOUSEHOLD_RESIDENT_SPEC,
    engineReading(["旦婚", "旦婚", "旦婚"]),
    lines,
  );
  assert.equal(reading.fields.get("maritalStatus")?.text, "婚");
  await rereadLeadingGaps(
    IMAGE,
    reading,
    HOUSEHOLD_RESIDENT_SPEC,
    engineReading(["已婚", "已婚", "婚"]),
    lines,
  );
  assert.equal(reading.fields.get("maritalStatus")?.text, "已婚");
});

test("boxes read from their start, and skipped fields, are not read again", async () => {
  const lines = card(at("韩晓燕", 150, 50), at("已婚", 600, 150));
  const reading = readFields(lines, HOUSEHOLD_RESIDENT_SPEC);
  const calls: Quad[][] = [];
  await rereadLeadingGaps(IMAGE, reading, HOUSEHOLD_RESIDENT_SPEC, engineReading(["X"], 0.9, calls), lines);
  assert.equal(calls.length, 0);
  const gapped = card(boxWithGap("晓燕", 150, 50, 90, 0.64), at("已婚", 600, 150));
  const again = readFields(gapped, HOUSEHOLD_RESIDENT_SPEC);
  await rereadLeadingGaps(
    IMAGE,
    again,
    HOUSEHOLD_RESIDENT_SPEC,
    engineReading(["X"], 0.9, calls),
    gapped,
    new Set(["name"]),
  );
  assert.equal(calls.length, 0);
});

test("a character a widened crop reads left of the box (its label's end) is not added", async () => {
  const lines = card(boxWithGap("晓燕", 150, 50, 90, 0.64), at("未婚", 600, 150));
  const reading = readFields(lines, HOUSEHOLD_RESIDENT_SPEC);
  // Each crop reads 名 at its very start: for the crops widened to the left, that lies before the box.
  const labelEnd: TextEngine = {
    ...engineReading([]),
    recognize: async (_image, quads) =>
      quads.map((quad) => {
        const line = makeTextLine("名晓燕", { confidence: 0.95, quad });
        const chars = line.chars.map((char, index) =>
          index === 0
            ? { ...char, start: 0, end: 0.08 }
            : { ...char, start: 0.4 + index * 0.2 - 0.2, end: 0.4 + index * 0.2 },
        );
        return { ...line, chars };
      }),
  };
  await rereadLeadingGaps(IMAGE, reading, HOUSEHOLD_RESIDENT_SPEC, labelEnd, lines);
  assert.equal(reading.fields.get("name")?.text, "晓燕");
});
