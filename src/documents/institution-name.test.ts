import assert from "node:assert/strict";
import { test } from "node:test";
import type { TextLine } from "../types.ts";
import { trimInstitution } from "./institution-name.ts";
import { textLineAt as at } from "./shared/make-text-line.ts";
import { pageFrameOf } from "./shared/page-frame.ts";
import type { ValuePiece } from "./shared/value-pieces.ts";

function trimmed(lines: TextLine[]): string {
  const pieces: ValuePiece[] = lines.map((line, lineIndex) => ({ line, lineIndex }));
  return trimInstitution(pieces, pageFrameOf(lines))
    .map((piece) => piece.line.text)
    .join("");
}

test("the seal's caption read after the name is cut off, in pieces or in the name's own box", () => {
  assert.equal(
    trimmed([at("生学证用专", 400, 100), at("泰安市中", 100, 100), at("心医院", 200, 100)]),
    "泰安市中心医院",
  );
  assert.equal(trimmed([at("古蔺县妇幼保健院#7", 100, 100)]), "古蔺县妇幼保健院");
  assert.equal(trimmed([at("洪泽区人民医院", 100, 100), at("生医", 260, 104)]), "洪泽区人民医院");
});

test("caption remnants without Chinese go; a name without the usual ending is kept whole", () => {
  assert.equal(trimmed([at("r", 60, 100), at("香河县妇幼保健院", 100, 100)]), "香河县妇幼保健院");
  assert.equal(trimmed([at("某某县社区卫生服务", 100, 100), at("站", 300, 100)]), "某某县社区卫生服务站");
});

test("the name read again in part from the seal's ring beside it is not read into the name", () => {
  assert.equal(trimmed([at("妇幼", 60, 96), at("清水县妇幼保健院", 110, 100)]), "清水县妇幼保健院");
  assert.equal(
    trimmed([at("清水县妇幼", 100, 100), at("保健院", 200, 100)]),
    "清水县妇幼保健院",
    "pieces of one name stay",
  );
});
