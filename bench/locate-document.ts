// Measures the document locator on generated photos of varied difficulty: share of pages whose four corners are
// all within 2% of the page diagonal, and the mean error. Run: npx tsx bench/locate-document.ts [count] [seed]

import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { encodePng } from "../src/image/index.ts";
import { locateDocument } from "../src/stages/document/locate-document.ts";
import type { Point, Quad } from "../src/types.ts";
import { Random } from "../synth/random.ts";
import { cornerError, drawScene, type SceneOptions } from "../test/support/document-scene.ts";

const BACKGROUNDS = ["wood", "cloth", "dark", "mid", "light"] as const;

/** A random page placement: any rotation, some perspective, 35–80% of the frame. */
function randomScene(random: Random, index: number): SceneOptions & { label: string } {
  const lowResolution = random.chance(0.2);
  const width = lowResolution ? 420 : random.int(700, 1400);
  const height = Math.round(width * random.uniform(0.7, 1.3));
  const size = random.uniform(0.45, 0.8) * Math.min(width, height);
  const aspect = random.uniform(0.68, 0.75);
  const angle = random.chance(0.5) ? random.uniform(-0.35, 0.35) : random.uniform(0, 2 * Math.PI);
  const centre = {
    x: width / 2 + random.uniform(-0.08, 0.08) * width,
    y: height / 2 + random.uniform(-0.08, 0.08) * height,
  };
  const half = [
    { x: -size / 2, y: (-size * aspect) / 2 },
    { x: size / 2, y: (-size * aspect) / 2 },
    { x: size / 2, y: (size * aspect) / 2 },
    { x: -size / 2, y: (size * aspect) / 2 },
  ];
  const perspective = random.uniform(0, 0.1) * size;
  const corners = half.map((p): Point => {
    const x = p.x + random.uniform(-perspective, perspective);
    const y = p.y + random.uniform(-perspective, perspective);
    return {
      x: centre.x + x * Math.cos(angle) - y * Math.sin(angle),
      y: centre.y + x * Math.sin(angle) + y * Math.cos(angle),
    };
  }) as unknown as Quad;
  const grey = random.chance(0.2);
  const background = grey ? "mid" : (BACKGROUNDS[random.int(0, 4)] ?? "wood");
  return {
    label: `#${index} ${width}x${height} ${background}${grey ? " grey-copy" : ""} rot ${Math.round((angle * 180) / Math.PI)}°`,
    width,
    height,
    corners,
    background,
    seed: random.int(0, 1e9),
    paper: grey ? [205, 205, 205] : undefined,
    handOnSide: random.chance(0.35) ? random.int(0, 3) : undefined,
    shadow: random.chance(0.5) ? random.uniform(0.1, 0.7) : 0,
    blur: random.chance(0.4) ? random.int(1, 2) : 0,
    noise: random.chance(0.5) ? random.uniform(2, 8) : 0,
    border: random.chance(0.25) ? `hsl(${random.int(0, 359)},40%,${random.int(60, 80)}%)` : undefined,
  };
}

const count = Number(process.argv[2] ?? 30);
const random = new Random(Number(process.argv[3] ?? 7));
const errors: number[] = [];
for (let i = 0; i < count; i++) {
  const scene = randomScene(random, i);
  const image = drawScene(scene);
  const found = locateDocument(image);
  const error = cornerError(found.quad, scene.corners);
  // SAVE_FAILURES=dir keeps the pictures the locator missed, to look at.
  if (error > 0.02 && process.env.SAVE_FAILURES) {
    writeFileSync(join(process.env.SAVE_FAILURES, `scene-${i}.png`), await encodePng(image));
  }
  errors.push(error);
  const extras = [
    scene.handOnSide !== undefined ? "hand" : "",
    scene.blur ? `blur${scene.blur}` : "",
    scene.shadow ? "shadow" : "",
  ];
  console.log(
    `${scene.label} ${extras.join(" ").trim()} → ${found.method} ${found.confidence.toFixed(2)} error ${(error * 100).toFixed(2)}%`,
  );
}
const within = errors.filter((e) => e <= 0.02).length;
const mean = errors.reduce((a, b) => a + b, 0) / errors.length;
const sorted = errors.slice().sort((a, b) => a - b);
console.log(
  `within 2%: ${within}/${count} (${((100 * within) / count).toFixed(0)}%), mean ${(mean * 100).toFixed(2)}%, median ${((sorted[Math.floor(count / 2)] ?? 0) * 100).toFixed(2)}%`,
);
