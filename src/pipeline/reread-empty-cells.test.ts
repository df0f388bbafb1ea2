import assert from "node:assert/strict";
import { test } from "node:test";
import { BIRTH_CERTIFICATE_SPEC } from "../documents/birth-certificate.ts";
import { HOUSEHOLD_RESIDENT_SPEC } from "../documents/household-resident.ts";
import { readFields } from "../documents/read-fields.ts";
import { makeTextLine, textLineAt as at } from "../documents/shared/make-text-line.ts";
import type { RawImage } from "../image/raw-image.ts";
import type { Quad, TextLine } from "../types.ts";
import { rereadEmptyCells } from "./reread-empty-cells.ts";
import type { TextEngine } from "./text-engine.ts";

/** A certificate's first rows; the sex cell's `女` was not detected, the mother's age was. */
function page(filled: boolean): TextLine[] {
  const lines = [
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
  ];
  if (!filled) return lines;
  return [
    ...lines,
    at("王小明", 170, 40),
    at("2019年06月26日09时28分", 150, 90),
    at("湖南省", 150, 140),
    at("长沙市", 300, 140),
    at("岳麓区", 450, 140),
    at("李红", 150, 190),
    at("30", 355, 190),
    at("中国", 505, 190),
    at("汉族", 655, 190),
    at("湖南省长沙市岳麓区望月湖街道", 120, 240),
    at("岳麓区人民医院", 150, 290),
    at("2019年07月01日", 150, 340),
  ];
}

const IMAGE: RawImage = { width: 800, height: 400, channels: 1, data: new Uint8Array(800 * 400) };

/** An engine that reads `text` in any cell whose centre is within 30 px of `where`, and nothing elsewhere. */
function engineReading(text: string, where: { x: number; y: number }, calls: Quad[][] = []): TextEngine {
  return {
    detect: async () => [],
    recognize: async (_image, quads) => {
      calls.push([...quads]);
      return quads.map((quad) => {
        const x = (quad[0].x + quad[2].x) / 2;
        const y = (quad[0].y + quad[2].y) / 2;
        const near = Math.abs(y - where.y) < 30 && x > where.x - 60 && x < where.x + 60;
        return makeTextLine(near ? text : "", { quad });
      });
    },
    dispose: async () => {},
  };
}

test("a sex cell the detector missed is read on its own", async () => {
  const reading = readFields(page(true), BIRTH_CERTIFICATE_SPEC);
  assert.equal(reading.fields.get("sex")?.text, "");
  await rereadEmptyCells(IMAGE, reading, BIRTH_CERTIFICATE_SPEC, engineReading("—女", { x: 520, y: 50 }));
  assert.equal(reading.fields.get("sex")?.text, "女", "the ruling read as a dash is not part of it");
  assert.equal(reading.fields.get("motherAge")?.text, "30", "a field read already is left alone");
});

test("what is not a value of the field's kind is not taken", async () => {
  const reading = readFields(page(true), BIRTH_CERTIFICATE_SPEC);
  await rereadEmptyCells(IMAGE, reading, BIRTH_CERTIFICATE_SPEC, engineReading("Sex", { x: 520, y: 50 }));
  assert.equal(reading.fields.get("sex")?.text, "");
});

test("a blank form is not read again", async () => {
  const reading = readFields(page(false), BIRTH_CERTIFICATE_SPEC);
  assert.equal(reading.blank, true);
  const calls: Quad[][] = [];
  await rereadEmptyCells(
    IMAGE,
    reading,
    BIRTH_CERTIFICATE_SPEC,
    engineReading("女", { x: 520, y: 50 }, calls),
  );
  assert.equal(calls.length, 0);
  assert.equal(reading.fields.get("sex")?.text, "");
});

test("a number with its first digit lost under the label is read again over the label's end", async () => {
  const lines = page(true).map((line) => (line.text === "30" ? at("0", 375, 190) : line));
  const reading = readFields(lines, BIRTH_CERTIFICATE_SPEC);
  assert.equal(reading.fields.get("motherAge")?.text, "0");
  await rereadEmptyCells(IMAGE, reading, BIRTH_CERTIFICATE_SPEC, engineReading("龄30国", { x: 355, y: 200 }));
  assert.equal(reading.fields.get("motherAge")?.text, "30");
});

test("a shared label missed on one row is placed from the other parent's row", async () => {
  const lines = page(true)
    .filter((line) => line.text !== "年龄" && line.text !== "30")
    .concat([at("父亲姓名", 50, 240), at("年龄", 300, 240), at("35", 355, 240), at("李强", 150, 240)]);
  const reading = readFields(lines, BIRTH_CERTIFICATE_SPEC);
  assert.equal(reading.fields.get("motherAge")?.label, undefined);
  assert.equal(reading.fields.get("motherAge")?.text, "");
  await rereadEmptyCells(IMAGE, reading, BIRTH_CERTIFICATE_SPEC, engineReading("30", { x: 355, y: 200 }));
  assert.equal(reading.fields.get("motherAge")?.text, "30");
});

test("a nationality missed is read again; the ruling read as 一 is not part of it", async () => {
  const lines = page(true).filter((line) => line.text !== "中国");
  const reading = readFields(lines, BIRTH_CERTIFICATE_SPEC);
  assert.equal(reading.fields.get("motherNationality")?.text, "");
  await rereadEmptyCells(IMAGE, reading, BIRTH_CERTIFICATE_SPEC, engineReading("一中国", { x: 530, y: 200 }));
  assert.equal(reading.fields.get("motherNationality")?.text, "中国");
});

test("a weight too light for the weeks of gestation is read again, over the end of a label that lost it", async () => {
  const lines = page(true).concat([at("出生孕周", 50, 115), at("39", 150, 115), at("出生体305克", 300, 115)]);
  const reading = readFields(lines, BIRTH_CERTIFICATE_SPEC);
  assert.equal(reading.fields.get("birthWeight")?.text, "305克");
  await rereadEmptyCells(
    IMAGE,
    reading,
    BIRTH_CERTIFICATE_SPEC,
    engineReading("重3050克", { x: 420, y: 125 }),
  );
  assert.equal(reading.fields.get("birthWeight")?.text, "3050");
});

test("under a label box that took in its caption, the cell is read again as high as the label's characters", async () => {
  // 性别 boxed with its English caption: 40 px high for 20 px characters. In a strip 80 px high the lone 女 is too
  // small for the recognizer; in one 40 px high it is read.
  const lines = page(true).map((line) => (line.text === "性别" ? at("性别", 420, 40, { height: 40 }) : line));
  const reading = readFields(lines, BIRTH_CERTIFICATE_SPEC);
  assert.equal(reading.fields.get("sex")?.text, "");
  const engine = engineReading("女", { x: 540, y: 60 });
  const recognize = engine.recognize;
  engine.recognize = async (image, quads) =>
    (await recognize(image, quads)).map((line) =>
      Math.abs(line.quad[2].y - line.quad[0].y) > 50 ? makeTextLine("", { quad: line.quad }) : line,
    );
  await rereadEmptyCells(IMAGE, reading, BIRTH_CERTIFICATE_SPEC, engine);
  assert.equal(reading.fields.get("sex")?.text, "女");
});

/** Like {@link engineReading}, but reading `clean` in the cell only when the rulings are painted out, else `plain`. */
function engineReadingClean(
  plain: string,
  clean: string,
  where: { x: number; y: number },
  calls: { quads: Quad[]; withoutRulings: boolean }[] = [],
): TextEngine {
  return {
    detect: async () => [],
    recognize: async (_image, quads, options) => {
      const withoutRulings = options?.withoutRulings === true;
      calls.push({ quads: [...quads], withoutRulings });
      return quads.map((quad) => {
        const x = (quad[0].x + quad[2].x) / 2;
        const y = (quad[0].y + quad[2].y) / 2;
        const near = Math.abs(y - where.y) < 30 && x > where.x - 60 && x < where.x + 60;
        return makeTextLine(near ? (withoutRulings ? clean : plain) : "", { quad });
      });
    },
    dispose: async () => {},
  };
}

test("a word printed across a ruling is read again with the rulings painted out, only for cells that need it", async () => {
  const reading = readFields(page(true), BIRTH_CERTIFICATE_SPEC);
  const calls: { quads: Quad[]; withoutRulings: boolean }[] = [];
  await rereadEmptyCells(
    IMAGE,
    reading,
    BIRTH_CERTIFICATE_SPEC,
    engineReadingClean("1888", "女", { x: 520, y: 50 }, calls),
  );
  assert.equal(reading.fields.get("sex")?.text, "女");
  assert.deepEqual(
    calls.map((call) => call.withoutRulings),
    [false, true],
    "read plainly first, then once more without rulings",
  );
  const plainCount = calls[0]?.quads.length ?? 0;
  const cleanCount = calls[1]?.quads.length ?? 0;
  assert.ok(
    cleanCount > 0 && cleanCount % 2 === 0,
    "two bands a cell: at the page's values' shift, and the characters' height",
  );
  assert.ok(
    cleanCount < plainCount,
    "not the cells of fields that are not vocabularies, nor optional blank ones",
  );
});

test("a word read plainly is kept, whatever a read without rulings says", async () => {
  const reading = readFields(page(true), BIRTH_CERTIFICATE_SPEC);
  const calls: { quads: Quad[]; withoutRulings: boolean }[] = [];
  await rereadEmptyCells(
    IMAGE,
    reading,
    BIRTH_CERTIFICATE_SPEC,
    engineReadingClean("女", "男", { x: 520, y: 50 }, calls),
  );
  assert.equal(reading.fields.get("sex")?.text, "女");
  const sexCell = (quad: Quad) => Math.abs((quad[0].y + quad[2].y) / 2 - 50) < 30 && quad[0].x > 400;
  const again = calls.filter((call) => call.withoutRulings).flatMap((call) => call.quads);
  assert.equal(again.filter(sexCell).length, 0, "the sex cell is not read again");
});

/** An engine reading 别女 in the sex cell (its label's 别 unsure at 0.3, 女 at `sure`), and nothing elsewhere. */
function labelEndBeforeWord(sure: number): TextEngine {
  return {
    detect: async () => [],
    recognize: async (_image, quads) =>
      quads.map((quad) => {
        const y = (quad[0].y + quad[2].y) / 2;
        const near = Math.abs(y - 50) < 30 && quad[0].x > 400;
        return makeTextLine(near ? "别女" : "", { quad, confidences: { 0: 0.3, 1: sure } });
      }),
    dispose: async () => {},
  };
}

test("an unsure character read at a word's end (its label's last one) is left out when the rest is sure", async () => {
  const reading = readFields(page(true), BIRTH_CERTIFICATE_SPEC);
  await rereadEmptyCells(IMAGE, reading, BIRTH_CERTIFICATE_SPEC, labelEndBeforeWord(0.97));
  assert.equal(reading.fields.get("sex")?.text, "女");
});

test("a word whose rest is unsure too is not taken", async () => {
  const reading = readFields(page(true), BIRTH_CERTIFICATE_SPEC);
  await rereadEmptyCells(IMAGE, reading, BIRTH_CERTIFICATE_SPEC, labelEndBeforeWord(0.6));
  assert.equal(reading.fields.get("sex")?.text, "");
});

/** An engine that reads each text in the cells whose centre is within 30 px of its place, and nothing elsewhere. */
function engineReadingAt(texts: { text: string; x: number; y: number }[], calls: Quad[][] = []): TextEngine {
  return {
    detect: async () => [],
    recognize: async (_image, quads) => {
      calls.push([...quads]);
      return quads.map((quad) => {
        const x = (quad[0].x + quad[2].x) / 2;
        const y = (quad[0].y + quad[2].y) / 2;
        const near = texts.find((one) => Math.abs(y - one.y) < 30 && Math.abs(x - one.x) < 40);
        return makeTextLine(near?.text ?? "", { quad });
      });
    },
    dispose: async () => {},
  };
}

test("a weight that fit an empty gestational age is judged again once the weeks are read", async () => {
  const lines = page(true).concat([at("出生孕周", 50, 115), at("出生体重", 250, 115), at("367", 345, 115)]);
  const reading = readFields(lines, BIRTH_CERTIFICATE_SPEC);
  assert.equal(reading.fields.get("birthWeight")?.text, "367");
  const calls: Quad[][] = [];
  const engine = engineReadingAt(
    [
      { text: "周39", x: 154, y: 125 },
      { text: "重3675克", x: 364, y: 125 },
    ],
    calls,
  );
  await rereadEmptyCells(IMAGE, reading, BIRTH_CERTIFICATE_SPEC, engine);
  assert.equal(reading.fields.get("gestationalAge")?.text, "39");
  assert.equal(reading.fields.get("birthWeight")?.text, "3675");
  assert.equal(calls.at(-1)?.length, 4, "the weight judged again is read alone, in its four bands, last");
});

test("weeks read with a gap before their printed 周 are read again up to it, and keep the days found there", async () => {
  const row = [at("出生孕周", 50, 115), at("29", 145, 115), at("周", 230, 115), at("出生体重", 300, 115)];
  const withDays = readFields(page(true).concat(row), BIRTH_CERTIFICATE_SPEC);
  assert.equal(withDays.fields.get("gestationalAge")?.text, "29");
  await rereadEmptyCells(
    IMAGE,
    withDays,
    BIRTH_CERTIFICATE_SPEC,
    engineReadingAt([{ text: "周29t0周", x: 183, y: 125 }]),
    page(true).concat(row),
  );
  assert.equal(withDays.fields.get("gestationalAge")?.text, "29t0周");
  const weeksOnly = readFields(page(true).concat(row), BIRTH_CERTIFICATE_SPEC);
  await rereadEmptyCells(
    IMAGE,
    weeksOnly,
    BIRTH_CERTIFICATE_SPEC,
    engineReadingAt([{ text: "周28周", x: 183, y: 125 }]),
    page(true).concat(row),
  );
  assert.equal(weeksOnly.fields.get("gestationalAge")?.text, "29", "other weeks never replace weeks read");
});

test("weeks read without their days in one band gain them from a band where the raised days were read", async () => {
  const lines = page(true).concat([at("出生孕周", 50, 115), at("出生体重", 300, 115)]);
  const reading = readFields(lines, BIRTH_CERTIFICATE_SPEC);
  assert.equal(reading.fields.get("gestationalAge")?.text, "");
  const engine: TextEngine = {
    detect: async () => [],
    recognize: async (_image, quads) =>
      quads.map((quad) => {
        const x = (quad[0].x + quad[2].x) / 2;
        const y = (quad[0].y + quad[2].y) / 2;
        const inCell = x < 250 && Math.abs(y - 125) < 30;
        // Level with the label the days are missed; in the band cut higher they are read.
        return makeTextLine(inCell ? (y < 120 ? "周40+5" : "周40") : "", { quad });
      }),
    dispose: async () => {},
  };
  await rereadEmptyCells(IMAGE, reading, BIRTH_CERTIFICATE_SPEC, engine);
  assert.equal(reading.fields.get("gestationalAge")?.text, "40+5");
});

/** A resident card whose 户主或与户主关系 cell the detector left empty: its `妻` sits close after the long label. */
function residentCard(): TextLine[] {
  return [
    at("姓名", 50, 100),
    at("李娜", 150, 100),
    at("户主或与户主关系", 420, 100),
    at("性别", 420, 150),
    at("女", 520, 150),
    at("民族", 420, 200),
    at("汉族", 520, 200),
    at("出生日期", 420, 250),
    at("1991年10月17日", 520, 250),
    at("公民身份号码", 50, 300),
    at("410328199110171522", 200, 300),
  ];
}

/**
 * An engine reading, in a box that starts at the relation label's left, the label's eight characters where they are
 * (20 px each from x = 420) and then `value`'s characters from x = 585; nothing anywhere else.
 */
function labelLineEngine(value: string, confidence: number, calls: boolean[] = []): TextEngine {
  return {
    detect: async () => [],
    recognize: async (_image, quads, options) => {
      calls.push(options?.withoutRulings === true);
      return quads.map((quad) => {
        const left = Math.min(quad[0].x, quad[3].x);
        const right = Math.max(quad[1].x, quad[2].x);
        const y = (quad[0].y + quad[2].y) / 2;
        if (Math.abs(left - 420) > 2 || Math.abs(y - 110) > 10) return makeTextLine("", { quad });
        const at = (x: number) => (x - left) / (right - left);
        const chars = [
          ...Array.from("户主或与户主关系").map((text, i) => ({ text, x: 420 + 20 * i, confidence: 0.99 })),
          ...Array.from(value).map((text, i) => ({ text, x: 585 + 20 * i, confidence })),
        ].map(({ text, x, confidence }) => ({
          text,
          confidence,
          start: at(x),
          end: at(x + 20),
          alternatives: [{ text, probability: confidence }],
        }));
        return { ...makeTextLine(chars.map((char) => char.text).join(""), { quad }), chars };
      });
    },
    dispose: async () => {},
  };
}

test("a word close after a long label, read poorly alone, is read together with its label", async () => {
  const reading = readFields(residentCard(), HOUSEHOLD_RESIDENT_SPEC);
  assert.equal(reading.fields.get("relation")?.text, "");
  const calls: boolean[] = [];
  await rereadEmptyCells(IMAGE, reading, HOUSEHOLD_RESIDENT_SPEC, labelLineEngine("妻", 0.9, calls));
  assert.equal(reading.fields.get("relation")?.text, "妻", "the label's characters are not part of it");
  assert.deepEqual(calls.slice(-2), [false, true], "read plainly and without rulings");
  assert.equal(reading.unreadInk?.has("relation") ?? false, false);
});

test("a word read with its label that is no entry, or unsure, is not taken; the cell is noted as holding ink", async () => {
  const unknown = readFields(residentCard(), HOUSEHOLD_RESIDENT_SPEC);
  await rereadEmptyCells(IMAGE, unknown, HOUSEHOLD_RESIDENT_SPEC, labelLineEngine("费", 0.9));
  assert.equal(unknown.fields.get("relation")?.text, "");
  assert.equal(unknown.unreadInk?.has("relation"), true);
  const unsure = readFields(residentCard(), HOUSEHOLD_RESIDENT_SPEC);
  await rereadEmptyCells(IMAGE, unsure, HOUSEHOLD_RESIDENT_SPEC, labelLineEngine("妻", 0.55));
  assert.equal(unsure.fields.get("relation")?.text, "");
  assert.equal(unsure.unreadInk?.has("relation"), true);
});
