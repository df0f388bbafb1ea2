import assert from "node:assert/strict";
import { test } from "node:test";
import type { CharAlternative } from "../../types.ts";
import { decodeSealName } from "./decode-seal-name.ts";

/** Slots read surely as the given characters, each with the extra candidates given for its index. */
function slots(
  text: string,
  extra: Record<number, [string, number][]> = {},
  sure = 0.9,
): CharAlternative[][] {
  return Array.from(text).map((char, index) => [
    { text: char, probability: sure },
    ...(extra[index] ?? []).map(([t, p]) => ({ text: t, probability: p })),
  ]);
}

const decoded = (glyphs: CharAlternative[][]) =>
  decodeSealName(glyphs)
    ?.chars.map((c) => c.text)
    .join("");

test("the closing 之印, 印 or 章 is not part of the name", () => {
  assert.equal(decoded(slots("刘淼之印")), "刘淼");
  assert.equal(decoded(slots("张俊杰印")), "张俊杰");
  assert.equal(decoded(slots("王强之章")), "王强");
  assert.equal(decoded(slots("令狐晓燕")), "令狐晓燕");
  assert.equal(decoded(slots("刘淼")), "刘淼");
});

test("之 stays when no 印 closes the seal, and a two-glyph seal is all name", () => {
  assert.equal(decoded(slots("王之涣")), "王之涣");
  assert.equal(decoded(slots("印刚")), "印刚");
});

test("a last glyph the recogniser thought possibly 印 closes the seal; barely possibly, it does not", () => {
  assert.equal(decoded(slots("刘淼卬", { 2: [["印", 0.2]] })), "刘淼");
  assert.equal(decoded(slots("刘建卬", { 2: [["印", 0.0001]] })), "刘建卬");
});

test("a four-glyph seal closes with 印 after 之, or after an unsure last glyph; a compound surname's name is whole", () => {
  assert.equal(decoded(slots("赵娜之里")), "赵娜");
  const unsure = slots("李红卫");
  unsure.push([{ text: "理", probability: 0.3 }]);
  assert.equal(decoded(unsure), "李红卫");
  assert.equal(decoded(slots("欧阳晓燕")), "欧阳晓燕");
});

test("each glyph is chosen among its candidates with the name priors, blank or junk best readings included", () => {
  // 华 is a rarer surname than 郑; 星 in a given name is rare against 强, seen nearly as likely.
  const unsureFirst = slots("华红卫印");
  unsureFirst[0] = [
    { text: "华", probability: 0.5 },
    { text: "郑", probability: 0.4 },
  ];
  assert.equal(decoded(unsureFirst), "郑红卫");
  const blurred = slots("李", {}, 0.9);
  blurred.push([
    { text: "星", probability: 0.35 },
    { text: "强", probability: 0.3 },
  ]);
  assert.equal(decoded(blurred), "李强");
  // A glyph whose candidates hold no name character still yields its likeliest reading: the name is unsure.
  const junk = decodeSealName([[{ text: "李", probability: 0.9 }], [{ text: "屋", probability: 0.2 }]]);
  assert.equal(junk?.chars.map((c) => c.text).join(""), "李屋");
  assert.ok(Math.abs((junk?.probability ?? 0) - 0.18) < 1e-9);
});

test("the name's probability is the recogniser's alone, each character kept with its slot", () => {
  const result = decodeSealName(slots("张三之印", {}, 0.8));
  assert.deepEqual(
    result?.chars.map((c) => [c.text, c.slot]),
    [
      ["张", 0],
      ["三", 1],
    ],
  );
  assert.ok(Math.abs((result?.probability ?? 0) - 0.64) < 1e-9);
});

test("nothing to read, or a lone glyph, names no one; Latin candidates are passed over", () => {
  assert.equal(decodeSealName([]), undefined);
  assert.equal(decodeSealName(slots("李")), undefined);
  assert.equal(
    decoded([
      [
        { text: "A", probability: 0.9 },
        { text: "王", probability: 0.1 },
      ],
      ...slots("芳"),
    ]),
    "王芳",
  );
});

test("a glyph read surely stands, whatever the priors say", () => {
  // 喆 read at 0.95 is kept though 明 is the commoner name character; 蛄 (no name character) read at 0.6 gives way.
  assert.equal(decoded(slots("张喆", { 1: [["明", 0.04]] }, 0.95)), "张喆");
  const unsure = slots("张", {}, 0.95);
  unsure.push([
    { text: "蛄", probability: 0.6 },
    { text: "明", probability: 0.2 },
  ]);
  assert.equal(decoded(unsure), "张明");
});
