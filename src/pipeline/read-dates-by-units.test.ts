import assert from "node:assert/strict";
import { test } from "node:test";
import type { FieldReading } from "../documents/read-fields.ts";
import { agreesWithAlternatives, digitsConfidence } from "./read-dates-by-units.ts";

/**
 * A reading of `pieces`, each character at the confidence `confidences` gives it (1 where not given), with the
 * next likeliest readings `alternatives` gives it.
 */
function reading(
  pieces: string[],
  confidences: Record<number, number> = {},
  alternatives: Record<number, [string, number][]> = {},
): FieldReading {
  const symbols = Array.from(pieces.join(""));
  return {
    key: "issueDate",
    text: pieces.join(" "),
    pieceTexts: pieces,
    chars: symbols.map((text, k) => ({
      text,
      confidence: confidences[k] ?? 1,
      start: k / symbols.length,
      end: (k + 1) / symbols.length,
      alternatives: [
        { text, probability: confidences[k] ?? 1 },
        ...(alternatives[k] ?? []).map(([other, probability]) => ({ text: other, probability })),
      ],
    })),
    quads: [],
    confidence: 0.95,
  };
}

test("a box's digits' confidence is the least of its own digits' before its unit", () => {
  const units = ["年", "月", "日"];
  // 2019年1月04日, its 4 read at 0.81.
  const read = reading(["2019年1月", "04日"], { 8: 0.81 });
  assert.equal(digitsConfidence(read, units, 0), 1);
  assert.equal(digitsConfidence(read, units, 1), 1);
  assert.equal(digitsConfidence(read, units, 2), 0.81);
});

test("a last box whose unit was lost is the digits after the unit before", () => {
  const units = ["年", "月", "日", "时", "分"];
  // 2022年01月19日01时55, its last 5 read at 0.47.
  const read = reading(["2022年01月19日01时55"], { 15: 0.47 });
  assert.equal(digitsConfidence(read, units, 4), 0.47);
  assert.equal(digitsConfidence(read, units, 3), 1);
});

test("a box's digits' confidence is not known without its characters or its digits", () => {
  const units = ["年", "月", "日"];
  assert.equal(digitsConfidence(reading(["2019年月04日"]), units, 1), undefined);
  assert.equal(digitsConfidence(reading(["2019"]), units, 1), undefined);
  const unequal = { ...reading(["2019年"]), pieceTexts: ["2019年", "05月"] };
  assert.equal(digitsConfidence(unequal, units, 0), undefined);
});

test("a box read again agrees with the first reading where it differs only in unsure digits, as their likely readings", () => {
  const units = ["年", "月", "日"];
  // 2019年1月04日: its 4 at 0.81, 2 at 0.17 next; its year's 9 at 0.63, 2 at 0.01 only.
  const read = reading(
    ["2019年1月", "04日"],
    { 3: 0.63, 8: 0.81 },
    {
      3: [
        ["0", 0.05],
        ["2", 0.01],
      ],
      8: [["2", 0.17]],
    },
  );
  assert.ok(agreesWithAlternatives(read, units, 2, "02"));
  // Not another digit than the likely ones, nor one differing where read surely, nor the same digits.
  assert.ok(!agreesWithAlternatives(read, units, 2, "03"));
  assert.ok(!agreesWithAlternatives(read, units, 2, "12"));
  assert.ok(!agreesWithAlternatives(read, units, 2, "04"));
  assert.ok(!agreesWithAlternatives(read, units, 0, "2012"));
  assert.ok(!agreesWithAlternatives(read, units, 2, "2"));
});
