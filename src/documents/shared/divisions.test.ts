import assert from "node:assert/strict";
import { test } from "node:test";
import { fixPlacePrefix, matchPlace, restoreLostInside, restorePlaceStart } from "./divisions.ts";

const place = (...texts: string[]) => matchPlace(texts.map((text) => ({ text })))?.value;

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

test("the place an address or hospital begins with is spelt as the divisions spell it, by substitution only", () => {
  assert.equal(
    fixPlacePrefix("辽宁省丹东市风城市蓝旗镇蓝旗村5组39号")?.text,
    "辽宁省丹东市凤城市蓝旗镇蓝旗村5组39号",
  );
  assert.equal(fixPlacePrefix("孙只县妇幼保健院")?.text, "孙吴县妇幼保健院");
  assert.equal(fixPlacePrefix("宜丰具人民医院")?.text, "宜丰县人民医院");
  assert.equal(fixPlacePrefix("广东省云浮市云城区云城街道"), undefined, "read right");
  assert.equal(fixPlacePrefix("长沙市岳麓区望月湖街道"), undefined, "no province printed, none added");
  assert.equal(fixPlacePrefix("湖南省长沙县"), undefined, "a county is not made a city");
  assert.equal(fixPlacePrefix("北京市第一人民医院"), undefined);
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

test("characters a long place name lost inside it are put back, when only one place fits", () => {
  assert.deepEqual(restoreLostInside("云南省怒江族自治州福贡县鹿马登乡鹿马登村7组19号"), {
    text: "云南省怒江傈僳族自治州福贡县鹿马登乡鹿马登村7组19号",
    added: "傈僳",
    at: 5,
  });
  assert.equal(restoreLostInside("云南省怒江傈僳族自治州福贡县鹿马登乡"), undefined, "read whole");
  assert.equal(restoreLostInside("湖南省长沙市岳麓区望月湖街道"), undefined, "read whole");
  assert.equal(
    restoreLostInside("湖南省长沙岳麓区望月湖街道"),
    undefined,
    "a suffix alone may have been left out",
  );
  assert.equal(restoreLostInside("湖南省攸县"), undefined, "too short to tell");
  assert.equal(restoreLostInside("怒江族自治州福贡县"), undefined, "no province: not this rule's");
});
