import assert from "node:assert/strict";
import { test } from "node:test";
import type { TextLine } from "../../types.ts";
import { HOUSEHOLD_HEAD_SPEC } from "../household-head.ts";
import { HOUSEHOLD_RESIDENT_SPEC } from "../household-resident.ts";
import { readFields } from "../read-fields.ts";
import { textLineAt } from "./make-text-line.ts";

/** A line of 20 px characters with its top-left corner at (x, y). */
function at(text: string, x: number, y: number, confidence = 0.99): TextLine {
  return textLineAt(text, x, y, { confidence });
}

/** The first six rows of a resident card, labels as given (a garbled one in place of the true wording). */
function residentCard(labels: Partial<Record<string, string>> = {}): TextLine[] {
  const rows: [string, string, string, string][] = [
    ["姓名", "张建国", "户主或与户主关系", "户主"],
    ["曾用名", "", "性别", "男"],
    ["出生地", "湖南省长沙县", "民族", "汉族"],
    ["籍贯", "湖南省湘潭县", "出生日期", "1980年01月11日"],
    ["本市(县)其他住址", "", "宗教信仰", ""],
    ["公民身份号码", "430102198001112345", "血型", "A型"],
  ];
  const lines: TextLine[] = [];
  rows.forEach(([leftLabel, leftValue, rightLabel, rightValue], row) => {
    const y = 100 + row * 50;
    const left = labels[leftLabel] ?? leftLabel;
    const right = labels[rightLabel] ?? rightLabel;
    if (left) lines.push(at(left, 50, y, left === leftLabel ? 0.99 : 0.4));
    if (right) lines.push(at(right, 420, y, right === rightLabel ? 0.99 : 0.4));
    if (leftValue) lines.push(at(leftValue, 200, y));
    if (rightValue) lines.push(at(rightValue, 600, y));
  });
  return lines;
}

test("a label garbled past fuzzy matching is taken where its column and row put it", () => {
  const { fields } = readFields(residentCard({ 籍贯: "籍费", 民族: "氐蔟" }), HOUSEHOLD_RESIDENT_SPEC);
  assert.equal(fields.get("nativePlace")?.text, "湖南省湘潭县");
  assert.equal(fields.get("ethnicity")?.text, "汉族");
  assert.ok(fields.get("nativePlace")?.label, "the garbled text stands as its label");
  assert.ok((fields.get("nativePlace")?.label?.score ?? 1) < 1, "a placed label is a weak match");
  assert.equal(fields.get("birthPlace")?.text, "湖南省长沙县", "the row above keeps its own value");
});

test("a wrapped label read as two garbled halves is cut from the values", () => {
  const lines = residentCard({ 公民身份号码: "" });
  lines.push(at("公氏牙", 50, 340, 0.5), at("份弓码", 50, 362, 0.5));
  const { fields } = readFields(lines, HOUSEHOLD_RESIDENT_SPEC);
  assert.equal(fields.get("idCardNumber")?.text, "430102198001112345");
  assert.equal(fields.get("otherResidence")?.text, "", "no half of the label continues the field above");
});

test("a label nothing was read of still claims the values on its row", () => {
  const { fields } = readFields(residentCard({ 籍贯: "" }), HOUSEHOLD_RESIDENT_SPEC);
  assert.equal(fields.get("nativePlace")?.text, "湖南省湘潭县");
  assert.equal(fields.get("nativePlace")?.label, undefined, "no label was read");
  assert.equal(fields.get("birthPlace")?.text, "湖南省长沙县", "not taken as a second line of 出生地");
});

test("the lone first character of a letter-spaced label is that label", () => {
  // 户 别: the detector lost 别; the 户 left at the column of 户 号 is the label of 户别.
  const lines = [at("户", 50, 100), at("家庭户", 150, 100), at("户主姓名", 300, 100), at("王芳", 400, 100)];
  lines.push(
    at("户号", 50, 150),
    at("000123456", 150, 150),
    at("住址", 300, 150),
    at("湖南省长沙市", 360, 150),
  );
  lines.push(at("承办人签章", 50, 400), at("签发日期", 300, 400), at("2016年08月31日", 400, 400));
  const { fields } = readFields(lines, HOUSEHOLD_HEAD_SPEC);
  assert.equal(fields.get("householdType")?.text, "家庭户");
  assert.equal(fields.get("householderName")?.text, "王芳");
});

test("too few labels found: nothing is placed", () => {
  const lines = [
    at("姓名", 50, 100),
    at("张建国", 200, 100),
    at("籍费", 50, 250),
    at("湖南省湘潭县", 200, 250),
  ];
  const { fields } = readFields(lines, HOUSEHOLD_RESIDENT_SPEC);
  assert.equal(fields.get("nativePlace")?.text, "");
});

test("the rest of a label wrapped into a box of its own is not a value", () => {
  const lines = residentCard();
  lines.push(at("何时由何地迁", 50, 400), at("来本市", 50, 420), at("(县)", 110, 422));
  lines.push(at("何时由何地迁来本址", 50, 450));
  const { fields } = readFields(lines, HOUSEHOLD_RESIDENT_SPEC);
  assert.ok(fields.get("immigratedToCityInfo")?.label, "the label is found by its shorter wording");
  assert.equal(fields.get("immigratedToCityInfo")?.text, "");
});

test("a garbled label is looked for on its own column's line where the rows slope across the page", () => {
  // A card photographed at a slant: the right column stands 4 px lower every row than the left, so its row 6 is
  // 24 px below the left column's label of that row, further than the rows' slack allows.
  const rows: [string, string, string, string][] = [
    ["姓名", "张建国", "户主或与户主关系", "户主"],
    ["曾用名", "", "性别", "男"],
    ["出生地", "湖南省长沙县", "民族", "汉族"],
    ["籍贯", "湖南省湘潭县", "出生日期", "1980年01月11日"],
    ["本市(县)其他住址", "", "宗教信仰", "无"],
    ["公民身份号码", "430102198001112345", "血型", "A型"],
    ["文化程度", "大学本科", "兵役状况", "未服兵役"],
  ];
  const lines: TextLine[] = [];
  rows.forEach(([leftLabel, leftValue, rightLabel, rightValue], row) => {
    const y = 100 + row * 50;
    const drop = row * 4;
    lines.push(at(leftLabel, 50, y));
    if (leftValue) lines.push(at(leftValue, 200, y));
    // 兵役状况 garbled (no character of it read right) on the last row.
    lines.push(at(row === 6 ? "兵没状冴" : rightLabel, 420, y + drop, row === 6 ? 0.4 : 0.99));
    if (rightValue) lines.push(at(rightValue, 600, y + drop));
  });
  const { fields } = readFields(lines, HOUSEHOLD_RESIDENT_SPEC);
  assert.equal(fields.get("militaryServiceStatus")?.text, "未服兵役");
  assert.equal(fields.get("educationalDegree")?.text, "大学本科");
});
