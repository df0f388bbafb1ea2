import { RecognitionError } from "../errors.ts";

/** Largest accepted input: 10 MB. Callers reading a stream should stop at this many bytes plus one. */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
/** Smallest accepted side in pixels ("greater than 15 px"). */
export const MIN_IMAGE_SIDE = 16;
/** Largest accepted side in pixels ("less than 8192 px"). */
export const MAX_IMAGE_SIDE = 8191;
/** Long side / short side must stay below this. */
export const MAX_ASPECT_RATIO = 50;

/**
 * Refuses inputs over {@link MAX_IMAGE_BYTES} with `exceededImageContent`.
 *
 * @example
 * checkImageBytes(body.byteLength);
 */
export function checkImageBytes(byteLength: number): void {
  if (byteLength > MAX_IMAGE_BYTES) {
    const megabytes = (byteLength / (1024 * 1024)).toFixed(1);
    throw new RecognitionError(
      "exceededImageContent",
      `the image is ${byteLength} bytes (${megabytes} MB); at most ${MAX_IMAGE_BYTES} bytes (10 MB) are accepted`,
    );
  }
}

/**
 * Refuses dimensions outside 16–8191 px per side or with long/short ≥ 50, with `illegalImageSize` and the actual
 * size in the message.
 *
 * @example
 * checkImageSize(9000, 600); // throws: "the image is 9000×600 px; …"
 */
export function checkImageSize(width: number, height: number): void {
  const size = `the image is ${width}×${height} px`;
  for (const side of [width, height]) {
    if (side < MIN_IMAGE_SIDE || side > MAX_IMAGE_SIDE) {
      throw new RecognitionError(
        "illegalImageSize",
        `${size}; each side must be ${MIN_IMAGE_SIDE}–${MAX_IMAGE_SIDE} px`,
      );
    }
  }
  const ratio = Math.max(width, height) / Math.min(width, height);
  if (ratio >= MAX_ASPECT_RATIO) {
    throw new RecognitionError(
      "illegalImageSize",
      `${size}; the long side must be less than ${MAX_ASPECT_RATIO} times the short side`,
    );
  }
}
