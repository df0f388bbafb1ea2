import assert from "node:assert/strict";
import { test } from "node:test";
import {
  crossCheckIdNumber,
  hasProvinceCode,
  idBirthDate,
  idCheckDigit,
  idSex,
  isValidIdNumber,
  isValidIdNumber15,
  isValidIdNumber18,
  normaliseIdNumber,
} from "./id-number.ts";

test("idCheckDigit follows MOD 11-2 on the documented samples", () => {
  assert.equal(idCheckDigit("51052219800111025"), "5");
  assert.equal(idCheckDigit("41032819911017152"), "2");
  assert.equal(idCheckDigit("52010319740320484"), "0");
  assert.equal(idCheckDigit("11010519491231002"), "X");
});

test("isValidIdNumber18 needs the check digit and a real date", () => {
  assert.ok(isValidIdNumber18("510522198001110255"));
  assert.ok(!isValidIdNumber18("500001198911070808"), "Aliyun placeholder fails the check");
  assert.ok(!isValidIdNumber18("11010519491231002x"), "lower-case x is not normalised here");
  const badDate = "11010519491331001";
  assert.ok(!isValidIdNumber18(badDate + idCheckDigit(badDate)));
});

test("a number needs a province code in its first two digits", () => {
  const first17 = "05112519820824801";
  assert.equal(isValidIdNumber18(first17 + idCheckDigit(first17)), false);
  assert.equal(isValidIdNumber18(`13${first17.slice(2)}${idCheckDigit(`13${first17.slice(2)}`)}`), true);
  assert.equal(isValidIdNumber15("051125820824801"), false);
  assert.equal(hasProvinceCode("820000"), true);
});

test("15-digit old numbers are valid with a real date", () => {
  assert.ok(isValidIdNumber15("130503670401001"));
  assert.ok(!isValidIdNumber15("130503671301001"));
  assert.ok(isValidIdNumber("130503670401001"));
  assert.deepEqual(idBirthDate("130503670401001"), { year: 1967, month: 4, day: 1 });
});

test("normaliseIdNumber fixes x, full-width digits and letters where a digit must be", () => {
  assert.equal(normaliseIdNumber("11010519491231002x"), "11010519491231002X");
  assert.equal(normaliseIdNumber("110105 1949 1231 002×"), "11010519491231002X");
  assert.equal(normaliseIdNumber("５１０５２２198001110255"), "510522198001110255");
  assert.equal(normaliseIdNumber("51O522198OO1110255"), "510522198001110255");
  assert.equal(normaliseIdNumber("D12345678"), "D12345678", "a passport number keeps its letter");
  assert.equal(normaliseIdNumber("E1234567x"), "E1234567X");
});

test("idSex reads the parity of the sequence digit", () => {
  assert.equal(idSex("510522198001110255"), "男");
  assert.equal(idSex("11010519491231002X"), "女");
  assert.equal(idSex("130503670401001"), "男");
  assert.equal(idSex("123"), undefined);
});

test("crossCheckIdNumber compares birth date and sex", () => {
  assert.deepEqual(crossCheckIdNumber("510522198001110255", { birthDate: "1980年1月11日", sex: "男" }), {
    birthDate: "agree",
    sex: "agree",
  });
  assert.deepEqual(crossCheckIdNumber("510522198001110255", { birthDate: "1980.01.12", sex: "女" }), {
    birthDate: "disagree",
    sex: "disagree",
  });
  assert.deepEqual(crossCheckIdNumber("510522198001110255", {}), { birthDate: "unknown", sex: "unknown" });
});

test("a 15-digit number is never a Hong Kong, Macao or Taiwan residence permit's", () => {
  assert.equal(isValidIdNumber15("810000910325380"), false);
  assert.equal(isValidIdNumber15("410000910325380"), true);
  const permit = "81000019910325380";
  assert.equal(isValidIdNumber18(permit + idCheckDigit(permit)), true);
});
