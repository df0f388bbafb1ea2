import assert from "node:assert/strict";
import { test } from "node:test";
import { BIRTH_CERTIFICATE_SPEC } from "../documents/birth-certificate.ts";
import { HOUSEHOLD_RESIDENT_SPEC } from "../documents/household-resident.ts";
import { readFields } from "../documents/read-fields.ts";
import { textLineAt } from "../documents/shared/make-text-line.ts";
import type { TextLine } from "../types.ts";
import { type AssembledFields, assembleFields } from "./assemble-fields.ts";

function at(text: string, x: number, y: number): TextLine {
  return textLineAt(text, x, y, { confidence: 0.98 });
}

function card(id: string, sex: string): TextLine[] {
  return [
    at("姓名", 50, 100),
    at("李娜", 150, 100),
    at("性别", 420, 150),
    at(sex, 520, 150),
    at("出生日期", 420, 200),
    at("1991年10月17日", 520, 200),
    at("公民身份号码", 50, 250),
    at(id, 200, 250),
  ];
}

const identity = (point: { x: number; y: number }) => point;

test("every key is present in order, blanks empty, values normalised", () => {
  const reading = readFields(card("410328199110171522", "女"), HOUSEHOLD_RESIDENT_SPEC);
  const { data, keyValueInfo } = assembleFields(HOUSEHOLD_RESIDENT_SPEC, reading, identity);
  assert.deepEqual(
    Object.keys(data),
    HOUSEHOLD_RESIDENT_SPEC.fields.map((field) => field.key),
  );
  assert.equal(data.name, "李娜");
  assert.equal(data.idCardNumber, "410328199110171522");
  assert.equal(data.formerName, "");
  const id = keyValueInfo.find((info) => info.key === "idCardNumber");
  assert.equal(id?.valueProb, 98);
  assert.deepEqual(id?.valuePos, [
    { x: 200, y: 250 },
    { x: 560, y: 250 },
    { x: 560, y: 270 },
    { x: 200, y: 270 },
  ]);
  assert.equal(keyValueInfo.find((info) => info.key === "formerName")?.valuePos, undefined);
});

test("an ID number failing its check digit never carries valueProb above 50", () => {
  const reading = readFields(card("410328199110171523", "女"), HOUSEHOLD_RESIDENT_SPEC);
  const { keyValueInfo } = assembleFields(HOUSEHOLD_RESIDENT_SPEC, reading, identity);
  const id = keyValueInfo.find((info) => info.key === "idCardNumber");
  assert.ok((id?.valueProb ?? 100) <= 50, `valueProb ${id?.valueProb}`);
});

test("a sex disagreeing with the ID number lowers both", () => {
  const reading = readFields(card("410328199110171522", "男"), HOUSEHOLD_RESIDENT_SPEC);
  const { keyValueInfo } = assembleFields(HOUSEHOLD_RESIDENT_SPEC, reading, identity);
  assert.ok((keyValueInfo.find((info) => info.key === "sex")?.valueProb ?? 100) < 70);
  assert.ok((keyValueInfo.find((info) => info.key === "idCardNumber")?.valueProb ?? 100) < 70);
  assert.equal(keyValueInfo.find((info) => info.key === "name")?.valueProb, 98);
});

test("positions are mapped into the original image", () => {
  const reading = readFields(card("410328199110171522", "女"), HOUSEHOLD_RESIDENT_SPEC);
  const { keyValueInfo } = assembleFields(HOUSEHOLD_RESIDENT_SPEC, reading, (p) => ({
    x: p.x * 2,
    y: p.y * 2,
  }));
  assert.deepEqual(keyValueInfo.find((info) => info.key === "name")?.valuePos?.[0], { x: 300, y: 200 });
});

test("a sex cell read as nothing takes the sex of a valid ID number agreeing with the birth date, doubted", () => {
  const reading = readFields(card("410328199110171522", ""), HOUSEHOLD_RESIDENT_SPEC);
  const { data, keyValueInfo } = assembleFields(HOUSEHOLD_RESIDENT_SPEC, reading, identity);
  assert.equal(data.sex, "女");
  const sex = keyValueInfo.find((info) => info.key === "sex");
  assert.ok((sex?.valueProb ?? 100) <= 70, `valueProb ${sex?.valueProb}`);
  assert.equal(sex?.valuePos, undefined, "nothing was read there");
});

test("no sex is taken from an invalid ID number, nor from one disagreeing with the birth date", () => {
  const invalid = readFields(card("410328199110171523", ""), HOUSEHOLD_RESIDENT_SPEC);
  assert.equal(assembleFields(HOUSEHOLD_RESIDENT_SPEC, invalid, identity).data.sex, "");
  // Valid, but born 1991-10-18 by the number while the card prints 10-17.
  const other = readFields(card("410328199110181528", ""), HOUSEHOLD_RESIDENT_SPEC);
  assert.equal(assembleFields(HOUSEHOLD_RESIDENT_SPEC, other, identity).data.sex, "");
});

test("an empty answer is sure only where nothing stood in the cell", () => {
  const lines = [...card("410328199110171522", "女"), at("曾用名", 50, 150)];
  const reading = readFields(lines, HOUSEHOLD_RESIDENT_SPEC);
  const name = reading.fields.get("name");
  assert.ok(name?.label, "the name's label is found");
  assert.ok(reading.fields.get("formerName")?.label, "the former name's label is found");
  // What a framed name stamp read as no one's name leaves: ink found in the cell, no value made of it.
  reading.fields.set("name", { ...name, text: "", pieceTexts: [""], chars: [], confidence: 0 });
  const { data, keyValueInfo } = assembleFields(HOUSEHOLD_RESIDENT_SPEC, reading, identity);
  assert.equal(data.name, "");
  assert.equal(keyValueInfo.find((info) => info.key === "name")?.valueProb, 0);
  // 曾用名 is printed but left blank: its label is found and its cell holds nothing.
  const formerName = keyValueInfo.find((info) => info.key === "formerName");
  assert.equal(formerName?.value, "");
  assert.equal(formerName?.valueProb, 100);
});

test("an empty answer in a cell a filled-in page always fills is not sure; on a page not filled in it is", () => {
  // 民族 is printed and found, but no value was read beside it: on a filled-in card that is a value lost.
  const filled = readFields(
    [...card("410328199110171522", "女"), at("民族", 420, 300)],
    HOUSEHOLD_RESIDENT_SPEC,
  );
  assert.ok(filled.fields.get("ethnicity")?.label, "the ethnicity's label is found");
  assert.notEqual(filled.blank, true);
  const info = assembleFields(HOUSEHOLD_RESIDENT_SPEC, filled, identity).keyValueInfo;
  const ethnicity = info.find((entry) => entry.key === "ethnicity");
  assert.equal(ethnicity?.value, "");
  assert.equal(ethnicity?.valueProb, 0);
  // A page barely read (one value besides the labels) is still a filled-in page.
  const barely = readFields(
    [at("姓名", 50, 100), at("李娜", 150, 100), at("民族", 420, 300)],
    HOUSEHOLD_RESIDENT_SPEC,
  );
  const barelyInfo = assembleFields(HOUSEHOLD_RESIDENT_SPEC, barely, identity).keyValueInfo;
  assert.equal(barelyInfo.find((entry) => entry.key === "ethnicity")?.valueProb, 0);
  // The same label on a form never filled in (labels only): the cell is surely blank.
  const labels = ["姓名", "性别", "民族", "出生日期", "公民身份号码"].map((text, i) =>
    at(text, 50 + (i % 2) * 370, 100 + 50 * Math.floor(i / 2)),
  );
  const blank = readFields(labels, HOUSEHOLD_RESIDENT_SPEC);
  assert.ok(blank.fields.get("ethnicity")?.label, "the ethnicity's label is found");
  const blankInfo = assembleFields(HOUSEHOLD_RESIDENT_SPEC, blank, identity).keyValueInfo;
  assert.equal(blankInfo.find((entry) => entry.key === "ethnicity")?.valueProb, 100);
});

test("an empty answer in an optional cell is sure, unless a Chinese character was read there", () => {
  const reading = readFields(
    [...card("410328199110171522", "女"), at("宗教信仰", 420, 300)],
    HOUSEHOLD_RESIDENT_SPEC,
  );
  const probability = (infos: AssembledFields["keyValueInfo"]) =>
    infos.find((info) => info.key === "religious")?.valueProb;
  // 宗教信仰 may be left blank: empty with nothing in its cell is a sure blank, unless ink stood there.
  assert.equal(probability(assembleFields(HOUSEHOLD_RESIDENT_SPEC, reading, identity).keyValueInfo), 100);
  const inked = { ...reading, unreadInk: new Set(["religious"]) };
  assert.equal(probability(assembleFields(HOUSEHOLD_RESIDENT_SPEC, inked, identity).keyValueInfo), 0);
});

test("a certificate number, with no check digit, is only as sure as all its characters together", () => {
  const valueProb = (confidences: Record<number, number>) => {
    const reading = readFields([at("出生医学证明编号", 400, 60)], BIRTH_CERTIFICATE_SPEC);
    const field = reading.fields.get("certificateNumber");
    assert.ok(field?.label, "the number's label is found");
    const line = textLineAt("V324060137", 400, 100, { confidence: 0.99, confidences });
    reading.fields.set("certificateNumber", {
      ...field,
      text: line.text,
      pieceTexts: [line.text],
      chars: line.chars,
      quads: [line.quad],
      confidence: line.confidence,
    });
    const { data, keyValueInfo } = assembleFields(BIRTH_CERTIFICATE_SPEC, reading, identity);
    assert.equal(data.certificateNumber, "V324060137");
    return keyValueInfo.find((info) => info.key === "certificateNumber")?.valueProb ?? 100;
  };
  // Nine characters read surely and one at 0.61: their mean would say 95.
  assert.ok(valueProb({ 4: 0.61 }) <= 60, `valueProb ${valueProb({ 4: 0.61 })}`);
  assert.ok(valueProb({}) >= 90);
});

test("a date is only as sure as its digits together: one unsure digit makes it unsure", () => {
  const valueProb = (confidences: Record<number, number>) => {
    const lines = card("410328199110171522", "女").filter((line) => line.text !== "1991年10月17日");
    lines.push(textLineAt("1991年10月17日", 520, 200, { confidence: 0.99, confidences }));
    const reading = readFields(lines, HOUSEHOLD_RESIDENT_SPEC);
    const { data, keyValueInfo } = assembleFields(HOUSEHOLD_RESIDENT_SPEC, reading, identity);
    assert.equal(data.birthDate, "1991年10月17日");
    return keyValueInfo.find((info) => info.key === "birthDate")?.valueProb ?? 100;
  };
  // Ten characters read surely and the year's last digit at 0.59 (a 0 beside a 9): their mean would say 95.
  assert.ok(valueProb({ 3: 0.59 }) <= 60, `valueProb ${valueProb({ 3: 0.59 })}`);
  assert.ok(valueProb({}) >= 90);
});
