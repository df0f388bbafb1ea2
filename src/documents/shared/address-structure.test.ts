import assert from "node:assert/strict";
import { test } from "node:test";
import type { RecognizedChar } from "../../types.ts";
import { addressStructure, lostEnd } from "./address-structure.ts";

/** The text read surely, but for the characters given as [text, confidence, other readings]. */
function read(text: string, unsure: Record<number, [number, [string, number][]]> = {}): RecognizedChar[] {
  return Array.from(text, (symbol, index) => {
    const [confidence, others] = unsure[index] ?? [0.99, []];
    return {
      text: symbol,
      confidence,
      start: index,
      end: index + 1,
      alternatives: [
        { text: symbol, probability: confidence },
        ...others.map(([other, probability]) => ({ text: other, probability })),
      ],
    };
  });
}

const textOf = (chars: readonly (RecognizedChar | undefined)[]) =>
  chars.map((char) => char?.text ?? "").join("");

test("a character between two numbers is taken for the unit word among its other readings", () => {
  const fixed = addressStructure(
    read("东风路83房21-1001", {
      5: [
        0.69,
        [
          ["男", 0.04],
          ["号", 0.05],
        ],
      ],
    }),
  );
  assert.equal(textOf(fixed), "东风路83号21-1001");
  assert.ok((fixed[5]?.confidence ?? 1) <= 0.6, "a replaced character is no surer than a guess");
  assert.equal(textOf(addressStructure(read("东风路83房21", { 5: [0.69, [["男", 0.04]]] }))), "东风路83房21");
  assert.equal(textOf(addressStructure(read("东风路83房21"))), "东风路83房21", "read surely");
  assert.equal(textOf(addressStructure(read("厚仁村7组69串", { 7: [0.8, [["号", 0.1]]] }))), "厚仁村7组69号");
});

test("单 is read before 元 between two numbers", () => {
  assert.equal(textOf(addressStructure(read("阳光家园9栋4羊元1501室"))), "阳光家园9栋4单元1501室");
  assert.equal(textOf(addressStructure(read("阳光家园9栋4单元1501室"))), "阳光家园9栋4单元1501室");
});

test("the word before a group's number is 村 where it is among its other readings", () => {
  const chars = read("南京镇南京材5组9号", { 5: [0.96, [["村", 0.01]]] });
  assert.equal(textOf(addressStructure(chars)), "南京镇南京村5组9号");
  assert.equal(
    textOf(addressStructure(read("南京镇南京材5号", { 5: [0.96, [["村", 0.01]]] }))),
    "南京镇南京材5号",
  );
});

test("a few unsure characters after the house number's end are stray marks", () => {
  const marks = read("32号碧水花园15栋2单元2603室烟加", { 18: [0.27, [["网", 0.17]]], 19: [0.34, []] });
  assert.equal(textOf(addressStructure(marks)), "32号碧水花园15栋2单元2603室");
  assert.equal(textOf(addressStructure(read("东山村10组1号日", { 8: [0.42, []] }))), "东山村10组1号");
  assert.equal(
    textOf(addressStructure(read("环城北路280号2-1-1202e", { 16: [0.9, []] }))),
    "环城北路280号2-1-1202",
  );
  assert.equal(textOf(addressStructure(read("建设路12号院"))), "建设路12号院", "read surely");
  assert.equal(textOf(addressStructure(read("新合村3组", { 4: [0.3, []] }))), "新合村3组", "a unit word");
  assert.equal(textOf(addressStructure(read("解放路9号A", { 5: [0.9, []] }))), "解放路9号A", "a capital");
  assert.equal(textOf(addressStructure(read("南京镇南京村", { 5: [0.3, []] }))), "南京镇南京村", "no number");
});

test("号 lost after a house number at the end is put back", () => {
  assert.equal(lostEnd(read("迎宾大道382号附6"))?.text, "号");
  assert.ok((lostEnd(read("迎宾大道382号附6"))?.confidence ?? 1) <= 0.6);
  assert.equal(lostEnd(read("迎宾大道382号附6号")), undefined);
  assert.equal(lostEnd(read("迎宾大道382号")), undefined);
  assert.equal(lostEnd(read("三溪乡厚仁村7组69"))?.text, "号");
  assert.equal(lostEnd(read("12号楼3门610"))?.text, "号");
  assert.equal(lostEnd(read("9栋2单元2005")), undefined, "a room may be written without 室");
  assert.equal(lostEnd(read("长江路137号9-6-601")), undefined);
});

test("punctuation after the house number's end is left out however surely read", () => {
  assert.equal(textOf(addressStructure(read("人民路389号附15号！"))), "人民路389号附15号");
  assert.equal(textOf(addressStructure(read("公园路189号6号楼2门925号）"))), "公园路189号6号楼2门925号");
  assert.equal(
    textOf(addressStructure(read("公园路189号（东门）"))),
    "公园路189号（东门）",
    "a bracket opened stays",
  );
});

test("a lone stroke after the house number's end is a ruling's end, not the address's", () => {
  assert.equal(textOf(addressStructure(read("长江南路237号8-5-1702一"))), "长江南路237号8-5-1702");
  assert.equal(
    textOf(addressStructure(read("长江南路237号8-5-1702一一"))),
    "长江南路237号8-5-1702一一",
    "two are not",
  );
  assert.equal(textOf(addressStructure(read("长江南路237号3号楼一单元"))), "长江南路237号3号楼一单元");
});
