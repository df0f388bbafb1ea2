import sharp from "sharp";
import { invalidParameterError, RecognitionError } from "../errors.ts";
import type { RawImage } from "./raw-image.ts";

/** Interpolation kernels {@link resizeImage} offers (libvips names). */
export type ResizeKernel = "nearest" | "linear" | "cubic" | "lanczos3";

/** Options of {@link resizeImage}. */
export interface ResizeOptions {
  /**
   * Default `"linear"`: closest to the `cv2.INTER_LINEAR` the PP-OCR models were trained with; libvips also
   * anti-aliases when shrinking, which plain bilinear sampling does not.
   */
  kernel?: ResizeKernel;
}

/**
 * Resizes an image to exactly `width`×`height` pixels (aspect ratio not kept), keeping its channel count.
 *
 * @example
 * const small = await resizeImage(image, 960, 640);
 * const sharpEdges = await resizeImage(image, 960, 640, { kernel: "lanczos3" });
 */
export async function resizeImage(
  image: RawImage,
  width: number,
  height: number,
  options: ResizeOptions = {},
): Promise<RawImage> {
  assertSide("width", width);
  assertSide("height", height);
  let pipeline = sharp(image.data, {
    raw: { width: image.width, height: image.height, channels: image.channels },
  }).resize(width, height, { fit: "fill", kernel: options.kernel ?? "linear" });
  // libvips would otherwise hand one grey band back as sRGB.
  if (image.channels === 1) pipeline = pipeline.toColourspace("b-w");
  try {
    const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
    if (info.channels !== image.channels) throw new Error(`libvips returned ${info.channels} channels`);
    const pixels = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    return { width: info.width, height: info.height, channels: image.channels, data: pixels };
  } catch (error) {
    throw new RecognitionError("algorithmError", "resizing the image failed", { cause: error });
  }
}

function assertSide(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) throw invalidParameterError(name, "a positive integer", value);
}
