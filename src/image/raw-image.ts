/**
 * Decoded pixels, interleaved, 8 bits per channel, rows top to bottom. The one image type every stage passes around.
 * `channels` is 1 (grey), 3 (RGB) or 4 (RGBA).
 */
export interface RawImage {
  width: number;
  height: number;
  channels: 1 | 3 | 4;
  data: Uint8Array;
}
