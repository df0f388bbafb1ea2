import assert from "node:assert/strict";
import { test } from "node:test";
import type { RawImage } from "../../image/raw-image.ts";
import type { Quad, RecognizedChar } from "../../types.ts";
import type { DecodedLine } from "./decode.ts";
import { betterCleanRead, betterWidenedRead, rulingsNearEnds, widenAtRulings } from "./widen-at-rulings.ts";

function line(text: string, confidence = 0.95): DecodedLine {
  const chars: RecognizedChar[] = [...text].map((t, k, all) => ({
    text: t,
    confidence,
    start: k / all.length,
    end: (k + 1) / all.length,
    alternatives: [{ text: t, probability: confidence }],
  }));
  return { text, confidence: text ? confidence : 0, chars };
}

const BOX: Quad = [
  { x: 100, y: 50 },
  { x: 500, y: 50 },
  { x: 500, y: 90 },
  { x: 100, y: 90 },
];

test("a quad is widened by 0.6 of its height at the ends asked for", () => {
  const both = widenAtRulings(BOX, { left: true, right: true });
  assert.equal(both.quad[0].x, 76);
  assert.equal(both.quad[1].x, 524);
  assert.equal(both.quad[2].y, 90);
  assert.ok(Math.abs(both.from - 24 / 448) < 1e-9);
  assert.ok(Math.abs(both.to - 424 / 448) < 1e-9);
  const left = widenAtRulings(BOX, { left: true, right: false });
  assert.equal(left.quad[1].x, 500);
  assert.equal(left.to, 1);
});

test("a character lost at the ruling is added, the first read's characters kept", () => {
  const span = widenAtRulings(BOX, { left: true, right: false });
  const better = betterWidenedRead(line("东省清远市自治县"), line("广东省清远市白治县"), span);
  assert.equal(better?.text, "广东省清远市自治县");
  assert.equal(better?.chars[0]?.start, 0, "the added character's extent is clamped onto the original box");
});

test("a ruling misread as 1 at the widened end is replaced by the character across it", () => {
  const span = widenAtRulings(BOX, { left: true, right: false });
  const better = betterWidenedRead(line("141826199707119453"), line("441826199707119453"), span);
  assert.equal(better?.text, "441826199707119453");
});

test("a real 1 at the end, read again one character in by the wider read, is kept with the character added", () => {
  const span = widenAtRulings(BOX, { left: false, right: true });
  const better = betterWidenedRead(line("工业路40号3门781"), line("工业路40号3门781号"), span);
  assert.equal(better?.text, "工业路40号3门781号");
});

test("a character wholly beyond the ruling (the next cell's label) is not added", () => {
  // The box is 400 px wide and 40 high: a character is 0.1 of its width. The ruling lies at the box's right end.
  const span = widenAtRulings(BOX, { left: false, right: true, rightAt: 1 });
  const label = line("曾用名性");
  // The widened quad is 424 px: the added character centred 0.9 characters past the ruling.
  const place = (k: number, centre: number) => {
    const c = label.chars[k] as RecognizedChar;
    c.start = centre - 0.05 * (400 / 424);
    c.end = centre + 0.05 * (400 / 424);
  };
  place(3, (400 + 36) / 424);
  assert.equal(betterWidenedRead(line("曾用名"), label, span), undefined);
  place(3, (400 + 2) / 424);
  assert.equal(
    betterWidenedRead(line("曾用名"), label, span)?.text,
    "曾用名性",
    "across the ruling it is added",
  );
});

test("a looser reach adds a character placed a third of a width past the ruling, never one a whole width past", () => {
  const span = widenAtRulings(BOX, { left: false, right: true, rightAt: 1 });
  const read = line("5门564号");
  const place = (centre: number) => {
    const c = read.chars[5] as RecognizedChar;
    c.start = centre - 0.05 * (400 / 424);
    c.end = centre + 0.05 * (400 / 424);
  };
  // 号 across the ruling, placed by the recognizer 0.4 of a character (16 px of 40) past it.
  place((400 + 4 * 4) / 424);
  assert.equal(betterWidenedRead(line("5门564"), read, span), undefined, "the default reach is 0.3");
  assert.equal(betterWidenedRead(line("5门564"), read, span, { acrossReach: 0.5 })?.text, "5门564号");
  place((400 + 36) / 424);
  assert.equal(betterWidenedRead(line("5门564"), read, span, { acrossReach: 0.5 }), undefined);
});

test("the widened read stands back when it is unsure, disagrees, adds on the wrong side or only a ruling", () => {
  const span = widenAtRulings(BOX, { left: true, right: false });
  assert.equal(betterWidenedRead(line("东省"), line("东省", 0.99), span), undefined, "same text");
  assert.equal(
    betterWidenedRead(line("东省清远", 0.95), line("广东省清远", 0.6), span),
    undefined,
    "less sure",
  );
  assert.equal(betterWidenedRead(line("东省清远"), line("广西川清远"), span), undefined, "disagrees");
  assert.equal(
    betterWidenedRead(line("东省清远"), line("东省清远县"), span),
    undefined,
    "right end not widened",
  );
  assert.equal(betterWidenedRead(line("东省清远"), line("一东省清远"), span), undefined, "adds the ruling");
  assert.equal(betterWidenedRead(line(""), line("系"), span), undefined, "nothing was read at first");
  assert.equal(betterWidenedRead(line("东省"), line("广州东省"), span), undefined, "two more on one side");
});

/** White paper with dark rectangles. */
function page(rects: [number, number, number, number][]): RawImage {
  const width = 700;
  const height = 140;
  const data = new Uint8Array(width * height).fill(240);
  for (const [l, t, r, b] of rects)
    for (let y = t; y < b; y++) for (let x = l; x < r; x++) data[y * width + x] = 20;
  return { width, height, channels: 1, data };
}

test("rulings just outside or just inside a line's ends are found, text strokes and far rulings are not", () => {
  // A ruling 10 px left of the box (inside the 24 px widening), a character inside, nothing near the right end.
  const near = page([
    [88, 0, 91, 140],
    [120, 55, 150, 58],
    [130, 52, 133, 88],
  ]);
  const found = rulingsNearEnds(near, BOX);
  assert.equal(found.left, true);
  assert.equal(found.right, false);
  assert.ok(Math.abs((found.leftAt as number) - (89.5 - 100) / 400) < 0.01, `ruling at ${found.leftAt}`);
  // A ruling 5 px inside the right end.
  const inside = rulingsNearEnds(page([[494, 0, 497, 140]]), BOX);
  assert.equal(inside.left, false);
  assert.equal(inside.right, true);
  // Rulings 40 px beyond both ends (a cell's margin) are not near.
  const far = rulingsNearEnds(
    page([
      [58, 0, 61, 140],
      [540, 0, 543, 140],
      [130, 52, 133, 88],
    ]),
    BOX,
  );
  assert.equal(far.left || far.right, false);
  assert.equal(far.inside, false, "a character's stroke is no ruling");
  const across = rulingsNearEnds(page([[300, 0, 303, 140]]), BOX);
  assert.deepEqual([across.left, across.right, across.inside], [false, false, true]);
});

test("a line read again with the ruling across it painted out replaces the first read when it is better", () => {
  assert.equal(betterCleanRead(line("17182503"), line("177182503", 0.97))?.text, "177182503");
  assert.equal(betterCleanRead(line("147182503", 0.8), line("177182503", 0.95))?.text, "177182503", "surer");
  assert.equal(
    betterCleanRead(line("147182503", 0.93), line("177182503", 0.95)),
    undefined,
    "not surer enough",
  );
  assert.equal(betterCleanRead(line("17182503"), line("1718250", 0.99)), undefined, "shorter");
  assert.equal(betterCleanRead(line("17182503"), line("1|7182503")), undefined, "adds a ruling's stroke");
  assert.equal(betterCleanRead(line("17182503"), line("17182503")), undefined, "same text");
  assert.equal(betterCleanRead(line("东安社区"), line("西城大街道")), undefined, "disagrees");
  assert.equal(betterCleanRead(line("17182503", 0.95), line("177182503", 0.7)), undefined, "less sure");
});

test("a character lost at the right ruling is added though the reads differ inside and at the left end", () => {
  const span = widenAtRulings(BOX, { left: true, right: true });
  const widened = line("止安纯沟门村7组27号");
  (widened.chars[0] as RecognizedChar).confidence = 0.45; // a stroke of the left ruling, read unsurely
  const better = betterWidenedRead(line("安纯沟扩门村7组27"), widened, span);
  assert.equal(better?.text, "安纯沟扩门村7组27号", "the first read's characters kept, only 号 added");
});

test("a character read differently at the widened end is not added beside the first's", () => {
  const span = widenAtRulings(BOX, { left: false, right: true });
  assert.equal(betterWidenedRead(line("东省清远县"), line("东省清远市"), span), undefined);
  assert.equal(betterWidenedRead(line("东省清远县"), line("东省清远市号"), span)?.text, "东省清远县号");
});
