import assert from "node:assert/strict";
import { test } from "node:test";
import { reconcileParentAges } from "./parent-age.ts";

/** A certificate's data: the mother born 1984-09-25 (ID 430223198409254703), the child 2016-10-27. */
function data(motherAge: string, fatherAge = "//"): Record<string, string> {
  return {
    birthTime: "2016年10月27日02时00分",
    motherAge,
    motherIdCardNumber: "430223198409254703",
    fatherAge,
    fatherIdCardNumber: "//////////////////",
  };
}

function reconciled(motherAge: string): { age: string; probability: number } {
  const fields = data(motherAge);
  const probabilities = new Map([["motherAge", 0.9]]);
  reconcileParentAges(fields, probabilities);
  return { age: fields.motherAge ?? "", probability: probabilities.get("motherAge") ?? 0 };
}

test("an age one digit from what the ID number and birth time give is taken as that age, less sure", () => {
  assert.deepEqual(reconciled("2"), { age: "32", probability: 0.9 * 0.6 });
  assert.equal(reconciled("82").age, "32");
});

test("an age that agrees, one far from it, and an empty one are left alone", () => {
  assert.deepEqual(reconciled("32"), { age: "32", probability: 0.9 });
  assert.equal(reconciled("45").age, "45");
  assert.equal(reconciled("").age, "");
});

test("an age far from what the ID number gives keeps its reading, and both it and the number are doubted", () => {
  const fields = data("45");
  const probabilities = new Map([
    ["motherAge", 0.9],
    ["motherIdCardNumber", 0.8],
  ]);
  reconcileParentAges(fields, probabilities);
  assert.equal(fields.motherAge, "45");
  assert.ok(Math.abs((probabilities.get("motherAge") ?? 0) - 0.9 * 0.6) < 1e-9);
  assert.ok(Math.abs((probabilities.get("motherIdCardNumber") ?? 0) - 0.8 * 0.6) < 1e-9);
  const agreeing = new Map([["motherIdCardNumber", 0.8]]);
  reconcileParentAges(data("32"), agreeing);
  assert.equal(agreeing.get("motherIdCardNumber"), 0.8);
});

test("the years' difference is an age too where the birthday had not yet come", () => {
  // Born 1984-11-02: 31 completed years on 2016-10-27, 32 by the years.
  const fields: Record<string, string> = { ...data("3"), motherIdCardNumber: "430223198411023402" };
  reconcileParentAges(fields, new Map());
  assert.equal(fields.motherAge, "3", "31 and 32 both one digit away: not decided");
  const agreeing: Record<string, string> = { ...data("31"), motherIdCardNumber: "430223198411023402" };
  reconcileParentAges(agreeing, new Map());
  assert.equal(agreeing.motherAge, "31");
});

test("no valid ID number or no birth time: nothing to check against", () => {
  const fields: Record<string, string> = { ...data("2"), motherIdCardNumber: "430223198409254709" };
  reconcileParentAges(fields, new Map());
  assert.equal(fields.motherAge, "2");
  const noTime: Record<string, string> = { ...data("2"), birthTime: "" };
  reconcileParentAges(noTime, new Map());
  assert.equal(noTime.motherAge, "2");
});
