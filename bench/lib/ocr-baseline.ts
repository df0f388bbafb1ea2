import { decodeImage } from "../../src/image/decode-image.ts";
import type { BenchRecognizer } from "./bench-recognizer.ts";
import { naiveResult } from "./naive-fields.ts";

/**
 * The BASELINE recognizer: the plain PP-OCR engine (no document finding, no orientation, no seal suppression, no
 * layout) followed by a naive label lookup ({@link naiveResult}). It stands in until the real recognizers exist, to
 * prove that the benchmark measures: its scores are expected to be low, and they are the floor the real
 * recognizers must beat.
 */
export async function createOcrBaseline(): Promise<BenchRecognizer> {
  // Loaded here, not at the top, so that measuring the library never loads a second set of models.
  const { OcrEngine } = await import("../../src/stages/ocr-engine.ts");
  const engine = await OcrEngine.create();
  return {
    name: "BASELINE: plain OCR + naive label lookup (bench/lib/ocr-baseline.ts)",
    baseline: true,
    async recognize(type, bytes) {
      const image = await decodeImage(bytes);
      const lines = await engine.readLines(image);
      return naiveResult(type, lines, image.width, image.height);
    },
    dispose: () => engine.dispose(),
  };
}
