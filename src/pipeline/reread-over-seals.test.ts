import assert from "node:assert/strict";
import { test } from "node:test";
import { BIRTH_CERTIFICATE_SPEC } from "../documents/birth-certificate.ts";
import { HOUSEHOLD_HEAD_SPEC } from "../documents/household-head.ts";
import { type DocumentReading, readFields } from "../documents/read-fields.ts";
import { makePageFrame } from "../documents/shared/page-frame.ts";
import { makeTextLine, textLineAt as at } from "../documents/shared/make-text-line.ts";
import type { RawImage } from "../image/raw-image.ts";
import type { Quad, TextLine } from "../types.ts";
import { rereadOverSeals } from "./reread-over-seals.ts";
import type { TextEngine } from "./text-engine.ts";

/** A householder page whose issue date was read as `date`. */
function page(date: string): TextLine[] {
  return [
    at("户别", 50, 40),
    at("家庭户", 150, 40),
    at("户主姓名", 400, 40),
    at("张三", 520, 40),
    at("户号", 50, 90),
    at("123456789", 150, 90),
    at("住址", 400, 90),
    at("湖南省长沙市岳麓区望月湖街道1号", 470, 90),
    at("承办人签章", 50, 200),
    at("签发日期", 400, 200),
    at(date, 520, 200),
  ];
}

const IMAGE: RawImage = { width: 900, height: 300, channels: 3, data: new Uint8Array(900 * 300 * 3) };

/** An engine that reads every box as `text`, counting the boxes it was asked to read. */
function engineReading(text: string, calls: Quad[][] = []): TextEngine {
  return {
    detect: async () => [],
    recognize: async (_image, quads) => {
      calls.push([...quads]);
      return quads.map((quad) => ({ ...makeTextLine(text, { confidence: 0.95 }), quad }));
    },
    dispose: async () => {},
  };
}

test("a date read as no date is read again where the seal was not whitened, and kept when it is one", async () => {
  const reading = readFields(page("201002日0日"), HOUSEHOLD_HEAD_SPEC);
  const calls: Quad[][] = [];
  await rereadOverSeals(IMAGE, reading, HOUSEHOLD_HEAD_SPEC, engineReading("2010年03月30日", calls));
  assert.equal(reading.fields.get("issueDate")?.text, "2010年03月30日");
  assert.equal(calls.length, 1, "only the broken date is read again");
});

test("a second reading that is no date either leaves the first; a good date is not read again", async () => {
  const broken = readFields(page("201002日0日"), HOUSEHOLD_HEAD_SPEC);
  await rereadOverSeals(IMAGE, broken, HOUSEHOLD_HEAD_SPEC, engineReading("2010年0日"));
  assert.equal(broken.fields.get("issueDate")?.text, "201002日0日");

  const good = readFields(page("2010年03月30日"), HOUSEHOLD_HEAD_SPEC);
  const calls: Quad[][] = [];
  await rereadOverSeals(IMAGE, good, HOUSEHOLD_HEAD_SPEC, engineReading("2011年03月30日", calls));
  assert.equal(good.fields.get("issueDate")?.text, "2010年03月30日");
  assert.equal(calls.length, 0);
});

test("a certificate number (printed in red) read as no number is read again where the seal was not whitened", async () => {
  const spec = {
    ...BIRTH_CERTIFICATE_SPEC,
    fields: BIRTH_CERTIFICATE_SPEC.fields.filter((field) => field.key === "certificateNumber"),
  };
  const line = at("D14964-932", 600, 300);
  const reading: DocumentReading = {
    fields: new Map([
      [
        "certificateNumber",
        {
          key: "certificateNumber",
          text: line.text,
          pieceTexts: [line.text],
          chars: line.chars,
          quads: [line.quad],
          confidence: 0.8,
        },
      ],
    ]),
    labelsFound: 20,
    frame: makePageFrame(0),
  };
  await rereadOverSeals(IMAGE, reading, spec, engineReading("P149644932"));
  assert.equal(reading.fields.get("certificateNumber")?.text, "P149644932");
});
