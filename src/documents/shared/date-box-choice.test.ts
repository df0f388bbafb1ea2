import assert from "node:assert/strict";
import { test } from "node:test";
import { BIRTH_CERTIFICATE_SPEC } from "../birth-certificate.ts";
import {
  boxCandidates,
  boxDigits,
  boxDigitsPadded,
  chooseBox,
  digitsBeforeUnits,
  firstBoxes,
  isWholeBox,
  stripBoxDigits,
  writeFromCandidates,
  writeInOrder,
} from "./date-box-choice.ts";

function field(key: string) {
  const found = BIRTH_CERTIFICATE_SPEC.fields.find((f) => f.key === key);
  if (!found) throw new Error(`no field ${key}`);
  return found;
}

test("a box's digits are those before its unit, else its longest run", () => {
  assert.equal(boxDigits("2019年", "年"), "2019");
  assert.equal(boxDigits("10年月", "月"), "10");
  assert.equal(boxDigits("26.曰", "日"), "26");
  assert.equal(boxDigits(":05", "月"), "05");
  assert.equal(boxDigits("1:25", "日"), "25");
  assert.equal(boxDigits("商", "日"), "");
});

test("whole boxes: a year of 19xx or 20xx, two digits in the box's range", () => {
  assert.ok(isWholeBox("2019", 0));
  assert.ok(!isWholeBox("201", 0));
  assert.ok(!isWholeBox("3019", 0));
  assert.ok(isWholeBox("12", 1));
  assert.ok(!isWholeBox("13", 1));
  assert.ok(!isWholeBox("00", 1));
  assert.ok(!isWholeBox("1", 2));
  assert.ok(isWholeBox("00", 3));
  assert.ok(!isWholeBox("24", 3));
  assert.ok(isWholeBox("59", 4));
  assert.ok(!isWholeBox("60", 4));
});

test("first boxes are sure only where read whole before their unit", () => {
  assert.deepEqual(firstBoxes("2016年1月9日", field("issueDate")), [
    { digits: "2016", sure: true },
    { digits: "01", sure: false },
    { digits: "09", sure: false },
  ]);
  assert.deepEqual(firstBoxes("2016;年10;月2;日02;HgO0", field("birthTime")), [
    { digits: "2016", sure: true },
    { digits: "10", sure: true },
    { digits: "02", sure: false },
    { digits: "02", sure: false },
    { digits: "00", sure: false },
  ]);
  // Digits printed after their units: the value the pieces made, each box of two digits, is sure.
  assert.deepEqual(
    firstBoxes("2019;年12;月07;15;时17", field("birthTime")).map((box) => [box.digits, box.sure]),
    [
      ["2019", true],
      ["12", true],
      ["07", true],
      ["15", true],
      ["17", true],
    ],
  );
  // The hour read across a lost unit (`甲1;时`): the month's 01 is not the hour's, surely.
  assert.deepEqual(
    firstBoxes("2020;年01;有14;甲1;时44", field("birthTime")).map((box) => box.sure),
    [true, false, false, false, false],
  );
  assert.deepEqual(firstBoxes("201年月26日", field("issueDate")), [
    { digits: "201", sure: false },
    { digits: "", sure: false },
    { digits: "26", sure: true },
  ]);
});

test("a box keeps a sure first reading, else takes the whole one, else the one that lost no digit", () => {
  assert.equal(chooseBox({ digits: "10", sure: true }, "16", 1), "10");
  assert.equal(chooseBox({ digits: "02", sure: false }, "27", 2), "27");
  assert.equal(chooseBox({ digits: "07", sure: false }, "", 2), "07");
  assert.equal(chooseBox({ digits: "07", sure: false }, "31", 1), "07");
  assert.equal(chooseBox({ digits: "", sure: false }, "3", 2), "3");
  assert.equal(chooseBox({ digits: "2", sure: false }, "123", 2), "2");
});

test("a value is written in order with the page's other date, its year completed from three digits", () => {
  assert.equal(writeInOrder("date", ["2016", "10", "29"], {}), "2016年10月29日");
  assert.equal(writeInOrder("date", ["201", "03", "26"], { notBefore: 2017 }), "2017年03月26日");
  assert.equal(writeInOrder("date", ["201", "12", "23"], { notBefore: 2019 }), "2019年12月23日");
  // The first digit lost: the century is the only completion.
  assert.equal(writeInOrder("date", ["021", "03", "25"], {}), "2021年03月25日");
  // The last digit lost, and no other date to say which year: no value.
  assert.equal(writeInOrder("date", ["201", "03", "26"], {}), undefined);
  // An issue date before the birth's year is no reading.
  assert.equal(writeInOrder("date", ["2015", "03", "26"], { notBefore: 2016 }), undefined);
  assert.equal(writeInOrder("date", ["2016", "13", "26"], {}), undefined);
  assert.equal(
    writeInOrder("birth-time", ["2019", "5", "12", "6", "12"], { notAfter: 2019 }),
    "2019年05月12日06时12分",
  );
  assert.equal(writeInOrder("birth-time", ["2019", "05", "12", "24", "12"], {}), undefined);
});

test("a single digit read alone or before its unit is the box's, with its leading zero", () => {
  assert.equal(boxDigitsPadded("6月", "月", 1), "06");
  assert.equal(boxDigitsPadded("6", "月", 1), "06");
  assert.equal(boxDigitsPadded("12日", "日", 2), "12");
  // A digit with noise between it and its unit, or out of the box's range, is left as read.
  assert.equal(boxDigitsPadded("1？日", "日", 2), "1");
  assert.equal(boxDigitsPadded("0月", "月", 1), "0");
  assert.equal(boxDigitsPadded("7年", "年", 0), "7");
});

test("a value is written from the boxes' candidates that make a valid one, departing least from the preferred", () => {
  assert.deepEqual(boxCandidates({ digits: "5", sure: false }, "15", 1), ["15", "5"]);
  assert.deepEqual(boxCandidates({ digits: "10", sure: true }, "16", 1), ["10", "16"]);
  assert.deepEqual(boxCandidates({ digits: "", sure: false }, "030", 1), [""]);
  // Month 15 is no month: the first reading's 5 is taken.
  assert.equal(
    writeFromCandidates("date", [["2014"], ["15", "5"], ["29"]], { notBefore: 2014 }),
    "2014年05月29日",
  );
  // Both days valid: the preferred.
  assert.equal(writeFromCandidates("date", [["2014"], ["05"], ["21", "02"]], {}), "2014年05月21日");
  // The year's second reading keeps the order with the birth.
  assert.equal(
    writeFromCandidates("date", [["2013", "2014"], ["06"], ["27"]], { notBefore: 2014 }),
    "2014年06月27日",
  );
  assert.equal(writeFromCandidates("date", [["2014"], [""], ["29"]], {}), undefined);
});

test("a box read in the row's strip: whole and in range, or one digit written with its leading zero", () => {
  assert.equal(stripBoxDigits("2016", 0), "2016");
  assert.equal(stripBoxDigits("201", 0), undefined);
  assert.equal(stripBoxDigits("6", 1), "06");
  assert.equal(stripBoxDigits("14", 2), "14");
  assert.equal(stripBoxDigits("0", 1), undefined, "no month 00");
  assert.equal(stripBoxDigits("0", 3), "00", "the hour 00");
  assert.equal(stripBoxDigits("13", 1), undefined, "no month 13");
  assert.equal(stripBoxDigits("", 2), undefined);
  assert.equal(stripBoxDigits("123", 2), undefined);
});

test("two boxes of two digits read as one run before a unit, the unit between them lost, are both boxes", () => {
  assert.deepEqual(
    [...digitsBeforeUnits("2025年0901日")],
    [
      ["年", "2025"],
      ["月", "09"],
      ["日", "01"],
    ],
  );
  assert.deepEqual(Object.fromEntries(digitsBeforeUnits("2020年12月10日2241分")), {
    年: "2020",
    月: "12",
    日: "10",
    时: "22",
    分: "41",
  });
  // Four digits before 月 are no two boxes (the year's four); nor are they where the unit before was read.
  assert.deepEqual(Object.fromEntries(digitsBeforeUnits("2019月04日")), { 日: "04" });
  assert.equal(digitsBeforeUnits("2019年11月0402日").get("日"), undefined);
});
