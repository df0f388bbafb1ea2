import assert from "node:assert/strict";
import { test } from "node:test";
import { Random } from "./random.ts";

test("the same seed gives the same sequence", () => {
  const a = new Random(42);
  const b = new Random(42);
  for (let i = 0; i < 100; i++) assert.equal(a.next(), b.next());
});

test("derived streams differ by salt and stay in range", () => {
  const a = Random.derive(7, 1);
  const b = Random.derive(7, 2);
  assert.notEqual(a.next(), b.next());
  for (let i = 0; i < 1000; i++) {
    const n = a.int(3, 5);
    assert.ok(n >= 3 && n <= 5);
  }
});

test("weighted picks follow the weights", () => {
  const r = new Random(1);
  let heavy = 0;
  for (let i = 0; i < 10000; i++)
    if (
      r.weighted([
        ["a", 9],
        ["b", 1],
      ] as const) === "a"
    )
      heavy++;
  assert.ok(heavy > 8700 && heavy < 9300, `got ${heavy}`);
});
