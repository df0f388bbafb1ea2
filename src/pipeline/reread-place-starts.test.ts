import assert from "node:assert/strict";
import { test } from "node:test";
import { HOUSEHOLD_HEAD_SPEC } from "../documents/household-head.ts";
import { readFields } from "../documents/read-fields.ts";
import { makeTextLine, textLineAt as at } from "../documents/shared/make-text-line.ts";
import type { RawImage } from "../image/raw-image.ts";
import type { Quad, TextLine } from "../types.ts";
import { rereadPlaceStarts } from "./reread-place-starts.ts";
import type { TextEngine } from "./text-engine.ts";

const IMAGE: RawImage = { width: 1200, height: 300, channels: 3, data: new Uint8Array(1200 * 300 * 3) };

function page(address: string): TextLine[] {
  return [
    at("户别", 50, 50),
    at("居民家庭户", 150, 50),
    at("户主姓名", 420, 50),
    at("张伟", 600, 50),
    at("户号", 50, 100),
    at("635412322", 150, 100),
    at("住址", 420, 100),
    at(address, 560, 100),
  ];
}

/** An engine reading every crop as `text`, with the confidence of each character given (0.95 otherwise). */
function engineReading(
  text: string,
  confidences: Record<number, number> = {},
  calls: Quad[][] = [],
): TextEngine {
  return {
    detect: async () => [],
    recognize: async (_image, quads) => {
      calls.push([...quads]);
      return quads.map((quad) => ({ ...makeTextLine(text, { confidence: 0.95, confidences }), quad }));
    },
    dispose: async () => {},
  };
}

async function reread(address: string, wider: string, confidences: Record<number, number> = {}) {
  const lines = page(address);
  const reading = readFields(lines, HOUSEHOLD_HEAD_SPEC);
  assert.equal(reading.fields.get("address")?.text, address);
  const calls: Quad[][] = [];
  await rereadPlaceStarts(IMAGE, reading, HOUSEHOLD_HEAD_SPEC, engineReading(wider, confidences, calls));
  return { field: reading.fields.get("address"), calls };
}

test("a province lost before a city is read back where the wider crop reads it before the value", async () => {
  const { field, calls } = await reread(
    "遂宁市射洪市太和街道朝阳路372号",
    "址四川省遂宁市射洪市太和街道朝阳路372号",
  );
  assert.equal(field?.text, "四川省遂宁市射洪市太和街道朝阳路372号");
  assert.equal(calls.length, 1);
  assert.equal(calls[0]?.length, 1, "one crop, for the address only");
  const start = Math.min(...(field?.quads[0] ?? []).map((point) => point.x));
  assert.ok(start < 560, "the value's box reaches over the province");
});

test("a province half read there is the divisions' one, its misread characters trusted little", async () => {
  const { field } = await reread("德州市夏津县宋楼镇宋楼村3组47号", "山东雪制州市复津县宋楼镇宋楼村3组47号", {
    2: 0.3,
  });
  assert.equal(field?.text, "山东省德州市夏津县宋楼镇宋楼村3组47号");
  assert.ok((field?.chars[2]?.confidence ?? 1) <= 0.6);
});

test("nothing is put in where the wider crop holds no province, or the value names one already", async () => {
  assert.equal(
    (await reread("遂宁市射洪市太和街道朝阳路372号", "址遂宁市射洪市太和街道朝阳路372号")).field?.text,
    "遂宁市射洪市太和街道朝阳路372号",
    "the label only before it: an address printed without its province",
  );
  const named = await reread(
    "四川省遂宁市射洪市太和街道朝阳路372号",
    "四川省遂宁市射洪市太和街道朝阳路372号",
  );
  assert.equal(named.calls.length, 0, "a province named already is not read again");
});
