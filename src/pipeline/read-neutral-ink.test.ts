import assert from "node:assert/strict";
import { test } from "node:test";
import { BIRTH_CERTIFICATE_SPEC } from "../documents/birth-certificate.ts";
import { readFields } from "../documents/read-fields.ts";
import { makeTextLine, textLineAt as at } from "../documents/shared/make-text-line.ts";
import type { RawImage } from "../image/raw-image.ts";
import type { TextLine } from "../types.ts";
import { neutralGrey, readNeutralInk } from "./read-neutral-ink.ts";
import type { TextEngine } from "./text-engine.ts";

function pixels(...colours: [number, number, number][]): RawImage {
  return { width: colours.length, height: 1, channels: 3, data: Uint8Array.from(colours.flat()) };
}

test("grey and black print keep their darkness, a coloured pattern as dark comes out near white", () => {
  const grey = neutralGrey(
    pixels([40, 40, 40], [136, 148, 134], [146, 178, 154], [120, 200, 130], [230, 150, 160], [250, 248, 240]),
  );
  const [black, greyInk, green, darkGreen, pink, paper] = Array.from(grey.data);
  assert.equal(grey.channels, 1);
  assert.equal(black, 40);
  assert.ok((greyInk as number) < 180, `grey ink stays dark: ${greyInk}`);
  assert.ok((green as number) > 220, `a green line is left out: ${green}`);
  assert.equal(darkGreen, 255, "a saturated pattern is white");
  assert.equal(pink, 255);
  assert.ok((paper as number) > 240);
});

/** A certificate's first rows, filled in but for the mother's nationality (the detector saw nothing there). */
function page(): TextLine[] {
  return [
    at("新生儿姓名", 50, 40),
    at("性别", 420, 40),
    at("出生时间", 50, 90),
    at("出生地点", 50, 140),
    at("母亲姓名", 50, 190),
    at("年龄", 300, 190),
    at("国籍", 450, 190),
    at("民族", 600, 190),
    at("住址", 50, 240),
    at("签发机构", 50, 290),
    at("签发日期", 50, 340),
    at("王小明", 170, 40),
    at("男", 520, 40),
    at("2019年06月26日09时28分", 150, 90),
    at("湖南省", 150, 140),
    at("长沙市", 300, 140),
    at("岳麓区", 450, 140),
    at("李红", 150, 190),
    at("30", 355, 190),
    at("汉族", 655, 190),
    at("湖南省长沙市岳麓区望月湖街道", 120, 240),
    at("岳麓区人民医院", 150, 290),
    at("2019年07月01日", 150, 340),
  ];
}

const IMAGE: RawImage = {
  width: 800,
  height: 400,
  channels: 3,
  data: new Uint8Array(800 * 400 * 3).fill(250),
};

/** An engine that reads the crops in turn as the given texts (the last one for any more). */
function engineReading(texts: string[], calls: number[] = [], confidence = 0.99): TextEngine {
  return {
    detect: async () => [],
    recognize: async (_image, quads) => {
      calls.push(quads.length);
      return quads.map((quad, index) =>
        makeTextLine(texts[Math.min(index, texts.length - 1)] ?? "", { quad, confidence }),
      );
    },
    dispose: async () => {},
  };
}

test("an empty short cell read as a valid value in its neutral ink takes it, in one call", async () => {
  const reading = readFields(page(), BIRTH_CERTIFICATE_SPEC);
  assert.equal(reading.fields.get("motherNationality")?.text, "");
  const calls: number[] = [];
  await readNeutralInk(IMAGE, reading, BIRTH_CERTIFICATE_SPEC, engineReading(["", "籍中国", "中国"], calls));
  assert.equal(reading.fields.get("motherNationality")?.text, "中国");
  assert.equal(calls.length, 1);
  assert.equal(reading.fields.get("motherAge")?.text, "30", "cells read already are left alone");
});

test("crops of a cell read as different values, or as no value, give nothing", async () => {
  const doubted = readFields(page(), BIRTH_CERTIFICATE_SPEC);
  await readNeutralInk(IMAGE, doubted, BIRTH_CERTIFICATE_SPEC, engineReading(["中国", "美国"]));
  assert.equal(doubted.fields.get("motherNationality")?.text, "");
  const noValue = readFields(page(), BIRTH_CERTIFICATE_SPEC);
  await readNeutralInk(IMAGE, noValue, BIRTH_CERTIFICATE_SPEC, engineReading(["中", "国", "2"]));
  assert.equal(noValue.fields.get("motherNationality")?.text, "");
});

test("a blank form is not searched", async () => {
  const labels = page().filter(
    (line) => ["性别", "年龄", "国籍", "民族"].includes(line.text) || line.text.length >= 4,
  );
  const reading = readFields(
    labels.filter((line) => !/\d|湖南|岳麓/u.test(line.text)),
    BIRTH_CERTIFICATE_SPEC,
  );
  const calls: number[] = [];
  await readNeutralInk(IMAGE, reading, BIRTH_CERTIFICATE_SPEC, engineReading(["中国"], calls));
  assert.equal(calls.length, 0);
  assert.equal(reading.fields.get("motherNationality")?.text, "");
});

test("a vocabulary word read unsurely counts when several crops read it, and only then", async () => {
  const agreed = readFields(page(), BIRTH_CERTIFICATE_SPEC);
  await readNeutralInk(IMAGE, agreed, BIRTH_CERTIFICATE_SPEC, engineReading(["中", "", "中国", ""], [], 0.7));
  const field = agreed.fields.get("motherNationality");
  assert.equal(field?.text, "中国");
  assert.ok((field?.confidence ?? 1) < 0.7 * 0.85, `doubted: ${field?.confidence}`);
  const alone = readFields(page(), BIRTH_CERTIFICATE_SPEC);
  await readNeutralInk(IMAGE, alone, BIRTH_CERTIFICATE_SPEC, engineReading(["中国", ""], [], 0.7));
  assert.equal(alone.fields.get("motherNationality")?.text, "", "one unsure crop is not enough");
  const differing = readFields(page(), BIRTH_CERTIFICATE_SPEC);
  await readNeutralInk(
    IMAGE,
    differing,
    BIRTH_CERTIFICATE_SPEC,
    engineReading(["中国", "中国", "美国", ""], [], 0.7),
  );
  assert.equal(differing.fields.get("motherNationality")?.text, "");
  // A number is never taken on agreement: a digit misread alike in every crop would pass.
  const age = readFields(
    page().filter((line) => line.text !== "30"),
    BIRTH_CERTIFICATE_SPEC,
  );
  await readNeutralInk(IMAGE, age, BIRTH_CERTIFICATE_SPEC, engineReading(["31"], [], 0.7));
  assert.equal(age.fields.get("motherAge")?.text, "");
});
