import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, test } from "node:test";
import { boundsIoU, quadBounds, subQuad } from "../src/geometry/quad.ts";
import { decodeImage } from "../src/image/decode-image.ts";
import type { RawImage } from "../src/image/raw-image.ts";
import { OcrEngine } from "../src/stages/ocr-engine.ts";

const FIXTURES = new URL("./fixtures/ocr/", import.meta.url);
const expected = JSON.parse(await readFile(new URL("expected.json", FIXTURES), "utf8")) as {
  lines: Record<string, string>;
  page: { file: string; lines: { text: string; box: [number, number, number, number] }[] };
};

let engine: OcrEngine;
before(async () => {
  engine = await OcrEngine.create();
});
after(async () => {
  await engine.dispose();
});

async function fixture(name: string): Promise<RawImage> {
  return decodeImage(await readFile(new URL(name, FIXTURES)));
}

for (const [file, text] of Object.entries(expected.lines)) {
  test(`reads the rendered line ${file} exactly`, async () => {
    const lines = await engine.readLines(await fixture(file));
    assert.deepEqual(
      lines.map((line) => line.text),
      [text],
    );
    const [line] = lines;
    assert.ok(line && line.confidence > 0.8 && line.detectionScore > 0.6);
    assert.equal(line.chars.length, [...text].length);
    for (const char of line.chars) {
      assert.ok(char.start >= 0 && char.start < char.end && char.end <= 1);
      assert.equal(char.alternatives[0]?.text, char.text);
    }
  });
}

test("finds every line of a rendered page, in reading order, each on its ink box", async () => {
  const image = await fixture(expected.page.file);
  const lines = await engine.readLines(image);
  assert.deepEqual(
    lines.map((line) => line.text),
    expected.page.lines.map((line) => line.text),
  );
  lines.forEach((line, i) => {
    const [left, top, right, bottom] = expected.page.lines[i]?.box ?? [0, 0, 0, 0];
    const iou = boundsIoU(quadBounds(line.quad), { left, top, right, bottom });
    assert.ok(iou > 0.6, `line ${i} overlaps its ink box by IoU ${iou.toFixed(2)}`);
  });
});

test("a character's quad lies over its own ink", async () => {
  const image = await fixture(expected.page.file);
  const lines = await engine.readLines(image);
  const title = lines[0];
  assert.ok(title);
  // 常住人口登记卡: the fourth character, 口, sits in the middle seventh of the ink box.
  const [left, , right] = expected.page.lines[0]?.box ?? [0, 0, 0, 0];
  const char = title.chars[3];
  assert.ok(char);
  const bounds = quadBounds(subQuad(title.quad, char.start, char.end));
  const centre = (bounds.left + bounds.right) / 2;
  const expectedCentre = left + ((right - left) * 3.5) / 7;
  assert.ok(Math.abs(centre - expectedCentre) < (right - left) / 14, `centre ${centre} vs ${expectedCentre}`);
});

test("a blank image has no lines", async () => {
  const blank: RawImage = {
    width: 300,
    height: 200,
    channels: 3,
    data: new Uint8Array(300 * 200 * 3).fill(255),
  };
  assert.deepEqual(await engine.readLines(blank), []);
});

test("a disposed engine fails with algorithmError", async () => {
  const other = await OcrEngine.create({ threads: 1 });
  await other.dispose();
  await assert.rejects(other.readLines(await fixture("line-small.png")), { code: "algorithmError" });
});

test("a lone narrow digit, read turned, has its box reported upright", async () => {
  const lines = await engine.readLines(await fixture("line-one.png"));
  const [tl, tr, br, bl] = lines[0]?.quad ?? [];
  assert.ok(tl && tr && br && bl);
  assert.ok(tl.x < tr.x && bl.x < br.x && tl.y < bl.y, "top-left corner first, as in the image");
});
