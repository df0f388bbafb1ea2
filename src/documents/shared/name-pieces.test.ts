import assert from "node:assert/strict";
import { test } from "node:test";
import { HOUSEHOLD_HEAD_SPEC } from "../household-head.ts";
import { readFields } from "../read-fields.ts";
import { textLineAt as at } from "./make-text-line.ts";
import {
  sealCaptions,
  withoutCaptionPieces,
  withoutNumberPieces,
  withoutTextAfterName,
} from "./name-pieces.ts";
import { makePageFrame } from "./page-frame.ts";
import type { ValuePiece } from "./value-pieces.ts";

const pieces = (...texts: string[]): ValuePiece[] =>
  texts.map((text, lineIndex) => ({ line: at(text, 100 + lineIndex * 100, 100), lineIndex }));
const kept = (...texts: string[]) => withoutNumberPieces(pieces(...texts)).map((piece) => piece.line.text);

test("a piece of a name that is mostly digits is another field's and is dropped whole", () => {
  assert.deepEqual(kept("106日", "范玲"), ["范玲"]);
  assert.deepEqual(kept("2016年12", "张三"), ["张三"]);
});

test("a name with a stroke read as one digit, and names without digits, stay", () => {
  assert.deepEqual(kept("范1玲"), ["范1玲"]);
  assert.deepEqual(kept("欧阳", "晓燕"), ["欧阳", "晓燕"]);
});

test("on the householder page, a date's fragment beside the registrar's signature does not join the name", () => {
  const reading = readFields(
    [
      at("户别", 50, 40),
      at("户主姓名", 400, 40),
      at("户号", 50, 90),
      at("住址", 400, 90),
      at("承办人签章", 50, 200),
      at("范玲", 170, 200),
      at("106日", 260, 200),
      at("签发日期", 400, 240),
    ],
    HOUSEHOLD_HEAD_SPEC,
  );
  assert.equal(reading.fields.get("Registrar")?.text, "范玲");
});

test("a piece of an officer's name that reads as part of a seal's caption is the caption's and is dropped", () => {
  const captions = sealCaptions(["户口登记机关户口专用章", "中华人民共和国公安部制"]);
  assert.deepEqual(captions, ["户口登记机关户口专用章"]);
  const left = (...texts: string[]) =>
    withoutCaptionPieces(pieces(...texts), captions).map((piece) => piece.line.text);
  assert.deepEqual(left("口登记机养"), []);
  assert.deepEqual(left("雀做公业银美户口书"), []);
  assert.deepEqual(left("丁晓燕", "专用"), ["丁晓燕"]);
  assert.deepEqual(left("李和国", "户登"), ["李和国", "户登"], "no two characters of a caption in a row");
});

const afterName = (...texts: string[]) =>
  withoutTextAfterName(pieces(...texts).reverse(), makePageFrame(0)).map((piece) => piece.line.text);

test("a name takes no text after it that makes it too long for a name", () => {
  assert.deepEqual(afterName("盛依诺", "作钢"), ["盛依诺"]);
  assert.deepEqual(afterName("刘强", "山县街通和平号小区元"), ["刘强"]);
});

test("a name printed in two boxes, a collective household's name and a name begun without a surname stay", () => {
  assert.deepEqual(afterName("欧阳", "娜娜"), ["娜娜", "欧阳"]);
  assert.deepEqual(afterName("盂县有限公司", "集体户"), ["集体户", "盂县有限公司"]);
  assert.deepEqual(afterName("桂芳", "工成"), ["工成", "桂芳"]);
});
