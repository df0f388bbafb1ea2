import assert from "node:assert/strict";
import { test } from "node:test";
import { makeTextLine } from "./make-text-line.ts";
import { isCommonNameCharacter, isNameCharacter, preferNameCharacter } from "./name-characters.ts";

test("characters of given names of every generation are known, words names avoid are not", () => {
  for (const char of ["秀", "英", "建", "国", "伟", "丽", "涵", "梓", "萱", "堃", "琰", "玥", "昇"]) {
    assert.ok(isNameCharacter(char), char);
  }
  for (const char of ["蜂", "盗", "毯", "垫", "肿", "图"]) assert.ok(!isNameCharacter(char), char);
});

test("a character names seldom hold gives way to a likely alternative that they often do", () => {
  const [read] = makeTextLine("蜂", {
    confidence: 0.37,
    alternatives: { 0: [{ text: "娜", probability: 0.23 }] },
  }).chars;
  assert.equal(preferNameCharacter(read as never)?.text, "娜");
  const [unlikely] = makeTextLine("蜂", {
    confidence: 0.9,
    alternatives: { 0: [{ text: "娜", probability: 0.05 }] },
  }).chars;
  assert.equal(preferNameCharacter(unlikely as never), undefined, "a far likelier reading stands");
  const [named] = makeTextLine("娜", {
    confidence: 0.4,
    alternatives: { 0: [{ text: "杰", probability: 0.39 }] },
  }).chars;
  assert.equal(preferNameCharacter(named as never), undefined, "a name character is never changed");
});

test("an unsure rarer name character gives way to a common one the prior makes likelier; a sure one stands", () => {
  const [media] = makeTextLine("媚", {
    confidence: 0.41,
    alternatives: { 0: [{ text: "娟", probability: 0.28 }] },
  }).chars;
  assert.equal(preferNameCharacter(media as never)?.text, "娟");
  const [sure] = makeTextLine("媛", {
    confidence: 0.7,
    alternatives: { 0: [{ text: "娟", probability: 0.28 }] },
  }).chars;
  assert.equal(preferNameCharacter(sure as never), undefined, "read surely: stands");
  const [far] = makeTextLine("照", {
    confidence: 0.45,
    alternatives: { 0: [{ text: "燕", probability: 0.1 }] },
  }).chars;
  assert.equal(preferNameCharacter(far as never), undefined, "the common one far less likely: stands");
  const [common] = makeTextLine("丽", {
    confidence: 0.3,
    alternatives: { 0: [{ text: "娟", probability: 0.29 }] },
  }).chars;
  assert.equal(preferNameCharacter(common as never), undefined, "a common one read is never changed");
});

test("the common given-name characters are name characters", () => {
  for (const char of ["娟", "婷", "燕", "涵", "轩"]) {
    assert.ok(isCommonNameCharacter(char), char);
    assert.ok(isNameCharacter(char), char);
  }
  for (const char of ["媚", "照", "姐"]) assert.ok(!isCommonNameCharacter(char), char);
});
