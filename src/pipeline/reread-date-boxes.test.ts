import assert from "node:assert/strict";
import { test } from "node:test";
import { BIRTH_CERTIFICATE_SPEC } from "../documents/birth-certificate.ts";
import { digitsBeforeUnits, joinReadings, stripQuad } from "./reread-date-boxes.ts";

function field(key: string) {
  const found = BIRTH_CERTIFICATE_SPEC.fields.find((f) => f.key === key);
  if (!found) throw new Error(`no field ${key}`);
  return found;
}

test("each unit takes the run of digits next to it, or a longer one read since the unit before ending alike", () => {
  assert.deepEqual(
    [...digitsBeforeUnits("2018年09;9月0阳日20时40分")],
    [
      ["年", "2018"],
      ["月", "09"],
      ["日", "0"],
      ["时", "20"],
      ["分", "40"],
    ],
  );
  assert.deepEqual(
    [...digitsBeforeUnits("2019年月12曰")],
    [
      ["年", "2019"],
      ["日", "12"],
    ],
  );
  // The year's unit lost: its digits are not the month's, read 1 before its unit.
  assert.deepEqual(
    [...digitsBeforeUnits("2018;1月12日")],
    [
      ["月", "1"],
      ["日", "12"],
    ],
  );
  // Boxes whose units were lost read as one run, longer than a day's box: not the day's digits.
  assert.deepEqual([...digitsBeforeUnits("2016104日13时")], [["时", "13"]]);
  // The year's unit lost between year and month read as one number.
  assert.deepEqual(
    [...digitsBeforeUnits("201406月27日")],
    [
      ["年", "2014"],
      ["月", "06"],
      ["日", "27"],
    ],
  );
});

test("two readings joined box by box: digits lost in one are taken from the other", () => {
  const birthTime = field("birthTime");
  assert.deepEqual(joinReadings("2018年09;9月0阳日20时40分", "2013年09月03日2时4分", birthTime), {
    value: "2018年09月03日20时40分",
    doubtful: true,
  });
  assert.deepEqual(joinReadings("2018年1月2日", "2018年11月25日", field("issueDate")), {
    value: "2018年11月25日",
    doubtful: false,
  });
  assert.equal(
    joinReadings("2019年05月2日0时1", "201年05月21日0时13", birthTime),
    undefined,
    "分 read in neither",
  );
  assert.equal(joinReadings("2018年1月2日", "2018年13月25日", field("issueDate")), undefined, "month 13");
  assert.equal(
    joinReadings("2019年02月2日", "2019年02月29日", field("issueDate")),
    undefined,
    "no 29 Feb 2019",
  );
});

test("the strip reaches past the pieces along their direction", () => {
  const quad = stripQuad([
    [
      { x: 100, y: 10 },
      { x: 200, y: 10 },
      { x: 200, y: 30 },
      { x: 100, y: 30 },
    ],
    [
      { x: 250, y: 5 },
      { x: 300, y: 5 },
      { x: 300, y: 28 },
      { x: 250, y: 28 },
    ],
  ]);
  assert.deepEqual(
    quad.map((p) => [Math.round(p.x), Math.round(p.y)]),
    [
      [93, 5],
      [325, 5],
      [325, 30],
      [93, 30],
    ],
  );
});
