import assert from "node:assert/strict";
import { test } from "node:test";
import { makeTextLine } from "./make-text-line.ts";
import { isCommonSurname, isCompoundSurname, preferSurname } from "./surnames.ts";

test("common surnames are known, everyday words read off a blurred seal are not", () => {
  for (const surname of ["王", "谭", "赵", "翟", "蒋", "慕"]) assert.ok(isCommonSurname(surname), surname);
  for (const word of ["潭", "基", "外", "区", "国", "图"]) assert.ok(!isCommonSurname(word), word);
  assert.ok(isCompoundSurname(makeTextLine("令狐晓燕").chars));
  assert.ok(!isCompoundSurname(makeTextLine("令晓燕").chars));
});

test("a first character that is no surname gives way to a likely alternative that is one", () => {
  const read = makeTextLine("潭红", {
    confidences: { 0: 0.47 },
    alternatives: { 0: [{ text: "谭", probability: 0.41 }] },
  });
  const chosen = preferSurname(read.chars);
  assert.equal(chosen?.text, "谭");
  assert.equal(chosen?.confidence, 0.41);
});

test("one of the hundred most frequent surnames outweighs a rarer one", () => {
  const read = makeTextLine("基佳", {
    confidences: { 0: 0.3 },
    alternatives: {
      0: [
        { text: "慕", probability: 0.11 },
        { text: "赵", probability: 0.04 },
      ],
    },
  });
  assert.equal(preferSurname(read.chars)?.text, "赵");
});

test("a surname read as one, or a reading far likelier than any surname, stands", () => {
  const surname = makeTextLine("慕容", {
    confidences: { 0: 0.5 },
    alternatives: { 0: [{ text: "王", probability: 0.4 }] },
  });
  assert.equal(preferSurname(surname.chars), undefined, "a listed surname is never changed");
  const sure = makeTextLine("外婷", {
    confidences: { 0: 0.98 },
    alternatives: { 0: [{ text: "孙", probability: 0.01 }] },
  });
  assert.equal(preferSurname(sure.chars), undefined, "a rare surname read surely is kept");
  const compound = makeTextLine("上官云", {
    confidences: { 0: 0.6 },
    alternatives: { 0: [{ text: "王", probability: 0.3 }] },
  });
  assert.equal(preferSurname(compound.chars), undefined, "a compound surname is a surname");
  assert.equal(preferSurname([]), undefined);
});
