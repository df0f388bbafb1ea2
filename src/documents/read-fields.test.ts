import assert from "node:assert/strict";
import { test } from "node:test";
import type { Point, Quad, TextLine } from "../types.ts";
import { HOUSEHOLD_HEAD_SPEC } from "./household-head.ts";
import { HOUSEHOLD_RESIDENT_SPEC } from "./household-resident.ts";
import { readFields } from "./read-fields.ts";
import { makeTextLine } from "./shared/make-text-line.ts";

/** A line of 20 px characters with its top-left corner at (x, y), optionally turned about the origin. */
function at(text: string, x: number, y: number, turn = 0): TextLine {
  const width = 20 * Array.from(text).length;
  const rotate = (p: Point): Point => ({
    x: p.x * Math.cos(turn) - p.y * Math.sin(turn),
    y: p.x * Math.sin(turn) + p.y * Math.cos(turn),
  });
  const quad = [
    { x, y },
    { x: x + width, y },
    { x: x + width, y: y + 20 },
    { x, y: y + 20 },
  ].map(rotate) as unknown as Quad;
  return makeTextLine(text, { quad });
}

/** The first rows of a resident card, values shifted by (dx, dy) from their cells. */
function residentCard(dx: number, dy: number, turn = 0, blank = false): TextLine[] {
  const rows: [string, string, string, string][] = [
    ["姓名", "张建国", "户主或与户主关系", "户主"],
    ["曾用名", "", "性别", "男"],
    ["出生地", "湖南省长沙县", "民族", "汉族"],
    ["籍贯", "湖南省长沙县", "出生日期", "1980年01月11日"],
  ];
  const lines: TextLine[] = [];
  rows.forEach(([leftLabel, leftValue, rightLabel, rightValue], row) => {
    const y = 100 + row * 50;
    lines.push(at(leftLabel, 50, y, turn), at(rightLabel, 420, y, turn));
    if (leftValue && !blank) lines.push(at(leftValue, 150 + dx, y + dy, turn));
    if (rightValue && !blank) lines.push(at(rightValue, 600 + dx, y + dy, turn));
  });
  return lines;
}

test("values in their cells go to the label on their left", () => {
  const { fields, labelsFound } = readFields(residentCard(0, 0), HOUSEHOLD_RESIDENT_SPEC);
  assert.equal(labelsFound, 8);
  assert.equal(fields.get("name")?.text, "张建国");
  assert.equal(fields.get("relation")?.text, "户主");
  assert.equal(fields.get("formerName")?.text, "");
  assert.equal(fields.get("sex")?.text, "男");
  assert.equal(fields.get("birthDate")?.text, "1980年01月11日");
  assert.equal(fields.get("idCardNumber")?.text, "");
});

test("a print shifted down by more than half a row stays with its row", () => {
  const { fields } = readFields(residentCard(15, 28), HOUSEHOLD_RESIDENT_SPEC);
  assert.equal(fields.get("name")?.text, "张建国");
  assert.equal(fields.get("sex")?.text, "男");
  assert.equal(fields.get("nativePlace")?.text, "湖南省长沙县");
  assert.equal(fields.get("ethnicity")?.text, "汉族");
});

test("a document turned a quarter turn reads the same", () => {
  const { fields, frame } = readFields(residentCard(0, 0, Math.PI / 2), HOUSEHOLD_RESIDENT_SPEC);
  assert.ok(Math.abs(frame.angle - Math.PI / 2) < 1e-6);
  assert.equal(fields.get("name")?.text, "张建国");
  assert.equal(fields.get("birthDate")?.text, "1980年01月11日");
});

test("a value merged with its label is cut from it", () => {
  const lines = [
    at("户别家庭户", 50, 100),
    at("户主姓名", 300, 100),
    at("王芳", 400, 100),
    at("户号", 50, 150),
  ];
  lines.push(at("000123456", 120, 150), at("住址", 300, 150), at("湖南省长沙市岳麓区", 360, 150));
  lines.push(at("望月湖街道3栋", 360, 185));
  const { fields } = readFields(lines, HOUSEHOLD_HEAD_SPEC);
  assert.equal(fields.get("householdType")?.text, "家庭户");
  assert.equal(fields.get("householderName")?.text, "王芳");
  assert.equal(fields.get("householdNumber")?.text, "000123456");
  assert.equal(
    fields.get("address")?.text.replace(/\s+/gu, ""),
    "湖南省长沙市岳麓区望月湖街道3栋",
    "the second line continues it",
  );
  assert.equal(fields.get("address")?.quads.length, 2);
});

test("a blank form reads every field empty", () => {
  const lines = residentCard(0, 0, 0, true);
  const { fields, labelsFound } = readFields(lines, HOUSEHOLD_RESIDENT_SPEC);
  assert.ok(labelsFound >= 6);
  for (const [key, reading] of fields) assert.equal(reading.text, "", key);
});

test("a label wrapped over two lines of a narrow cell is found whole", () => {
  const lines = [at("姓名", 50, 100), at("张建国", 150, 100), at("公民身", 50, 150), at("份号码", 50, 172)];
  lines.push(at("430102198507152345", 150, 160), at("本市(县)", 50, 220), at("其他住址", 50, 242));
  lines.push(at("性别", 420, 100), at("男", 520, 100));
  const { fields } = readFields(lines, HOUSEHOLD_RESIDENT_SPEC);
  assert.equal(fields.get("idCardNumber")?.text, "430102198507152345");
  assert.ok(fields.get("otherResidence")?.label, "本市(县)其他住址 found");
  assert.equal(fields.get("name")?.text, "张建国");
});

test("a box reading whole as a vocabulary entry is a value even where its label was merged into another box", () => {
  const lines = [
    at("姓名", 50, 100),
    at("张建国", 150, 100),
    at("本市(县)其他住址", 50, 200),
    // The detector merged the address with the label of the cell on its right: neither is at a box's start.
    at("湖南省长沙县天心区解放西路12号宗教信仰", 150, 200),
    at("无宗教信仰", 520, 198),
  ];
  const { fields } = readFields(lines, HOUSEHOLD_RESIDENT_SPEC);
  assert.equal(fields.get("religious")?.text, "无宗教信仰");
  assert.equal(fields.get("otherResidence")?.text, "湖南省长沙县天心区解放西路12号");
});

test("a label's wording inside a value is not cut from it", () => {
  const lines = [
    at("姓名", 50, 100),
    at("张建国", 150, 100),
    at("出生地", 50, 150),
    at("湖南省长沙县", 150, 150),
    at("本市(县)其他住址", 50, 200),
    at("宗教信仰", 420, 200),
    // The value's box sits a little higher than its label's.
    at("无宗教信仰", 600, 196),
    at("何时由何地迁来本市(县)", 50, 250),
    // 出生 is one character off 出生地: a weak match of a label already found exactly.
    at("出生", 400, 250),
  ];
  const { fields } = readFields(lines, HOUSEHOLD_RESIDENT_SPEC);
  assert.equal(fields.get("religious")?.text, "无宗教信仰");
  assert.equal(fields.get("immigratedToCityInfo")?.text, "出生");
  assert.equal(fields.get("birthPlace")?.text, "湖南省长沙县");
});

test("a label lost with its value is placed by the grid, for its cell to be read on its own", () => {
  const lines = residentCard(0, 0).filter((line) => line.text !== "性别" && line.text !== "男");
  const reading = readFields(lines, HOUSEHOLD_RESIDENT_SPEC);
  assert.equal(reading.fields.get("sex")?.label, undefined);
  const placed = reading.placedLabels?.get("sex");
  assert.ok(placed !== undefined, "the grid places 性别");
  assert.ok(Math.abs(placed.left - 420) < 10, `in its column: ${placed.left}`);
  assert.ok(Math.abs(placed.centerY - 160) < 10, `on its row: ${placed.centerY}`);
  assert.equal(reading.placedLabels?.has("relation") ?? false, false, "a label found is not placed");
});

/** A householder page's first rows, with 户号 printed letter-spaced as two boxes and `extra` lines added. */
function headPage(extra: TextLine[]): TextLine[] {
  return [
    at("户别", 50, 100),
    at("家庭户", 150, 100),
    at("户主姓名", 420, 100),
    at("张建国", 520, 100),
    at("户", 50, 150),
    at("号", 110, 150),
    at("735866358", 150, 150),
    at("住址", 420, 150),
    at("湖南省长沙县开元路1号", 520, 150),
    ...extra,
  ];
}

test("a speck boxed in the gap of a letter-spaced label is neither the label's end nor the value's start", () => {
  const speck = makeTextLine("o", {
    quad: [
      { x: 78, y: 155 },
      { x: 88, y: 155 },
      { x: 88, y: 165 },
      { x: 78, y: 165 },
    ],
    confidence: 0.56,
  });
  const { fields } = readFields(headPage([speck]), HOUSEHOLD_HEAD_SPEC);
  assert.equal(fields.get("householdNumber")?.label?.variant, "户号");
  assert.equal(fields.get("householdNumber")?.text, "735866358");
  const above = at("0", 95, 128);
  assert.equal(
    readFields(headPage([above]), HOUSEHOLD_HEAD_SPEC).fields.get("householdNumber")?.text,
    "735866358",
  );
});

test("a character boxed twice, once at the end of its line's box and once whole, is read once", () => {
  const lines = headPage([]).filter((line) => !line.text.startsWith("湖南"));
  lines.push(at("湖南省长沙县开元路1号", 520, 150), at("号", 730, 150));
  const { fields } = readFields(lines, HOUSEHOLD_HEAD_SPEC);
  assert.equal(fields.get("address")?.text, "湖南省长沙县开元路1号");
  // A box beside the line, not over its end, is a character of its own.
  lines.push(at("号", 745, 150));
  const twice = readFields(lines, HOUSEHOLD_HEAD_SPEC).fields.get("address");
  assert.equal(twice?.pieceTexts.length, 2);
});

test("a community's name read whole, its letter-spaced 社区 label garbled, is the community", () => {
  // 社　区 read as 社 and 冈, too garbled to match; 社区 is then found only at the end of the name.
  const lines = headPage([at("社", 50, 200), at("冈", 110, 200), at("东安社区", 150, 200)]);
  const { fields } = readFields(lines, HOUSEHOLD_HEAD_SPEC);
  assert.equal(fields.get("householderCommunity")?.text, "东安社区");
  assert.equal(fields.get("householdNumber")?.text, "735866358", "the row above keeps its own value");
});

test("the community label read whole at its place still has the name after it as its value", () => {
  const { fields } = readFields(
    headPage([at("社区", 50, 200), at("东安社区", 150, 200)]),
    HOUSEHOLD_HEAD_SPEC,
  );
  assert.equal(fields.get("householderCommunity")?.text, "东安社区");
});

test("a line that only ends in 社区 with nothing before it gives no community", () => {
  const { fields } = readFields(headPage([at("社区", 150, 200)]), HOUSEHOLD_HEAD_SPEC);
  assert.equal(fields.get("householderCommunity")?.text, "");
});
