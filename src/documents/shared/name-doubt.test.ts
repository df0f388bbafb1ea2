import assert from "node:assert/strict";
import { test } from "node:test";
import { nameDoubt } from "./name-doubt.ts";

test("a name made like a Chinese name is not doubted", () => {
  assert.equal(nameDoubt("李红卫"), 1);
  assert.equal(nameDoubt("欧阳娜娜"), 1);
  assert.equal(nameDoubt("王强"), 1);
});

test("one character, no surname or a character no name holds lowers a name's confidence", () => {
  assert.equal(nameDoubt("兰"), 0.3, "a name cut to one character");
  assert.equal(nameDoubt("沐阳"), 0.5, "the surname lost");
  assert.ok(Math.abs(nameDoubt("罗晓烧") - 0.6) < 1e-9, "烧 is in no name");
  assert.ok(nameDoubt("品春梅") <= 0.5);
});

test("text beyond a name's four characters is doubted", () => {
  assert.ok(nameDoubt("姚立新甘肃省酒泉市") < 0.1);
  assert.ok(nameDoubt("盛依诺作钢") <= 0.5);
});

test("names written another way are left alone", () => {
  assert.equal(nameDoubt("阿依古丽·买买提"), 1);
  assert.equal(nameDoubt("JohnSmith"), 1);
  assert.equal(nameDoubt("盂县有限公司集体户"), 1);
  assert.equal(nameDoubt(""), 1);
  assert.equal(nameDoubt("未提供"), 1, "the filler of a parent not given");
});
