import type { RawImage } from "../../image/raw-image.ts";
import type { FloatTensor } from "../../inference/float-tensor.ts";

/** Limits on the size the detector sees. */
export interface DetectionSizeLimits {
  /** Smaller images are scaled up until their long side reaches this (thin rulings then stay visible). */
  minLongSide: number;
  /** Larger images are scaled down to this long side (detection cost grows with the area). */
  maxLongSide: number;
}

/** The network needs both sides to be multiples of this (a 100×100 input crashes it). */
const STRIDE = 32;
/** ImageNet statistics the DB detector was trained with, in the model's channel order (B, G, R: see below). */
const MEAN = [0.485, 0.456, 0.406] as const;
const STD = [0.229, 0.224, 0.225] as const;

/**
 * The size to resize an image to before detection: the long side brought within the limits, the aspect ratio kept
 * as closely as rounding both sides to multiples of 32 allows.
 *
 * @example
 * detectionSize(480, 320, { minLongSide: 960, maxLongSide: 960 }); // { width: 960, height: 640 }
 */
export function detectionSize(
  width: number,
  height: number,
  limits: DetectionSizeLimits,
): {
  width: number;
  height: number;
} {
  const longSide = Math.max(width, height);
  const target = Math.min(Math.max(longSide, limits.minLongSide), limits.maxLongSide);
  const scale = target / longSide;
  return { width: roundToStride(width * scale), height: roundToStride(height * scale) };
}

/**
 * Turns an image already resized to the detection size into the network input [1, 3, H, W]: each channel scaled
 * to 0–1 and standardised. PaddleOCR trained on images decoded by OpenCV, so the planes are in B, G, R order.
 * Grey images are spread over all three planes; alpha is ignored.
 */
export function toDetectionTensor(image: RawImage): FloatTensor {
  const { width, height, channels, data } = image;
  const plane = width * height;
  const out = new Float32Array(3 * plane);
  for (let planeIndex = 0; planeIndex < 3; planeIndex++) {
    // Plane 0 is blue, i.e. source channel 2 of RGB; a grey image reads channel 0 for every plane.
    const source = channels === 1 ? 0 : 2 - planeIndex;
    const scale = 1 / (255 * (STD[planeIndex] as number));
    const offset = (MEAN[planeIndex] as number) / (STD[planeIndex] as number);
    // The 256 values a byte can become, worked out once (the same float32 each pixel would get).
    const levels = new Float32Array(256);
    for (let level = 0; level < 256; level++) levels[level] = level * scale - offset;
    const base = planeIndex * plane;
    for (let i = 0, j = source; i < plane; i++, j += channels) {
      out[base + i] = levels[data[j] as number] as number;
    }
  }
  return { data: out, dims: [1, 3, height, width] };
}

function roundToStride(value: number): number {
  return Math.max(STRIDE, Math.round(value / STRIDE) * STRIDE);
}
