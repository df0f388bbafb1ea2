import type { Random } from "../random.ts";

/** How hard a capture is: `clean` scans, `moderate` everyday photos and copies, `hard` poor but still legible ones. */
export type CaptureTier = "clean" | "moderate" | "hard";

/** Every tier, in order of difficulty. */
export const CAPTURE_TIERS: readonly CaptureTier[] = ["clean", "moderate", "hard"];

/** A flatbed scan, a phone photo, or a grey-scale photocopy (scanned flat afterwards). */
export type CaptureKind = "scan" | "photo" | "copy";

/** What the document lies on in a photo or scan. */
export type Surface = "wood" | "fabric" | "desk" | "scanner";

/** A blur applied to the whole capture. */
export type BlurPlan =
  | { kind: "gaussian"; sigma: number }
  | { kind: "motion"; length: number; angle: number };

/** Every random choice of one capture, drawn up front so the steps that follow are plain functions of it. */
export interface CapturePlan {
  tier: CaptureTier;
  kind: CaptureKind;
  /** Median value-text height wanted in the output, px. */
  textHeight: number;
  /** Coarse turn of the document, degrees clockwise. */
  quarter: 0 | 90 | 180 | 270;
  /** Small extra turn, degrees clockwise. */
  skew: number;
  /** Camera tilt about the document's horizontal and vertical axes, degrees (photos only). */
  pitch: number;
  yaw: number;
  surface: Surface;
  hand: boolean;
  glare: boolean;
  shadow: boolean;
  blur: BlurPlan | null;
  /** Factor of a down-and-up resample (phone "digital zoom", messenger recompression), or null. */
  resample: number | null;
  /** Standard deviation of sensor noise, grey levels. */
  noise: number;
  /** JPEG quality, or null for PNG. */
  jpegQuality: number | null;
}

/**
 * Draws the capture of one image for a tier. The limits keep the hard tier legible to a person: blur is capped by
 * the text height and JPEG quality never drops below 40.
 */
export function planCapture(tier: CaptureTier, random: Random): CapturePlan {
  if (tier === "clean") return planClean(random);
  const hard = tier === "hard";
  const kind: CaptureKind = random.weighted<CaptureKind>(
    hard
      ? [
          ["photo", 0.75],
          ["copy", 0.25],
        ]
      : [
          ["photo", 0.6],
          ["copy", 0.25],
          ["scan", 0.15],
        ],
  );
  const textHeight = hard ? random.uniform(15, 22) : random.uniform(20, 30);
  const photo = kind === "photo";
  const maxTilt = hard ? 22 : 12;
  return {
    tier,
    kind,
    textHeight,
    quarter: random.weighted<CapturePlan["quarter"]>([
      [0, hard ? 0.4 : 0.55],
      [90, 0.2],
      [180, hard ? 0.2 : 0.1],
      [270, 0.2],
    ]),
    skew: photo ? random.uniform(-1, 1) * (hard ? 12 : 6) : random.uniform(-1, 1) * (hard ? 4 : 2.5),
    pitch: photo ? random.uniform(-maxTilt, maxTilt) : 0,
    yaw: photo ? random.uniform(-maxTilt, maxTilt) * 0.7 : 0,
    surface: photo ? random.pick<Surface>(["wood", "fabric", "desk", "wood"]) : "scanner",
    hand: photo && random.chance(hard ? 0.6 : 0.35),
    glare: photo && random.chance(hard ? 0.65 : 0.35),
    shadow: photo && random.chance(hard ? 0.6 : 0.4),
    blur: planBlur(random, textHeight, hard, photo),
    resample: hard && random.chance(0.3) ? random.uniform(0.55, 0.8) : null,
    noise: photo ? random.uniform(hard ? 3 : 1.5, hard ? 7 : 4) : random.uniform(0.5, 2.5),
    jpegQuality: hard ? random.int(40, 70) : random.int(62, 88),
  };
}

function planClean(random: Random): CapturePlan {
  return {
    tier: "clean",
    kind: "scan",
    textHeight: random.uniform(26, 40),
    quarter: 0,
    skew: random.chance(0.5) ? random.uniform(-1, 1) : 0,
    pitch: 0,
    yaw: 0,
    surface: "scanner",
    hand: false,
    glare: false,
    shadow: false,
    blur: random.chance(0.4) ? { kind: "gaussian", sigma: random.uniform(0.3, 0.6) } : null,
    resample: null,
    // A lossless scan comes from a clean scanner pipeline; sensor-like noise would only bloat the PNG.
    ...(random.chance(0.35)
      ? { noise: 0, jpegQuality: null }
      : { noise: random.uniform(0, 1.5), jpegQuality: random.int(85, 95) }),
  };
}

/** Blur strong enough to hurt OCR but capped relative to the text so a person still reads it. */
function planBlur(random: Random, textHeight: number, hard: boolean, photo: boolean): BlurPlan | null {
  if (!random.chance(hard ? 0.85 : 0.6)) return null;
  if (photo && random.chance(0.35)) {
    const cap = Math.min(hard ? 5 : 3, textHeight * 0.22);
    return {
      kind: "motion",
      length: Math.max(2, Math.round(random.uniform(0.4, 1) * cap)),
      angle: random.uniform(0, 180),
    };
  }
  const cap = Math.min(hard ? 1.5 : 1.0, textHeight * 0.07);
  return { kind: "gaussian", sigma: Math.max(0.3, random.uniform(0.4, 1) * cap) };
}
