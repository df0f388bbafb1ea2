import assert from "node:assert/strict";
import { test } from "node:test";
import { findApproximate } from "./approximate-match.ts";
import { areConfusable } from "./confusable-chars.ts";
import { editDistance } from "./edit-distance.ts";

test("editDistance counts insertions, deletions and substitutions", () => {
  assert.equal(editDistance("汉族", "汉族"), 0);
  assert.equal(editDistance("汉族", "汉"), 1);
  assert.equal(editDistance("未婚", "末婚"), 0.4);
  assert.equal(editDistance("户主姓名", "户主名"), 1);
  assert.equal(editDistance("家庭户", "集体户口"), 3);
});

test("areConfusable knows the documented swaps and nothing else", () => {
  assert.ok(areConfusable("户", "产"));
  assert.ok(areConfusable("O", "0"));
  assert.ok(!areConfusable("户", "号"));
});

test("findApproximate finds a label inside a line, allowing a confusion", () => {
  const text = Array.from("产主姓名张三");
  assert.deepEqual(findApproximate(Array.from("户主姓名"), text, 1), { start: 0, end: 4, cost: 0.4 });
  assert.deepEqual(findApproximate(Array.from("姓名"), Array.from("户主姓名"), 0), {
    start: 2,
    end: 4,
    cost: 0,
  });
  assert.equal(findApproximate(Array.from("住址"), text, 0.5), undefined);
});
