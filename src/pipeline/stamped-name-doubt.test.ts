import assert from "node:assert/strict";
import { test } from "node:test";
import type { FieldReading } from "../documents/read-fields.ts";
import { doubtStampedName, NO_SURNAME_CEILING } from "./stamped-name-doubt.ts";

const square = [
  { x: 0, y: 0 },
  { x: 10, y: 0 },
  { x: 10, y: 10 },
  { x: 0, y: 10 },
] as const;

function field(text: string, confidence: number): FieldReading {
  return {
    key: "Registrar",
    text,
    pieceTexts: [text],
    chars: Array.from(text).map((char, i, all) => ({
      text: char,
      confidence,
      start: i / all.length,
      end: (i + 1) / all.length,
      alternatives: [],
    })),
    quads: [[...square]],
    confidence,
  };
}

test("one character left of a seal is no name: empty, unsure, its box kept", () => {
  const doubted = doubtStampedName(field("娟", 0.98));
  assert.equal(doubted.text, "");
  assert.equal(doubted.confidence, 0);
  assert.deepEqual(doubted.chars, []);
  assert.equal(doubted.quads.length, 1);
  // Marks round the one character do not make it a name.
  assert.equal(doubtStampedName(field("·娟。", 0.9)).text, "");
});

test("a name beginning with no surname keeps its text at a doubtful confidence", () => {
  const doubted = doubtStampedName(field("股建伟", 0.97));
  assert.equal(doubted.text, "股建伟");
  assert.equal(doubted.confidence, NO_SURNAME_CEILING);
  assert.equal(doubtStampedName(field("股建伟", 0.2)).confidence, 0.2);
});

test("names beginning with a common or compound surname, and empty answers, stand as read", () => {
  for (const name of ["殷建伟", "李丽", "欧阳娜娜"]) {
    assert.deepEqual(doubtStampedName(field(name, 0.95)), field(name, 0.95));
  }
  assert.deepEqual(doubtStampedName(field("", 0)), field("", 0));
});
