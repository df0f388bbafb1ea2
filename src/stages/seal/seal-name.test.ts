import assert from "node:assert/strict";
import { test } from "node:test";
import type { RecognizedChar } from "../../types.ts";
import { sealName } from "./seal-name.ts";

function chars(text: string, alternatives: Record<number, [string, number][]> = {}): RecognizedChar[] {
  return Array.from(text).map((char, index) => ({
    text: char,
    confidence: 0.9,
    start: 0,
    end: 0,
    alternatives: [
      { text: char, probability: 0.9 },
      ...(alternatives[index] ?? []).map(([t, p]) => ({ text: t, probability: p })),
    ],
  }));
}

const text = (read: RecognizedChar[]) => read.map((char) => char.text).join("");

test("the closing 之印, 印 or 章 is not part of the name", () => {
  assert.equal(text(sealName(chars("刘淼之印"))), "刘淼");
  assert.equal(text(sealName(chars("张俊杰印"))), "张俊杰");
  assert.equal(text(sealName(chars("王强之章"))), "王强");
  assert.equal(text(sealName(chars("令狐晓燕"))), "令狐晓燕");
  assert.equal(text(sealName(chars("刘淼"))), "刘淼");
});

test("之 stays when no 印 closes the seal, and only at the end is anything dropped", () => {
  assert.equal(text(sealName(chars("王之涣"))), "王之涣");
  assert.equal(text(sealName(chars("印刚"))), "印刚");
});

test("a last character the recogniser thought possibly 印 is read as 印", () => {
  assert.equal(text(sealName(chars("刘淼卬", { 2: [["印", 0.2]] }))), "刘淼");
  assert.equal(text(sealName(chars("刘淼卬", { 2: [["印", 0.01]] }))), "刘淼卬");
});

test("after 之, and unsure at the end of a four-character seal, the last character is 印 whatever it read as", () => {
  assert.equal(text(sealName(chars("赵娜之里"))), "赵娜");
  const unsure = chars("李红卫理");
  (unsure[3] as RecognizedChar).confidence = 0.3;
  assert.equal(text(sealName(unsure)), "李红卫");
  // A four-character name read surely stays whole.
  assert.equal(text(sealName(chars("欧阳晓燕"))), "欧阳晓燕");
});

test("a seal of nothing but 之印 names no one", () => {
  assert.deepEqual(sealName(chars("之印")), []);
  assert.deepEqual(sealName([]), []);
});
