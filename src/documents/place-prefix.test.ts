import assert from "node:assert/strict";
import { test } from "node:test";
import type { TextLine } from "../types.ts";
import { fixAddressPieces, refineFoundPlaces } from "./place-prefix.ts";
import { textLineAt as at } from "./shared/make-text-line.ts";
import { pageFrameOf } from "./shared/page-frame.ts";
import type { ValuePiece } from "./shared/value-pieces.ts";

function address(lines: TextLine[]): string {
  const pieces: ValuePiece[] = lines.map((line, lineIndex) => ({ line, lineIndex }));
  return fixAddressPieces(pieces, pageFrameOf(lines))
    .map((piece) => piece.line.text)
    .join("");
}

test("a county read surely but wrong is put right where its own township follows it", () => {
  assert.equal(
    address([at("河南省安阳市股都区铁西路街道工业路100号", 100, 100)]),
    "河南省安阳市殷都区铁西路街道工业路100号",
  );
  assert.equal(
    address([at("陕西省西安市鄂邑区大王街道中山路228号", 100, 100)]),
    "陕西省西安市鄠邑区大王街道中山路228号",
  );
  assert.equal(
    address([at("河南省安阳市股都区工业路100号", 100, 100)]),
    "河南省安阳市股都区工业路100号",
    "no township to say which county it is",
  );
});

test("the township after the county is put right across the pieces of the address", () => {
  assert.equal(
    address([at("山东省淄博市临淄区闻", 100, 100), at("街道公园路336号", 100, 140)]),
    "山东省淄博市临淄区闻韶街道公园路336号",
  );
  assert.equal(
    address([at("广东省惠州市惠阳区淡水街道健康一路8号", 100, 100)]),
    "广东省惠州市惠阳区淡水街道健康一路8号",
  );
});

test("an address's house number is read as its structure says across its pieces", () => {
  assert.equal(
    address([
      at("贵州省毕节市七星关区朱昌镇黄河南路32号2603室", 100, 100),
      at("烟加", 700, 100, { confidences: { 0: 0.27, 1: 0.34 } }),
    ]),
    "贵州省毕节市七星关区朱昌镇黄河南路32号2603室",
  );
});

test("a value found late in its cell alone is read as the field's pieces are", () => {
  const refine = refineFoundPlaces({ address: fixAddressPieces });
  const line = at("陕西省西安市鄂邑区大王街道中山路228号", 100, 100);
  const frame = pageFrameOf([line]);
  const chars = refine("address", line, frame) ?? [];
  assert.equal(chars.map((char) => char.text).join(""), "陕西省西安市鄠邑区大王街道中山路228号");
  assert.equal(refine("name", line, frame), undefined, "no rule for the field");
});

test("the village after a township, named for it, is put right", () => {
  assert.equal(
    address([at("四川省甘孜藏族自治州德格县龚垭镇龚村10社20号", 100, 100)]),
    "四川省甘孜藏族自治州德格县龚垭镇龚村10社20号",
    "a village may be named for part of its township: no character is put in",
  );
  assert.equal(
    address([at("河南省周口市沈丘县北杨集镇杨集村11组57号", 100, 100)]),
    "河南省周口市沈丘县北杨集镇杨集村11组57号",
  );
  assert.equal(
    address([at("湖南省张家界市桑植县廖家村镇廖家村8组9号", 100, 100)]),
    "湖南省张家界市桑植县廖家村镇廖家村8组9号",
    "a township named for its village",
  );
  assert.equal(
    address([at("河北省承德市滦平县安纯沟门镇安纯沟扩门村7组27号", 100, 100, { confidences: { 17: 0.6 } })]),
    "河北省承德市滦平县安纯沟门镇安纯沟门村7组27号",
  );
  assert.equal(
    address([at("安徽省淮南市寿县刘岗镇刘岗新村6组13号", 100, 100)]),
    "安徽省淮南市寿县刘岗镇刘岗新村6组13号",
    "an extra character read surely",
  );
  assert.equal(
    address([at("四川省甘孜藏族自治州德格县龚垭镇龚家村10社20号", 100, 100, { confidence: 0.9 })]),
    "四川省甘孜藏族自治州德格县龚垭镇龚家村10社20号",
    "another village",
  );
  assert.equal(
    address([at("安徽省淮南市寿县刘岗镇刘岗村村6组13号", 100, 100)]),
    "安徽省淮南市寿县刘岗镇刘岗村村6组13号",
  );
});

test("a county misread past mending is read by its own township after a province or city read exactly", () => {
  assert.equal(
    address([at("云南省临沧市双江制粘族街湖勐镇朝阳路291号1-3-203", 100, 100, { confidences: { 12: 0.6 } })]),
    "云南省临沧市双江拉祜族佤族布朗族傣族自治县勐勐镇朝阳路291号1-3-203",
  );
  assert.equal(
    address([at("内蒙古自治区锡林沉族货旗新宝拉格镇健康路250号", 100, 100)]),
    "内蒙古自治区锡林郭勒盟镶黄旗新宝拉格镇健康路250号",
    "after a province, its city and county",
  );
  assert.equal(
    address([at("陕西省咸阳市泰区人民路街道工业路263号", 100, 100)]),
    "陕西省咸阳市秦都区人民路街道工业路263号",
    "a long township read exactly says it alone",
  );
  assert.equal(
    address([at("云南省临沧市勐勐镇朝阳路291号", 100, 100)]),
    "云南省临沧市勐勐镇朝阳路291号",
    "an address printed without its county is given none",
  );
  assert.equal(
    address([at("江西省宜春市街南具漕山镇中山路42号", 100, 100)]),
    "江西省宜春市街南具漕山镇中山路42号",
    "a township read one character off, and nothing of the county's name read: left as read",
  );
});
