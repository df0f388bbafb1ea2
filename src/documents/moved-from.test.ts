import assert from "node:assert/strict";
import { test } from "node:test";
import type { TextLine } from "../types.ts";
import { fixMovedFrom } from "./moved-from.ts";
import { placeForms } from "./shared/divisions.ts";
import { textLineAt as at } from "./shared/make-text-line.ts";
import { pageFrameOf } from "./shared/page-frame.ts";
import type { ValuePiece } from "./shared/value-pieces.ts";

function moved(lines: TextLine[], preferred: ReadonlyMap<string, number> = new Map()): string {
  const pieces: ValuePiece[] = lines.map((line, lineIndex) => ({ line, lineIndex }));
  return fixMovedFrom(pieces, pageFrameOf(lines), preferred)
    .map((piece) => piece.line.text)
    .join("");
}

test("the place moved from is spelt as the divisions spell it, and the ending read as 迁来", () => {
  assert.equal(
    moved([at("2022年10月由吉林省白城市通榆县适离盐山", 100, 100)]),
    "2022年10月由吉林省白城市通榆县迁来",
  );
  assert.equal(
    moved([at("2014年04月由海南省海口市琼山区任来", 100, 100)]),
    "2014年04月由海南省海口市琼山区迁来",
  );
  assert.equal(
    moved([at("1993年01月由湖南省怀化市辰溪县迂来", 100, 100)]),
    "1993年01月由湖南省怀化市辰溪县迁来",
  );
  assert.equal(
    moved([at("2018年03月由山东省枣庄市薛城区迁来", 100, 100)]),
    "2018年03月由山东省枣庄市薛城区迁来",
  );
});

test("what was read before the date or after the ending is left out", () => {
  assert.equal(moved([at("局池2020年06月由上海市杨浦区迁来具分", 100, 100)]), "2020年06月由上海市杨浦区迁来");
  assert.equal(
    moved([at("2011年06月由内蒙古自治区呼和浩特市武川县迁来国银河儿程", 100, 100)]),
    "2011年06月由内蒙古自治区呼和浩特市武川县迁来",
  );
});

test("a place the page names elsewhere is preferred", () => {
  const preferred = new Map(placeForms("湖南省郴州市嘉禾县").map((form) => [form, 1]));
  assert.equal(
    moved([at("2001年02月由湖南省邢州市路天县迁来", 100, 100, { confidence: 0.9 })], preferred),
    "2001年02月由湖南省郴州市嘉禾县迁来",
  );
});

test("other wordings, and values with no place after 由, are left as read", () => {
  assert.equal(moved([at("出生", 100, 100)]), "出生");
  assert.equal(moved([at("2004年07月由本市迁来", 100, 100)]), "2004年07月由本市迁来");
  assert.equal(moved([at("2004年07月由本市迁来县分", 100, 100)]), "2004年07月由本市迁来县分");
  assert.equal(moved([at("婚迁", 100, 100)]), "婚迁");
  assert.equal(moved([at("2010年05月由江苏路", 100, 100)]), "2010年05月由江苏路");
});

test("a place between 由 and 迁来 read poorly is matched whole to the nearest place", () => {
  const preferred = new Map(placeForms("广西壮族自治区贺州市昭平县").map((form) => [form, 2]));
  const unsure = { confidences: { 17: 0.15, 18: 0.25, 19: 0.48, 20: 0.28 } };
  assert.equal(
    moved([at("2009年06月由广西壮族自治区贺州市的华镇纯来", 100, 100, unsure)], preferred),
    "2009年06月由广西壮族自治区贺州市昭平县迁来",
  );
  // 百色市西 may be 靖西市 or 西林县: the page's other fields say which.
  const west = at("2017年03月由广西壮族自治区百色市西，迁来", 100, 100, { confidences: { 19: 0.3 } });
  assert.equal(moved([west]), "2017年03月由广西壮族自治区百色市西，迁来");
  const named = new Map(placeForms("广西壮族自治区百色市西林县").map((form) => [form, 1]));
  assert.equal(moved([west], named), "2017年03月由广西壮族自治区百色市西林县迁来");
  // A place printed to its city only is given no county, though the page names one.
  const county = new Map(placeForms("湖南省长沙市芙蓉区").map((form) => [form, 2]));
  assert.equal(
    moved([at("2009年06月由湖南省长沙币迁来", 100, 100, { confidences: { 16: 0.5 } })], county),
    "2009年06月由湖南省长沙币迁来",
  );
});

test("a value of the wording 由…迁来 read without its ending is not trusted", () => {
  const confidenceOf = (line: TextLine): number => {
    const pieces = fixMovedFrom([{ line, lineIndex: 0 }], pageFrameOf([line]));
    const chars = pieces.flatMap((piece) => piece.line.chars ?? []);
    return Math.max(...chars.map((char) => char.confidence));
  };
  assert.ok(confidenceOf(at("2010年07月由广东省韶关市南", 100, 100)) <= 0.5, "cut short after 南");
  assert.ok(confidenceOf(at("2004年07月由本市迁", 100, 100)) <= 0.5, "its ending half read");
  assert.ok(confidenceOf(at("2010年07月由广东省韶关市南雄市迁来", 100, 100)) > 0.9, "whole");
  assert.ok(confidenceOf(at("出生", 100, 100)) > 0.9, "another wording");
});
