// OCR speed and accuracy: our engine against @gutenye/ocr-node (the same PP-OCRv4 models in another wrapper) on
// rendered document-like pages with known text. Both run in one process, alternately, after a warm-up, so the
// figures are ratios on the same machine at the same moment. Usage: npm run bench:ocr [-- --pages 10 --rounds 3]
import { mkdtempSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import Peer from "@gutenye/ocr-node";
import { sortReadingOrder } from "../src/geometry/reading-order.ts";
import { decodeImage } from "../src/image/decode-image.ts";
import { OcrEngine } from "../src/stages/ocr-engine.ts";
import type { Quad } from "../src/types.ts";
import { characterAccuracy } from "./lib/edit-distance.ts";
import { type OcrPage, renderOcrPages } from "./lib/ocr-pages.ts";

interface Tally {
  seconds: number;
  pages: number;
  accuracy: number[];
  inference: number;
  /** Milliseconds by part, summed over pages (ours only). */
  parts: Record<string, number>;
}

const { values } = parseArgs({ options: { pages: { type: "string" }, rounds: { type: "string" } } });
const pageCount = Number(values.pages ?? 10);
const rounds = Number(values.rounds ?? 3);
const threads = availableParallelism();
const folder = mkdtempSync(join(tmpdir(), "zhengzhao-bench-ocr-"));

try {
  const pages = renderOcrPages(folder, pageCount);
  const ours = await OcrEngine.create({ threads });
  const peer = await Peer.create({ onnxOptions: { intraOpNumThreads: threads, interOpNumThreads: 1 } });
  const runOurs = async (page: OcrPage, tally: Tally) => {
    const image = await decodeImage(await readFile(page.path));
    const { lines, timings } = await ours.readLinesTimed(image);
    tally.inference += (timings.detection.inference + timings.recognition.inference) / 1000;
    for (const [stage, parts] of [
      ["detection", timings.detection],
      ["recognition", timings.recognition],
    ] as const) {
      for (const [part, ms] of Object.entries(parts)) {
        tally.parts[`${stage} ${part}`] = (tally.parts[`${stage} ${part}`] ?? 0) + ms;
      }
    }
    return lines.map((line) => ({ text: line.text, quad: line.quad }));
  };
  const runPeer = async (page: OcrPage) =>
    (await peer.detect(page.path)).map((line: { text: string; box?: number[][] }) => ({
      text: line.text,
      quad: toQuad(line.box),
    }));
  const first = pages[0] as OcrPage;
  await runOurs(first, newTally());
  await runPeer(first);
  const tallies = { ours: newTally(), peer: newTally() };
  for (let round = 0; round < rounds; round++) {
    for (const [index, page] of pages.entries()) {
      const order = (round + index) % 2 === 0 ? (["ours", "peer"] as const) : (["peer", "ours"] as const);
      for (const name of order) {
        const tally = tallies[name];
        const started = performance.now();
        const lines = name === "ours" ? await runOurs(page, tally) : await runPeer(page);
        tally.seconds += (performance.now() - started) / 1000;
        tally.pages++;
        if (round === 0) tally.accuracy.push(characterAccuracy(pageText(page.items), pageText(lines)));
      }
    }
  }
  await ours.dispose();
  report(tallies.ours, tallies.peer);
} finally {
  rmSync(folder, { recursive: true, force: true });
}

function newTally(): Tally {
  return { seconds: 0, pages: 0, accuracy: [], inference: 0, parts: {} };
}

/** The page's text in reading order, whitespace removed (the peer joins a row's boxes with spaces). */
function pageText(
  items: readonly { text: string; quad?: Quad; box?: [number, number, number, number] }[],
): string {
  const quadOf = (item: (typeof items)[number]) => item.quad ?? boxQuad(item.box ?? [0, 0, 0, 0]);
  return sortReadingOrder(items, quadOf)
    .map((item) => item.text)
    .join("")
    .replace(/\s+/g, "");
}

function boxQuad([left, top, right, bottom]: [number, number, number, number]): Quad {
  return [
    { x: left, y: top },
    { x: right, y: top },
    { x: right, y: bottom },
    { x: left, y: bottom },
  ];
}

function toQuad(box: number[][] | undefined): Quad {
  const [a, b, c, d] = (box ?? [[0, 0]]).map(([x = 0, y = 0]) => ({ x, y }));
  const origin = { x: 0, y: 0 };
  return [a ?? origin, b ?? a ?? origin, c ?? a ?? origin, d ?? a ?? origin];
}

function report(ours: Tally, peer: Tally): void {
  const rate = (t: Tally) => t.pages / t.seconds;
  const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / Math.max(1, values.length);
  const percent = (v: number) => `${(v * 100).toFixed(2)}%`;
  console.log(
    `pages: ${pageCount} × ${rounds} rounds, ${threads} threads, alternating, after one warm-up page each`,
  );
  console.log(`ours : ${rate(ours).toFixed(2)} pages/s, character accuracy ${percent(mean(ours.accuracy))}`);
  console.log(`peer : ${rate(peer).toFixed(2)} pages/s, character accuracy ${percent(mean(peer.accuracy))}`);
  console.log(`speed ratio ours/peer: ${(rate(ours) / rate(peer)).toFixed(2)}×`);
  console.log(
    `ours total ${ours.seconds.toFixed(2)} s vs bare model inference ${ours.inference.toFixed(2)} s: ` +
      `${(ours.seconds / ours.inference).toFixed(2)}×`,
  );
  const perPage = Object.entries(ours.parts).map(([part, ms]) => `${part} ${(ms / ours.pages).toFixed(0)}`);
  console.log(`ours per page (ms): ${perPage.join(", ")}`);
}
