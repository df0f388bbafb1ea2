import assert from "node:assert/strict";
import { test } from "node:test";
import type { TextLine } from "../types.ts";
import { fixAddressPieces } from "./place-prefix.ts";
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
