import assert from "node:assert/strict";
import { test } from "node:test";
import { BIRTH_CERTIFICATE_SPEC } from "../birth-certificate.ts";
import { valueFromBoxes } from "./join-boxes.ts";

function field(key: string) {
  const found = BIRTH_CERTIFICATE_SPEC.fields.find((f) => f.key === key);
  if (!found) throw new Error(`no field ${key}`);
  return found;
}

test("birth time from boxes whatever the units read as", () => {
  assert.equal(
    valueFromBoxes("202306050033年月日时分", field("birthTime")),
    undefined,
    "one run cannot be split safely",
  );
  assert.equal(valueFromBoxes("2023年06月05日00时33分", field("birthTime")), "2023年06月05日00时33分");
  assert.equal(valueFromBoxes("2023;6;5;0;33", field("birthTime")), "2023年06月05日00时33分");
  assert.equal(valueFromBoxes("2019年0626日09时28分", field("birthTime")), "2019年06月26日09时28分");
});

test("issue date from boxes, merged boxes split, nonsense refused", () => {
  assert.equal(valueFromBoxes("2023年0609月日", field("issueDate")), "2023年06月09日");
  assert.equal(valueFromBoxes("2023年13月09日", field("issueDate")), undefined);
  assert.equal(valueFromBoxes("25日2015", field("issueDate")), undefined);
});
