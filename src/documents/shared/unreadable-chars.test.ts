import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { defaultModelFiles } from "../../inference/model-files.ts";
import { isUnreadable } from "./unreadable-chars.ts";

test("the unreadable characters of places are those the recognizer's dictionary lacks", () => {
  const dictionary = new Set(readFileSync(defaultModelFiles().dictionary, "utf8").split("\n"));
  const listed = Array.from(
    JSON.parse(
      readFileSync(new URL("./data/unreadable-place-chars.json", import.meta.url), "utf8"),
    ) as string,
  );
  assert.ok(listed.length > 100);
  for (const char of listed) assert.ok(!dictionary.has(char), `${char} is in the dictionary`);
  assert.ok(isUnreadable("廻"));
  assert.ok(isUnreadable("鄠"));
  assert.ok(!isUnreadable("龙"));
  assert.ok(!isUnreadable("镇"));
});
