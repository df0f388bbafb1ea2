import assert from "node:assert/strict";
import { test } from "node:test";
import { canDraw, hasInk } from "./fonts.ts";
import { RARE_CHARACTERS } from "./people.ts";

test("the print faces draw every rare character used in names", () => {
  for (const c of RARE_CHARACTERS) {
    assert.ok(hasInk("song", c), `song ${c}`);
    assert.ok(hasInk("hei", c), `hei ${c}`);
  }
});

test("the Kai subsets work together and missing glyphs are detected", () => {
  assert.ok(canDraw("kai", "张建国湖南省长沙市1980年"));
  assert.equal(hasInk("song", "\u{10fffd}"), false);
  // Ma Shan Zheng has no 堃: printing must fall back rather than draw an empty box.
  assert.equal(hasInk("hand", "堃"), false);
  assert.ok(hasInk("hand", "张"));
});
