import assert from "node:assert/strict";
import { test } from "node:test";
import { cornerError, drawScene } from "../../../test/support/document-scene.ts";
import type { RawImage } from "../../image/raw-image.ts";
import type { Quad } from "../../types.ts";
import { locateDocument } from "./locate-document.ts";

const TILTED: Quad = [
  { x: 130, y: 90 },
  { x: 690, y: 140 },
  { x: 650, y: 520 },
  { x: 90, y: 470 },
];

test("finds a tilted page in perspective on wood, with a thumb over its bottom edge, within 2%", () => {
  const image = drawScene({
    width: 800,
    height: 600,
    corners: TILTED,
    background: "wood",
    seed: 1,
    handOnSide: 2,
  });
  const found = locateDocument(image);
  assert.equal(found.method, "contour");
  assert.ok(cornerError(found.quad, TILTED) < 0.02, `error ${cornerError(found.quad, TILTED)}`);
  assert.ok(found.confidence > 0.5);
});

test("finds a blurred, noisy, shadowed page on cloth, and reports the corners in image order", () => {
  const image = drawScene({
    ...{ width: 800, height: 600, corners: TILTED, background: "cloth", seed: 2 },
    ...{ shadow: 0.4, blur: 2, noise: 6 },
  });
  const found = locateDocument(image);
  assert.ok(cornerError(found.quad, TILTED) < 0.02);
  // Top-left first, clockwise on screen.
  assert.ok(Math.hypot(found.quad[0].x - 130, found.quad[0].y - 90) < 12);
  assert.ok(Math.hypot(found.quad[2].x - 650, found.quad[2].y - 520) < 12);
});

test("finds a grey photocopy turned 120° on a mid-grey desk", () => {
  const centre = { x: 300, y: 260 };
  const corners = [-0.6, 0.6, Math.PI - 0.6, Math.PI + 0.6].map((offset) => {
    const angle = (120 * Math.PI) / 180 + offset;
    return { x: centre.x + 180 * Math.cos(angle), y: centre.y + 180 * Math.sin(angle) };
  }) as unknown as Quad;
  const image = drawScene({
    width: 600,
    height: 520,
    corners,
    background: "mid",
    seed: 3,
    paper: [210, 210, 210],
  });
  const found = locateDocument(image);
  assert.equal(found.method, "contour");
  assert.ok(cornerError(found.quad, corners) < 0.02, `error ${cornerError(found.quad, corners)}`);
});

test("finds a page half in deep shadow on a light tablecloth", () => {
  const scene = {
    width: 800,
    height: 600,
    corners: TILTED,
    background: "light",
    seed: 6,
    shadow: 0.6,
  } as const;
  const found = locateDocument(drawScene(scene));
  assert.ok(cornerError(found.quad, TILTED) < 0.02, `error ${cornerError(found.quad, TILTED)}`);
});

test("takes the page's edge, not a coloured border band printed inside it", () => {
  const scene = { width: 800, height: 600, corners: TILTED, background: "wood", seed: 7 } as const;
  const found = locateDocument(drawScene({ ...scene, border: "rgb(150,190,160)", handOnSide: 0 }));
  assert.ok(cornerError(found.quad, TILTED) < 0.02, `error ${cornerError(found.quad, TILTED)}`);
});

test("finds cream paper on a neutral white scanner bed by its colour", () => {
  const width = 300;
  const height = 400;
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const onPage = x >= 20 && x < 280 && y >= 24 && y < 380;
      const ink = onPage && y % 30 < 6 && x > 50 && x < 250;
      data.set(ink ? [40, 40, 40] : onPage ? [252, 243, 237] : [241, 241, 240], (y * width + x) * 3);
    }
  }
  const page: Quad = [
    { x: 20, y: 24 },
    { x: 280, y: 24 },
    { x: 280, y: 380 },
    { x: 20, y: 380 },
  ];
  const found = locateDocument({ width, height, channels: 3, data });
  assert.equal(found.method, "contour");
  assert.ok(cornerError(found.quad, page) < 0.02, `error ${cornerError(found.quad, page)}`);
});

test("a scan filled by the page gives the whole image", () => {
  const corners: Quad = [
    { x: -2, y: -2 },
    { x: 502, y: -2 },
    { x: 502, y: 352 },
    { x: -2, y: 352 },
  ];
  const found = locateDocument(drawScene({ width: 500, height: 350, corners, background: "dark", seed: 4 }));
  assert.equal(found.method, "whole-image");
  assert.deepEqual(found.quad, [
    { x: 0, y: 0 },
    { x: 500, y: 0 },
    { x: 500, y: 350 },
    { x: 0, y: 350 },
  ]);
});

test("a scan with a thin dark margin gives the page inside the margin", () => {
  const corners: Quad = [
    { x: 12, y: 10 },
    { x: 488, y: 10 },
    { x: 488, y: 340 },
    { x: 12, y: 340 },
  ];
  const found = locateDocument(drawScene({ width: 500, height: 350, corners, background: "dark", seed: 5 }));
  assert.equal(found.method, "contour");
  assert.ok(cornerError(found.quad, corners) < 0.01);
});

test("a blank image falls back to the whole image without throwing", () => {
  for (const value of [0, 128, 255]) {
    const image: RawImage = { width: 64, height: 48, channels: 1, data: new Uint8Array(64 * 48).fill(value) };
    const found = locateDocument(image);
    assert.equal(found.method, "whole-image");
    assert.deepEqual(found.quad[2], { x: 64, y: 48 });
  }
});

test("never throws on tiny, noisy or single-row images", () => {
  let state = 1;
  const noise = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % 256;
  };
  for (const [width, height, channels] of [
    [16, 16, 3],
    [1, 40, 1],
    [300, 1, 4],
    [97, 61, 3],
  ] as const) {
    const data = Uint8Array.from({ length: width * height * channels }, noise);
    const found = locateDocument({ width, height, channels, data });
    assert.equal(found.quad.length, 4);
    assert.ok(found.confidence >= 0 && found.confidence <= 1);
  }
});
