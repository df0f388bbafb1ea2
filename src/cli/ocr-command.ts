import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { RecognitionError } from "../errors.ts";
import { decodeImage } from "../image/decode-image.ts";
import { OcrEngine } from "../stages/ocr-engine.ts";
import type { TextLine } from "../types.ts";

interface OcrCommandOptions {
  chars?: boolean;
  threads?: string;
}

/**
 * Adds `ocr FILE...`: reads the text lines of each image and writes one JSON object per file and line of output,
 * `{"file", "lines": [...]}` or `{"file", "error": {code, message}}`. Exit status 1 when any file failed.
 */
export function addOcrCommand(program: Command): void {
  program
    .command("ocr")
    .description("read the text lines of images (plain OCR, no document fields)")
    .argument("<files...>", "image files")
    .option("--chars", "include every character with its position and alternatives")
    .option("--threads <count>", "inference threads (default: one per core)")
    .action(async (files: string[], options: OcrCommandOptions) => {
      process.exitCode = await runOcr(files, options);
    });
}

async function runOcr(files: readonly string[], options: OcrCommandOptions): Promise<number> {
  const threads = options.threads === undefined ? undefined : Number.parseInt(options.threads, 10);
  const engine = await OcrEngine.create(threads === undefined ? {} : { threads });
  let failed = false;
  try {
    for (const file of files) {
      try {
        const lines = await engine.readLines(await decodeImage(await readImageFile(file)));
        process.stdout.write(
          `${JSON.stringify({ file, lines: lines.map((line) => present(line, options)) })}\n`,
        );
      } catch (error) {
        failed = true;
        const { code, message } = asRecognitionError(error);
        process.stdout.write(`${JSON.stringify({ file, error: { code, message } })}\n`);
      }
    }
  } finally {
    await engine.dispose();
  }
  return failed ? 1 : 0;
}

async function readImageFile(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (error) {
    throw new RecognitionError("InvalidParameter", `cannot read the file ${file}`, { cause: error });
  }
}

function asRecognitionError(error: unknown): RecognitionError {
  if (error instanceof RecognitionError) return error;
  return new RecognitionError("algorithmError", undefined, { cause: error });
}

/** Rounds coordinates and probabilities so the output stays readable. */
function present(line: TextLine, options: OcrCommandOptions): object {
  const round = (value: number) => Math.round(value * 1000) / 1000;
  return {
    text: line.text,
    confidence: round(line.confidence),
    detectionScore: round(line.detectionScore),
    quad: line.quad.map((p) => ({ x: round(p.x), y: round(p.y) })),
    ...(options.chars && {
      chars: line.chars.map((char) => ({
        ...char,
        confidence: round(char.confidence),
        start: round(char.start),
        end: round(char.end),
        alternatives: char.alternatives.map((a) => ({ text: a.text, probability: round(a.probability) })),
      })),
    }),
  };
}
