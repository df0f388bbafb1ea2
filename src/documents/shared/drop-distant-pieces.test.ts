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
