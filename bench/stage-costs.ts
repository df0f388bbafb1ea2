// Where a page's CPU time goes: the pipeline runs on a labelled folder with its OCR engine wrapped, and every engine
// call is charged to the pipeline module that made it (found from the call's stack), with the number of boxes read
// and their summed crop width (the recogniser's cost grows with it: about 55 µs of CPU per 48 px column on the
// development machine, with almost nothing fixed per call). What no engine call explains is the pipeline's own
// JavaScript. For `completeAtRulings` the boxes are the lines handed in, not the wider crops it reads again (those
// are a part of them). CPU time is `process.cpuUsage` (the ONNX threads included), so the figures hold on a loaded machine.
// Usage: npx tsx bench/stage-costs.ts [--data DIR] [--types household-head,...] [--limit N]
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { DocumentRecognizer } from "../src/pipeline/document-recognizer.ts";
import type { TextEngine } from "../src/pipeline/text-engine.ts";
import { OcrEngine } from "../src/stages/ocr-engine.ts";
import { lineCropWidth } from "../src/stages/text-recognition/preprocess.ts";
import type { DocumentType, Quad } from "../src/types.ts";
import { readLabels } from "./lib/labels.ts";

interface Cost {
  calls: number;
  boxes: number;
  width: number;
  cpu: number;
}

const { values } = parseArgs({
  options: {
    data: { type: "string", default: "bench/.cache/synth-seed20261121-count120" },
    types: { type: "string", default: "household-head,household-resident,birth-certificate" },
    limit: { type: "string", default: "10" },
  },
});
const folder = values.data;
const limit = Number(values.limit);
const types = values.types.split(",") as DocumentType[];

/** The pipeline module (file name without `.ts`) nearest the engine call on the stack. */
function callingModule(): string {
  for (const frame of new Error().stack?.split("\n").slice(2) ?? []) {
    const found = /src\/(?:pipeline|documents|stages\/orientation)\/([\w-]+)\.ts/u.exec(frame);
    if (found) return found[1] as string;
  }
  return "?";
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

const engine = await OcrEngine.create();
let costs = new Map<string, Cost>();
function charged<A extends unknown[], R>(
  name: string,
  call: (...args: A) => Promise<R>,
  boxesOf: (args: A) => readonly Quad[],
): (...args: A) => Promise<R> {
  return async (...args: A) => {
    const key = `${name} ${callingModule()}`;
    const started = process.cpuUsage();
    const result = await call(...args);
    const cost = costs.get(key) ?? { calls: 0, boxes: 0, width: 0, cpu: 0 };
    const boxes = boxesOf(args);
    cost.calls++;
    cost.boxes += boxes.length;
    for (const quad of boxes) cost.width += lineCropWidth(quad);
    cost.cpu += cpuMs(started);
    costs.set(key, cost);
    return result;
  };
}
const wrapped: TextEngine = {
  detect: charged("detect", engine.detect.bind(engine), () => []),
  recognize: charged("recognize", engine.recognize.bind(engine), ([, quads]) => quads),
  completeAtRulings: charged("completeAtRulings", engine.completeAtRulings.bind(engine), ([, lines]) =>
    lines.map((line) => line.quad),
  ),
  recognizeGlyphs: charged("recognizeGlyphs", engine.recognizeGlyphs.bind(engine), ([, quads]) => quads),
  dispose: () => engine.dispose(),
};
const pipeline = new DocumentRecognizer(wrapped);
const labels = await readLabels(folder);

try {
  for (const type of types) {
    const pages = labels.filter((label) => label.type === type).slice(0, limit);
    if (pages.length === 0) continue;
    costs = new Map();
    let total = 0;
    for (const page of pages) {
      const bytes = await readFile(`${folder}/${page.file}`);
      const started = process.cpuUsage();
      await pipeline.recognize(bytes, type).catch(() => undefined);
      total += cpuMs(started);
    }
    const perPage = (value: number) => (value / pages.length).toFixed(1);
    console.log(`\n${type}: ${pages.length} pages, CPU ms per page ${perPage(total)}`);
    console.log("engine call, by module".padEnd(48), "cpu ms".padStart(8), "calls", "boxes", "width px");
    let engineTotal = 0;
    for (const [key, cost] of [...costs].sort((a, b) => b[1].cpu - a[1].cpu)) {
      engineTotal += cost.cpu;
      console.log(
        key.padEnd(48),
        perPage(cost.cpu).padStart(8),
        perPage(cost.calls).padStart(5),
        perPage(cost.boxes).padStart(5),
        perPage(cost.width).padStart(8),
      );
    }
    console.log("the pipeline's own JavaScript".padEnd(48), perPage(total - engineTotal).padStart(8));
  }
} finally {
  await pipeline.dispose();
}
