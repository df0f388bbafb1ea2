export { decodeImage } from "./decode-image.ts";
export { encodeJpeg, encodePng } from "./encode-image.ts";
export type { RawImage } from "./raw-image.ts";
export { resizeImage } from "./resize-image.ts";
