// Draws synthetic photos of a page for the document stage's tests and its benchmark; not part of the library.
import { createCanvas, type SKRSContext2D } from "@napi-rs/canvas";
import { applyHomography, computeHomography } from "../../src/geometry/homography.ts";
import type { RawImage } from "../../src/image/raw-image.ts";
import type { Point, Quad } from "../../src/types.ts";
import { Random } from "../../synth/random.ts";

/** What to draw: a page with its corners at `corners` on a background, with optional nuisances. */
export interface SceneOptions {
  width: number;
  height: number;
  /** The page's top-left, top-right, bottom-right, bottom-left corners in the image. */
  corners: Quad;
  background: "wood" | "cloth" | "dark" | "mid" | "light";
  seed: number;
  /** Paper colour; a warm white by default. */
  paper?: readonly [number, number, number];
  /** A skin-coloured blob (a thumb) over the middle of this side (0 top … 3 left). */
  handOnSide?: number;
  /** Darkening towards one image side, 0–1. */
  shadow?: number;
  /** Box-blur radius in pixels. */
  blur?: number;
  /** A coloured band just inside the page's edge (a birth certificate's guilloche border), as a CSS colour. */
  border?: string;
  /** Standard deviation of added noise, grey levels. */
  noise?: number;
}

const PAGE: Quad = [
  { x: 0, y: 0 },
  { x: 600, y: 0 },
  { x: 600, y: 420 },
  { x: 0, y: 420 },
];

/** Renders the scene as an RGBA image. */
export function drawScene(options: SceneOptions): RawImage {
  const canvas = createCanvas(options.width, options.height);
  const context = canvas.getContext("2d");
  const random = new Random(options.seed);
  drawBackground(context, options, random);
  const toImage = computeHomography(PAGE, options.corners);
  if (!toImage) throw new Error("degenerate page corners");
  const map = (x: number, y: number) => applyHomography(toImage, x, y);
  const paper = options.paper ?? [242, 238, 228];
  fillPolygon(context, PAGE, `rgb(${paper.join(",")})`, map);
  if (options.border) drawBorder(context, options.border, map);
  drawPageContent(context, random, map);
  if (options.handOnSide !== undefined) drawHand(context, options.corners, options.handOnSide);
  if (options.shadow) {
    const gradient = context.createLinearGradient(0, 0, options.width, options.height * 0.3);
    gradient.addColorStop(0, `rgba(0,0,0,${options.shadow})`);
    gradient.addColorStop(1, "rgba(0,0,0,0)");
    context.fillStyle = gradient;
    context.fillRect(0, 0, options.width, options.height);
  }
  const pixels = context.getImageData(0, 0, options.width, options.height).data;
  const image: RawImage = {
    width: options.width,
    height: options.height,
    channels: 4,
    data: new Uint8Array(pixels),
  };
  if (options.blur) boxBlur(image, options.blur);
  if (options.noise) addNoise(image, options.noise, random);
  return image;
}

function drawBackground(context: SKRSContext2D, options: SceneOptions, random: Random): void {
  const { width, height, background } = options;
  const base = {
    wood: [150, 100, 62],
    cloth: [70, 90, 130],
    dark: [45, 42, 40],
    mid: [128, 126, 122],
    light: [200, 192, 176],
  }[background];
  context.fillStyle = `rgb(${base.join(",")})`;
  context.fillRect(0, 0, width, height);
  if (background === "wood") {
    for (let i = 0; i < height / 3; i++) {
      const shade = random.uniform(-30, 30);
      context.strokeStyle = `rgba(${base.map((c) => Math.round(c + shade)).join(",")},0.6)`;
      context.lineWidth = random.uniform(1, 4);
      const y = random.uniform(0, height);
      context.beginPath();
      context.moveTo(0, y);
      context.bezierCurveTo(
        width / 3,
        y + random.uniform(-20, 20),
        (2 * width) / 3,
        y + random.uniform(-20, 20),
        width,
        y,
      );
      context.stroke();
    }
  } else if (background === "cloth") {
    for (let x = 0; x < width; x += 6) {
      context.fillStyle = `rgba(255,255,255,${random.uniform(0, 0.12)})`;
      context.fillRect(x, 0, 3, height);
    }
  }
}

/** Text-like dark strokes in rows, a ruled frame and a red circle (a seal), all through the page's perspective. */
function drawPageContent(context: SKRSContext2D, random: Random, map: (x: number, y: number) => Point): void {
  const rect = (x: number, y: number, w: number, h: number, colour: string) =>
    fillPolygon(
      context,
      [
        { x, y },
        { x: x + w, y },
        { x: x + w, y: y + h },
        { x, y: y + h },
      ],
      colour,
      map,
    );
  rect(30, 30, 540, 2, "rgb(60,70,120)");
  rect(30, 388, 540, 2, "rgb(60,70,120)");
  for (let y = 50; y < 370; y += 28) {
    let x = 45 + random.uniform(0, 20);
    while (x < 540) {
      const w = random.uniform(8, 14);
      rect(x, y, w, 14, "rgb(30,30,35)");
      x += w + random.uniform(3, 30);
    }
  }
  const seal: Point[] = [];
  for (let i = 0; i < 48; i++) {
    const angle = (2 * Math.PI * i) / 48;
    seal.push({ x: 470 + 45 * Math.cos(angle), y: 320 + 45 * Math.sin(angle) });
  }
  fillPolygon(context, seal, "rgba(210,40,50,0.85)", map);
}

/** A band from 1.5% to 6% of the page's width inside its edge, drawn as four strips. */
function drawBorder(context: SKRSContext2D, colour: string, map: (x: number, y: number) => Point): void {
  const [inner, outer] = [36, 9];
  const strips: [number, number, number, number][] = [
    [outer, outer, 600 - 2 * outer, inner - outer],
    [outer, 420 - inner, 600 - 2 * outer, inner - outer],
    [outer, inner, inner - outer, 420 - 2 * inner],
    [600 - inner, inner, inner - outer, 420 - 2 * inner],
  ];
  for (const [x, y, w, h] of strips) {
    const corners = [
      { x, y },
      { x: x + w, y },
      { x: x + w, y: y + h },
      { x, y: y + h },
    ];
    fillPolygon(context, corners, colour, map);
  }
}

function drawHand(context: SKRSContext2D, corners: Quad, side: number): void {
  const a = corners[side % 4] as Point;
  const b = corners[(side + 1) % 4] as Point;
  const length = Math.hypot(b.x - a.x, b.y - a.y);
  context.fillStyle = "rgb(214,168,140)";
  context.beginPath();
  context.ellipse(
    (a.x + b.x) / 2,
    (a.y + b.y) / 2,
    0.12 * length,
    0.05 * length,
    Math.atan2(b.y - a.y, b.x - a.x) + 1.2,
    0,
    2 * Math.PI,
  );
  context.fill();
}

function fillPolygon(
  context: SKRSContext2D,
  points: readonly Point[],
  colour: string,
  map: (x: number, y: number) => Point,
) {
  context.fillStyle = colour;
  context.beginPath();
  points.forEach((p, i) => {
    const q = map(p.x, p.y);
    if (i === 0) context.moveTo(q.x, q.y);
    else context.lineTo(q.x, q.y);
  });
  context.closePath();
  context.fill();
}

function boxBlur(image: RawImage, radius: number): void {
  const { width, height, data } = image;
  const copy = data.slice();
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < 3; c++) {
        let sum = 0;
        let n = 0;
        for (let dy = -radius; dy <= radius; dy++) {
          for (let dx = -radius; dx <= radius; dx++) {
            const xx = Math.min(width - 1, Math.max(0, x + dx));
            const yy = Math.min(height - 1, Math.max(0, y + dy));
            sum += copy[(yy * width + xx) * 4 + c] as number;
            n++;
          }
        }
        data[(y * width + x) * 4 + c] = Math.round(sum / n);
      }
    }
  }
}

function addNoise(image: RawImage, sigma: number, random: Random): void {
  for (let i = 0; i < image.data.length; i++) {
    if (i % 4 === 3) continue;
    const gauss = random.next() + random.next() + random.next() - 1.5;
    image.data[i] = Math.max(0, Math.min(255, Math.round((image.data[i] as number) + 2 * sigma * gauss)));
  }
}

/**
 * Largest corner distance between a found and a true quadrilateral over the document's diagonal, taking the best of
 * the four cyclic corner pairings (the locator reports corners in image orientation).
 */
export function cornerError(found: Quad, truth: Quad): number {
  const diagonal = Math.hypot(truth[2].x - truth[0].x, truth[2].y - truth[0].y);
  let best = Number.POSITIVE_INFINITY;
  for (let shift = 0; shift < 4; shift++) {
    let worst = 0;
    for (let k = 0; k < 4; k++) {
      const p = found[(k + shift) % 4] as Point;
      const q = truth[k] as Point;
      worst = Math.max(worst, Math.hypot(p.x - q.x, p.y - q.y));
    }
    best = Math.min(best, worst);
  }
  return best / diagonal;
}
