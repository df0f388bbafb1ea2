import assert from "node:assert/strict";
import { test } from "node:test";
import { BIRTH_CERTIFICATE_SPEC } from "../documents/birth-certificate.ts";
import { readFields } from "../documents/read-fields.ts";
import { makeTextLine, textLineAt as at } from "../documents/shared/make-text-line.ts";
import type { RawImage } from "../image/raw-image.ts";
import type { CharAlternative, Quad, RecognizedChar, TextLine } from "../types.ts";
import {
  keepNameCharacters,
  paddedQuad,
  pooledChars,
  rereadUnsureValues,
  smoothed,
  thickened,
} from "./reread-unsure-values.ts";
import type { TextEngine } from "./text-engine.ts";

const HAN = /^[\u4e00-\u9fff]$/u;

/** A line whose characters have the given readings, each a list of [text, probability], best first. */
function lineOf(readings: [string, number][][]): TextLine {
  const text = readings.map((options) => options[0]?.[0] ?? "").join("");
  const line = makeTextLine(text);
  const chars: RecognizedChar[] = line.chars.map((char, index) => {
    const options: CharAlternative[] = (readings[index] ?? []).map(([option, probability]) => ({
      text: option,
      probability,
    }));
    return { ...char, confidence: options[0]?.probability ?? 0, alternatives: options };
  });
  return { ...line, chars, confidence: chars.reduce((sum, char) => sum + char.confidence, 0) / chars.length };
}

test("readings of a name are pooled character by character, probabilities averaged", () => {
  const first = lineOf([
    [["李", 0.99]],
    [["丽", 1]],
    [
      ["姐", 0.32],
      ["媒", 0.14],
      ["娟", 0.02],
    ],
  ]).chars;
  const again = [
    lineOf([
      [["李", 1]],
      [["丽", 1]],
      [
        ["娟", 0.44],
        ["媒", 0.21],
      ],
    ]),
    lineOf([
      [["李", 1]],
      [["丽", 1]],
      [
        ["娟", 0.72],
        ["姐", 0.03],
      ],
    ]),
    // Another length: left out.
    lineOf([[["李", 1]], [["丽", 1]], [["女", 0.5]], [["月", 0.5]]]),
  ];
  const pooled = pooledChars(first, again, HAN) ?? [];
  assert.equal(pooled.map((char) => char.text).join(""), "李丽娟");
  const last = pooled[2];
  assert.ok(last !== undefined && Math.abs(last.confidence - (0.02 + 0.44 + 0.72) / 3) < 1e-9);
  assert.ok(
    last.alternatives.some((option) => option.text === "姐"),
    "the first reading stays an alternative",
  );
  assert.equal(pooledChars(first, [again[2] as TextLine], HAN), undefined, "no reading of the name's length");
});

test("a crop smoothed runs dots together; thickened, a thin stroke widens", () => {
  // A row of dots: dark every other pixel.
  const dots: RawImage = {
    width: 6,
    height: 3,
    channels: 1,
    data: Uint8Array.from([...Array(18)].map((_, i) => (i % 2 ? 255 : 0))),
  };
  const soft = smoothed(dots);
  assert.ok(
    Array.from(soft.data).every((value) => value > 0 && value < 255),
    "no pixel pure ink or paper",
  );
  const line: RawImage = { width: 5, height: 5, channels: 1, data: new Uint8Array(25).fill(255) };
  line.data[12] = 0;
  assert.equal(Array.from(thickened(line).data).filter((value) => value === 0).length, 9);
});

test("a box padded by a share of its height on every side, along its own edges", () => {
  const quad: Quad = [
    { x: 10, y: 10 },
    { x: 110, y: 10 },
    { x: 110, y: 30 },
    { x: 10, y: 30 },
  ];
  assert.deepEqual(paddedQuad(quad, 0.5), [
    { x: 0, y: 0 },
    { x: 120, y: 0 },
    { x: 120, y: 40 },
    { x: 0, y: 40 },
  ]);
});

function page(name: TextLine): TextLine[] {
  return [
    at("新生儿姓名", 50, 40),
    at("性别", 420, 40),
    at("出生时间", 50, 90),
    at("母亲姓名", 50, 190),
    at("年龄", 300, 190),
    at("签发机构", 50, 290),
    at("男", 520, 40),
    at("2019年06月26日09时28分", 150, 90),
    { ...name, quad: at(name.text, 170, 190).quad },
    at("30", 355, 190),
    at("岳麓区人民医院", 150, 290),
    at("王小明", 170, 40, { confidence: 0.99 }),
  ];
}

const IMAGE: RawImage = {
  width: 800,
  height: 400,
  channels: 3,
  data: new Uint8Array(800 * 400 * 3).fill(250),
};

function engineReading(line: TextLine, calls: number[]): TextEngine {
  return {
    detect: async () => [],
    recognize: async (_image, quads) => {
      calls.push(quads.length);
      return quads.map((quad) => ({ ...line, quad }));
    },
    dispose: async () => {},
  };
}

test("only names read unsurely are read again, all in one call", async () => {
  const unsure = lineOf([
    [["李", 0.99]],
    [["丽", 1]],
    [
      ["姐", 0.32],
      ["媒", 0.14],
    ],
  ]);
  const reading = readFields(page(unsure), BIRTH_CERTIFICATE_SPEC);
  assert.equal(reading.fields.get("motherName")?.text, "李丽姐");
  const calls: number[] = [];
  const again = lineOf([
    [["李", 1]],
    [["丽", 1]],
    [
      ["娟", 0.8],
      ["姐", 0.1],
    ],
  ]);
  await rereadUnsureValues(IMAGE, reading, BIRTH_CERTIFICATE_SPEC, engineReading(again, calls));
  assert.deepEqual(calls, [4], "one call, four renderings of the one unsure name");
  assert.equal(reading.fields.get("motherName")?.text, "李丽娟");
  assert.equal(reading.fields.get("neonatalName")?.text, "王小明", "a name read surely is left alone");
});

test("a given-name character read first is not replaced by one names seldom hold", () => {
  const first = lineOf([
    [["王", 0.99]],
    [["丽", 1]],
    [
      ["煜", 0.25],
      ["焙", 0.2],
    ],
  ]).chars;
  const again = [
    lineOf([
      [["王", 1]],
      [["丽", 1]],
      [
        ["焙", 0.9],
        ["煜", 0.05],
      ],
    ]),
  ];
  const kept = keepNameCharacters(first, pooledChars(first, again, HAN)) ?? [];
  assert.equal(kept.map((char) => char.text).join(""), "王丽煜");
  assert.ok(Math.abs((kept[2]?.confidence ?? 0) - 0.15) < 1e-9, "its pooled probability");
  assert.ok(kept[2]?.alternatives.some((option) => option.text === "焙"));
  // A character names seldom hold, read first, gives way as pooled.
  const other = lineOf([[["李", 0.99]], [["丽", 1]], [["姐", 0.32]]]).chars;
  const right = [lineOf([[["李", 1]], [["丽", 1]], [["娟", 0.9]]])];
  assert.equal(
    keepNameCharacters(other, pooledChars(other, right, HAN))
      ?.map((char) => char.text)
      .join(""),
    "李丽娟",
  );
});
