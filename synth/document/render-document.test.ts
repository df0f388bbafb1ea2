import assert from "node:assert/strict";
import { test } from "node:test";
import { Random } from "../random.ts";
import { isValidIdNumber } from "./id-number.ts";
import { DOCUMENT_KEYS, renderDocument, type SynthDocumentType } from "./render-document.ts";

const TYPES: SynthDocumentType[] = ["household-head", "household-resident", "birth-certificate"];

test("every type renders with all its keys, in order, and quads inside the canvas", () => {
  for (const type of TYPES) {
    for (let seed = 1; seed <= 4; seed++) {
      const doc = renderDocument(type, new Random(seed), { blankRate: 0 });
      assert.deepEqual(Object.keys(doc.fields), DOCUMENT_KEYS[type]);
      const { width, height } = doc.canvas;
      for (const [key, quads] of Object.entries(doc.fieldQuads)) {
        assert.notEqual(doc.fields[key], "", `${type} ${key} has a quad but no value`);
        for (const point of quads.flat()) {
          assert.ok(
            point.x >= -2 && point.x <= width + 2 && point.y >= -2 && point.y <= height + 2,
            `${type} ${key}`,
          );
        }
      }
      for (const point of doc.documentQuad) assert.ok(point.x >= 0 && point.x <= width && point.y <= height);
    }
  }
});

test("the same seed gives the same bytes and fields", () => {
  for (const type of TYPES) {
    const a = renderDocument(type, new Random(99));
    const b = renderDocument(type, new Random(99));
    assert.deepEqual(a.fields, b.fields);
    assert.ok(a.canvas.data().equals(b.canvas.data()), type);
  }
});

test("a blank form has every value empty and no quads", () => {
  const doc = renderDocument("household-resident", new Random(3), { blankRate: 1 });
  assert.equal(doc.blank, true);
  assert.ok(Object.values(doc.fields).every((v) => v === ""));
  assert.deepEqual(doc.fieldQuads, {});
});

test("resident ID numbers agree with birth date and sex", () => {
  const random = new Random(2024);
  for (let i = 0; i < 60; i++) {
    const f = renderDocument("household-resident", random, { blankRate: 0 }).fields;
    const id = f.idCardNumber ?? "";
    if (id.length === 15) {
      // Old numbers: YYMMDD and the last digit's parity.
      assert.equal(`19${id.slice(6, 8)}年${id.slice(8, 10)}月${id.slice(10, 12)}日`, f.birthDate);
      assert.equal(Number(id[14]) % 2 === 1 ? "男" : "女", f.sex);
      continue;
    }
    assert.ok(isValidIdNumber(id), id);
    assert.equal(`${id.slice(6, 10)}年${id.slice(10, 12)}月${id.slice(12, 14)}日`, f.birthDate);
    assert.equal(Number(id[16]) % 2 === 1 ? "男" : "女", f.sex);
    assert.ok((f.registrationDate ?? "") >= (f.birthDate ?? ""));
  }
});

test("birth certificates are consistent: parent IDs, ages, dates, number, missing father", () => {
  const random = new Random(77);
  let missing = 0;
  for (let i = 0; i < 60; i++) {
    const f = renderDocument("birth-certificate", random, { blankRate: 0 }).fields;
    const birthYear = Number(f.birthTime?.slice(0, 4));
    assert.match(f.birthTime ?? "", /^\d{4}年\d{2}月\d{2}日\d{2}时\d{2}分$/);
    assert.match(f.issueDate ?? "", /^\d{4}年\d{2}月\d{2}日$/);
    assert.ok((f.issueDate ?? "") >= (f.birthTime ?? "").slice(0, 11));
    assert.match(f.gestationalAge ?? "", /^\d{2}(\+[0-6])?$/);
    assert.match(f.certificateNumber ?? "", /^[A-Z]\d{9}$/);
    assert.equal(f.medicalInstitutions, f.issueAuthority);
    const mother = f.motherIdCardNumber ?? "";
    if (/^\d/.test(mother)) {
      assert.ok(isValidIdNumber(mother), mother);
      assert.equal(Number(mother.slice(6, 10)), birthYear - Number(f.motherAge));
      assert.equal(Number(mother[16]) % 2, 0);
    }
    if (f.fatherName === "///" || f.fatherName === "未提供") {
      missing++;
      assert.ok(/^(\/+|未提供)$/.test(f.fatherIdCardNumber ?? ""));
    } else if (!f.fatherIdCardNumber?.startsWith("E")) {
      // "E…" is a passport number (the 护照 box is ticked then).
      assert.ok(isValidIdNumber(f.fatherIdCardNumber ?? ""), f.fatherIdCardNumber);
    }
  }
  assert.ok(missing < 15);
});

test("householder pages print 地段号 and 社区 only sometimes, and the card's values are plausible", () => {
  const random = new Random(5);
  let section = 0;
  for (let i = 0; i < 40; i++) {
    const doc = renderDocument("household-head", random, { blankRate: 0 });
    assert.match(doc.fields.householdNumber ?? "", /^\d{9}$/);
    assert.match(doc.fields.issueDate ?? "", /^\d{4}年\d{2}月\d{2}日$/);
    assert.equal(doc.fields.sectionNo !== "", doc.variant.sectionNo);
    if (doc.fields.sectionNo !== "") section++;
  }
  assert.ok(section > 0 && section < 20);
});
