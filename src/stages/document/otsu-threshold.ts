import type { Plane } from "./working-planes.ts";

/** A two-class split of a plane's histogram. */
export interface OtsuSplit {
  /** Values above this belong to the light class. */
  threshold: number;
  darkMean: number;
  lightMean: number;
  /** Between-class variance over total variance (0–1): near 1 for a clearly two-toned image. */
  separation: number;
}

/**
 * Otsu's threshold: the split of the histogram that maximises the variance between the two classes. With `above`,
 * only values above it are split (a second level: light paper against a light-but-less-light tablecloth, once the
 * first split has separated both from the ink).
 */
export function otsuThreshold(plane: Plane, above = -1): OtsuSplit {
  const histogram = new Float64Array(256);
  let total = 0;
  for (const value of plane.data) {
    if (value <= above) continue;
    histogram[value] = (histogram[value] as number) + 1;
    total++;
  }
  let sumAll = 0;
  let sumSquares = 0;
  for (let v = 0; v < 256; v++) {
    sumAll += v * (histogram[v] as number);
    sumSquares += v * v * (histogram[v] as number);
  }
  const variance = sumSquares / Math.max(1, total) - (sumAll / Math.max(1, total)) ** 2;
  let best = { threshold: 127, darkMean: 0, lightMean: 255, between: -1 };
  let weightDark = 0;
  let sumDark = 0;
  for (let t = 0; t < 255; t++) {
    weightDark += histogram[t] as number;
    sumDark += t * (histogram[t] as number);
    const weightLight = total - weightDark;
    if (weightDark === 0 || weightLight === 0) continue;
    const darkMean = sumDark / weightDark;
    const lightMean = (sumAll - sumDark) / weightLight;
    const between = (weightDark / total) * (weightLight / total) * (darkMean - lightMean) ** 2;
    if (between > best.between) best = { threshold: t, darkMean, lightMean, between };
  }
  return {
    threshold: best.threshold,
    darkMean: best.darkMean,
    lightMean: best.lightMean,
    separation: variance > 0 ? Math.max(0, best.between) / variance : 0,
  };
}
