/** A dense float32 tensor as plain data, so the pure stage code never sees the runtime's tensor class. */
export interface FloatTensor {
  data: Float32Array;
  /** Dimensions, outermost first (e.g. [N, 3, H, W]). */
  dims: readonly number[];
}
