import assert from "node:assert/strict";
import { test } from "node:test";
import type { RecognizedChar } from "../types.ts";
import { bestFix, fixKind } from "./institution-place.ts";

function chars(text: string, confidence = 0.9): RecognizedChar[] {
  return Array.from(text).map((symbol, index) => ({
    text: symbol,
    confidence,
    start: index,
    end: index + 1,
    alternatives: [{ text: symbol, probability: confidence }],
  }));
}

function fixed(text: string, names: string[], confidence?: number): string | undefined {
  return bestFix(chars(text, confidence), names)
    ?.map((char) => char.text)
    .join("");
}

test("a place misread at the start of an institution's name takes the birth place's spelling", () => {
  const suqian = ["沭阳县", "宿迁市", "江苏省"];
  assert.equal(fixed("沐阳县妇幼保健院", suqian), "沭阳县妇幼保健院");
  assert.equal(fixed("滨海区人民医院", ["滨海新区", "天津市"]), "滨海新区人民医院", "a character lost");
  assert.equal(fixed("驻马马店市第一人民医院", ["驿城区", "驻马店市", "河南省"]), "驻马店市第一人民医院");
  assert.equal(fixed("明市妇幼保健院", ["三元区", "三明市", "福建省"]), "三明市妇幼保健院");
  assert.equal(
    fixed("县人民医院", ["长子县", "长治市", "山西省"]),
    "长子县人民医院",
    "all but the suffix lost",
  );
});

test("a few characters before a place read exactly are dropped", () => {
  assert.equal(fixed("★进贤县中医院", ["进贤县", "南昌市", "江西省"]), "进贤县中医院");
  assert.equal(fixed("福市第鹤岗市第一人民医院", ["向阳区", "鹤岗市", "黑龙江省"]), "鹤岗市第一人民医院");
  assert.equal(fixed("诚上党区人民医院", ["上党区", "长治市", "山西省"]), "上党区人民医院");
});

test("names that begin with their place, or with no place of the birth place, are left alone", () => {
  assert.equal(fixed("沭阳县妇幼保健院", ["沭阳县", "宿迁市", "江苏省"]), undefined);
  assert.equal(fixed("江苏省人民医院", ["鼓楼区", "南京市", "江苏省"]), undefined);
  assert.equal(fixed("北京协和医院", ["东城区", "北京市"]), undefined, "a name that is no place");
  assert.equal(fixed("宿迁市沭阳县人民医院", ["沭阳县", "宿迁市", "江苏省"]), undefined);
  assert.equal(fixed("沐阳县妇幼保健", ["沭阳县", "宿迁市", "江苏省"]), undefined, "no institution's ending");
  assert.equal(
    fixed("沭阳区人民医院", ["沭阳县", "宿迁市", "江苏省"]),
    undefined,
    "another suffix: another place",
  );
  assert.equal(fixed("博爱医院", ["博兴县", "滨州市", "山东省"]), undefined);
  assert.equal(fixed("台州市幼保健院", ["天台县", "台州市", "浙江省"]), undefined, "the place read right");
});

test("a sure character is not replaced where the place is short", () => {
  assert.equal(fixed("沐阳县妇幼保健院", ["沭阳县", "宿迁市", "江苏省"], 0.99), undefined);
});

test("what follows the place is put right where it is one edit from one kind of institution", () => {
  const kind = (text: string, names: string[], confidence?: number) =>
    fixKind(chars(text, confidence), names)
      ?.map((char) => char.text)
      .join("");
  const taizhou = ["天台县", "台州市", "浙江省"];
  assert.equal(kind("台州市幼保健院", taizhou), "台州市妇幼保健院");
  assert.equal(kind("台州市妇纺保健院", taizhou), "台州市妇幼保健院");
  assert.equal(kind("台州市中心医", taizhou), "台州市中心医院");
  assert.equal(kind("台州市中小医院", taizhou), undefined, "中心医院 or 中医医院");
  assert.equal(kind("台州市妇幼保健院", taizhou), undefined, "a kind as read");
  assert.equal(kind("台州市第人民医院", taizhou), undefined, "which of 第一, 第二, … is not known");
  assert.equal(kind("台州市骨伤医院", taizhou), undefined, "two edits from any");
  assert.equal(kind("台州市妇纺保健院", taizhou, 0.99), undefined, "read surely");
  assert.equal(kind("浙江妇纺保健院", taizhou), undefined, "no place of the birth place first");
});
