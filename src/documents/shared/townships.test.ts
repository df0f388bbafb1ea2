import assert from "node:assert/strict";
import { test } from "node:test";
import { countyAtStart, type PlaceSymbol } from "./divisions.ts";
import { fixTownshipStart, namesTownship, townshipsOf } from "./townships.ts";

/** The address with the township after its county read as the divisions spell it, or `undefined` when left as read. */
function townFixed(text: string | PlaceSymbol[]): string | undefined {
  const read = typeof text === "string" ? Array.from(text, (symbol) => ({ text: symbol })) : text;
  const county = countyAtStart(read.map((symbol) => symbol.text).join(""));
  if (county === undefined) return undefined;
  const after = read.slice(county.length);
  const fixed = fixTownshipStart(after, townshipsOf(county.codes));
  if (fixed === undefined) return undefined;
  return [
    ...read.slice(0, county.length).map((symbol) => symbol.text),
    ...fixed.symbols.map((symbol) => symbol.text),
    ...after.slice(fixed.consumed).map((symbol) => symbol.text),
  ].join("");
}

/** The text's characters read with `confidence`, the one at `at` with `others` among its other readings. */
function readAs(text: string, confidence: number, at = -1, others: [string, number][] = []): PlaceSymbol[] {
  return Array.from(text, (symbol, index) => ({
    text: symbol,
    confidence,
    alternatives: [
      { text: symbol, probability: confidence },
      ...(index === at ? others.map(([other, probability]) => ({ text: other, probability })) : []),
    ],
  }));
}

test("the county an address begins with is found in any form, down to the county", () => {
  assert.deepEqual(countyAtStart("湖南省株洲市渌口区渌口镇胜利路"), { length: 9, codes: ["430212"] });
  assert.deepEqual(countyAtStart("株洲市渌口区渌口镇"), { length: 6, codes: ["430212"] });
  assert.deepEqual(countyAtStart("重庆市綦江区古南街道"), { length: 6, codes: ["500110"] });
  assert.deepEqual(
    countyAtStart("广东省东莞市虎门镇"),
    { length: 6, codes: ["441900"] },
    "a city without counties",
  );
  assert.ok((countyAtStart("朝阳区建国路")?.codes.length ?? 0) > 1, "a county name many places share");
  assert.equal(countyAtStart("湖南省株洲市人民医院"), undefined, "named to its city only");
  assert.equal(countyAtStart("解放路12号"), undefined);
});

test("the townships of a county are the full list of the divisions", () => {
  const names = townshipsOf(["430212"]);
  assert.ok(names.includes("渌口镇"));
  assert.ok(names.length >= 5);
  assert.deepEqual(townshipsOf(["000000"]), []);
});

test("a township with one character lost, extra or misread is spelt as the divisions spell it", () => {
  assert.equal(townFixed("广东省河源市龙川县廻龙镇东风路"), undefined, "read right");
  assert.equal(townFixed("山东省淄博市临淄区闻街道公园路336号"), "山东省淄博市临淄区闻韶街道公园路336号");
  assert.equal(
    townFixed("新疆维吾尔自治区吐鲁番市鄯善县善镇中山路"),
    "新疆维吾尔自治区吐鲁番市鄯善县鄯善镇中山路",
  );
  assert.equal(townFixed("湖南省株洲市渌口区录口镇胜利路"), "湖南省株洲市渌口区渌口镇胜利路");
  assert.equal(townFixed("湖北省荆门市掇刀区摄刀石街道解放路"), "湖北省荆门市掇刀区掇刀石街道解放路");
  assert.equal(townFixed("重庆市綦江区占南街道站前路"), "重庆市綦江区古南街道站前路");
  assert.equal(townFixed("四川省绵阳市游仙区松镇朝阳路"), "四川省绵阳市游仙区松垭镇朝阳路");
});

test("a township is left as read where two fit as well, or none closely, or it is not there", () => {
  assert.equal(
    townFixed("贵州省黔西南布依族苗族自治州安龙县超開街道站前"),
    undefined,
    "two characters misread",
  );
  assert.equal(townFixed("湖南省株洲市渌口区胜利路33号"), undefined, "no township printed");
  assert.equal(townFixed("湖南省株洲市渌口区录口乡胜利路"), undefined, "its suffix read otherwise");
});

test("a township read but for a character the recognizer cannot read is spelt as the divisions spell it", () => {
  // 龙川县 has 廻龙镇 and 龙母镇: 廻 is not in the recognizer's dictionary, so 龙镇 is 廻龙镇 with 廻 lost.
  assert.equal(townFixed("广东省河源市龙川县龙镇东风路"), "广东省河源市龙川县廻龙镇东风路");
  assert.equal(
    townFixed("广东省河源市龙川县迴龙镇东风路"),
    "广东省河源市龙川县廻龙镇东风路",
    "read as another",
  );
  assert.equal(townFixed("四川省绵阳市游仙区小镇朝阳路"), "四川省绵阳市游仙区小枧镇朝阳路");
});

test("a misread character read surely stays unless its other readings name the township", () => {
  assert.equal(townFixed(readAs("湖南省株洲市渌口区录口镇胜利路", 0.99)), undefined);
  assert.equal(
    townFixed(readAs("湖南省株洲市渌口区录口镇胜利路", 0.99, 9, [["渌", 0.004]])),
    "湖南省株洲市渌口区渌口镇胜利路",
  );
  assert.equal(
    townFixed(readAs("重庆市石柱土家族自治县南兵道环城北路", 0.9, 12, [["宾", 0.05]])),
    "重庆市石柱土家族自治县南宾街道环城北路",
    "a character lost and another among the other readings",
  );
});

test("two characters off in a name of three are put right where one is among the other readings", () => {
  assert.equal(
    townFixed(readAs("安徽省马鞍山市当涂县站镇公园路64号", 0.9, 10, [["姑", 0.2]])),
    "安徽省马鞍山市当涂县姑孰镇公园路64号",
    "孰 lost and 姑 read as 站",
  );
  assert.equal(townFixed(readAs("安徽省马鞍山市当涂县站镇公园路64号", 0.9)), undefined, "no reading says 姑");
});

test("a name's last character among its likelier other readings anchors it too", () => {
  assert.equal(
    townFixed(readAs("浙江省台州市天台县赤城街进胜利北路", 0.6, 12, [["道", 0.3]])),
    "浙江省台州市天台县赤城街道胜利北路",
  );
  assert.equal(townFixed(readAs("浙江省台州市天台县赤城街进胜利北路", 0.6)), undefined);
});

test("a township of any county is found after a text's start, and nowhere in a text without one", () => {
  assert.equal(namesTownship("河南省安阳市股都区铁西路街道工业路100号"), true);
  assert.equal(namesTownship("郴州市妇幼保健院"), false);
  assert.equal(namesTownship("渌口镇"), false, "not at the very start");
});
