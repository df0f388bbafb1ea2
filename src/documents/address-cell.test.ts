import assert from "node:assert/strict";
import { test } from "node:test";
import type { Quad, TextLine } from "../types.ts";
import { HOUSEHOLD_HEAD_SPEC } from "./household-head.ts";
import { readFields } from "./read-fields.ts";
import { makeTextLine } from "./shared/make-text-line.ts";

/** A line of 20 px characters with its top-left corner at (x, y). */
function at(text: string, x: number, y: number): TextLine {
  const width = 20 * Array.from(text).length;
  const quad = [
    { x, y },
    { x: x + width, y },
    { x: x + width, y: y + 20 },
    { x, y: y + 20 },
  ] as unknown as Quad;
  return makeTextLine(text, { quad });
}

/** A householder page whose address label reads as `addressLabel` (nothing when empty). */
function householderPage(addressLabel: string, blank = false): TextLine[] {
  const lines = [
    at("居民户口簿", 300, 40),
    at("户别", 50, 100),
    at("户主姓名", 400, 100),
    at("户号", 50, 160),
    at("承办人签章", 50, 400),
    at("签发日期", 500, 400),
  ];
  if (addressLabel) lines.push(at(addressLabel, 360, 160));
  if (!blank)
    lines.push(
      at("家庭户", 150, 100),
      at("王建国", 500, 100),
      at("635412322", 150, 160),
      at("广东省清远市清新区禾云镇人民西路390号", 420, 160),
      at("2009年03月03日", 600, 400),
    );
  return lines;
}

test("the address is read after the household number when its label was misread", () => {
  const { fields } = readFields(householderPage("在鼎"), HOUSEHOLD_HEAD_SPEC);
  assert.equal(fields.get("householdNumber")?.text, "635412322");
  assert.equal(fields.get("address")?.text, "广东省清远市清新区禾云镇人民西路390号");
});

test("the address is read after the household number when its label was not read at all", () => {
  const { fields } = readFields(householderPage(""), HOUSEHOLD_HEAD_SPEC);
  assert.equal(fields.get("householdNumber")?.text, "635412322");
  assert.equal(fields.get("address")?.text, "广东省清远市清新区禾云镇人民西路390号");
});

test("with its label read, the address is unchanged", () => {
  const { fields } = readFields(householderPage("住址"), HOUSEHOLD_HEAD_SPEC);
  assert.equal(fields.get("householdNumber")?.text, "635412322");
  assert.equal(fields.get("address")?.text, "广东省清远市清新区禾云镇人民西路390号");
});

test("a blank householder page with its address label unread stays empty", () => {
  const { fields } = readFields(householderPage("", true), HOUSEHOLD_HEAD_SPEC);
  for (const reading of fields.values()) assert.equal(reading.text, "");
});

test("住址 read as 注址 is still the address label", () => {
  const { fields } = readFields(householderPage("注址"), HOUSEHOLD_HEAD_SPEC);
  assert.equal(fields.get("address")?.label?.variant, "住址");
  assert.equal(fields.get("address")?.text, "广东省清远市清新区禾云镇人民西路390号");
});
