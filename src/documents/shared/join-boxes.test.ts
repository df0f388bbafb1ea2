import assert from "node:assert/strict";
import { test } from "node:test";
import { BIRTH_CERTIFICATE_SPEC } from "../birth-certificate.ts";
import { boxesConfidence, valueFromBoxes } from "./join-boxes.ts";

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

test("a seal's caption, a certificate number and strays before the year are no boxes", () => {
  assert.equal(valueFromBoxes("7;明专用育;2021;04;16", field("issueDate")), "2021年04月16日");
  assert.equal(valueFromBoxes("出1K7专用;2018年;06月;15", field("issueDate")), "2018年06月15日");
  assert.equal(valueFromBoxes("2019;10;D14964932;14", field("issueDate")), "2019年10月14日");
});

test("units say which box is which when every box was read with its unit", () => {
  assert.equal(valueFromBoxes("2018;3年03月24日", field("issueDate")), "2018年03月24日");
  assert.equal(
    valueFromBoxes("20174;年年11月;16日07时28分", field("birthTime")),
    "2017年11月16日07时28分",
    "a stray digit after the year's four",
  );
});

test("nothing but print is an empty value; too few numbers are no value", () => {
  assert.equal(valueFromBoxes("明专用育", field("issueDate")), "");
  assert.equal(valueFromBoxes("", field("birthTime")), "");
  assert.equal(valueFromBoxes("2016;年10", field("issueDate")), undefined);
});

test("units read after some numbers fix those boxes; the numbers between fill the rest in order", () => {
  assert.equal(valueFromBoxes("2019年05月;12;06时12分", field("birthTime")), "2019年05月12日06时12分");
  assert.equal(valueFromBoxes("2016;10月;27;02时;00", field("birthTime")), "2016年10月27日02时00分");
  assert.equal(valueFromBoxes("2020;年08;30日", field("issueDate")), "2020年08月30日");
});

test("units that the numbers cannot fill give no value rather than a shifted one", () => {
  // 09 read twice by two overlapping boxes and 03日 misread: in order, 09 would become the day and 20 the minute.
  assert.equal(valueFromBoxes("2018年09;09月0阳20时40分", field("birthTime")), undefined);
  assert.equal(
    valueFromBoxes("2021;03月;25;12;06时", field("birthTime")),
    undefined,
    "three numbers, two boxes",
  );
});

test("boxes read without their units and with a lost digit are doubted", () => {
  const birthTime = field("birthTime");
  const issueDate = field("issueDate");
  // 05月 12日 06时 12分 printed across the rulings: 1 of 12, 6 of 06, 2 of 12 and 分 lost.
  assert.equal(valueFromBoxes("2019年05月2日0时1", birthTime), "2019年05月02日00时01分");
  assert.equal(boxesConfidence("2019年05月2日0时1", birthTime), 0.6);
  assert.equal(boxesConfidence("2019年05月12日06时12分", birthTime), 1, "every box with its unit");
  assert.equal(boxesConfidence("2023年6月5日0时33分", birthTime), 1, "single digits with their units");
  assert.equal(boxesConfidence("2023;06;05;00;33", birthTime), 1, "two digits in every box");
  assert.equal(boxesConfidence("2018年1月2", issueDate), 0.6, "the day's unit lost, single digits");
  assert.equal(boxesConfidence("2018年11月25日", issueDate), 1);
});
