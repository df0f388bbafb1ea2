import assert from "node:assert/strict";
import { describe, it } from "node:test";
import sharp from "sharp";
import type { Point } from "../../src/types.ts";
import { Random } from "../random.ts";
import { captureDocument, captureWithPlan } from "./capture-document.ts";
import { type CapturePlan, planCapture } from "./capture-plan.ts";
import { applyHomography, homographyFromQuads } from "./homography.ts";
import { DOT_POSITIONS, standInDocument } from "./test-support.ts";

const source = standInDocument();

async function decodeGrey(image: Uint8Array) {
  const { data, info } = await sharp(image).greyscale().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** Centroid of the dark pixels in a window around `near`: where the marker dot really is. */
function findDot(grey: { data: Buffer; width: number; height: number }, near: Point, radius: number): Point {
  const x0 = Math.max(0, Math.floor(near.x - radius));
  const x1 = Math.min(grey.width, Math.ceil(near.x + radius));
  const y0 = Math.max(0, Math.floor(near.y - radius));
  const y1 = Math.min(grey.height, Math.ceil(near.y + radius));
  let low = 255;
  let high = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const v = grey.data[y * grey.width + x] as number;
      low = Math.min(low, v);
      high = Math.max(high, v);
    }
  }
  const threshold = (low + high) / 2;
  let sx = 0;
  let sy = 0;
  let n = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const weight = threshold - (grey.data[y * grey.width + x] as number);
      if (weight <= 0) continue;
      sx += (x + 0.5) * weight;
      sy += (y + 0.5) * weight;
      n += weight;
    }
  }
  return { x: sx / n, y: sy / n };
}

function centre(quad: readonly Point[]): Point {
  return { x: quad.reduce((s, p) => s + p.x, 0) / 4, y: quad.reduce((s, p) => s + p.y, 0) / 4 };
}

/** Plans covering each kind of capture, with the effects that could hide a dot turned on. */
function plans(): CapturePlan[] {
  const photo: CapturePlan = {
    ...planCapture("hard", new Random(3)),
    kind: "photo",
    quarter: 90,
    skew: 7,
    pitch: 18,
  };
  return [
    { ...planCapture("clean", new Random(1)), skew: 0.8 },
    {
      ...planCapture("moderate", new Random(2)),
      kind: "copy",
      surface: "scanner",
      quarter: 180,
      skew: -2,
      pitch: 0,
      yaw: 0,
      // Blur and resampling run through sharp, which must keep the copy's single grey channel.
      blur: { kind: "gaussian", sigma: 0.8 },
      resample: 0.7,
    },
    { ...photo, yaw: -12, hand: true, glare: true, shadow: true, blur: { kind: "gaussian", sigma: 1 } },
    { ...photo, quarter: 270, yaw: 10, surface: "fabric", blur: { kind: "motion", length: 3, angle: 30 } },
  ];
}

describe("captureDocument", () => {
  it("gives the same bytes for the same seed and different bytes for another", async () => {
    const a = await captureDocument(source, new Random(42), "hard");
    const b = await captureDocument(source, new Random(42), "hard");
    const c = await captureDocument(source, new Random(43), "hard");
    assert.deepEqual(Buffer.from(a.image), Buffer.from(b.image));
    assert.deepEqual(a.corners, b.corners);
    assert.notDeepEqual(Buffer.from(a.image), Buffer.from(c.image));
  });

  const cases = plans().map((plan) => ({ plan, maxSide: undefined as number | undefined }));
  cases.push({ plan: { ...(plans()[2] as CapturePlan), textHeight: 40 }, maxSide: 800 });
  for (const { plan, maxSide } of cases) {
    it(`puts the marker dots where the labels say (${plan.kind}, ${plan.quarter}°, max ${maxSide})`, async () => {
      const capture = await captureWithPlan(source, plan, new Random(9), maxSide ? { maxSide } : {});
      if (maxSide) assert.equal(Math.max(capture.width, capture.height), maxSide);
      const grey = await decodeGrey(capture.image);
      assert.equal(grey.width, capture.width);
      assert.equal(grey.height, capture.height);
      const fromCorners = homographyFromQuads(source.documentQuad, capture.corners);
      for (const key of Object.keys(DOT_POSITIONS)) {
        const expected = centre(capture.fieldQuads[key]?.[0] ?? []);
        const original = centre(source.fieldQuads[key]?.[0] ?? []);
        const viaCorners = applyHomography(fromCorners, original);
        assert.ok(
          Math.hypot(viaCorners.x - expected.x, viaCorners.y - expected.y) < 0.05,
          `${key} corners/fieldQuads`,
        );
        const found = findDot(grey, expected, maxSide ? 10 : 14);
        const error = Math.hypot(found.x - expected.x, found.y - expected.y);
        assert.ok(error < 2, `${key} found ${error.toFixed(2)} px away`);
      }
    });
  }

  it("reports a rotation consistent with the corners", async () => {
    for (let seed = 0; seed < 6; seed++) {
      const capture = await captureDocument(source, new Random(seed), seed % 2 ? "hard" : "moderate");
      const [tl, tr, br, bl] = capture.corners;
      const across = Math.atan2(tr.y + br.y - tl.y - bl.y, tr.x + br.x - tl.x - bl.x);
      const measured = ((across * 180) / Math.PI + 360) % 360;
      const difference = Math.abs(((measured - capture.rotation + 540) % 360) - 180);
      assert.ok(
        difference < 8,
        `seed ${seed}: corners say ${measured.toFixed(1)}, label ${capture.rotation}`,
      );
      assert.ok(capture.rotation >= 0 && capture.rotation < 360);
    }
  });

  it("keeps every corner inside the image", async () => {
    for (let seed = 0; seed < 6; seed++) {
      const capture = await captureDocument(source, new Random(100 + seed), "hard");
      for (const p of capture.corners) {
        assert.ok(p.x >= 0 && p.y >= 0 && p.x <= capture.width && p.y <= capture.height, JSON.stringify(p));
      }
    }
  });

  it("makes photocopies grey (ftype 1) and photos colour (ftype 0)", async () => {
    const [, copyPlan, photoPlan] = plans();
    const copy = await captureWithPlan(source, copyPlan as CapturePlan, new Random(5));
    const photo = await captureWithPlan(source, photoPlan as CapturePlan, new Random(5));
    assert.equal(copy.ftype, 1);
    assert.equal(photo.ftype, 0);
    const copyMeta = await sharp(copy.image).metadata();
    assert.equal(copyMeta.channels, 1);
    const { data } = await sharp(photo.image).raw().toBuffer({ resolveWithObject: true });
    let chroma = 0;
    for (let i = 0; i < data.length; i += 3)
      chroma = Math.max(chroma, Math.abs((data[i] as number) - (data[i + 2] as number)));
    assert.ok(chroma > 30, "a photo of a desk has colour");
  });
});
