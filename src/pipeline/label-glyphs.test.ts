import assert from "node:assert/strict";
import { test } from "node:test";
import { HOUSEHOLD_RESIDENT_SPEC } from "../documents/household-resident.ts";
import { readFields } from "../documents/read-fields.ts";
import { textLineAt as at } from "../documents/shared/make-text-line.ts";
import { glyphSize, glyphSizes } from "./label-glyphs.ts";

const lines = [
  at("常住人口登记卡", 300, 0),
  at("姓名", 50, 50),
  at("张三", 150, 50),
  // Boxed with its caption under it: twice as high as its characters are wide.
  at("户主或与户主关系", 400, 50, { height: 40 }),
  at("性别", 400, 100, { height: 24 }),
];

test("a label's characters are as high as they are wide, whatever its box took in", () => {
  const sizes = glyphSizes(readFields(lines, HOUSEHOLD_RESIDENT_SPEC));
  assert.equal(sizes.get("relation"), 20);
  assert.equal(sizes.get("name"), 20);
  assert.equal(sizes.get("sex"), 20);
});

test("a field without a label found takes the page's labels' size, never more than its box", () => {
  const sizes = glyphSizes(readFields(lines, HOUSEHOLD_RESIDENT_SPEC));
  assert.equal(glyphSize(sizes, "ethnicity", 40), 20);
  assert.equal(glyphSize(sizes, "ethnicity", 16), 16);
  assert.equal(glyphSize(new Map(), "ethnicity", 30), 30);
});

test("a label read squeezed into a narrow box is taken at nearly the page's labels' size", () => {
  const sizes = new Map([
    ["name", 20],
    ["relation", 20],
    ["sex", 6],
  ]);
  assert.equal(glyphSize(sizes, "sex", 20), 14);
});
