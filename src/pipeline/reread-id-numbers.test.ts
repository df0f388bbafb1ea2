import assert from "node:assert/strict";
import { test } from "node:test";
import { BIRTH_CERTIFICATE_SPEC } from "../documents/birth-certificate.ts";
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

/** A birth certificate's parents' rows, 50 px apart; the father's ID number row as given (label, value). */
function parents(fatherIdRow: TextLine[]): TextLine[] {
  return [
    textLineAt("出生时间", 50, 100),
    textLineAt("2019年06月26日09时28分", 145, 100),
    textLineAt("母亲姓名", 50, 250),
    textLineAt("王梦琪", 145, 250),
    textLineAt("年龄", 300, 250),
    textLineAt("30", 355, 250),
    textLineAt("证件号码", 450, 300),
    textLineAt("430102198901010025", 545, 300),
    textLineAt("父亲姓名", 50, 350),
    textLineAt("李强", 145, 350),
    textLineAt("年龄", 300, 350),
    textLineAt("32", 355, 350),
    ...fatherIdRow,
    textLineAt("签发日期", 50, 500),
    textLineAt("2019年07月01日", 145, 500),
  ];
}

test("a number whose label and value the detector both missed is read from the twin row's cell", async () => {
  const reading = readFields(parents([]), BIRTH_CERTIFICATE_SPEC);
  assert.equal(reading.fields.get("fatherIdCardNumber")?.text ?? "", "");
  const calls: Quad[][] = [];
  await rereadIdNumbers(
    IMAGE,
    IMAGE,
    reading,
    BIRTH_CERTIFICATE_SPEC,
    engineReading(["430102198701010012"], calls),
  );
  const father = reading.fields.get("fatherIdCardNumber");
  assert.equal(father?.text, "430102198701010012");
  assert.ok((father?.confidence ?? 1) < 0.97, "less sure than a number the detector saw");
  // The cell is cut level with the mother's number, one row pair lower: 300 + (350 − 250).
  const ys = (father?.quads[0] ?? []).map((point) => point.y);
  assert.ok(Math.min(...ys) < 410 && Math.max(...ys) > 410, `cell at ${ys}`);
  assert.equal(reading.fields.get("motherIdCardNumber")?.text, "430102198901010025", "a sure number is kept");
});

test("an empty cell that reads as no valid number stays empty, without a box", async () => {
  const reading = readFields(parents([]), BIRTH_CERTIFICATE_SPEC);
  await rereadIdNumbers(IMAGE, IMAGE, reading, BIRTH_CERTIFICATE_SPEC, engineReading(["4301021987"]));
  const father = reading.fields.get("fatherIdCardNumber");
  assert.equal(father?.text ?? "", "");
  assert.equal(father?.quads.length ?? 0, 0);
});
