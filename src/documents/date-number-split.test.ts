import assert from "node:assert/strict";
import { test } from "node:test";
import { splitDateFromNumber } from "./date-number-split.ts";
import { textLineAt } from "./shared/make-text-line.ts";
import { makePageFrame } from "./shared/page-frame.ts";
import type { ValuePiece } from "./shared/value-pieces.ts";

const frame = makePageFrame(0);
const piece = (text: string, x: number, lineIndex = 0): ValuePiece => ({
  line: textLineAt(text, x, 100),
  lineIndex,
});

function split(date: ValuePiece[], number: ValuePiece[] = []): { date: string[]; number: string[] } {
  const assigned = new Map([
    ["issueDate", date],
    ["certificateNumber", number],
  ]);
  splitDateFromNumber(assigned, "issueDate", "certificateNumber", frame);
  const texts = (key: string) => (assigned.get(key) ?? []).map((p) => p.line.text);
  return { date: texts("issueDate"), number: texts("certificateNumber") };
}

test("a line merged after the date's 日 is cut there, and the number takes the rest", () => {
  assert.deepEqual(split([piece("2022年05月08日V447537323", 100)]), {
    date: ["2022年05月08日"],
    number: ["V447537323"],
  });
});

test("the cut keeps each part's own position", () => {
  const assigned = new Map([["issueDate", [piece("2023年03月18日X129215711", 100)]]]);
  splitDateFromNumber(assigned, "issueDate", "certificateNumber", frame);
  const [date] = assigned.get("issueDate") ?? [];
  const [number] = assigned.get("certificateNumber") ?? [];
  assert.ok(date && number);
  // 11 characters of 20 px from x = 100: the date ends, and the number begins, at 320.
  assert.ok(Math.abs(frame.box(date.line.quad).right - 320) < 1);
  assert.ok(Math.abs(frame.box(number.line.quad).left - 320) < 1);
});

test("a date whose units were lost is cut where the number's letter begins", () => {
  assert.deepEqual(split([piece("2018Q371202418", 100)]), { date: ["2018"], number: ["Q371202418"] });
  assert.deepEqual(split([piece("2016年Q535384291", 100)]), { date: ["2016年"], number: ["Q535384291"] });
});

test("the number's caption is no part of the date, nor of the number", () => {
  assert.deepEqual(split([piece("2021年06月11CertificateNo", 100)]), { date: ["2021年06月11"], number: [] });
});

test("a number's own box taken by the date's row goes to the number", () => {
  assert.deepEqual(split([piece("2016年", 100), piece("10", 260), piece("D149644932", 640)]), {
    date: ["2016年", "10"],
    number: ["D149644932"],
  });
});

test("a number already read keeps its reading; the date still loses the merged part", () => {
  assert.deepEqual(split([piece("2022年05月08日V447537323", 100)], [piece("V447537323", 100, 1)]), {
    date: ["2022年05月08日"],
    number: ["V447537323"],
  });
});

test("a whole date, boxes read apart, and noise with no digit before it", () => {
  assert.deepEqual(split([piece("2016年10月20日", 100)]), { date: ["2016年10月20日"], number: [] });
  assert.deepEqual(split([piece("2016", 100), piece("年10月", 200), piece("20日", 320)]), {
    date: ["2016", "年10月", "20日"],
    number: [],
  });
  assert.deepEqual(split([piece("证明专用", 20), piece("2025年11月03日", 100)]), {
    date: ["2025年11月03日"],
    number: [],
  });
});

test("a date read without units as one run of digits is not taken for a number", () => {
  assert.deepEqual(split([piece("20161020", 100)]), { date: ["20161020"], number: [] });
});
