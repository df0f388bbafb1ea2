import assert from "node:assert/strict";
import { test } from "node:test";
import { BIRTH_CERTIFICATE_SPEC } from "../documents/birth-certificate.ts";
import { readFields } from "../documents/read-fields.ts";
import { textLineAt as at } from "../documents/shared/make-text-line.ts";
import type { RawImage } from "../image/raw-image.ts";
import type { TextLine } from "../types.ts";
import { fillStruckCells, judgeCellInk, judgeStruckGroup, type StruckCell } from "./struck-through-cells.ts";

const PAPER = 245;

function paper(width: number, height: number): RawImage {
  return { width, height, channels: 1, data: new Uint8Array(width * height).fill(PAPER) };
}

/** Draws a straight stroke `thickness` pixels wide. */
function stroke(
  image: RawImage,
  from: [number, number],
  to: [number, number],
  thickness = 2,
  ink = 70,
): void {
  const steps = Math.ceil(Math.hypot(to[0] - from[0], to[1] - from[1]) * 2);
  for (let s = 0; s <= steps; s++) {
    const x = from[0] + ((to[0] - from[0]) * s) / steps;
    const y = from[1] + ((to[1] - from[1]) * s) / steps;
    for (let dy = 0; dy < thickness; dy++)
      for (let dx = 0; dx < thickness; dx++) {
        const px = Math.round(x + dx - thickness / 2);
        const py = Math.round(y + dy - thickness / 2);
        if (px >= 0 && py >= 0 && px < image.width && py < image.height)
          image.data[py * image.width + px] = ink;
      }
  }
}

/** `count` slashes of `height` pixels, `pitch` apart, rising to the right, their feet on `baseline`. */
function slashes(
  image: RawImage,
  x: number,
  baseline: number,
  count: number,
  pitch: number,
  height = 18,
): void {
  for (let i = 0; i < count; i++) {
    const foot = x + i * pitch;
    stroke(image, [foot, baseline], [foot + height * 0.35, baseline - height]);
  }
}

/** A rough character: a cross with a slanted stroke, ink of all directions. */
function character(image: RawImage, x: number, baseline: number): void {
  stroke(image, [x, baseline - 10], [x + 18, baseline - 10]);
  stroke(image, [x + 9, baseline - 19], [x + 9, baseline]);
  stroke(image, [x + 2, baseline], [x + 8, baseline - 8]);
}

test("a cell of spaced slashes is struck, and its strokes are counted", () => {
  const patch = paper(200, 80);
  slashes(patch, 60, 55, 3, 12, 36);
  const report = judgeCellInk(patch, 40);
  assert.equal(report.verdict, "struck");
  assert.equal(report.strokes, 3);
  assert.ok(report.strokeShare > 0.9);
});

test("slashes printed so close that they touch are still counted one by one", () => {
  const patch = paper(400, 80);
  slashes(patch, 40, 60, 18, 9, 36);
  const report = judgeCellInk(patch, 40);
  assert.equal(report.verdict, "struck");
  assert.ok(Math.abs(report.strokes - 18) <= 1, `${report.strokes} strokes`);
});

test("slashes printed across the cell's ruling stay whole and the ruling is not ink", () => {
  const patch = paper(200, 80);
  stroke(patch, [0, 50], [199, 50], 2, 90);
  slashes(patch, 60, 62, 2, 14, 36);
  const report = judgeCellInk(patch, 40);
  assert.equal(report.verdict, "struck");
  assert.equal(report.strokes, 2);
});

test("upright strokes (1, l) and characters are text, and an empty ruled cell is blank", () => {
  const upright = paper(200, 80);
  for (const x of [60, 75, 90]) stroke(upright, [x, 60], [x, 24]);
  assert.equal(judgeCellInk(upright, 40).verdict, "text");
  const written = paper(200, 80);
  slashes(written, 40, 60, 2, 12, 36);
  character(written, 100, 60);
  character(written, 130, 60);
  assert.equal(judgeCellInk(written, 40).verdict, "text");
  const empty = paper(200, 80);
  stroke(empty, [0, 62], [199, 62], 2, 90);
  // The guilloche: faint lines, much lighter than print.
  stroke(empty, [0, 0], [199, 79], 1, 228);
  assert.equal(judgeCellInk(empty, 40).verdict, "blank");
});

/** A certificate's mother and father rows (labels 20 px high), the mother's values read, the father's not. */
function page(): TextLine[] {
  return [
    at("新生儿姓名", 50, 40),
    at("王小明", 170, 40),
    at("性别", 420, 40),
    at("男", 500, 40),
    at("出生时间", 50, 90),
    at("2019年06月26日09时28分", 150, 90),
    at("医疗机构名称", 50, 140),
    at("长沙市岳麓区人民医院", 200, 140),
    at("母亲姓名", 50, 190),
    at("李红", 150, 190),
    at("年龄", 300, 190),
    at("30", 355, 190),
    at("国籍", 450, 190),
    at("中国", 505, 190),
    at("民族", 600, 190),
    at("汉族", 655, 190),
    at("住址", 50, 240),
    at("湖南省长沙市岳麓区望月湖街道", 120, 240),
    at("证件号码", 450, 290),
    at("430104199003071234", 540, 290),
    at("父亲姓名", 50, 390),
    at("年龄", 300, 390),
    at("国籍", 450, 390),
    at("民族", 600, 390),
    at("住址", 50, 440),
    at("证件号码", 450, 490),
    at("签发机构", 50, 540),
    at("长沙市岳麓区人民医院", 150, 540),
    at("签发日期", 50, 590),
    at("2019年07月01日", 150, 590),
  ];
}

/** The father's six cells struck through as the print code does, each replaceable by other ink. */
function struckPage(draw: Partial<Record<string, (image: RawImage) => void>> = {}): RawImage {
  const image = paper(960, 640);
  const cells: Record<string, (image: RawImage) => void> = {
    fatherName: (im) => slashes(im, 190, 408, 3, 8),
    fatherAge: (im) => slashes(im, 380, 408, 2, 8),
    fatherNationality: (im) => slashes(im, 530, 408, 2, 8),
    fatherEthnicity: (im) => slashes(im, 700, 408, 2, 8),
    fatherAddress: (im) => slashes(im, 250, 458, 18, 8),
    fatherIdCardNumber: (im) => slashes(im, 600, 508, 18, 5),
  };
  for (const [key, drawCell] of Object.entries(cells)) (draw[key] ?? drawCell)(image);
  return image;
}

function fatherValues(image: RawImage): Record<string, string> {
  const reading = readFields(page(), BIRTH_CERTIFICATE_SPEC);
  fillStruckCells(image, reading, BIRTH_CERTIFICATE_SPEC);
  const values: Record<string, string> = {};
  for (const [key, field] of reading.fields) if (/^(father|mother)/u.test(key)) values[key] = field.text;
  return values;
}

test("a father struck through in every cell gets the print code's fillers, the mother keeps her values", () => {
  const reading = readFields(page(), BIRTH_CERTIFICATE_SPEC);
  fillStruckCells(struckPage(), reading, BIRTH_CERTIFICATE_SPEC);
  const text = (key: string) => reading.fields.get(key)?.text;
  assert.equal(text("fatherName"), "///");
  assert.equal(text("fatherAge"), "//");
  assert.equal(text("fatherNationality"), "//");
  assert.equal(text("fatherEthnicity"), "//");
  assert.equal(text("fatherAddress"), "/".repeat(18));
  assert.equal(text("fatherIdCardNumber"), "/".repeat(18));
  assert.equal(text("motherName"), "李红");
  assert.equal(text("motherEthnicity"), "汉族");
  const confidence = reading.fields.get("fatherName")?.confidence ?? 0;
  assert.ok(confidence > 0.5 && confidence <= 0.9, `confidence ${confidence}`);
});

test("no filler is invented where one father cell holds text or nothing, nor on a blank page", () => {
  const written = fatherValues(struckPage({ fatherName: (im) => character(im, 190, 408) }));
  assert.equal(written.fatherName, "");
  assert.equal(written.fatherAddress, "");
  const unstruck = fatherValues(struckPage({ fatherAddress: () => {} }));
  assert.equal(unstruck.fatherIdCardNumber, "");
  assert.equal(unstruck.fatherName, "");
  const blank = fatherValues(paper(960, 640));
  assert.ok(
    Object.values(blank)
      .slice(6)
      .every((value) => value === ""),
  );
  const upright = fatherValues(
    struckPage({
      fatherAge: (im) => {
        for (const x of [380, 390]) stroke(im, [x, 408], [x, 390]);
      },
    }),
  );
  assert.equal(upright.fatherAge, "");
});

test("a blank form is never filled, strokes or not", () => {
  const reading = readFields(page(), BIRTH_CERTIFICATE_SPEC);
  reading.blank = true;
  fillStruckCells(struckPage(), reading, BIRTH_CERTIFICATE_SPEC);
  assert.equal(reading.fields.get("fatherName")?.text, "");
});

test("a mother's ethnicity left empty with one stroke in its cell is the `/` of an ethnicity not given", () => {
  const lines = page().filter((line) => line.text !== "汉族");
  const image = paper(960, 640);
  // The mother is given: her other cells hold text.
  for (const [x, baseline] of [
    [150, 208],
    [355, 208],
    [505, 208],
    [130, 258],
    [550, 308],
  ] as const) {
    character(image, x, baseline);
    character(image, x + 22, baseline);
  }
  slashes(image, 700, 208, 1, 8);
  const reading = readFields(lines, BIRTH_CERTIFICATE_SPEC);
  fillStruckCells(image, reading, BIRTH_CERTIFICATE_SPEC);
  assert.equal(reading.fields.get("motherEthnicity")?.text, "/");
  assert.equal(reading.fields.get("fatherEthnicity")?.text, "");
  // Where the mother's other cells are not text, a lone stroke is not taken for her ethnicity.
  const bare = paper(960, 640);
  slashes(bare, 700, 208, 1, 8);
  const unsure = readFields(lines, BIRTH_CERTIFICATE_SPEC);
  fillStruckCells(bare, unsure, BIRTH_CERTIFICATE_SPEC);
  assert.equal(unsure.fields.get("motherEthnicity")?.text, "");
});

test("a father's label not found is placed from the mother's, as the labels found in both rows are", () => {
  const lines = page().filter((line) => !(line.text === "证件号码" && frameTop(line) === 490));
  const reading = readFields(lines, BIRTH_CERTIFICATE_SPEC);
  assert.equal(reading.fields.get("fatherIdCardNumber")?.label, undefined);
  fillStruckCells(struckPage(), reading, BIRTH_CERTIFICATE_SPEC);
  assert.equal(reading.fields.get("fatherIdCardNumber")?.text, "/".repeat(18));
});

function frameTop(line: TextLine): number {
  return Math.min(...line.quad.map((point) => point.y));
}

test("a group's cells are judged only until the group is settled", () => {
  const reading = readFields(page(), BIRTH_CERTIFICATE_SPEC);
  const group = (name: string) =>
    BIRTH_CERTIFICATE_SPEC.fields.filter((field) => field.struck?.group === name);
  const judging = (name: string, verdicts: Record<string, StruckCell["verdict"]>) => {
    const asked: string[] = [];
    const quad = page()[0]?.quad as StruckCell["quad"];
    judgeStruckGroup(group(name), reading, (field) => {
      asked.push(field.key);
      const verdict = verdicts[field.key] ?? "struck";
      return {
        key: field.key,
        quad,
        width: 1,
        height: 1,
        verdict,
        strokes: 1,
        strokeShare: 1,
        regularity: 1,
      };
    });
    return asked;
  };
  // Every cell struck: all are judged.
  assert.equal(judging("father", {}).length, group("father").length);
  // The mother, read with her ethnicity: a first cell of text settles it (her cells are never filled).
  assert.deepEqual(judging("mother", { motherName: "text" }), ["motherName"]);
  // The father, his ethnicity read empty: while his other cells hold text, a lone `/` there stays possible.
  const texts = Object.fromEntries(group("father").map((field) => [field.key, "text" as const]));
  assert.equal(judging("father", { ...texts, fatherEthnicity: "struck" }).length, group("father").length);
  assert.deepEqual(judging("father", texts), [
    "fatherName",
    "fatherAge",
    "fatherNationality",
    "fatherEthnicity",
  ]);
  assert.deepEqual(judging("father", { fatherName: "blank" }), ["fatherName"]);
});
