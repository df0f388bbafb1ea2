import { availableParallelism } from "node:os";
import ort from "onnxruntime-node";
import { RecognitionError } from "../errors.ts";
import type { FloatTensor } from "./float-tensor.ts";

/** How an ONNX session is run. */
export interface OnnxModelOptions {
  /** Intra-op threads; defaults to the number of cores (more than that is ~3× slower, see the field notes). */
  threads?: number;
  /**
   * Let idle pool threads spin-wait for the next job (onnxruntime's default). Off by default: the detector's and the
   * recogniser's pools take turns, and a pool spinning after its run steals the cores the other one needs
   * (measured 1.4–1.7× slower per page with two engines in one process).
   */
  allowSpinning?: boolean;
}

/**
 * One ONNX model with a single float input and a single float output, loaded once and run many times. This folder
 * is the only place that touches onnxruntime, so every native failure is wrapped here as `algorithmError`.
 *
 * @example
 * const model = await OnnxModel.load(files.detection);
 * const probabilities = await model.run({ data, dims: [1, 3, 960, 640] });
 * await model.dispose();
 */
export class OnnxModel {
  readonly #session: ort.InferenceSession;
  readonly #inputName: string;
  readonly #outputName: string;
  #disposed = false;

  private constructor(session: ort.InferenceSession) {
    this.#session = session;
    this.#inputName = session.inputNames[0] ?? "x";
    this.#outputName = session.outputNames[0] ?? "";
  }

  /** Loads a model file. */
  static async load(path: string, options: OnnxModelOptions = {}): Promise<OnnxModel> {
    const threads = options.threads ?? availableParallelism();
    try {
      const session = await ort.InferenceSession.create(path, {
        intraOpNumThreads: threads,
        interOpNumThreads: 1,
        executionMode: "sequential",
        graphOptimizationLevel: "all",
        // Kept on (onnxruntime's default): off, an engine's RSS was ~115 MB lower (about 520 → 405 MB), but each
        // detection reallocated its feature maps and took 50–70% more CPU time; recognition was unchanged.
        enableCpuMemArena: true,
        extra: { session: { intra_op: { allow_spinning: options.allowSpinning ? "1" : "0" } } },
      });
      return new OnnxModel(session);
    } catch (error) {
      throw new RecognitionError("algorithmError", `loading the model ${path} failed`, { cause: error });
    }
  }

  /** Runs the model on one input tensor and returns its output as plain data. */
  async run(input: FloatTensor): Promise<FloatTensor> {
    if (this.#disposed) throw new RecognitionError("algorithmError", "the model was already disposed");
    try {
      const tensor = new ort.Tensor("float32", input.data, input.dims as number[]);
      const outputs = await this.#session.run({ [this.#inputName]: tensor });
      const output = outputs[this.#outputName];
      if (!output || !(output.data instanceof Float32Array)) {
        throw new TypeError(`the model returned no float32 output named ${this.#outputName}`);
      }
      return { data: output.data, dims: output.dims };
    } catch (error) {
      throw new RecognitionError("algorithmError", "running the model failed", { cause: error });
    }
  }

  /** Frees the native session; later calls to `run` fail. Safe to call twice. */
  async dispose(): Promise<void> {
    if (this.#disposed) return;
    this.#disposed = true;
    try {
      await this.#session.release();
    } catch (error) {
      throw new RecognitionError("algorithmError", "releasing the model failed", { cause: error });
    }
  }
}
