import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { characterAccuracy, editDistance } from "./edit-distance.ts";

describe("editDistance", () => {
  it("counts substitutions, insertions and deletions", () => {
    assert.equal(editDistance("kitten", "sitting"), 3);
    assert.equal(editDistance("张无忌", "张无忌"), 0);
    assert.equal(editDistance("张无忌", "张无"), 1);
    assert.equal(editDistance("张无忌", "张有无忌"), 1);
    assert.equal(editDistance("彝族", "葬族"), 1);
  });

  it("handles empty strings", () => {
    assert.equal(editDistance("", "abc"), 3);
    assert.equal(editDistance("abc", ""), 3);
    assert.equal(editDistance("", ""), 0);
  });

  it("counts a character outside the BMP as one", () => {
    assert.equal(editDistance("𠀀a", "a"), 1);
  });
});

describe("characterAccuracy", () => {
  it("is 1 − distance / length", () => {
    assert.equal(characterAccuracy("广东省广州市", "广东省广州市"), 1);
    assert.equal(characterAccuracy("广东省广州市", "广东省广川市"), 1 - 1 / 6);
    assert.equal(characterAccuracy("1234", ""), 0);
  });

  it("never goes below 0", () => {
    assert.equal(characterAccuracy("张三", "这是一段完全无关的很长的文字"), 0);
  });
});
