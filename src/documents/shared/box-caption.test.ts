import assert from "node:assert/strict";
import { test } from "node:test";
import { BIRTH_CERTIFICATE_SPEC } from "../birth-certificate.ts";
import { isBoxCaption } from "./box-caption.ts";

function field(key: string) {
  const found = BIRTH_CERTIFICATE_SPEC.fields.find((f) => f.key === key);
  if (!found) throw new Error(`no field ${key}`);
  return found;
}

test("captions under the place boxes are print, read whole or in part", () => {
  for (const caption of [
    "省Provi",
    "省 Province",
    "市Ciry",
    "县(区) County",
    "县（区）",
    "E）Coune",
    "P",
    "市",
  ]) {
    assert.equal(isBoxCaption(caption, field("birthPlace")), true, caption);
  }
});

test("values, even ending in a unit, are not captions", () => {
  assert.equal(isBoxCaption("广东省", field("birthPlace")), false);
  assert.equal(isBoxCaption("北京市", field("birthPlace")), false);
  assert.equal(isBoxCaption("3125克", field("birthWeight")), false);
  assert.equal(isBoxCaption("38", field("gestationalAge")), false);
});

test("a lone preprinted unit is print; fields without units or parts have none", () => {
  assert.equal(isBoxCaption("周", field("gestationalAge")), true);
  assert.equal(isBoxCaption("厘米", field("birthLength")), true);
  assert.equal(isBoxCaption("P", field("motherName")), false);
});
