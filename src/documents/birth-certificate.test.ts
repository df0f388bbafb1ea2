import assert from "node:assert/strict";
import { test } from "node:test";
import type { TextLine } from "../types.ts";
import { BIRTH_CERTIFICATE_SPEC, weightFitsGestation } from "./birth-certificate.ts";
import { matchBirthPlace } from "./birth-place.ts";
import { readFields } from "./read-fields.ts";
import { textLineAt as at } from "./shared/make-text-line.ts";
import { pageFrameOf } from "./shared/page-frame.ts";

/** One printed row: each cell a label at its x and the value read after it (`""`: nothing read). */
type Row = [label: string, x: number, value: string][];

/** A filled certificate front page, rows 50 px apart; `change` replaces a row's cells before they are laid out. */
function certificate(change: (rows: Row[]) => void = () => {}): TextLine[] {
  const rows: Row[] = [
    [
      ["新生儿姓名", 50, "王小明"],
      ["性别", 500, "男"],
    ],
    [["出生时间", 50, "2019年06月26日09时28分"]],
    [
      ["出生孕周", 50, "39"],
      ["出生体重", 250, "3450"],
      ["出生身长", 450, "50"],
    ],
    [["出生地点", 50, "湖南省长沙市岳麓区"]],
    [["医疗机构名称", 50, "岳麓区人民医院"]],
    [
      ["母亲姓名", 50, "王梦琪"],
      ["年龄", 300, "30"],
      ["国籍", 450, "中国"],
      ["民族", 600, "汉族"],
    ],
    [["住址", 50, "湖南省长沙市岳麓区望月湖街道12号"]],
    [["证件号码", 450, "43010219890101002X"]],
    [
      ["父亲姓名", 50, "李强"],
      ["年龄", 300, "32"],
      ["国籍", 450, "中国"],
      ["民族", 600, "土家族"],
    ],
    [["住址", 50, "湖南省长沙市岳麓区桔子洲街道8号"]],
    [["证件号码", 450, "430102198701010016"]],
    [["签发机构", 50, "岳麓区人民医院"]],
    [["签发日期", 50, "2019年07月01日"]],
  ];
  change(rows);
  const lines: TextLine[] = [];
  rows.forEach((cells, index) => {
    const y = 100 + index * 50;
    for (const [label, x, value] of cells) {
      if (label) lines.push(at(label, x, y));
      const width = Array.from(label).length * 20;
      if (value) lines.push(at(value, x + Math.max(width, 20) + 15, y));
    }
  });
  return lines;
}

function read(lines: TextLine[]): Map<string, string> {
  const { fields } = readFields(lines, BIRTH_CERTIFICATE_SPEC);
  return new Map([...fields].map(([key, field]) => [key, field.text]));
}

test("an address printed over its label, read as one line with the label's first character", () => {
  const lines = certificate((rows) => {
    // The detector took 住址 and the address as one box and the recogniser lost 址 under the value's first glyph.
    rows[6] = [["", 50, ""]];
  });
  lines.push(at("住湖南省长沙市岳麓区望月湖街道12号", 50, 400));
  const fields = read(lines);
  assert.equal(fields.get("motherAddress"), "湖南省长沙市岳麓区望月湖街道12号");
  assert.equal(fields.get("motherName"), "王梦琪", "the row above keeps its own value");
  assert.equal(fields.get("fatherAddress"), "湖南省长沙市岳麓区桔子洲街道8号");
});

test("an address whose label was not read at all still goes to the parent of its row", () => {
  const lines = certificate((rows) => {
    rows[6] = [["", 50, "湖南省长沙市岳麓区望月湖街道12号"]];
  });
  const fields = read(lines);
  assert.equal(fields.get("motherAddress"), "湖南省长沙市岳麓区望月湖街道12号");
  assert.equal(fields.get("motherName"), "王梦琪");
});

test("a nationality under a lost 国籍 label is the value, not the label, though it shares 国", () => {
  const lines = certificate((rows) => {
    // The mother's 国籍 not read at all; the father's read as a lone 国 (籍 lost), which only the grid can place.
    (rows[5] as Row)[2] = ["", 450, "中国"];
    (rows[8] as Row)[2] = ["国", 450, "中国"];
  });
  const fields = read(lines);
  assert.equal(fields.get("motherNationality"), "中国");
  assert.equal(fields.get("fatherNationality"), "中国");
  assert.equal(fields.get("motherEthnicity"), "汉族");
  assert.equal(fields.get("fatherAge"), "32");
});

test("an age read into one box with what is left of its label (年32) keeps its number", () => {
  const lines = certificate((rows) => {
    (rows[8] as Row)[1] = ["", 300, ""];
  });
  lines.push(at("年32", 300, 500));
  const fields = read(lines);
  assert.equal(fields.get("fatherAge"), "32");
  assert.equal(fields.get("motherAge"), "30");
  assert.equal(fields.get("fatherNationality"), "中国");
});

test("a lost 国籍 read as 国 in one box with the value after it (国中国) leaves the value", () => {
  const lines = certificate((rows) => {
    (rows[8] as Row)[2] = ["", 450, ""];
  });
  lines.push(at("国中国", 450, 500));
  const fields = read(lines);
  assert.equal(fields.get("fatherNationality"), "中国");
  assert.equal(fields.get("fatherEthnicity"), "土家族");
});

test("a nationality read in one box with the next label (中国民族), its own 国籍 lost, is the value", () => {
  const lines = certificate((rows) => {
    // The age read with the 国 of 国籍 (籍 lost), then the value and 民族 taken as one box.
    (rows[5] as Row)[1] = ["", 300, ""];
    (rows[5] as Row)[2] = ["", 450, ""];
    (rows[5] as Row)[3] = ["", 600, "汉族"];
  });
  lines.push(at("年龄", 300, 350), at("30国", 350, 350), at("中国民族", 450, 350));
  const fields = read(lines);
  assert.equal(fields.get("motherNationality"), "中国");
  assert.equal(fields.get("motherEthnicity"), "汉族");
  assert.equal(fields.get("motherAge"), "30");
  assert.equal(fields.get("fatherNationality"), "中国");
});

test("an age printed low into its label's caption (Age33) is the parent's age, the caption cut off", () => {
  const lines = certificate((rows) => {
    (rows[8] as Row)[1] = ["年龄", 300, ""];
  });
  lines.push(at("Age33", 300, 514));
  const fields = read(lines);
  assert.equal(fields.get("fatherAge"), "33");
  assert.equal(fields.get("motherAge"), "30");
  assert.equal(fields.get("fatherNationality"), "中国");
});

test("the end of a caption read before an address (Addre湖南省…) is not part of it", () => {
  const lines = certificate((rows) => {
    rows[9] = [["住址", 50, "Addre湖南省长沙市岳麓区桔子洲街道8号"]];
  });
  const fields = read(lines);
  assert.equal(fields.get("fatherAddress"), "湖南省长沙市岳麓区桔子洲街道8号");
});

test("Latin letters before a value that are no caption of the form are kept", () => {
  const lines = certificate((rows) => {
    rows[9] = [["住址", 50, "Xyz湖南省长沙市岳麓区桔子洲街道8号"]];
  });
  assert.equal(read(lines).get("fatherAddress"), "Xyz湖南省长沙市岳麓区桔子洲街道8号");
});

test("a weight under 1000 g does not fit 33 weeks or more of gestation", () => {
  const weeks = (value: string) => (key: string) => (key === "gestationalAge" ? value : "");
  assert.equal(weightFitsGestation("305", weeks("39+2")), false, "3050 read with a digit lost");
  assert.equal(weightFitsGestation("3050", weeks("39+2")), true);
  assert.equal(weightFitsGestation("850", weeks("27+4")), true, "a very premature baby");
  assert.equal(weightFitsGestation("850", weeks("")), true, "no gestational age read");
});

test("a place read poorly in one field is read as the other fields of the page name it", () => {
  const lines = certificate((rows) => {
    rows[3] = [["出生地点", 50, "湖南省郴州市嘉禾县"]];
    rows[4] = [["医疗机构名称", 50, "嘉禾县人民医院"]];
    // Three characters of the mother's county misread: too far from any place alone, not from the page's.
    rows[6] = [["住址", 50, "湖南省邢州市路天县珠泉镇解放路306号"]];
    rows[9] = [["住址", 50, "湖南省长沙市岳麓区桔子洲街道8号"]];
    rows[11] = [["签发机构", 50, "嘉禾县人民医院"]];
  });
  for (const line of lines) {
    if (!line.text.startsWith("湖南省邢州市")) continue;
    line.chars = line.chars.map((char) => ({ ...char, confidence: 0.8 }));
  }
  const fields = read(lines);
  assert.equal(fields.get("motherAddress"), "湖南省郴州市嘉禾县珠泉镇解放路306号");
  assert.equal(fields.get("fatherAddress"), "湖南省长沙市岳麓区桔子洲街道8号", "a place read exactly stays");
});

test("a birth place read exactly is given without the captions read under its boxes", () => {
  const field = BIRTH_CERTIFICATE_SPEC.fields.find((candidate) => candidate.key === "birthPlace");
  if (field === undefined) throw new Error("no birthPlace field");
  const lines = [
    at("江西省", 150, 250),
    at("南昌市", 260, 250),
    at("进贤县", 370, 250),
    at("省Pro", 150, 272),
  ];
  const pieces = lines.map((line, lineIndex) => ({ line, lineIndex }));
  const matched = matchBirthPlace(pieces, field, pageFrameOf(lines));
  assert.equal(matched.pieces.map((piece) => piece.line.text).join(""), "江西省南昌市进贤县");
  assert.equal(matched.cost, 0);
});

test("a birth time's boxes printed off their row are joined in the row's order", () => {
  const lines = certificate((rows) => {
    rows[1] = [["出生时间", 50, ""]];
  });
  // 出生时间 at y 150; its boxes' numbers printed up and down by most of a line, the hour's below the minute's.
  const boxes: [string, number, number][] = [
    ["2023年", 150, 145],
    ["08月", 250, 150],
    ["08日", 330, 152],
    ["20时", 410, 162],
    ["18分", 490, 138],
  ];
  for (const [text, x, y] of boxes) lines.push(at(text, x, y));
  const { fields } = readFields(lines, BIRTH_CERTIFICATE_SPEC);
  assert.deepEqual(fields.get("birthTime")?.pieceTexts, ["2023年", "08月", "08日", "20时", "18分"]);
});
