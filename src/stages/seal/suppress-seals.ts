import type { RawImage } from "../../image/raw-image.ts";

/** Thresholds of the red-ink test; the defaults suit red seals on paper under ordinary light. */
export interface SealSuppressionOptions {
  /** A pixel is seal ink when red exceeds the larger of green and blue by at least this much (0–255). */
  minRedness: number;
  /** ... and its red channel is at least this bright, so dark text under the seal is kept. */
  minRed: number;
}

export const DEFAULT_SEAL_SUPPRESSION: SealSuppressionOptions = { minRedness: 45, minRed: 110 };

/**
 * Whitens red seal ink so it no longer merges into the text it covers, keeping black and blue ink under it.
 *
 * Seal ink is bright in the red channel and dark in the others, while black and blue print are dark in red too: so
 * a seal pixel is replaced by a grey of its own red level, which is light, and a pixel where print lies under the
 * seal stays dark (its red level is low). The field notes measured that blanking seal pixels removes the seal-merged
 * date lines. Returns a new RGB image and the share of pixels changed.
 */
export function suppressSeals(
  image: RawImage,
  options: SealSuppressionOptions = DEFAULT_SEAL_SUPPRESSION,
): { image: RawImage; changedShare: number } {
  if (image.channels < 3) return { image, changedShare: 0 };
  const { width, height, channels, data } = image;
  const out = new Uint8Array(width * height * 3);
  let changed = 0;
  for (let i = 0, o = 0; o < out.length; i += channels, o += 3) {
    const r = data[i] as number;
    const g = data[i + 1] as number;
    const b = data[i + 2] as number;
    const redness = r - Math.max(g, b);
    if (redness >= options.minRedness && r >= options.minRed) {
      // Lift to the red level, brightened a little so the seal's own glyphs fade below the detector's threshold.
      const level = r + ((255 - r) >> 1);
      out[o] = level;
      out[o + 1] = level;
      out[o + 2] = level;
      changed++;
    } else {
      out[o] = r;
      out[o + 1] = g;
      out[o + 2] = b;
    }
  }
  return { image: { width, height, channels: 3, data: out }, changedShare: changed / (width * height) };
}
