import assert from "node:assert/strict";
import { test } from "node:test";
import type { TextLine } from "../types.ts";
import { HOUSEHOLD_RESIDENT_SPEC } from "./household-resident.ts";
import { fixAddressPieces } from "./place-prefix.ts";
import { residentPlace } from "./resident-place.ts";
import { textLineAt as at } from "./shared/make-text-line.ts";
import { pageFrameOf } from "./shared/page-frame.ts";
import type { ValuePiece } from "./shared/value-pieces.ts";

const nativePlace = HOUSEHOLD_RESIDENT_SPEC.fields.find((field) => field.key === "nativePlace");

function placed(lines: TextLine[]): string {
  const pieces: ValuePiece[] = lines.map((line, lineIndex) => ({ line, lineIndex }));
  if (nativePlace === undefined) throw new Error("no nativePlace field");
  return residentPlace(pieces, nativePlace, pageFrameOf(lines))
    .map((piece) => piece.line.text)
    .join("");
}

function address(lines: TextLine[]): string {
  const pieces: ValuePiece[] = lines.map((line, lineIndex) => ({ line, lineIndex }));
  return fixAddressPieces(pieces, pageFrameOf(lines))
    .map((piece) => piece.line.text)
    .join("");
}

test("a place of birth or origin misread is the place of the divisions it is nearest", () => {
  assert.equal(placed([at("河南省鹤市湛滨区", 100, 100)]), "河南省鹤壁市淇滨区");
  assert.equal(placed([at("陕西省西安市河良区", 100, 100)]), "陕西省西安市阎良区");
  assert.equal(
    placed([at("责贵州省黔西南布依族苗族自治州晴隆县", 100, 100)]),
    "贵州省黔西南布依族苗族自治州晴隆县",
  );
});

test("a place printed to the city only, or not a place, is not given what it lacks", () => {
  assert.equal(placed([at("河南省鹤壁市", 100, 100)]), "河南省鹤壁市");
  assert.equal(placed([at("河南鹤壁", 100, 100)]), "河南鹤壁");
  assert.equal(placed([at("北京市海淀区1号", 100, 100)]), "北京市海淀区1号");
});

test("an address keeps its pieces, with its start and its numbers put right", () => {
  assert.equal(address([at("东省德州市乐陵市市中街道", 100, 100)]), "山东省德州市乐陵市市中街道");
  assert.equal(
    address([at("广东省清远市清新区太和镇", 100, 100), at("朝阳路108号12号楼I门894号", 100, 140)]),
    "广东省清远市清新区太和镇朝阳路108号12号楼1门894号",
  );
});

test("an address's place name that lost rare characters inside it gets them back", () => {
  assert.equal(
    address([at("云南省怒江族自治州福贡县鹿马登乡鹿马登村7组19号", 100, 100)]),
    "云南省怒江傈僳族自治州福贡县鹿马登乡鹿马登村7组19号",
  );
});
