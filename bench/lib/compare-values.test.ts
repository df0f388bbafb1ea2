import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  canonicalDate,
  canonicalNumber,
  compareValues,
  comparisonForm,
  stripValue,
} from "./compare-values.ts";

describe("stripValue", () => {
  it("removes ASCII, ideographic and line-break white space", () => {
    assert.equal(stripValue(" 广东省 广州市\u3000荔湾区\n芳村 "), "广东省广州市荔湾区芳村");
  });

  it("folds full-width forms but keeps case", () => {
    assert.equal(stripValue("４４０１０３（县）"), "440103(县)");
    assert.equal(stripValue("43111122223333444x"), "43111122223333444x");
  });
});

describe("canonicalDate", () => {
  it("writes every printed form of one date the same way", () => {
    for (const form of ["2012年4月17日", "2012.04.17", "2012年04月17日", "2012-4-17", "2012/04/17"]) {
      assert.equal(canonicalDate(form), "2012-04-17", form);
    }
  });

  it("keeps hours and minutes", () => {
    assert.equal(canonicalDate("2019年06月26日09时28分"), "2019-06-26 09:28");
    assert.equal(canonicalDate("2019年6月26日9时28分"), "2019-06-26 09:28");
    assert.equal(canonicalDate("2019-06-26T09:28"), "2019-06-26 09:28");
  });

  it("accepts a year and month without a day", () => {
    assert.equal(canonicalDate("1998年9月"), "1998-09");
  });

  it("does not take a decimal number for a year and month", () => {
    assert.equal(canonicalDate("3450.0"), undefined);
    assert.equal(canonicalDate("1998.9"), undefined);
  });

  it("refuses text that only starts with a date", () => {
    assert.equal(canonicalDate("2005年07月12日由湖南省长沙县迁来"), undefined);
    assert.equal(canonicalDate("家庭户"), undefined);
  });

  it("reads eight digits as a date only when asked", () => {
    assert.equal(canonicalDate("20120417"), undefined);
    assert.equal(canonicalDate("20120417", true), "2012-04-17");
  });
});

describe("canonicalNumber", () => {
  it("compares numbers by value", () => {
    assert.equal(canonicalNumber("50.0"), "50");
    assert.equal(canonicalNumber("050"), "50");
    assert.equal(canonicalNumber("3450"), "3450");
  });

  it("leaves anything else alone", () => {
    assert.equal(canonicalNumber("39+3"), undefined);
    assert.equal(canonicalNumber("175厘米"), undefined);
    assert.equal(canonicalNumber(""), undefined);
  });
});

describe("compareValues", () => {
  it("matches dates written differently", () => {
    assert.equal(compareValues("issueDate", "2012年04月17日", "2012.4.17").match, true);
    assert.equal(compareValues("birthDate", "1980年01月11日", "1980年1月11日").match, true);
    assert.equal(compareValues("birthTime", "2019年06月26日09时28分", "2019年6月26日9时28分").match, true);
  });

  it("tells different dates apart", () => {
    assert.equal(compareValues("issueDate", "2012年04月17日", "2012年04月11日").match, false);
    assert.equal(compareValues("birthTime", "2019年06月26日09时28分", "2019年06月26日09时29分").match, false);
    assert.equal(compareValues("birthTime", "2019年06月26日09时28分", "2019年06月26日").match, false);
  });

  it("compares measured quantities numerically", () => {
    assert.equal(compareValues("birthLength", "50", "50.0").match, true);
    assert.equal(compareValues("birthWeight", "3450", "3450").match, true);
    assert.equal(compareValues("birthWeight", "3450", "3540").match, false);
    assert.equal(compareValues("gestationalAge", "39+3", "39⁺³").match, true);
  });

  it("keeps the unit where it is part of the value", () => {
    assert.equal(compareValues("birthWeight", "3450", "3450克").match, false);
    assert.equal(compareValues("stature", "175厘米", "175").match, false);
  });

  it("keeps identifiers' leading zeros", () => {
    assert.equal(compareValues("householdNumber", "000028901", "28901").match, false);
    assert.equal(compareValues("sectionNo", "4401030023005", "4401030023005").match, true);
  });

  it("ignores white space and nothing else", () => {
    assert.equal(compareValues("address", "广东省广州市荔湾区", "广东省 广州市 荔湾区").match, true);
    assert.equal(compareValues("householderName", "张无忌", "张无忘").match, false);
    assert.equal(compareValues("idCardNumber", "44010319800111002X", "44010319800111002x").match, false);
  });

  it("treats empty and blank the same, and an invented value as different", () => {
    assert.equal(compareValues("formerName", "", " \u3000").match, true);
    assert.equal(compareValues("formerName", "", "张三").match, false);
  });

  it("returns the comparison forms it used", () => {
    assert.deepEqual(compareValues("issueDate", "2012年4月17日", " 2012.4.1"), {
      match: false,
      expected: "2012-04-17",
      got: "2012-04-01",
    });
    assert.equal(comparisonForm("birthWeight", "3450.0"), "3450");
  });
});
