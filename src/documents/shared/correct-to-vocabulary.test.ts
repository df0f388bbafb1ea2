import assert from "node:assert/strict";
import { test } from "node:test";
import { correctToVocabulary } from "./correct-to-vocabulary.ts";
import { makeTextLine } from "./make-text-line.ts";
import { ETHNICITIES, VOCABULARIES } from "./vocabularies.ts";

test("the ethnicity table has the 56 groups and the two extra codes, without known typos", () => {
  assert.equal(ETHNICITIES.length, 58);
  assert.ok(VOCABULARIES.ethnicity.entries.includes("傈僳族"));
  assert.ok(VOCABULARIES.ethnicity.entries.includes("达斡尔"));
  assert.ok(!VOCABULARIES.ethnicity.entries.includes("傈傈族"));
  assert.equal(ETHNICITIES.find((group) => group.name === "拉祜族")?.letters, "LH");
});

test("an exact entry is written as printed", () => {
  assert.deepEqual(correctToVocabulary("汉", VOCABULARIES.ethnicity), {
    value: "汉",
    status: "exact",
    confidence: 1,
  });
  assert.equal(correctToVocabulary("汉族", VOCABULARIES.ethnicity).value, "汉族");
  assert.equal(correctToVocabulary("毛难族", VOCABULARIES.ethnicity).status, "exact");
  assert.equal(correctToVocabulary(" 已 婚", VOCABULARIES.marital).value, "已婚");
});

test("one substitution, insertion or deletion off a single entry is corrected", () => {
  assert.equal(correctToVocabulary("葬族", VOCABULARIES.ethnicity).value, "彝族");
  assert.equal(correctToVocabulary("服现", VOCABULARIES.military).value, "服现役");
  assert.equal(correctToVocabulary("非农业家庭户囗口", VOCABULARIES.householdType).value, "非农业家庭户口");
  assert.equal(correctToVocabulary("集休户口", VOCABULARIES.householdType).method, "edit");
});

test("a known confusion breaks a tie that plain edit distance leaves", () => {
  assert.equal(correctToVocabulary("己婚", VOCABULARIES.marital).value, "已婚");
  assert.equal(correctToVocabulary("巴婚", VOCABULARIES.marital).value, "已婚");
  assert.equal(correctToVocabulary("0型", VOCABULARIES.bloodGroup).value, "O型");
});

test("an ambiguous or distant reading is left unchanged and flagged", () => {
  const tied = correctToVocabulary("长孑", VOCABULARIES.relation);
  assert.deepEqual([tied.value, tied.status], ["长孑", "unknown"]);
  assert.equal(correctToVocabulary("力", VOCABULARIES.sex).status, "unknown");
  assert.equal(correctToVocabulary("工程师", VOCABULARIES.relation).status, "unknown");
  assert.ok(correctToVocabulary("工程师", VOCABULARIES.relation).confidence < 1);
});

test("per-character alternatives pick the entry when they spell it", () => {
  const line = makeTextLine("力", {
    alternatives: { 0: [{ text: "男", probability: 0.3 }] },
    confidence: 0.6,
  });
  const result = correctToVocabulary("力", VOCABULARIES.sex, line.chars);
  assert.deepEqual([result.value, result.method], ["男", "alternatives"]);
  assert.ok(result.confidence >= 0.5 && result.confidence <= 1);
  const tied = makeTextLine("长孑", { alternatives: { 1: [{ text: "女", probability: 0.2 }] } });
  assert.equal(correctToVocabulary("长孑", VOCABULARIES.relation, tied.chars).value, "长女");
});

test("a faint alternative is no evidence", () => {
  const line = makeTextLine("力", {
    alternatives: { 0: [{ text: "男", probability: 0.001 }] },
    confidence: 0.9,
  });
  assert.equal(correctToVocabulary("力", VOCABULARIES.sex, line.chars).status, "unknown");
});

test("a naturalisation suffix is kept aside", () => {
  assert.equal(correctToVocabulary("朝鲜族（入籍）", VOCABULARIES.ethnicity).status, "exact");
  assert.equal(correctToVocabulary("朝鲜旅(入籍)", VOCABULARIES.ethnicity).value, "朝鲜族(入籍)");
  assert.equal(correctToVocabulary("", VOCABULARIES.ethnicity).status, "empty");
});

test("an entry read with the next cell's text after it is that entry, doubted", () => {
  const corrected = correctToVocabulary("中国族汉族", VOCABULARIES.nationality);
  assert.equal(corrected.value, "中国");
  assert.equal(corrected.status, "corrected");
  assert.ok(corrected.confidence < 1);
  // Digits or letters after an entry are no neighbour's Chinese text: left for the other rules.
  assert.equal(correctToVocabulary("中国12", VOCABULARIES.nationality).status, "unknown");
});

test("a reading one edit from several entries is the vocabulary's usual entry, doubted, where it has one", () => {
  const nationality = correctToVocabulary("国", VOCABULARIES.nationality);
  assert.equal(nationality.value, "中国");
  assert.ok(nationality.confidence <= 0.6);
  // 族 alone is one edit from every ethnicity: the ethnicities have no usual entry.
  assert.equal(correctToVocabulary("族", VOCABULARIES.ethnicity).status, "unknown");
});
