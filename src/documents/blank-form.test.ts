import assert from "node:assert/strict";
import { test } from "node:test";
import { assembleFields } from "../pipeline/assemble-fields.ts";
import { BIRTH_CERTIFICATE_SPEC } from "./birth-certificate.ts";
import { readFields } from "./read-fields.ts";
import { textLineAt as at } from "./shared/make-text-line.ts";

const LABELS = [
  at("新生儿姓名", 50, 40),
  at("性别", 420, 40),
  at("出生时间", 50, 90),
  at("出生地点", 50, 140),
  at("医疗机构名称", 50, 190),
  at("母亲姓名", 50, 240),
  at("年龄", 300, 240),
  at("国籍", 450, 240),
  at("民族", 600, 240),
  at("签发机构", 50, 290),
  at("签发日期", 50, 340),
  at("出生医学证明编号", 450, 320),
  // The stock's preprinted serial in its box.
  at("P537337568", 460, 350),
];

test("a blank certificate reads as empty, its preprinted number and a stray mark included", () => {
  const reading = readFields([...LABELS, at("国体", 160, 240)], BIRTH_CERTIFICATE_SPEC);
  assert.equal(reading.blank, true);
  for (const [key, field] of reading.fields) assert.equal(field.text, "", key);
  assert.equal(reading.inked, undefined);
  const info = assembleFields(BIRTH_CERTIFICATE_SPEC, reading, (point) => point).keyValueInfo;
  assert.equal(
    info.find((entry) => entry.key === "motherAge")?.valueProb,
    100,
    "a blank cell is surely blank",
  );
});

test("a page of faint values read as too few to be filled in stays empty, but not surely", () => {
  // Only a year in the issue date's cell was detected: too little to read the page, but a value's ink.
  const reading = readFields([...LABELS, at("2017", 150, 340)], BIRTH_CERTIFICATE_SPEC);
  assert.equal(reading.blank, true);
  assert.equal(reading.inked, true);
  for (const [key, field] of reading.fields) assert.equal(field.text, "", key);
  const info = assembleFields(BIRTH_CERTIFICATE_SPEC, reading, (point) => point).keyValueInfo;
  for (const { key, valueProb } of info) assert.equal(valueProb, 0, key);
});

test("a filled certificate keeps its number", () => {
  const values = [
    at("王小明", 170, 40),
    at("男", 520, 40),
    at("2019年06月26日09时28分", 150, 90),
    at("湖南省", 150, 140),
    at("长沙市", 300, 140),
    at("岳麓区人民医院", 200, 190),
    at("李红", 150, 240),
    at("30", 355, 240),
    at("中国", 505, 240),
    at("汉族", 655, 240),
    at("岳麓区人民医院", 150, 290),
    at("2019年07月01日", 150, 340),
  ];
  const reading = readFields([...LABELS, ...values], BIRTH_CERTIFICATE_SPEC);
  assert.equal(reading.blank, undefined);
  assert.equal(reading.fields.get("certificateNumber")?.text, "P537337568");
  assert.equal(reading.fields.get("sex")?.text, "男");
});
