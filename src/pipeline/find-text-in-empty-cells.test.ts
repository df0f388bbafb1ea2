import assert from "node:assert/strict";
import { test } from "node:test";
import { BIRTH_CERTIFICATE_SPEC } from "../documents/birth-certificate.ts";
import { HOUSEHOLD_HEAD_SPEC } from "../documents/household-head.ts";
import { HOUSEHOLD_RESIDENT_SPEC } from "../documents/household-resident.ts";
import { readFields } from "../documents/read-fields.ts";
import { makeTextLine, textLineAt as at } from "../documents/shared/make-text-line.ts";
import type { RawImage } from "../image/raw-image.ts";
import type { Quad, TextLine } from "../types.ts";
import { findTextInEmptyCells, placeRowLabel } from "./find-text-in-empty-cells.ts";
import type { TextEngine } from "./text-engine.ts";

/** A resident card's grid, labels 20 px high; with `filled`, its values, except the sex the detector missed. */
function card(filled: boolean): TextLine[] {
  const labels = [
    at("常住人口登记卡", 250, 10),
    at("姓名", 40, 50),
    at("户主或与户主关系", 420, 50),
    at("曾用名", 40, 90),
    at("性别", 420, 90),
    at("出生地", 40, 130),
    at("民族", 420, 130),
    at("籍贯", 40, 170),
    at("出生日期", 420, 170),
    at("公民身份号码", 40, 210),
    at("登记日期", 420, 250),
  ];
  if (!filled) return labels;
  return [
    ...labels,
    at("王小明", 120, 50),
    at("长子", 600, 50),
    at("湖南省长沙市岳麓区", 120, 130),
    at("汉族", 500, 130),
    at("湖南省长沙市", 120, 170),
    at("1990年01月02日", 520, 170),
    at("430104199001020011", 180, 210),
    at("2010年03月04日", 520, 250),
  ];
}

/** A white page, with dark blocks (stand-ins for print) at the given page boxes. */
function pageImage(
  ink: readonly { left: number; top: number; width: number; height: number }[],
  height = 320,
): RawImage {
  const width = 800;
  const data = new Uint8Array(width * height).fill(235);
  for (const block of ink) {
    for (let y = block.top; y < block.top + block.height; y++) {
      for (let x = block.left; x < block.left + block.width; x++) data[y * width + x] = 40;
    }
  }
  return { width, height, channels: 1, data };
}

/** The sex cell's value, right of 性别 (x 420–460, y 90–110). */
const SEX_INK = { left: 500, top: 92, width: 18, height: 16 };

/**
 * An engine whose detector finds each dark blob of the mosaic (its bounding box), and whose recogniser reads the
 * boxes, top to bottom, as `texts` with `confidence`. Records what it was asked.
 */
function fakeEngine(texts: readonly string[], confidence = 0.97) {
  const calls = { detect: 0, recognize: 0, quads: [] as Quad[] };
  const engine: TextEngine = {
    detect: async (image) => {
      calls.detect++;
      return blobs(image);
    },
    recognize: async (_image, quads) => {
      calls.recognize++;
      calls.quads.push(...quads);
      return quads.map((quad, index) => makeTextLine(texts[index] ?? "", { quad, confidence }));
    },
    dispose: async () => {},
  };
  return { engine, calls };
}

/**
 * Bounding boxes of dark blobs: bands of rows holding ink (split by white rows), each split where 12 or more
 * white columns part its ink. Listed top to bottom, left to right.
 */
function blobs(image: RawImage): Quad[] {
  const { width, height, data } = image;
  const dark = (x: number, y: number) => (data[y * width + x] as number) < 128;
  const quads: Quad[] = [];
  let y = 0;
  while (y < height) {
    let top = y;
    while (top < height && !rowHasInk(top)) top++;
    if (top >= height) break;
    let bottom = top;
    while (bottom < height && rowHasInk(bottom)) bottom++;
    let x = 0;
    while (x < width) {
      let left = x;
      while (left < width && !columnHasInk(left, top, bottom)) left++;
      if (left >= width) break;
      let right = left;
      let gap = 0;
      for (let column = left; column < width && gap < 12; column++) {
        if (columnHasInk(column, top, bottom)) {
          right = column + 1;
          gap = 0;
        } else gap++;
      }
      quads.push([
        { x: left, y: top },
        { x: right, y: top },
        { x: right, y: bottom },
        { x: left, y: bottom },
      ]);
      x = right + 1;
    }
    y = bottom + 1;
  }
  return quads;

  function rowHasInk(row: number): boolean {
    for (let column = 0; column < width; column++) if (dark(column, row)) return true;
    return false;
  }
  function columnHasInk(column: number, from: number, to: number): boolean {
    for (let row = from; row < to; row++) if (dark(column, row)) return true;
    return false;
  }
}

test("a lone character the page's detection missed is found in its cell at a larger scale", async () => {
  const reading = readFields(card(true), HOUSEHOLD_RESIDENT_SPEC);
  assert.equal(reading.fields.get("sex")?.text, "");
  const { engine, calls } = fakeEngine(["女"]);
  await findTextInEmptyCells(pageImage([SEX_INK]), reading, HOUSEHOLD_RESIDENT_SPEC, engine);
  assert.equal(reading.fields.get("sex")?.text, "女");
  assert.equal(calls.detect, 1, "all cells are detected in one call");
  assert.ok((reading.fields.get("sex")?.confidence ?? 1) < 0.97, "a value found this way is trusted less");
  assert.equal(reading.fields.get("name")?.text, "王小明", "a field read already is left alone");
  // The cell was blown up: the blob the detector found is larger than the 16 px block on the page.
  const box = calls.quads[0] as Quad;
  assert.ok(box[2].y - box[0].y > 16 * 1.3);
});

test("an optional cell left blank is not searched, and a form never filled in not at all", async () => {
  const filled = readFields(card(true), HOUSEHOLD_RESIDENT_SPEC);
  const formerName = { left: 140, top: 92, width: 40, height: 16 };
  const { engine } = fakeEngine(["李四"]);
  await findTextInEmptyCells(pageImage([formerName]), filled, HOUSEHOLD_RESIDENT_SPEC, engine);
  assert.equal(filled.fields.get("formerName")?.text, "");

  // A register page has no blank flag; nothing read in its always-filled cells makes it one.
  const blank = readFields(card(false), HOUSEHOLD_RESIDENT_SPEC);
  const { engine: blankEngine, calls } = fakeEngine(["女"]);
  await findTextInEmptyCells(pageImage([SEX_INK]), blank, HOUSEHOLD_RESIDENT_SPEC, blankEngine);
  assert.equal(calls.detect, 0);
  assert.equal(blank.fields.get("sex")?.text, "");
});

test("an empty cell with no ink gets no value", async () => {
  const reading = readFields(card(true), HOUSEHOLD_RESIDENT_SPEC);
  const { engine, calls } = fakeEngine(["女"]);
  await findTextInEmptyCells(pageImage([]), reading, HOUSEHOLD_RESIDENT_SPEC, engine);
  assert.equal(calls.recognize, 0, "nothing found, nothing read");
  assert.equal(reading.fields.get("sex")?.text, "");
});

test("what is read unsure, or is no value of the field's kind, is not taken", async () => {
  for (const [text, confidence] of [
    ["女", 0.5],
    ["别", 0.99],
    ["Sex", 0.99],
  ] as const) {
    const reading = readFields(card(true), HOUSEHOLD_RESIDENT_SPEC);
    const { engine } = fakeEngine([text], confidence);
    await findTextInEmptyCells(pageImage([SEX_INK]), reading, HOUSEHOLD_RESIDENT_SPEC, engine);
    assert.equal(reading.fields.get("sex")?.text, "", `${text} at ${confidence}`);
  }
});

test("a box off the label's line (the row below's print) is not the cell's value", async () => {
  const reading = readFields(card(true), HOUSEHOLD_RESIDENT_SPEC);
  const low = { left: 500, top: 112, width: 18, height: 8 };
  const { engine, calls } = fakeEngine(["女"]);
  await findTextInEmptyCells(pageImage([low]), reading, HOUSEHOLD_RESIDENT_SPEC, engine);
  assert.equal(reading.fields.get("sex")?.text, "");
  assert.equal(calls.recognize, 0);
});

test("a missing name must be Chinese characters read surely, not a printed label", async () => {
  const lines = card(true).filter((line) => line.text !== "王小明");
  const ink = { left: 130, top: 52, width: 50, height: 16 };
  for (const [text, expected] of [
    ["王小明", "王小明"],
    ["姓名", ""],
    ["Name", ""],
    ["王", ""],
  ] as const) {
    const reading = readFields(lines, HOUSEHOLD_RESIDENT_SPEC);
    assert.equal(reading.fields.get("name")?.text, "");
    const { engine } = fakeEngine([text]);
    await findTextInEmptyCells(pageImage([ink]), reading, HOUSEHOLD_RESIDENT_SPEC, engine);
    assert.equal(reading.fields.get("name")?.text, expected, text);
  }
});

test("a missing name of a name's shape is taken read less surely than other text", async () => {
  const lines = card(true).filter((line) => line.text !== "王小明");
  const ink = { left: 130, top: 52, width: 50, height: 16 };
  for (const [text, expected] of [
    ["王一鸣", "王一鸣"],
    ["丁登记", ""],
    ["区一鸣", ""],
  ] as const) {
    const reading = readFields(lines, HOUSEHOLD_RESIDENT_SPEC);
    const engine: TextEngine = {
      detect: async (image) => blobs(image),
      recognize: async (_image, quads) =>
        quads.map((quad) => makeTextLine(text, { quad, confidences: { 0: 0.99, 1: 0.84, 2: 0.51 } })),
      dispose: async () => {},
    };
    await findTextInEmptyCells(pageImage([ink]), reading, HOUSEHOLD_RESIDENT_SPEC, engine);
    assert.equal(reading.fields.get("name")?.text, expected, text);
  }
});

/** A certificate's rows (labels 20 px high, rows 50 px apart), filled, its mother's name and label lost to glare. */
function certificate(): TextLine[] {
  return [
    at("新生儿姓名", 50, 40),
    at("王小明", 170, 40),
    at("性别", 420, 40),
    at("男", 480, 40),
    at("出生时间", 50, 90),
    at("2019年06月26日09时28分", 150, 90),
    at("出生地点", 50, 140),
    at("湖南省长沙市岳麓区", 150, 140),
    at("年龄", 300, 190),
    at("30", 355, 190),
    at("国籍", 450, 190),
    at("中国", 505, 190),
    at("民族", 600, 190),
    at("汉族", 655, 190),
    at("住址", 50, 240),
    at("湖南省长沙市岳麓区望月湖街道", 120, 240),
    at("签发机构", 50, 290),
    at("岳麓区人民医院", 150, 290),
    at("签发日期", 50, 340),
    at("2019年07月01日", 150, 340),
  ];
}

test("a value whose label was lost too is looked for where the grid puts the label", async () => {
  const reading = readFields(certificate(), BIRTH_CERTIFICATE_SPEC);
  assert.equal(reading.fields.get("motherName")?.label, undefined);
  assert.equal(reading.fields.get("motherName")?.text, "");
  // 母亲姓名 is four characters from x 50: the name is printed at x 150–190 on the row of 年龄 (y 190–210).
  const image = pageImage([{ left: 150, top: 192, width: 40, height: 16 }], 400);
  const { engine } = fakeEngine(["李红"]);
  await findTextInEmptyCells(image, reading, BIRTH_CERTIFICATE_SPEC, engine);
  assert.equal(reading.fields.get("motherName")?.text, "李红");
});

test("a label is placed from the grid, and after other print starting its row", () => {
  const labels = [
    { key: "neonatalName", box: boxAt(50, 40, 100) },
    { key: "birthTime", box: boxAt(50, 90, 80) },
    { key: "motherAge", box: boxAt(300, 190, 40) },
  ];
  const field = BIRTH_CERTIFICATE_SPEC.fields.find((f) => f.key === "motherName");
  assert.ok(field);
  const placed = placeRowLabel(BIRTH_CERTIFICATE_SPEC, field, labels);
  assert.deepEqual(
    placed && [placed.left, placed.right, placed.centerY],
    [50, 50 + 4 * 20, 200],
    "left-aligned with the rows' first labels, on its row-mates' line, four label heights wide",
  );
  const print = boxAt(40, 190, 160);
  assert.equal(placeRowLabel(BIRTH_CERTIFICATE_SPEC, field, labels, [print])?.right, 200);
});

function boxAt(left: number, top: number, width: number) {
  return {
    left,
    top,
    right: left + width,
    bottom: top + 20,
    centerX: left + width / 2,
    centerY: top + 10,
    height: 20,
  };
}

test("the next field's label read in a cell ends it: what follows is that field's value", async () => {
  const lines = [
    ...certificate(),
    at("母亲姓名", 50, 190),
    at("李红", 150, 190),
    at("出生孕周", 50, 115),
    at("出生身长", 400, 115),
    at("50", 490, 115),
  ];
  const reading = readFields(lines, BIRTH_CERTIFICATE_SPEC);
  assert.equal(reading.fields.get("gestationalAge")?.text, "");
  // Right of 出生孕周 (x 50–130), printed tight: the missed label 出生体重 at x 140–172, then the weight 3655 at
  // x 186–206, both within the cell's reach.
  const ink = [
    { left: 140, top: 117, width: 32, height: 16 },
    { left: 186, top: 117, width: 20, height: 16 },
  ];
  const { engine, calls } = fakeEngine(["出生体重", "3655"]);
  await findTextInEmptyCells(pageImage(ink, 400), reading, BIRTH_CERTIFICATE_SPEC, engine);
  assert.equal(calls.quads.length, 2, "both boxes were found and read");
  assert.equal(reading.fields.get("gestationalAge")?.text, "", "3655 is not read as a gestational age");
  assert.equal(reading.fields.get("birthWeight")?.text, "3655", "it is the weight, after the weight's label");
});

test("a value read up to the next cell's label keeps what precedes the label", async () => {
  // The native place was missed on the page; in its cell it reads together with the next label, 出生日期.
  const lines = card(true).filter((line) => line.text !== "湖南省长沙市");
  const reading = readFields(lines, HOUSEHOLD_RESIDENT_SPEC);
  assert.equal(reading.fields.get("nativePlace")?.text, "");
  const ink = [{ left: 120, top: 172, width: 200, height: 16 }];
  const { engine } = fakeEngine(["湖南省长沙市出生日期"]);
  await findTextInEmptyCells(pageImage(ink), reading, HOUSEHOLD_RESIDENT_SPEC, engine);
  assert.equal(reading.fields.get("nativePlace")?.text, "湖南省长沙市");
});

test("a name whose label was lost after its row-mate's value is looked for after that value", async () => {
  const lines = [
    at("居民户口簿", 250, 10),
    at("户别", 40, 50),
    at("家庭户", 100, 50),
    at("户号", 40, 100),
    at("600713626", 100, 100),
    at("住址", 300, 100),
    at("江西省赣州市兴国县隆坪乡", 360, 100),
    at("签发日期", 300, 150),
    at("2019年04月22日", 390, 150),
  ];
  const reading = readFields(lines, HOUSEHOLD_HEAD_SPEC);
  assert.equal(reading.fields.get("householderName")?.label, undefined);
  // The lost label 户主姓名 at x 200–280, then the name at x 300–340, on the line of 户别.
  const ink = [
    { left: 200, top: 52, width: 80, height: 16 },
    { left: 300, top: 52, width: 40, height: 16 },
  ];
  const { engine } = fakeEngine(["户主姓名", "薛刚"]);
  await findTextInEmptyCells(pageImage(ink), reading, HOUSEHOLD_HEAD_SPEC, engine);
  assert.equal(reading.fields.get("householderName")?.text, "薛刚");

  const merged = readFields(lines, HOUSEHOLD_HEAD_SPEC);
  const one = [{ left: 200, top: 52, width: 140, height: 16 }];
  await findTextInEmptyCells(
    pageImage(one),
    merged,
    HOUSEHOLD_HEAD_SPEC,
    fakeEngine(["户主姓名薛刚"]).engine,
  );
  assert.equal(merged.fields.get("householderName")?.text, "薛刚", "the label read with the name is cut off");
});
