import assert from "node:assert/strict";
import { test } from "node:test";
import type { RecognizedChar } from "../../types.ts";
import { addressDigits } from "./address-digits.ts";

const chars = (text: string): RecognizedChar[] =>
  Array.from(text).map((symbol, index) => ({
    text: symbol,
    confidence: 0.9,
    start: index,
    end: index + 1,
    alternatives: [{ text: symbol, probability: 0.9 }],
  }));
const fixed = (text: string) =>
  addressDigits(chars(text))
    .map((char) => char.text)
    .join("");

test("an I or l between an address's numbers and units is the digit 1", () => {
  assert.equal(fixed("朝阳路108号12号楼I门894号"), "朝阳路108号12号楼1门894号");
  assert.equal(fixed("后湾村l1组35号"), "后湾村l1组35号", "after 村 it is not between numbers");
  assert.equal(fixed("3栋l单元"), "3栋1单元");
  assert.equal(fixed("6-I-1703"), "6-1-1703");
});

test("letters elsewhere stay as read, and a fixed digit is doubted", () => {
  assert.equal(fixed("IBM大厦A座"), "IBM大厦A座");
  assert.equal(fixed("12号楼A门"), "12号楼A门");
  const [, , one] = addressDigits(chars("3栋l单元"));
  assert.equal(one?.text, "1");
  assert.ok((one?.confidence ?? 1) <= 0.7);
});
