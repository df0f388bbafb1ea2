import type { RawImage } from "../../image/raw-image.ts";

/**
 * Decides whether an image is a grey-scale copy of a colour document (Alibaba's `ftype` 1).
 *
 * Both documents are colour originals: the household register carries red seals and tinted paper, the birth
 * certificate a coloured border and picture. A copy has lost every hue. Light casts a uniform tint on a photo of a
 * copy, so the colour balance is first taken out (channels scaled so the median pixel is grey); what remains is
 * the share of clearly coloured pixels, near zero for a copy.
 */
export function detectPhotocopy(
  image: RawImage,
  options = { minColouredShare: 0.004, minChroma: 48 },
): boolean {
  if (image.channels < 3) return true;
  const step = Math.max(1, Math.floor(Math.sqrt((image.width * image.height) / 250_000)));
  const [gainR, gainG, gainB] = whiteBalanceGains(image, step);
  const { width, height, channels, data } = image;
  let coloured = 0;
  let total = 0;
  for (let y = 0; y < height; y += step) {
    for (let x = 0; x < width; x += step) {
      const i = (y * width + x) * channels;
      const r = (data[i] as number) * gainR;
      const g = (data[i + 1] as number) * gainG;
      const b = (data[i + 2] as number) * gainB;
      const chroma = Math.max(r, g, b) - Math.min(r, g, b);
      if (chroma >= options.minChroma) coloured++;
      total++;
    }
  }
  return coloured / total < options.minColouredShare;
}

/** Per-channel gains that make the median colour grey (medians of each channel over a sample grid). */
function whiteBalanceGains(image: RawImage, step: number): [number, number, number] {
  const histograms = [new Uint32Array(256), new Uint32Array(256), new Uint32Array(256)];
  let count = 0;
  for (let y = 0; y < image.height; y += step) {
    for (let x = 0; x < image.width; x += step) {
      const i = (y * image.width + x) * image.channels;
      for (let c = 0; c < 3; c++) {
        const histogram = histograms[c] as Uint32Array;
        const value = image.data[i + c] as number;
        histogram[value] = (histogram[value] as number) + 1;
      }
      count++;
    }
  }
  const [medianR, medianG, medianB] = histograms.map((h) => {
    let seen = 0;
    for (let v = 0; v < 256; v++) {
      seen += h[v] as number;
      if (seen * 2 >= count) return Math.max(v, 1);
    }
    return 255;
  }) as [number, number, number];
  const grey = (medianR + medianG + medianB) / 3;
  return [grey / medianR, grey / medianG, grey / medianB];
}
