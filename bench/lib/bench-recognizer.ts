import { access } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { DocumentType, RecognitionResult } from "../../src/types.ts";

/** What the benchmark measures: anything that turns image bytes of a given type into the api.md result. */
export interface BenchRecognizer {
  /** Shown in the report. */
  name: string;
  /** True for the naive OCR baseline, whose figures must never be mistaken for the product's. */
  baseline: boolean;
  recognize(type: DocumentType, image: Uint8Array): Promise<RecognitionResult>;
  dispose(): Promise<void>;
}

/** Which recognizer to measure: the library's when it exists (`auto`), or one of them by name. */
export type RecognizerChoice = "auto" | "baseline" | "library";

// The library's public API as the recognizers issue defines it; checked at run time because src/index.ts may not
// exist yet, or may not export it yet.
interface LibraryRecognizer {
  recognizeHousehold(image: Uint8Array, options: { residentPage: boolean }): Promise<RecognitionResult>;
  recognizeBirthCertificate(image: Uint8Array): Promise<RecognitionResult>;
  dispose(): Promise<void>;
}

type CreateRecognizer = () => LibraryRecognizer | Promise<LibraryRecognizer>;

const LIBRARY_ENTRY = new URL("../../src/index.ts", import.meta.url);

/**
 * The library's `createRecognizer` when `src/index.ts` exists and exports it, else undefined. A library that
 * exists but fails to load is an error, not a reason to fall back quietly.
 */
export async function findCreateRecognizer(
  entry: URL = LIBRARY_ENTRY,
): Promise<CreateRecognizer | undefined> {
  try {
    await access(fileURLToPath(entry));
  } catch {
    return undefined;
  }
  // A computed specifier: the type checker must not require a file that the next issue writes.
  const module: Record<string, unknown> = await import(entry.href);
  const create = module.createRecognizer;
  return typeof create === "function" ? (create as CreateRecognizer) : undefined;
}

/** Wraps the library's recognizer in the benchmark's interface. */
export async function libraryRecognizer(create: CreateRecognizer): Promise<BenchRecognizer> {
  const recognizer = await create();
  return {
    name: "library (createRecognizer from src/index.ts)",
    baseline: false,
    recognize: (type, image) =>
      type === "birth-certificate"
        ? recognizer.recognizeBirthCertificate(image)
        : recognizer.recognizeHousehold(image, { residentPage: type === "household-resident" }),
    dispose: () => recognizer.dispose(),
  };
}

/**
 * Loads the chosen recognizer. `auto` takes the library when it exports `createRecognizer` and the BASELINE
 * otherwise; `library` fails with a clear message when the library is not there yet.
 */
export async function loadRecognizer(choice: RecognizerChoice): Promise<BenchRecognizer> {
  if (choice !== "baseline") {
    const create = await findCreateRecognizer();
    if (create) return libraryRecognizer(create);
    if (choice === "library") {
      throw new Error("src/index.ts does not export createRecognizer yet; use --recognizer baseline");
    }
  }
  const { createOcrBaseline } = await import("./ocr-baseline.ts");
  return createOcrBaseline();
}
