import assert from "node:assert/strict";
import { test } from "node:test";
import { HOUSEHOLD_RESIDENT_SPEC } from "../documents/household-resident.ts";
import { readFields } from "../documents/read-fields.ts";
import { textLineAt } from "../documents/shared/make-text-line.ts";
import { valueLineIndices } from "./value-lines.ts";

test("lines holding values are chosen, lines only of labels are not", () => {
  const lines = [
    textLineAt("姓名", 10, 10),
    textLineAt("张三", 80, 10),
    textLineAt("户主或与户主关系", 200, 10),
    textLineAt("户主", 380, 10),
  ];
  const reading = readFields(lines, HOUSEHOLD_RESIDENT_SPEC);
  assert.equal(reading.fields.get("name")?.text, "张三");
  assert.deepEqual(valueLineIndices(lines, reading), [1, 3]);
});

test("a line holding a label and its value is chosen", () => {
  const lines = [textLineAt("姓名张三", 10, 10), textLineAt("性别", 200, 10)];
  const reading = readFields(lines, HOUSEHOLD_RESIDENT_SPEC);
  assert.equal(reading.fields.get("name")?.text, "张三");
  assert.deepEqual(valueLineIndices(lines, reading), [0]);
});
