export { decodeImage } from "./decode-image.ts";
export { encodeJpeg, encodePng } from "./encode-image.ts";
export { detectImageFormat, IMAGE_FORMAT_NAMES, type ImageFormat } from "./image-format.ts";
export {
  checkImageBytes,
  checkImageSize,
  MAX_ASPECT_RATIO,
  MAX_IMAGE_BYTES,
  MAX_IMAGE_SIDE,
  MIN_IMAGE_SIDE,
} from "./image-limits.ts";
export { type ImageProbe, probeImage } from "./probe-image.ts";
export type { RawImage } from "./raw-image.ts";
export { type ResizeKernel, type ResizeOptions, resizeImage } from "./resize-image.ts";
export { toGrayscale } from "./to-grayscale.ts";
