import assert from "node:assert/strict";
import { test } from "node:test";
import type { CharAlternative, RecognizedChar } from "../../types.ts";
import { isPlausibleName } from "./plausible-name.ts";

function char(text: string, confidence = 0.5, alternatives: CharAlternative[] = []): RecognizedChar {
  return {
    text,
    confidence,
    start: 0,
    end: 1,
    alternatives: [{ text, probability: confidence }, ...alternatives],
  };
}

const name = (text: string) => Array.from(text).map((c) => char(c));

test("a common surname followed by characters given names hold is a plausible name", () => {
  assert.equal(isPlausibleName(name("李红卫")), true);
  assert.equal(isPlausibleName(name("赖婷婷")), true);
  assert.equal(isPlausibleName(name("欧阳娜娜")), true);
});

test("a misread seal (no surname first, or a word no one is named) is not", () => {
  assert.equal(isPlausibleName(name("国星鲜")), false);
  assert.equal(isPlausibleName(name("酸屋")), false);
  assert.equal(isPlausibleName(name("全国医")), false);
});

test("one character or more than four is no name", () => {
  assert.equal(isPlausibleName(name("李")), false);
  assert.equal(isPlausibleName(name("李红卫国民")), false);
});

test("the priors are weighed first: a surname or name character among the alternatives makes it plausible", () => {
  assert.equal(
    isPlausibleName([char("更", 0.48, [{ text: "史", probability: 0.37 }]), char("明", 0.9)]),
    true,
  );
  assert.equal(
    isPlausibleName([char("吴", 0.9), char("婚", 0.32, [{ text: "娟", probability: 0.2 }])]),
    true,
  );
  assert.equal(
    isPlausibleName([char("吴", 0.9), char("婚", 0.32, [{ text: "始", probability: 0.1 }])]),
    false,
  );
});
