import assert from "node:assert/strict";
import { test } from "node:test";
import { DEFAULT_DETECTION_OPTIONS, resolveOcrEngineOptions } from "./ocr-engine-options.ts";

test("overrides replace single options and keep the rest of their group", () => {
  const options = resolveOcrEngineOptions({
    detection: { boxThreshold: 0.5 },
    recognition: { topK: 3 },
    threads: 1,
  });
  assert.equal(options.detection.boxThreshold, 0.5);
  assert.equal(options.detection.unclipRatio, DEFAULT_DETECTION_OPTIONS.unclipRatio);
  assert.equal(options.recognition.topK, 3);
  assert.equal(options.recognition.batchSize, 2);
  assert.equal(options.threads, 1);
  assert.match(options.models.recognition, /ch_PP-OCRv4_rec_infer\.onnx$/);
});

test("bad values are refused with InvalidParameter naming the option", () => {
  for (const [overrides, name] of [
    [{ threads: 0 }, "threads"],
    [{ recognition: { batchSize: 2.5 } }, "recognition.batchSize"],
    [{ detection: { boxThreshold: 1.5 } }, "detection.boxThreshold"],
    [{ detection: { minLongSide: 960, maxLongSide: 640 } }, "detection.maxLongSide"],
  ] as const) {
    assert.throws(
      () => resolveOcrEngineOptions(overrides),
      (error: { code?: string; message?: string }) => {
        assert.equal(error.code, "InvalidParameter");
        assert.ok(error.message?.includes(name), error.message);
        return true;
      },
    );
  }
});
