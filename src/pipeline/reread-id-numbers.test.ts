import assert from "node:assert/strict";
import { test } from "node:test";
import { HOUSEHOLD_RESIDENT_SPEC } from "../documents/household-resident.ts";
import { readFields } from "../documents/read-fields.ts";
import { makeTextLine, textLineAt } from "../documents/shared/make-text-line.ts";
import type { RawImage } from "../image/raw-image.ts";
import type { Quad, TextLine } from "../types.ts";
import { rereadIdNumbers } from "./reread-id-numbers.ts";
import type { TextEngine } from "./text-engine.ts";

/** A resident card whose ID number was read as `id`, in a box `height` px high (20: the label's height). */
function card(id: string, height = 20): TextLine[] {
  return [
    textLineAt("姓名", 50, 100),
    textLineAt("李娜", 150, 100),
    textLineAt("出生日期", 420, 200),
    textLineAt("1989年08月13日", 520, 200),
    textLineAt("公民身份号码", 50, 250),
    textLineAt(id, 200, 260 - height / 2, { height, confidence: 0.9 }),
  ];
}

const IMAGE: RawImage = { width: 900, height: 400, channels: 3, data: new Uint8Array(900 * 400 * 3) };

/** An engine that reads the given texts, one per box asked in order (the last one again past the list's end). */
function engineReading(texts: string[], calls: Quad[][] = []): TextEngine {
  return {
    detect: async () => [],
    recognize: async (_image, quads) => {
      calls.push([...quads]);
      return quads.map((quad, i) => ({
        ...makeTextLine(texts[Math.min(i, texts.length - 1)] ?? "", { confidence: 0.97 }),
        quad,
      }));
    },
    dispose: async () => {},
  };
}

test("a number read squeezed, its doubled digits lost, is read again stretched and the readings vote", async () => {
  const reading = readFields(card("5023189813816", 80), HOUSEHOLD_RESIDENT_SPEC);
  assert.equal(reading.fields.get("idCardNumber")?.text, "5023189813816");
  const calls: Quad[][] = [];
  await rereadIdNumbers(
    IMAGE,
    IMAGE,
    reading,
    HOUSEHOLD_RESIDENT_SPEC,
    engineReading(["500231198908138166"], calls),
  );
  const id = reading.fields.get("idCardNumber");
  assert.equal(id?.text, "500231198908138166");
  assert.ok(Math.abs((id?.confidence ?? 0) - 0.97) < 1e-9);
  assert.equal(id?.quads.length, 1, "the value keeps its box on the page");
  assert.equal(calls.length, 1, "every crop is read in one call");
  // Two widths from the picture with seals whitened, one from the picture before.
  assert.equal(calls[0]?.length, 3);
  const widths = (calls[0] ?? []).map((quad) => quad[1].x - quad[0].x);
  assert.ok(
    widths.every((width) => width > (48 * 260) / 80),
    `stretched wider than read: ${widths}`,
  );
});

test("a number read surely and valid as read is not read again", async () => {
  const reading = readFields(card("500231198908138166"), HOUSEHOLD_RESIDENT_SPEC);
  const calls: Quad[][] = [];
  await rereadIdNumbers(IMAGE, IMAGE, reading, HOUSEHOLD_RESIDENT_SPEC, engineReading(["1"], calls));
  assert.equal(calls.length, 0);
  assert.equal(reading.fields.get("idCardNumber")?.text, "500231198908138166");
});

test("readings that make no valid number leave the first as it was read", async () => {
  const reading = readFields(card("5023189813816", 80), HOUSEHOLD_RESIDENT_SPEC);
  await rereadIdNumbers(IMAGE, IMAGE, reading, HOUSEHOLD_RESIDENT_SPEC, engineReading(["50231898138166"]));
  assert.equal(reading.fields.get("idCardNumber")?.text, "5023189813816");
});

test("the first reading stays when it is the one the vote chose", async () => {
  // Read 17 characters, re-decoded by its alternatives; the second reading is worse still.
  const reading = readFields(card("50023119890813816"), HOUSEHOLD_RESIDENT_SPEC);
  const before = reading.fields.get("idCardNumber");
  await rereadIdNumbers(IMAGE, IMAGE, reading, HOUSEHOLD_RESIDENT_SPEC, engineReading(["5002311989"]));
  assert.equal(reading.fields.get("idCardNumber"), before);
});

test("a blank form is not read again", async () => {
  const reading = readFields(card("5023189813816", 80), HOUSEHOLD_RESIDENT_SPEC);
  const calls: Quad[][] = [];
  await rereadIdNumbers(
    IMAGE,
    IMAGE,
    { ...reading, blank: true },
    HOUSEHOLD_RESIDENT_SPEC,
    engineReading(["500231198908138166"], calls),
  );
  assert.equal(calls.length, 0);
});
