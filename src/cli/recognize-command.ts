import { open } from "node:fs/promises";
import type { Command } from "commander";
import { createRecognizer, type DocumentType, RecognitionError } from "../index.ts";

const TYPES: readonly DocumentType[] = ["household-head", "household-resident", "birth-certificate"];
/** api.md §2: at most 10 MB; one byte more is read so an oversized file is told apart without reading it all. */
const MAX_BYTES = 10 * 1024 * 1024;

/**
 * Adds `recognize --type TYPE FILE...` (api.md §6): one JSON line per file in the order given,
 * `{"file", "result"}` or `{"file", "error": {code, message}}`; exit status 1 when any file failed.
 */
export function addRecognizeCommand(program: Command): void {
  program
    .command("recognize")
    .description("read the fields of household register pages or birth certificates")
    .requiredOption("--type <type>", `document type: ${TYPES.join(" | ")}`)
    .argument("<files...>", "image files (PNG, JPEG, BMP, GIF, TIFF, WebP)")
    .action(async (files: string[], options: { type: string }) => {
      if (!TYPES.includes(options.type as DocumentType)) {
        program.error(
          `error: --type must be one of ${TYPES.join(", ")}, not ${JSON.stringify(options.type)}`,
        );
      }
      process.exitCode = await runRecognize(files, options.type as DocumentType);
    });
}

async function runRecognize(files: readonly string[], type: DocumentType): Promise<number> {
  const recognizer = await createRecognizer();
  let failed = false;
  try {
    for (const file of files) {
      try {
        const { result } = await recognizer.recognize(type, await readImageFile(file));
        process.stdout.write(`${JSON.stringify({ file, result })}\n`);
      } catch (error) {
        failed = true;
        const { code, message } =
          error instanceof RecognitionError
            ? error
            : new RecognitionError("algorithmError", undefined, { cause: error });
        process.stdout.write(`${JSON.stringify({ file, error: { code, message } })}\n`);
      }
    }
  } finally {
    await recognizer.dispose();
  }
  return failed ? 1 : 0;
}

/** Reads at most 10 MB and one byte: a larger file is refused without being read whole. */
async function readImageFile(file: string): Promise<Uint8Array> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(file, "r");
  } catch (error) {
    throw new RecognitionError("InvalidParameter", `cannot read the file ${file}`, { cause: error });
  }
  try {
    const buffer = new Uint8Array(MAX_BYTES + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > MAX_BYTES) {
      throw new RecognitionError("exceededImageContent", `${file} is larger than 10 MB`);
    }
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}
