import assert from "node:assert/strict";
import { test } from "node:test";
import {
  fixPlaceStart,
  matchPlace,
  type PlaceSymbol,
  placeForms,
  placesBelow,
  provinceBefore,
  restorePlaceStart,
} from "./divisions.ts";

const place = (...texts: string[]) => matchPlace(texts.map((text) => ({ text })))?.value;

/** The text with its start fixed by `fixPlaceStart`, or `undefined` when it is left as read. */
function startFixed(
  text: string | PlaceSymbol[],
  preferred: ReadonlyMap<string, number> = new Map(),
): { text: string } | undefined {
  const read = typeof text === "string" ? Array.from(text, (symbol) => ({ text: symbol })) : text;
  const fixed = fixPlaceStart(read, preferred);
  if (fixed === undefined) return undefined;
  const rest = read.slice(fixed.consumed).map((symbol) => symbol.text);
  return { text: [...fixed.symbols.map((symbol) => symbol.text), ...rest].join("") };
}

test("the boxes of a birth place read right are kept; misread ones are fixed", () => {
  assert.equal(place("广东省", "云浮市", "云城区"), "广东省云浮市云城区");
  assert.equal(place("湖南省", "林洲市", "攸县"), "湖南省株洲市攸县");
  assert.equal(place("甘肃省", "天水", "清水具"), "甘肃省天水市清水县");
});

test("a box not read is filled in, boxes out of order are ordered, captions' remnants left out", () => {
  assert.equal(place("丹东市", "凤城市"), "辽宁省丹东市凤城市");
  assert.equal(place("宿豫区", "江苏省"), "江苏省宿迁市宿豫区");
  assert.equal(place("北京市", "丰台区"), "北京市北京市丰台区", "a municipality prints its name as the city");
  assert.equal(place("湖南省", "邵阳市", "双清区", "C内"), "湖南省邵阳市双清区");
  assert.equal(place("甘肃省", "清水具"), "甘肃省天水市清水县", "a box lost and 县 read as 具");
  assert.equal(place("江苏省", "彩电话", "宿豫区"), "江苏省宿迁市宿豫区", "a box misread whole");
});

test("too little to go on, or too far from any place, gives nothing", () => {
  assert.equal(place("浙江省", "绍兴市"), undefined, "which county is not known");
  assert.equal(place("州吉", "从江A", "00"), undefined);
  assert.equal(place(), undefined);
});

test("a surely read suffix is not changed into another", () => {
  // 蓬莱市 became 蓬莱区 in 2020; an older certificate read surely says 市.
  const sure = matchPlace([
    { text: "山东省", confidences: [1, 1, 1] },
    { text: "烟台市", confidences: [1, 1, 1] },
    { text: "蓬莱市", confidences: [1, 1, 1] },
  ]);
  assert.notEqual(sure?.value, "山东省烟台市蓬莱区");
});

test("the place an address or hospital begins with is spelt as the divisions spell it", () => {
  assert.equal(
    startFixed("辽宁省丹东市风城市蓝旗镇蓝旗村5组39号")?.text,
    "辽宁省丹东市凤城市蓝旗镇蓝旗村5组39号",
  );
  assert.equal(startFixed("孙只县妇幼保健院")?.text, "孙吴县妇幼保健院");
  assert.equal(startFixed("宜丰具人民医院")?.text, "宜丰县人民医院");
  assert.equal(startFixed("广东省云浮市云城区云城街道"), undefined, "read right");
  assert.equal(startFixed("长沙市岳麓区望月湖街道"), undefined, "no province printed, none added");
  assert.equal(startFixed("湖南省长沙县"), undefined, "a county is not made a city");
  assert.equal(startFixed("北京市第一人民医院"), undefined);
});

test("a province's lost first characters are put back, and one stray character before a province is dropped", () => {
  assert.deepEqual(restorePlaceStart("东省德州市乐陵市市中街道"), {
    text: "山东省德州市乐陵市市中街道",
    added: "山",
    dropped: 0,
  });
  assert.equal(restorePlaceStart("龙江省齐齐哈尔市甘南县东阳镇")?.text, "黑龙江省齐齐哈尔市甘南县东阳镇");
  assert.equal(restorePlaceStart("江省金华市磐安县")?.text, "浙江省金华市磐安县");
  assert.equal(restorePlaceStart("京市海淀区中关村")?.text, "北京市海淀区中关村");
  assert.deepEqual(restorePlaceStart("责贵州省黔西南布依族苗族自治州晴隆县"), {
    text: "贵州省黔西南布依族苗族自治州晴隆县",
    added: "",
    dropped: 1,
  });
});

test("a text that begins with a place, or with no province's tail and city, is left as read", () => {
  assert.equal(restorePlaceStart("山东省德州市乐陵市"), undefined);
  assert.equal(restorePlaceStart("德州市乐陵市市中街道"), undefined, "no province printed, none added");
  assert.equal(
    restorePlaceStart("东省人民医院"),
    undefined,
    "no city after the tail: which province is not known",
  );
  assert.equal(restorePlaceStart("东风路12号"), undefined);
  assert.equal(restorePlaceStart("江苏路"), undefined);
});

test("characters a place name lost inside it are put back, when only one place fits", () => {
  assert.equal(
    startFixed("云南省怒江族自治州福贡县鹿马登乡鹿马登村7组19号")?.text,
    "云南省怒江傈僳族自治州福贡县鹿马登乡鹿马登村7组19号",
  );
  assert.equal(
    startFixed("河北省保定市水县娄村镇娄村村4组31号")?.text,
    "河北省保定市涞水县娄村镇娄村村4组31号",
  );
  assert.equal(startFixed("云南省怒江傈僳族自治州福贡县鹿马登乡"), undefined, "read whole");
  assert.equal(startFixed("湖南省长沙市岳麓区望月湖街道"), undefined, "read whole");
  assert.equal(startFixed("湖南省长沙岳麓区望月湖街道"), undefined, "a suffix alone may have been left out");
  assert.equal(
    startFixed("怒江族自治州福贡县")?.text,
    "怒江傈僳族自治州福贡县",
    "no province printed: none added",
  );
  assert.equal(
    startFixed("河南省驻马店市平奥县高杨店镇")?.text,
    "河南省驻马店市平舆县高杨店镇",
    "a misread character is not taken for lost ones",
  );
});

test("the recognizer's other readings of a character decide between places one edit away", () => {
  const read = (text: string, at: number, alternative: string, confidence = 0.86): PlaceSymbol[] =>
    Array.from(text, (symbol, index) =>
      index === at
        ? { text: symbol, confidence, alternatives: [{ text: alternative, probability: 0.12 }] }
        : { text: symbol, confidence: 0.99 },
    );
  // 峰城区 is one edit from both 峄城区 and 薛城区 of 枣庄市; 峰 was read with 峄 as its next reading.
  assert.equal(startFixed("山东省枣庄市峰城区坛山街道"), undefined, "without alternatives: two places fit");
  assert.equal(startFixed(read("山东省枣庄市峰城区坛山街道", 6, "峄"))?.text, "山东省枣庄市峄城区坛山街道");
  assert.equal(startFixed(read("重庆市基江区古南街道", 3, "綦", 0.77))?.text, "重庆市綦江区古南街道");
});

test("a place another field of the page names may take more edits", () => {
  const preferred = new Map(placeForms("湖南省郴州市嘉禾县行廊镇解放路116号").map((form) => [form, 1]));
  assert.ok(preferred.has("湖南省郴州市嘉禾县"));
  assert.equal(startFixed("湖南省邢州市路天县珠泉镇"), undefined, "too far from any place alone");
  assert.equal(startFixed("湖南省邢州市路天县珠泉镇", preferred)?.text, "湖南省郴州市嘉禾县珠泉镇");
  assert.equal(
    startFixed("湖南省长沙市岳麓区望月湖街道", preferred),
    undefined,
    "a place read exactly stays whatever the page names",
  );
});

test("the forms of the place a text begins with", () => {
  assert.deepEqual(placeForms("郴州市妇幼保健院").sort(), ["湖南省郴州市", "郴州市"].sort());
  assert.deepEqual(placeForms("朝阳区人民医院"), [], "a county name many places share");
  assert.deepEqual(placeForms("人民医院"), []);
});

test("a birth place read from its county alone, its other readings, or the page's other places", () => {
  assert.equal(place("沭阳县"), "江苏省宿迁市沭阳县", "a county named one way only in the country");
  assert.equal(place("朝阳区"), undefined, "a county name many places share");
  const boxes = (alternatives: { text: string; probability: number }[]) => [
    { text: "山东省" },
    { text: "枣庄市" },
    { text: "峰城区", confidences: [0.86, 0.99, 0.99], alternatives: [alternatives, [], []] },
  ];
  assert.equal(matchPlace(boxes([])), undefined, "峄城区 and 薛城区 are one edit away alike");
  assert.equal(matchPlace(boxes([{ text: "峄", probability: 0.12 }]))?.value, "山东省枣庄市峄城区");
  const pieces = ["湖北省", "市C快", "用", "L", "区"].map((text) => ({ text }));
  assert.equal(matchPlace(pieces), undefined, "too little read to tell");
  const named = new Map(placeForms("湖北省荆门市掇刀区团林铺镇").map((form) => [form, 2]));
  assert.equal(matchPlace(pieces, named)?.value, "湖北省荆门市掇刀区", "named by two other fields");
});

test("a birth place read exactly costs nothing, whatever readings the recognizer lists besides", () => {
  // The recognizer lists the chosen reading first among a character's alternatives.
  const text = "四川省雅安市名山区";
  const exact = matchPlace([
    {
      text,
      confidences: Array.from(text, () => 0.9),
      alternatives: Array.from(text, (symbol) => [
        { text: symbol, probability: 0.9 },
        { text: "口", probability: 0.05 },
      ]),
    },
  ]);
  assert.deepEqual(exact, { value: text, cost: 0 });
});

test("the province a text beginning with a city or a municipality's district names none of", () => {
  assert.equal(provinceBefore("遂宁市射洪市太和街道"), "四川省");
  assert.equal(provinceBefore("滨海新区塘沽街道健康西路"), "天津市");
  assert.equal(provinceBefore("四川省遂宁市射洪市"), undefined, "a province named already");
  assert.equal(provinceBefore("中山路12号"), undefined, "no place");
});

test("the places below the province or city a text begins with", () => {
  const below = placesBelow("云南省临沧市双江制粘族");
  assert.equal(below?.length, 6);
  assert.ok(below?.places.some((place) => place.rest === "双江拉祜族佤族布朗族傣族自治县"));
  assert.ok(below?.places.every((place) => !place.rest.includes("临沧市")));
  assert.equal(placesBelow("云南省临沧市云县茂兰镇"), undefined, "a county named already");
  assert.ok(placesBelow("云南省西双")?.places.some((place) => place.rest === "西双版纳傣族自治州景洪市"));
});
