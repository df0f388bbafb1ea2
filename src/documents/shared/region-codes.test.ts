import assert from "node:assert/strict";
import { test } from "node:test";
import { COUNTY_CODES, PREFECTURE_CODES, regionKnowledge } from "./region-codes.ts";

test("the 2023 county codes are 6 digits, every province's among them", () => {
  assert.ok(COUNTY_CODES.size > 2800);
  for (const code of COUNTY_CODES) assert.match(code, /^\d{6}$/u);
  assert.ok(COUNTY_CODES.has("110101")); // 东城区
  assert.ok(COUNTY_CODES.has("441900")); // 东莞市, a prefecture without counties
  assert.ok(PREFECTURE_CODES.get("4203")?.includes("81")); // 丹江口市
});

test("a code is known as a county, only by its prefecture, or only by its province", () => {
  assert.equal(regionKnowledge("420381"), "county");
  assert.equal(regionKnowledge("320323"), "prefecture"); // 铜山县, now 320312
  assert.equal(regionKnowledge("343082"), "province");
});
