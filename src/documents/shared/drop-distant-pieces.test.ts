import assert from "node:assert/strict";
import { test } from "node:test";
import type { TextLine } from "../../types.ts";
import { HOUSEHOLD_RESIDENT_SPEC } from "../household-resident.ts";
import { readFields } from "../read-fields.ts";
import { textLineAt } from "./make-text-line.ts";

function at(text: string, x: number, y: number, height = 20): TextLine {
  return textLineAt(text, x, y, { height });
}

/** The lower rows of a resident card: 服务处所 / 职业, the two 何时由何地迁来 rows, 承办人 / 登记日期. */
function lowerRows(): TextLine[] {
  return [
    at("姓名", 50, 50),
    at("户主或与户主关系", 420, 50),
    at("服务处所", 50, 100),
    at("职业", 420, 100),
    at("何时由何地迁来本市(县)", 50, 150),
    at("何时由何地迁来本址", 50, 200),
    at("承办人签章", 50, 250),
    at("登记日期", 420, 250),
    at("2016年04月16日", 520, 250),
  ];
}

test("a seal's caption far along an empty full-width row is not its value", () => {
  const lines = [...lowerRows(), at("县公安局分局", 600, 146, 30)];
  const { fields } = readFields(lines, HOUSEHOLD_RESIDENT_SPEC);
  assert.equal(fields.get("immigratedToCityInfo")?.text, "");
});

test("a value near its label is kept, and so is its far part after a run of text", () => {
  const lines = [...lowerRows(), at("2005年07月由湖南省长沙县", 300, 150), at("迁来", 740, 150)];
  lines.push(at("婚迁", 250, 200));
  const { fields } = readFields(lines, HOUSEHOLD_RESIDENT_SPEC);
  assert.equal(fields.get("immigratedToCityInfo")?.text, "2005年07月由湖南省长沙县 迁来");
  assert.equal(fields.get("immigratedToResidenceInfo")?.text, "婚迁");
});

test("a lone glyph read unsure, far shorter or taller than the value's run, is not part of the value", () => {
  const lines = [
    ...lowerRows(),
    at("学生", 520, 100),
    // A speck at the page's edge read as 红, within reach of the run.
    textLineAt("红", 680, 104, { height: 11, confidence: 0.05 }),
    at("专业技术人员", 150, 100),
    // A small glyph just under the run (a seal's character left after suppression).
    textLineAt("究", 200, 121, { height: 10, confidence: 0.23 }),
    at("婚迁", 250, 200),
    // A character of the registrar's name stamp, taller than the print.
    textLineAt("国", 300, 193, { height: 34, confidence: 0.37 }),
  ];
  const { fields } = readFields(lines, HOUSEHOLD_RESIDENT_SPEC);
  assert.equal(fields.get("occupation")?.text, "学生");
  assert.equal(fields.get("employer")?.text, "专业技术人员");
  assert.equal(fields.get("immigratedToResidenceInfo")?.text, "婚迁");
});

test("a lone glyph of the run's height, or read surely, or with no run beside it, is kept", () => {
  const lines = [
    ...lowerRows(),
    at("2005年07月由湖南省长沙县迁", 300, 150),
    textLineAt("来", 600, 151, { confidence: 0.3 }),
    at("望城人民医院", 150, 100),
    textLineAt("一", 300, 106, { height: 8, confidence: 0.95 }),
    // The end of the value squeezed small into the cell: 路 read unsure, but of the size of 290 beside it.
    textLineAt("路", 330, 104, { height: 7, confidence: 0.39 }),
    textLineAt("290", 350, 104, { height: 8 }),
    textLineAt("无", 250, 200, { height: 20, confidence: 0.9 }),
    textLineAt("迁", 300, 203, { height: 12, confidence: 0.3 }),
  ];
  const { fields } = readFields(lines, HOUSEHOLD_RESIDENT_SPEC);
  assert.equal(fields.get("immigratedToCityInfo")?.text, "2005年07月由湖南省长沙县迁 来");
  assert.equal(fields.get("employer")?.text, "望城人民医院 一 路 290");
  assert.equal(fields.get("immigratedToResidenceInfo")?.text, "无 迁");
});

test("a box of several glyphs read as hardly any text, far taller than the value, is not part of it", () => {
  const lines = [
    ...lowerRows(),
    at("无迁移", 250, 150),
    // A seal's rim beside the value, read as letters and characters with almost no confidence.
    textLineAt("WB路派山E", 330, 130, { height: 60, confidence: 0.22 }),
    at("婚迁", 250, 200),
    // Unsure, but of the print's height: a poor reading of the value's own text, kept.
    textLineAt("本市", 300, 200, { confidence: 0.25 }),
  ];
  const { fields } = readFields(lines, HOUSEHOLD_RESIDENT_SPEC);
  assert.equal(fields.get("immigratedToCityInfo")?.text, "无迁移");
  assert.equal(fields.get("immigratedToResidenceInfo")?.text, "婚迁 本市");
});
