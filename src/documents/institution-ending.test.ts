import assert from "node:assert/strict";
import { test } from "node:test";
import { withKindWords } from "./institution-ending.ts";
import { makeTextLine } from "./shared/make-text-line.ts";

function fixed(text: string): string | undefined {
  return withKindWords(makeTextLine(text).chars)
    ?.map((char) => char.text)
    .join("");
}

test("one or two characters misread between a place and 保健院 are 妇幼", () => {
  assert.equal(fixed("利津县助保健院"), "利津县妇幼保健院");
  assert.equal(fixed("无锡市妇动保健院"), "无锡市妇幼保健院");
  assert.equal(fixed("力保健院"), "妇幼保健院");
});

test("a 第 before 人民医院 lost its numeral, 一", () => {
  assert.equal(fixed("西宁市第人民医院"), "西宁市第一人民医院");
  assert.equal(fixed("西宁市第医院"), "西宁市第一医院");
});

test("names of their kind, or too far from one, are left as read", () => {
  for (const name of [
    "无锡市妇幼保健院",
    "长沙市妇女保健院",
    "西宁市第二人民医院",
    "宁江区人民医院",
    "石泉收幼化出院",
    "某某市三个字保健院",
  ])
    assert.equal(fixed(name), undefined, name);
});

test("a character put back is doubted, its reading kept among the alternatives", () => {
  const chars = withKindWords(makeTextLine("利津县助保健院").chars) ?? [];
  assert.ok((chars[3]?.confidence ?? 1) < 1);
  assert.ok(chars[3]?.alternatives.some((alternative) => alternative.text === "助"));
});
