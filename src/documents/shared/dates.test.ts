import assert from "node:assert/strict";
import { test } from "node:test";
import {
  birthTimeFromParts,
  cleanDigits,
  formatDate,
  isPlausibleDate,
  isRealDate,
  normaliseBirthTime,
  normaliseDate,
  parseDate,
  repairDate,
} from "./dates.ts";

test("normaliseDate reads every printed form into 2012年04月17日", () => {
  for (const printed of [
    "2012年4月17日",
    "2012.4.17",
    "2012-04-17",
    "2012/4/17",
    "20120417",
    "2012年04月17日",
    "2012 年 4 月 17 曰",
    "2012年04月17由",
    "２０１２年４月１７日",
    "2O12年04月17日",
    "2012.04.17.",
    // A dotted date's dot under a seal's stroke, read as a colon.
    "2012:04.17",
  ]) {
    assert.equal(normaliseDate(printed), "2012年04月17日", printed);
  }
});

test("parseDate refuses what is not one real date", () => {
  assert.equal(parseDate("2012年02月30日"), undefined);
  assert.equal(parseDate("2012年13月01日"), undefined);
  assert.equal(parseDate("1980年09月01日出生"), undefined);
  assert.equal(parseDate("无迁移"), undefined);
  assert.deepEqual(parseDate("2000.2.29"), { year: 2000, month: 2, day: 29 });
});

test("isRealDate knows leap years", () => {
  assert.ok(isRealDate(2024, 2, 29));
  assert.ok(!isRealDate(1900, 2, 29));
  assert.ok(!isRealDate(2023, 4, 31));
});

test("isPlausibleDate bounds dates to a range", () => {
  const latest = { year: 2026, month: 1, day: 1 };
  assert.ok(isPlausibleDate({ year: 1980, month: 1, day: 11 }, undefined, latest));
  assert.ok(!isPlausibleDate({ year: 1880, month: 1, day: 11 }, undefined, latest));
  assert.ok(!isPlausibleDate({ year: 2026, month: 1, day: 2 }, undefined, latest));
});

test("birth time from its boxes and from one line", () => {
  const parts = { year: "2019", month: "6", day: "26", hour: "9时", minute: "28" };
  assert.equal(birthTimeFromParts(parts), "2019年06月26日09时28分");
  assert.equal(birthTimeFromParts({ ...parts, hour: "24" }), undefined);
  assert.equal(normaliseBirthTime("2019年6月26日 9时28分"), "2019年06月26日09时28分");
  assert.equal(normaliseBirthTime("2019年06月26日"), undefined);
});

test("cleanDigits maps look-alikes only next to digits", () => {
  assert.equal(cleanDigits("l98O 年 Of"), "1980年Of");
});

test("repairDate finds the one date in noise, a year that lost its first digit, a month that lost its unit", () => {
  const latest = { year: 2026, month: 1, day: 1 };
  const cases: [string, string | undefined][] = [
    ["102006年11月27日", "2006年11月27日"],
    ["2005年08月18用", "2005年08月18日"],
    ["19W2009.08.07", "2009年08月07日"],
    ["993年05月08日", "1993年05月08日"],
    ["004年04月04日", "2004年04月04日"],
    ["990.06.07", "1990年06月07日"],
    ["2012年10129日", undefined],
    ["2003年0712日", "2003年07月12日"],
    ["2003年1312日", undefined],
    ["20111年6月23日", undefined],
    ["198年08月09日", undefined],
    ["2001年01月01日至2002年02月02日", undefined],
    ["出生", undefined],
  ];
  for (const [text, want] of cases) {
    const repaired = repairDate(text, latest);
    assert.equal(repaired === undefined ? undefined : formatDate(repaired.date), want, text);
  }
  assert.equal(repairDate("993年05月08日", latest)?.repair, "century");
});
