import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { RecognitionResult } from "../../src/types.ts";
import { summarize } from "./metrics.ts";
import { cell, formatPercent, formatRate, type ReportContext, renderReport } from "./report.ts";
import { evaluateSample } from "./sample-evaluation.ts";

const CONTEXT: ReportContext = {
  recognizer: "test",
  baseline: false,
  data: "memory",
  selection: "",
  startedAt: "2026-11-21T06:00:00Z",
  machine: "2 cpus",
};

function metricsWithOneError() {
  const corners = [
    { x: 0, y: 0 },
    { x: 100, y: 0 },
    { x: 100, y: 100 },
    { x: 0, y: 100 },
  ] as const;
  const result: RecognitionResult = {
    data: { name: "李|四", formerName: "" },
    prism_keyValueInfo: [],
    sliceRect: { x0: 0, y0: 0, x1: 100, y1: 0, x2: 100, y2: 100, x3: 0, y3: 100 },
    angle: 0,
    ftype: 0,
    width: 100,
    height: 100,
    orgWidth: 100,
    orgHeight: 100,
  };
  const label = {
    file: "resident-007.jpg",
    type: "household-resident" as const,
    tier: "hard",
    fields: { name: "张三", formerName: "" },
    corners,
    rotation: 0,
    ftype: 0 as const,
    degradations: ["blur:1.5"],
  };
  return summarize([evaluateSample({ label, result, timeMs: 420 })]);
}

describe("formatting", () => {
  it("writes rates with their counts", () => {
    assert.equal(formatRate({ correct: 3, total: 4, rate: 0.75 }), "75.0% (3/4)");
    assert.equal(formatRate({ correct: 0, total: 0, rate: null }), "—");
    assert.equal(formatPercent(null), "—");
  });

  it("escapes table cells and shows empty values", () => {
    assert.equal(cell("a|b"), "a\\|b");
    assert.equal(cell("a\nb"), "a b");
    assert.equal(cell(""), '""');
  });
});

describe("renderReport", () => {
  it("shows the summary, the fields and the worst errors with their files", () => {
    const text = renderReport(metricsWithOneError(), CONTEXT);
    assert.match(text, /^# Accuracy benchmark/);
    assert.match(text, /\| \*\*all\*\* \| 1 \| 0 \| 0\.0% \(0\/1\) \| 100\.0% \(1\/1\) \|/);
    assert.match(text, /\| household-resident \/ hard \|/);
    assert.match(text, /\| household-resident \| `name` \| 0\.0% \(0\/1\) \|/);
    assert.match(
      text,
      /\| `resident-007\.jpg` \| household-resident \| hard \| `name` \| 张三 \| 李\\\|四 \|/,
    );
    assert.match(text, /\| 420 \| 420 \|/);
    assert.doesNotMatch(text, /BASELINE/);
    assert.match(text, /\| `blur` \| 1 \| 0 \|/);
  });

  it("labels a baseline run", () => {
    const text = renderReport(metricsWithOneError(), { ...CONTEXT, baseline: true, selection: "--limit 1" });
    assert.match(text, /\*\*BASELINE\.\*\*/);
    assert.match(text, /selection: `--limit 1`/);
  });
});
