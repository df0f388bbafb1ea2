import assert from "node:assert/strict";
import { test } from "node:test";
import type { FieldSpec } from "./field-spec.ts";
import { makeTextLine } from "./make-text-line.ts";
import { isNoAnswer, normaliseValue } from "./normalise-value.ts";

const field = (kind: FieldSpec["kind"], extra: Partial<FieldSpec> = {}): FieldSpec => ({
  key: "test",
  labels: ["测试"],
  kind,
  ...extra,
});
const value = (raw: string, spec: FieldSpec) => normaliseValue(raw, spec).value;

test("white space is removed and a blank value stays blank", () => {
  assert.equal(value(" 广东省 广州市 荔湾区 ", field("text")), "广东省广州市荔湾区");
  assert.equal(value("：张 三", field("name")), "张三");
  assert.deepEqual(normaliseValue("  ", field("date")), { value: "", confidence: 1, valid: true });
});

test("dates and birth times are written the service's way", () => {
  assert.equal(value("2012.4.17", field("date")), "2012年04月17日");
  assert.deepEqual(normaliseValue("无迁移", field("date")), {
    value: "无迁移",
    confidence: 0.5,
    valid: false,
  });
  assert.equal(value("2019年6月26日 9时28分", field("birth-time")), "2019年06月26日09时28分");
});

test("numbers lose the unit the seeds drop; stature keeps what is printed", () => {
  assert.equal(value("3450克", field("number", { units: ["克", "g"] })), "3450");
  assert.equal(value("50 厘米", field("number", { units: ["厘米"] })), "50");
  assert.equal(value("33岁", field("number")), "33");
  assert.equal(value("026", field("number")), "26", "no measure is printed with a leading zero");
  assert.equal(value("175厘米", field("text")), "175厘米");
  assert.equal(normaliseValue("三十", field("number")).valid, false);
});

test("gestational age keeps weeks and days as weeks+days", () => {
  const spec = field("gestational-age", { units: ["周"] });
  const cases: [string, string][] = [
    ["39周", "39"],
    ["39⁺³", "39+3"],
    ["39+3", "39+3"],
    ["39＋3周", "39+3"],
    ["39周+3天", "39+3"],
    ["39周3天", "39+3"],
  ];
  for (const [printed, expected] of cases) {
    assert.deepEqual(normaliseValue(printed, spec), { value: expected, confidence: 1, valid: true }, printed);
  }
  assert.deepEqual(normaliseValue("393", spec), { value: "39+3", confidence: 0.8, valid: true });
  assert.equal(normaliseValue("99", spec).valid, false);
});

test("ID numbers get an upper-case X and are re-decoded from alternatives when invalid", () => {
  assert.equal(value("11010519491231002x", field("id-number")), "11010519491231002X");
  const line = makeTextLine("510822198001110255", { alternatives: { 3: [{ text: "5", probability: 0.3 }] } });
  assert.deepEqual(normaliseValue(line.text, field("id-number"), line.chars), {
    value: "510522198001110255",
    confidence: 0.85,
    valid: true,
  });
  assert.equal(normaliseValue("510822198001110255", field("id-number")).valid, false);
  assert.equal(value("E12345678", field("id-number")), "E12345678");
});

test("vocabulary values: as printed, one-off corrected, 0型 read as O型", () => {
  const blood = field("vocabulary", { vocabulary: "bloodGroup" });
  assert.deepEqual(normaliseValue("0型", blood), { value: "O型", confidence: 1, valid: true });
  assert.equal(value("汉", field("vocabulary", { vocabulary: "ethnicity" })), "汉");
  assert.equal(value("葬族", field("vocabulary", { vocabulary: "ethnicity" })), "彝族");
  assert.equal(normaliseValue("工人", field("vocabulary", { vocabulary: "marital" })).valid, false);
});

test("digit fields map look-alike letters; certificate numbers keep their letter", () => {
  assert.equal(value("OOO028901", field("digits")), "000028901");
  assert.equal(value("g45535843", field("digits")), "945535843");
  assert.equal(value("1Z3S6b7B9q", field("digits")), "1235667899");
  assert.equal(value("t5OO100391", field("certificate-number")), "T500100391");
  assert.equal(normaliseValue("T50010039", field("certificate-number")).valid, false);
  assert.equal(value("5356837108", field("certificate-number")), "S356837108", "the letter read as a digit");
  assert.equal(value("FX360376935", field("certificate-number")), "X360376935", "a stray mark before it");
  assert.equal(normaliseValue("1417894652", field("certificate-number")).valid, false, "1 is I, J, L or T");
});

test("a letter in a digit field becomes the digit the recognizer found likeliest for it, else its look-alike", () => {
  const digits = field("digits");
  const read = (alternatives: { text: string; probability: number }[]) =>
    makeTextLine("B20441395", { confidences: { 0: 0.67 }, alternatives: { 0: alternatives } }).chars;
  const ruled = read([
    { text: "3", probability: 0.26 },
    { text: "8", probability: 0.05 },
  ]);
  assert.deepEqual(normaliseValue("B20441395", digits, ruled), {
    value: "320441395",
    confidence: 0.8,
    valid: true,
  });
  assert.equal(normaliseValue("320441395", digits).confidence, 1, "digits read as digits are sure");
  assert.equal(normaliseValue("B20441395", digits, read([])).value, "820441395", "no digit among them");
  const faint = read([{ text: "3", probability: 0.005 }]);
  assert.equal(normaliseValue("B20441395", digits, faint).value, "820441395", "too unlikely to count");
});

test("a Chinese name drops Latin letters and digits read from captions or neighbours", () => {
  assert.equal(value("彭婷婷R", field("name")), "彭婷婷");
  assert.equal(value("李雨欣6", field("name")), "李雨欣");
  assert.equal(value("阿依古丽·买买提", field("name")), "阿依古丽·买买提");
  assert.equal(value("周：海洋", field("name")), "周海洋", "a signature's gap read as a colon");
  assert.equal(value("John Smith", field("name")), "JohnSmith", "a name in Latin letters stays as read");
  assert.equal(value("D", field("name")), "", "one Latin letter is a speck, not a name");
  assert.equal(value("李", field("name")), "李");
});

test("a vocabulary reading that is no entry is kept for review, unless read with hardly any certainty", () => {
  const education = field("vocabulary", { vocabulary: "education" });
  const read = (text: string, confidence: number) => makeTextLine(text, { confidence }).chars;
  assert.equal(normaliseValue("婚肤品", education, read("婚肤品", 0.14)).value, "");
  assert.equal(normaliseValue("婚肤品", education, read("婚肤品", 0.6)).value, "婚肤品");
  assert.equal(
    normaliseValue("高中", education, read("高中", 0.2)).value,
    "高中",
    "an entry read unsure stays",
  );
});

test("a box's stroke read before a number is not part of it", () => {
  assert.equal(value("[28", field("number", { units: ["岁"] })), "28");
  assert.equal(value("28岁", field("number", { units: ["岁"] })), "28");
});

test("an ID number read with print round it is cut out; one with its first digit lost is completed", () => {
  assert.equal(
    value("必自有证口护国口共他#作号码210682199103050367", field("id-number")),
    "210682199103050367",
  );
  assert.equal(value("140428198611118282B1S", field("id-number")), "140428198611118282");
  const completed = normaliseValue("60924199409174982", field("id-number"));
  assert.equal(completed.value, "360924199409174982");
  assert.ok(completed.confidence < 1);
});

test("a number out of its field's range is doubted, not refused", () => {
  const weight = field("number", { units: ["克"], range: [300, 7000] });
  assert.deepEqual(normaliseValue("3450克", weight), { value: "3450", confidence: 1, valid: true });
  const lost = normaliseValue("13575", weight);
  assert.equal(lost.value, "13575");
  assert.equal(lost.valid, false);
});

test("marks round a gestational age are dropped; a neighbour's number after it is doubted", () => {
  assert.equal(value("41·周", field("gestational-age", { units: ["周"] })), "41");
  assert.equal(value("41+5商", field("gestational-age", { units: ["周"] })), "41+5");
  const merged = normaliseValue("-37+547", field("gestational-age", { units: ["周"] }));
  assert.equal(merged.value, "37+5");
  assert.equal(merged.valid, false);
});

test("an ID number read with a neighbour's value after it, or one character short, is repaired", () => {
  const merged = makeTextLine("410611194701124628尚1月1厘米");
  assert.deepEqual(normaliseValue(merged.text, field("id-number"), merged.chars), {
    value: "410611194701124628",
    confidence: 0.9,
    valid: true,
  });
  const short = makeTextLine("3050319930508728X");
  const repaired = normaliseValue(short.text, field("id-number"), short.chars);
  assert.equal(repaired.value, "13050319930508728X");
  assert.ok(repaired.valid && repaired.confidence < 0.85, "a put-back character is doubted more than a swap");
});

test("a date with noise around it or a year short of its first digit is repaired, and doubted", () => {
  assert.deepEqual(normaliseValue("102006年11月27日", field("date")), {
    value: "2006年11月27日",
    confidence: 0.75,
    valid: true,
  });
  assert.equal(value("982年08月09日", field("date")), "1982年08月09日");
});

test("a vocabulary field's reading of digits or letters no entry contains is left blank", () => {
  const military = field("vocabulary", { vocabulary: "military" });
  assert.deepEqual(normaliseValue("155", military), { value: "", confidence: 1, valid: false });
  assert.equal(value("8", field("vocabulary", { vocabulary: "bloodGroup" })), "");
  assert.equal(value("AB", field("vocabulary", { vocabulary: "bloodGroup" })), "AB", "shares letters: kept");
  assert.equal(value("未服兵", military), "未服兵役", "Chinese is never dropped");
});

test("a name read as digits alone is left blank", () => {
  assert.equal(value("1", field("name")), "");
  assert.equal(value("张三", field("name")), "张三");
  assert.equal(value("ZHANG San", field("name")), "ZHANGSan");
});

test("the strokes of a parent not given survive as the print code's filler, where the field has one", () => {
  const name = field("name", { struck: { group: "father", filler: "///" } });
  const age = field("number", { range: [12, 80], struck: { group: "father", filler: "//" } });
  const ethnicity = field("vocabulary", {
    vocabulary: "ethnicity",
    struck: { group: "father", filler: "//" },
  });
  const id = field("id-number", { struck: { group: "father", filler: "/".repeat(18) } });
  assert.deepEqual(normaliseValue("///", name), { value: "///", confidence: 1, valid: true });
  assert.deepEqual(normaliseValue("/ /", age), { value: "//", confidence: 1, valid: true });
  assert.equal(value("／／", ethnicity), "//");
  // An ethnicity not given is a single stroke (domain.md §2.2).
  assert.equal(value("/", ethnicity), "/");
  assert.equal(value("/".repeat(18), id), "/".repeat(18));
  // Miscounted strokes are the filler, doubted.
  assert.deepEqual(normaliseValue("//", name), { value: "///", confidence: 0.8, valid: true });
  // Without a filler, strokes are no name.
  assert.equal(value("///", field("name")), "");
  assert.equal(value("//", field("vocabulary", { vocabulary: "ethnicity" })), "");
});

test("a set phrase ending free text, read with one look-alike character, is put back; other text is kept", () => {
  const moved = field("text", { endings: ["迁来", "迁入"] });
  assert.deepEqual(normaliseValue("2005年02月由本市适来", moved), {
    value: "2005年02月由本市迁来",
    confidence: 0.9,
    valid: true,
  });
  assert.equal(value("2000年10月由河北省衡水市安平县迁米", moved), "2000年10月由河北省衡水市安平县迁来");
  assert.equal(value("购房迁人", moved), "购房迁入");
  for (const kept of ["2005年02月由本市迁来", "婚迁", "投靠", "由本市适米", "由本市过来", "米"])
    assert.equal(value(kept, moved), kept);
  assert.equal(value("由本市适来", field("text")), "由本市适来", "only fields that end with the phrase");
});

test("a Chinese name is re-read with the surname and name-character priors, its confidence lowered", () => {
  const line = makeTextLine("潭蜂", {
    confidences: { 0: 0.5, 1: 0.4 },
    alternatives: { 0: [{ text: "谭", probability: 0.4 }], 1: [{ text: "娜", probability: 0.2 }] },
  });
  const read = normaliseValue(line.text, field("name"), line.chars);
  assert.equal(read.value, "谭娜");
  assert.ok(Math.abs(read.confidence - 0.8 * 0.5) < 1e-9);
  const sure = makeTextLine("李文杰", { alternatives: { 2: [{ text: "盗", probability: 0.01 }] } });
  assert.deepEqual(normaliseValue(sure.text, field("name"), sure.chars), {
    value: "李文杰",
    confidence: 1,
    valid: true,
  });
  const transliterated = makeTextLine("阿依古丽·买买提", {
    confidence: 0.5,
    alternatives: { 0: [{ text: "何", probability: 0.4 }] },
  });
  assert.equal(
    normaliseValue(transliterated.text, field("name"), transliterated.chars).value,
    "阿依古丽·买买提",
  );
});

test("a Chinese name drops the punctuation and symbols a ruling or a smear was read as", () => {
  assert.equal(value("杨丽娟」", field("name")), "杨丽娟");
  assert.equal(value("『修语#", field("name")), "修语");
  assert.equal(value("阿依古丽·买买提", field("name")), "阿依古丽·买买提");
});

test("a word of the forms' vocabularies read in a name's cell is no name", () => {
  assert.equal(value("中国", field("name")), "");
  assert.equal(value("汉族", field("name")), "");
  assert.equal(value("中国华", field("name")), "中国华");
});

test("a surname read as a Latin letter is taken from its alternatives when the rest begins no name", () => {
  const read = makeTextLine("H保国", {
    confidences: { 0: 0.92 },
    alternatives: { 0: [{ text: "卜", probability: 0.018 }] },
  });
  const named = normaliseValue(read.text, field("name"), read.chars);
  assert.equal(named.value, "卜保国");
  assert.ok(named.confidence < 0.7, "doubted");
  // After a surname the letter is a caption's remnant and goes; without a surname alternative it goes too.
  const caption = makeTextLine("R李红", { alternatives: { 0: [{ text: "卜", probability: 0.05 }] } });
  assert.equal(normaliseValue(caption.text, field("name"), caption.chars).value, "李红");
  const bare = makeTextLine("H保国", { alternatives: { 0: [{ text: "片", probability: 0.05 }] } });
  assert.equal(normaliseValue(bare.text, field("name"), bare.chars).value, "保国");
  // Not what given names hold after it (the letter before a word of the form): nothing is added.
  const word = makeTextLine("H登记", { alternatives: { 0: [{ text: "卜", probability: 0.05 }] } });
  assert.equal(normaliseValue(word.text, field("name"), word.chars).value, "登记");
});

test("an ID number read on into the next cell, or with an old number's digit lost, is still found", () => {
  // The stature's label (身高) and the stature (171) read on after the number in one box.
  assert.equal(value("5227261985041031619高", field("id-number")), "522726198504103161");
  assert.equal(value("6110211953060979099171", field("id-number")), "611021195306097909");
  assert.ok(normaliseValue("6110211953060979099171", field("id-number")).confidence < 1);
  // A 15-digit number that lost its first digit: only 37 of x7 is a province.
  assert.equal(value("70305730220215", field("id-number")), "370305730220215");
  // Neither end valid: left as read, doubted.
  assert.equal(normaliseValue("5227261985041031629高", field("id-number")).valid, false);
});

test("free text one unsure or look-alike character off one of its field's common words is taken for it", () => {
  const occupation = field("text", { commonWords: ["干部", "工人", "退休", "学生", "工程师"] });
  const read = (text: string, confidences: Record<number, number>) =>
    normaliseValue(text, occupation, makeTextLine(text, { confidences }).chars);
  assert.equal(read("开部", { 0: 0.77 }).value, "干部", "an unsure character");
  assert.equal(read("千部", { 0: 0.99 }).value, "干部", "a known look-alike, however sure");
  assert.equal(read("退体", { 1: 0.85 }).value, "退休");
  assert.equal(read("牛程师", { 0: 0.6 }).value, "工程师");
  const sureAlternative = normaliseValue(
    "退体",
    occupation,
    makeTextLine("退体", { alternatives: { 1: [{ text: "休", probability: 0.02 }] } }).chars,
  );
  assert.equal(sureAlternative.value, "退休", "the word's character among the alternatives");
  assert.ok(sureAlternative.confidence < 1);
});

test("free text read surely, far from the common words, or near several stays as read", () => {
  const occupation = field("text", { commonWords: ["干部", "工人", "退休", "工长", "工头"] });
  const read = (text: string, confidences: Record<number, number> = {}) =>
    normaliseValue(text, occupation, makeTextLine(text, { confidences }).chars).value;
  assert.equal(read("退体"), "退体", "the differing character read surely, and no look-alike");
  assert.equal(read("干部"), "干部");
  assert.equal(read("厨师"), "厨师");
  assert.equal(read("工匠", { 1: 0.5 }), "工匠", "near 工人, 工长 and 工头 alike");
  assert.equal(read("医生"), "医生");
  assert.equal(value("开部", field("text")), "开部", "a field without common words");
});

test("the small raised + of a gestational age's days read as t, f or 十 is the +", () => {
  const spec = field("gestational-age", { units: ["周"] });
  assert.equal(value("29t0", spec), "29+0");
  assert.equal(value("29 f0周", spec), "29+0");
  assert.equal(value("38十4", spec), "38+4");
  assert.equal(value("29tO", spec), "29+0", "a day 0 read as the letter O");
  assert.equal(value("38t", spec), "38", "no day after it: a stray mark");
  assert.equal(value("38t9", spec), "38t9", "no day of a week");
});

test("readings that are no answer: numbers without a digit, dates with digits among what no date holds", () => {
  assert.equal(isNoAnswer(value("助", field("number")), "number"), true, "a seal's character in an age cell");
  assert.equal(isNoAnswer(value("米", field("number", { units: ["厘米"] })), "number"), true);
  assert.equal(
    isNoAnswer(value("//", field("number")), "number"),
    false,
    "the print code's fillers are answers",
  );
  assert.equal(isNoAnswer(value("未提供", field("number")), "number"), false);
  assert.equal(isNoAnswer(value("33", field("number")), "number"), false);
  for (const garbage of ["PO20UC36356769", "品18日", "201年期05", "i月29日"])
    assert.equal(isNoAnswer(value(garbage, field("date")), "date"), true, garbage);
  assert.equal(isNoAnswer(value("2014HEN76Y用a8", field("birth-time")), "birth-time"), true);
  for (const partial of ["2018", "2016年", "无迁移", "2012.4.17"])
    assert.equal(isNoAnswer(value(partial, field("date")), "date"), false, partial);
  assert.equal(isNoAnswer(value("2021年时18", field("birth-time")), "birth-time"), false);
  assert.equal(isNoAnswer("张三", "name"), false);
});
