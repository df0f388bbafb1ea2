import assert from "node:assert/strict";
import { test } from "node:test";
import { findLabels, type LabelSpec } from "./label-matcher.ts";
import { makeTextLine } from "./make-text-line.ts";

const HEAD: LabelSpec[] = [
  { key: "householdType", variants: ["户别"] },
  { key: "householderName", variants: ["户主姓名"] },
  { key: "householdNumber", variants: ["户号"] },
  { key: "address", variants: ["住址"] },
];

test("a label merged with its value is split by character positions", () => {
  const [match] = findLabels([makeTextLine("户主姓名：张三")], HEAD);
  assert.ok(match);
  assert.equal(match.key, "householderName");
  assert.deepEqual([match.start, match.end, match.score, match.atLineStart], [0, 4, 1, true]);
  assert.deepEqual(match.quad[1], { x: 80, y: 0 });
  assert.equal(match.remainder?.text, "张三");
  assert.deepEqual(match.remainder?.quad[0], { x: 100, y: 0 });
});

test("letter-spaced labels match, and the value stops at the next label on the line", () => {
  const matches = findLabels([makeTextLine("户 别  家庭户 户主姓名 张三")], HEAD);
  assert.deepEqual(
    matches.map((match) => [match.key, match.remainder?.text]),
    [
      ["householdType", "家庭户"],
      ["householderName", "张三"],
    ],
  );
});

test("a digit read where a label's last character was lost is left to the value", () => {
  const [match] = findLabels(
    [makeTextLine("出生体2900克")],
    [{ key: "birthWeight", variants: ["出生体重"] }],
  );
  assert.equal(match?.key, "birthWeight");
  assert.deepEqual([match?.start, match?.end], [0, 3]);
  assert.equal(match?.remainder?.text, "2900克");
});

test("OCR confusions are forgiven, scaled to the label's length", () => {
  const [match] = findLabels([makeTextLine("产主姓名")], HEAD);
  assert.equal(match?.key, "householderName");
  assert.ok(match !== undefined && match.score < 1 && match.score > 0.8);
  assert.equal(findLabels([makeTextLine("声号")], HEAD).length, 0, "two characters allow no plain edit");
  assert.equal(findLabels([makeTextLine("产号")], HEAD)[0]?.key, "householdNumber");
});

test("a longer label keeps a shorter one from matching inside it", () => {
  const specs: LabelSpec[] = [
    { key: "otherResidence", variants: ["本市（县）其他住址", "本市(县)其他住址"] },
    { key: "address", variants: ["住址"] },
  ];
  const matches = findLabels([makeTextLine("本市(县)其他住址"), makeTextLine("住 址")], specs);
  assert.deepEqual(
    matches.map((match) => [match.key, match.lineIndex]),
    [
      ["otherResidence", 0],
      ["address", 1],
    ],
  );
});

test("older and newer wordings both match", () => {
  const specs: LabelSpec[] = [{ key: "idCardNumber", variants: ["公民身份号码", "公民身份证件编号"] }];
  const [match] = findLabels([makeTextLine("公民身份证件编号110105194912310021")], specs);
  assert.equal(match?.variant, "公民身份证件编号");
  assert.equal(match?.remainder?.text, "110105194912310021");
});

test("English captions are found, and skipped in a merged value", () => {
  const specs: LabelSpec[] = [
    { key: "neonatalName", variants: ["新生儿姓名"], english: ["Neonatal Name"] },
    { key: "birthWeight", variants: ["出生体重"], english: ["Birth Weight"] },
  ];
  const lines = [
    makeTextLine("新生儿姓名 读光"),
    makeTextLine("Neonatal  Name"),
    makeTextLine("出生体重Birth Weight(g)3450"),
  ];
  const matches = findLabels(lines, specs);
  assert.deepEqual(
    matches.map((match) => [match.key, match.english, match.remainder?.text]),
    [
      ["neonatalName", false, "读光"],
      ["neonatalName", true, undefined],
      ["birthWeight", false, "3450"],
    ],
  );
});

test("a label later in a line is not at its start", () => {
  const [match] = findLabels([makeTextLine("张三 住址 北京市")], HEAD);
  assert.equal(match?.atLineStart, false);
  assert.equal(match?.remainder?.text, "北京市");
});

test("a letter-spaced label cut into two boxes is found across them", () => {
  const box = (left: number, width: number) =>
    [
      { x: left, y: 0 },
      { x: left + width, y: 0 },
      { x: left + width, y: 20 },
      { x: left, y: 20 },
    ] as const;
  const lines = [
    makeTextLine("户", { quad: box(0, 20) }),
    makeTextLine("别 家庭户", { quad: box(60, 120) }),
    makeTextLine("户主姓名张三", { quad: box(200, 120) }),
  ];
  const matches = findLabels(lines, HEAD);
  assert.deepEqual(
    matches.map((match) => [match.key, match.lineIndex, match.joined?.lineIndex, match.remainder?.text]),
    [
      ["householdType", 0, 1, "家庭户"],
      ["householderName", 2, undefined, "张三"],
    ],
  );
  assert.deepEqual(matches[0]?.quad, box(0, 84), "别 is the first of five characters over 120 px");
  assert.deepEqual(matches[0]?.remainder?.quad[0], { x: 108, y: 0 });
});
