import assert from "node:assert/strict";
import { test } from "node:test";
import { Random } from "../random.ts";
import { idCheckDigit, isValidIdNumber, makeIdNumber, makeOldIdNumber } from "./id-number.ts";

test("known real-looking numbers pass the MOD 11-2 check", () => {
  for (const id of ["510522198001110255", "410328199110171522", "520103197403204840", "11010519491231002X"]) {
    assert.ok(isValidIdNumber(id), id);
  }
  assert.equal(idCheckDigit("13050319670401001"), "6");
});

test("Aliyun placeholders and altered numbers fail", () => {
  assert.equal(isValidIdNumber("500001198911070808"), false);
  assert.equal(isValidIdNumber("500001199501010001"), false);
  assert.equal(isValidIdNumber("510522198001110256"), false);
  assert.equal(isValidIdNumber("11010519491231002x"), false);
});

test("generated numbers carry the birth date, the sex parity and a valid check digit", () => {
  const random = new Random(7);
  for (let i = 0; i < 500; i++) {
    const male = random.chance(0.5);
    const id = makeIdNumber("430104", { year: 1990, month: 3, day: 9 }, male, random);
    assert.ok(isValidIdNumber(id), id);
    assert.equal(id.slice(0, 14), "43010419900309");
    assert.equal(Number(id[16]) % 2 === 1, male);
  }
});

test("old 15-digit numbers carry YYMMDD and the sex parity in the last digit", () => {
  const random = new Random(3);
  for (const male of [true, false]) {
    const id = makeOldIdNumber("130503", { year: 1967, month: 4, day: 1 }, male, random);
    assert.match(id, /^130503670401\d{3}$/);
    assert.equal(Number(id[14]) % 2 === 1, male);
  }
});
