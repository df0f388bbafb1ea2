import assert from "node:assert/strict";
import { test } from "node:test";
import { HOUSEHOLD_RESIDENT_SPEC } from "./household-resident.ts";
import { readFields } from "./read-fields.ts";
import { textLineAt as at } from "./shared/make-text-line.ts";

/** A card's first rows and its ID row, whose 身高 label was not found: only the value after it was read. */
function card(height: string) {
  return [
    at("姓名", 50, 100),
    at("李娜", 150, 100),
    at("户主或与户主关系", 620, 100),
    at("妻", 790, 100),
    at("性别", 620, 150),
    at("女", 720, 150),
    at("公民身份号码", 20, 250),
    at("410328199110171522", 150, 250),
    at(height, 530, 250),
    at("血型", 620, 250),
    at("A型", 720, 250),
  ];
}

test("a height given to the ID number beside it, its 身高 label not found, is the height", () => {
  const reading = readFields(card("171"), HOUSEHOLD_RESIDENT_SPEC);
  assert.equal(reading.fields.get("stature")?.text, "171");
  assert.equal(reading.fields.get("idCardNumber")?.text, "410328199110171522");
});

test("a child's height with its unit is a height too", () => {
  const reading = readFields(card("95厘米"), HOUSEHOLD_RESIDENT_SPEC);
  assert.equal(reading.fields.get("stature")?.text, "95厘米");
});

test("what does not read as a height, or only might (two bare digits), stays where geometry put it", () => {
  for (const stray of ["9", "94", "3a"]) {
    const reading = readFields(card(stray), HOUSEHOLD_RESIDENT_SPEC);
    assert.equal(reading.fields.get("stature")?.text, "");
    assert.equal(reading.fields.get("idCardNumber")?.text, `410328199110171522 ${stray}`);
  }
});
