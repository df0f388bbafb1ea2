import assert from "node:assert/strict";
import { test } from "node:test";
import type { TextLine } from "../types.ts";
import { BIRTH_CERTIFICATE_SPEC } from "./birth-certificate.ts";
import { HOUSEHOLD_RESIDENT_SPEC } from "./household-resident.ts";
import { idBirthWindows, inBirthWindow } from "./id-birth-window.ts";
import { readFields } from "./read-fields.ts";
import { textLineAt as at } from "./shared/make-text-line.ts";

/** A birth certificate's front page, rows 50 px apart, with the given birth time and parents' ages. */
function certificate(birthTime: string, motherAge: string, fatherAge: string): TextLine[] {
  const rows: [string, number, string][][] = [
    [
      ["新生儿姓名", 50, "王小明"],
      ["性别", 500, "男"],
    ],
    [["出生时间", 50, birthTime]],
    [["出生地点", 50, "湖南省长沙市岳麓区"]],
    [
      ["母亲姓名", 50, "王梦琪"],
      ["年龄", 300, motherAge],
      ["国籍", 450, "中国"],
    ],
    [["证件号码", 450, "43010219890101002X"]],
    [
      ["父亲姓名", 50, "李强"],
      ["年龄", 300, fatherAge],
      ["国籍", 450, "中国"],
    ],
    [["证件号码", 450, "430102198701010016"]],
    [["签发日期", 50, "2019年07月01日"]],
  ];
  return rows.flatMap((cells, index) =>
    cells.flatMap(([label, x, value]) => {
      const y = 100 + index * 50;
      const lines = [at(label, x, y)];
      if (value) lines.push(at(value, x + Array.from(label).length * 20 + 15, y));
      return lines;
    }),
  );
}

test("a parent's age at the child's birth puts the parent's birth date within two years", () => {
  const reading = readFields(certificate("2019年06月26日09时28分", "30", "32"), BIRTH_CERTIFICATE_SPEC);
  const windows = idBirthWindows(BIRTH_CERTIFICATE_SPEC, reading);
  assert.deepEqual(windows.get("motherIdCardNumber"), {
    earliest: { year: 1988, month: 6, day: 27 },
    latest: { year: 1989, month: 12, day: 31 },
  });
  assert.deepEqual(windows.get("fatherIdCardNumber")?.earliest, { year: 1986, month: 6, day: 27 });
  const mother = windows.get("motherIdCardNumber");
  assert.ok(mother);
  assert.equal(inBirthWindow("43010219890101002X", mother), true, "30 on 2019-06-26 when born 1989-01-01");
  assert.equal(inBirthWindow("430102198806260024", mother), false, "31 that day");
  assert.equal(inBirthWindow("430102198806270024", mother), true, "30 that day, born the day after");
  assert.equal(inBirthWindow("43010219391231002X", mother), false);
});

test("no window without a birth time, or with an age no parent has", () => {
  const noTime = readFields(certificate("", "30", "32"), BIRTH_CERTIFICATE_SPEC);
  assert.equal(idBirthWindows(BIRTH_CERTIFICATE_SPEC, noTime).size, 0);
  const oddAge = readFields(certificate("2019年06月26日09时28分", "3", "320"), BIRTH_CERTIFICATE_SPEC);
  assert.equal(idBirthWindows(BIRTH_CERTIFICATE_SPEC, oddAge).size, 0);
});

test("a resident card's number is born on the card's birth date", () => {
  const lines = [
    at("姓名", 50, 100),
    at("李娜", 150, 100),
    at("出生日期", 420, 200),
    at("1991年10月17日", 520, 200),
    at("公民身份号码", 50, 250),
    at("410328199110171522", 200, 250),
  ];
  const windows = idBirthWindows(HOUSEHOLD_RESIDENT_SPEC, readFields(lines, HOUSEHOLD_RESIDENT_SPEC));
  const window = windows.get("idCardNumber");
  assert.deepEqual(window, {
    earliest: { year: 1991, month: 10, day: 17 },
    latest: { year: 1991, month: 10, day: 17 },
  });
  assert.equal(inBirthWindow("410328199110171522", window), true);
  assert.equal(inBirthWindow("410328199110181522", window), false);
});
