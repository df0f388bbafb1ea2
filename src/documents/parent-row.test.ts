import assert from "node:assert/strict";
import { test } from "node:test";
import type { TextLine } from "../types.ts";
import { BIRTH_CERTIFICATE_SPEC } from "./birth-certificate.ts";
import { readFields } from "./read-fields.ts";
import { textLineAt as at } from "./shared/make-text-line.ts";

/** The parents' rows of a certificate: label/value pairs per row, `undefined` labels left unread. */
function parentRows(mother: (string | undefined)[], father: (string | undefined)[]): TextLine[] {
  const lines: TextLine[] = [at("新生儿姓名", 50, 40), at("王小明", 170, 40), at("性别", 420, 40)];
  const columns = [50, 300, 450, 600];
  const add = (labels: (string | undefined)[], values: string[], y: number) => {
    labels.forEach((label, index) => {
      const x = columns[index] as number;
      if (label) lines.push(at(label, x, y));
      const value = values[index];
      if (value) lines.push(at(value, x + (index === 0 ? 100 : 55), y));
    });
    lines.push(at("住址", 50, y + 50), at("湖南省长沙市岳麓区望月湖街道", 120, y + 50));
  };
  add(mother, ["王梦琪", "30", "中国", "汉族"], 100);
  add(father, ["李强", "32", "中国", "土家族"], 250);
  lines.push(at("签发机构", 50, 400), at("某某医院", 150, 400));
  return lines;
}

const FULL = ["母亲姓名", "年龄", "国籍", "民族"];
const FATHER = ["父亲姓名", "年龄", "国籍", "民族"];

function row(lines: TextLine[], parent: "mother" | "father") {
  const fields = readFields(lines, BIRTH_CERTIFICATE_SPEC).fields;
  return ["Name", "Age", "Nationality", "Ethnicity"].map(
    (cell) => fields.get(`${parent}${cell}`)?.text ?? "",
  );
}

test("a row whose labels were all found is read by geometry", () => {
  const lines = parentRows(FULL, FATHER);
  assert.deepEqual(row(lines, "mother"), ["王梦琪", "30", "中国", "汉族"]);
  assert.deepEqual(row(lines, "father"), ["李强", "32", "中国", "土家族"]);
});

test("a missed 国籍 label: the nationality is told from the age by its kind", () => {
  const lines = parentRows(["母亲姓名", "年龄", undefined, "民族"], FATHER);
  assert.deepEqual(row(lines, "mother"), ["王梦琪", "30", "中国", "汉族"]);
});

test("labels read wrongly are cut off and the values placed by kind", () => {
  const lines = parentRows(FULL, ["父亲姓名", "年胞", "国箱", "民版"]);
  assert.deepEqual(row(lines, "father"), ["李强", "32", "中国", "土家族"]);
});

test("a parent not given: fillers go to the cells in order", () => {
  const lines = parentRows(FULL, ["父亲姓名", undefined, undefined, undefined]).filter(
    (line) => !["李强", "32", "中国", "土家族"].includes(line.text),
  );
  lines.push(at("未提供", 150, 250), at("未提供", 355, 250), at("未提供", 505, 250), at("未提供", 655, 250));
  assert.deepEqual(row(lines, "father"), ["未提供", "未提供", "未提供", "未提供"]);
});

test("a shared label found once goes to the parent whose rows it lies between", () => {
  const lines = [
    ...parentRows(FULL, FATHER),
    // Only the father's ID row was read: it lies below 父亲姓名, so it is the father's.
    at("证件号码", 450, 330),
    at("430502198302093377", 540, 330),
  ];
  const fields = readFields(lines, BIRTH_CERTIFICATE_SPEC).fields;
  assert.equal(fields.get("motherIdCardNumber")?.text, "");
  assert.equal(fields.get("fatherIdCardNumber")?.text, "430502198302093377");
});

test("an age and the nationality read as one box over the lost 国籍 label are cut apart", () => {
  // 32 | 国(籍 lost) 中国: one box from the age's cell to the nationality's, across the label between them.
  const lines = parentRows(FULL, ["父亲姓名", "年龄", undefined, "民族"]).filter(
    (line) =>
      !(line.text === "32" && line.quad[0].y === 250) && !(line.text === "中国" && line.quad[0].y === 250),
  );
  lines.push(at("32国中国", 355, 250));
  assert.deepEqual(row(lines, "father"), ["李强", "32", "中国", "土家族"]);
});

test("a nationality read with the one character left of its lost label is cut at that character", () => {
  // The age lost, and the nationality's box reaching back over what is left of 国籍 into the age's cell.
  const lines = parentRows(FULL, ["父亲姓名", "年龄", undefined, "民族"]).filter(
    (line) => !(["32", "中国"].includes(line.text) && line.quad[0].y === 250),
  );
  lines.push(at("国中国", 400, 250));
  assert.deepEqual(row(lines, "father"), ["李强", "", "中国", "土家族"]);
});

test("a box across the whole row, labels misread in it, is cut into its values", () => {
  // 年龄 read 年静, its 静 left with the age; 国籍 read 国; 民族 read 民成: one box from the age's cell to the
  // ethnicity's label.
  const lines = parentRows(FULL, ["父亲姓名", undefined, undefined, undefined]).filter(
    (line) => !(["32", "中国"].includes(line.text) && line.quad[0].y === 250),
  );
  lines.push(at("年静32国中国民成", 300, 250));
  assert.deepEqual(row(lines, "father"), ["李强", "32", "中国", "土家族"]);
});

test("a speck after the name's label read as one character does not take the place of the name after it", () => {
  const lines = parentRows(FULL, ["父亲姓名", undefined, "国籍", "民族"]);
  lines.push(at("版", 134, 256, { height: 12 }));
  assert.deepEqual(row(lines, "father"), ["李强", "32", "中国", "土家族"]);
  const korean = parentRows(FULL, ["父亲姓名", undefined, "国籍", "民族"]).map((line) =>
    line.text === "中国" && line.quad[0].y === 250 ? at("韩国", line.quad[0].x, 250) : line,
  );
  korean.push(at("版", 134, 256, { height: 12 }));
  assert.equal(row(korean, "father")[2], "韩国", "a nationality is no name");
});
