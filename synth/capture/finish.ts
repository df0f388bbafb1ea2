import sharp, { type Sharp } from "sharp";
import type { Random } from "../random.ts";
import type { BlurPlan, CapturePlan } from "./capture-plan.ts";

/** The encoded capture and the names of the pixel degradations applied. */
export interface FinishedImage {
  image: Uint8Array;
  format: "png" | "jpg";
  degradations: string[];
}

/**
 * Turns the composed RGBA frame into the file a user would send: photocopy tone curve, blur, resampling, noise,
 * toner specks and encoding. Every step is a function of `plan` and `random`, and sharp's encoders are
 * deterministic, so a seed gives the same bytes.
 */
export async function finishImage(
  rgba: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  plan: CapturePlan,
  random: Random,
): Promise<FinishedImage> {
  const degradations: string[] = [];
  const grey = plan.kind === "copy";
  const channels = grey ? 1 : 3;
  let pixels = grey ? greyChannel(rgba) : dropAlpha(rgba);
  if (plan.blur || plan.resample) {
    let pipeline = sharp(pixels, { raw: { width, height, channels } });
    if (plan.blur) pipeline = applyBlur(pipeline, plan.blur, degradations);
    pixels = await rawPixels(pipeline, grey);
    if (plan.resample) {
      const small = await rawPixels(
        sharp(pixels, { raw: { width, height, channels } }).resize(
          Math.round(width * plan.resample),
          Math.round(height * plan.resample),
          { kernel: "linear" },
        ),
        grey,
      );
      const smallSize = {
        width: Math.round(width * plan.resample),
        height: Math.round(height * plan.resample),
      };
      pixels = await rawPixels(
        sharp(small, { raw: { ...smallSize, channels } }).resize(width, height, { kernel: "linear" }),
        grey,
      );
      degradations.push(`resample:${plan.resample.toFixed(2)}`);
    }
  }
  if (plan.noise > 0) {
    addNoise(pixels, plan.noise, grey, random);
    degradations.push(`noise:${plan.noise.toFixed(1)}`);
  }
  if (grey)
    addTonerSpecks(pixels, width, height, plan.tier === "hard" ? 0.0006 : 0.0002, random, degradations);
  let raw = sharp(pixels, { raw: { width, height, channels } });
  // Without this libvips writes one grey channel as three identical ones.
  if (grey) raw = raw.toColourspace("b-w");
  if (plan.jpegQuality === null) {
    const image = await raw.png({ compressionLevel: 9, adaptiveFiltering: false }).toBuffer();
    return { image: new Uint8Array(image), format: "png", degradations };
  }
  degradations.push(`jpeg:${plan.jpegQuality}`);
  const image = await raw.jpeg({ quality: plan.jpegQuality, chromaSubsampling: "4:2:0" }).toBuffer();
  return { image: new Uint8Array(image), format: "jpg", degradations };
}

/** Raw pixels out of a pipeline, keeping one channel for grey (libvips would otherwise hand back sRGB). */
async function rawPixels(pipeline: Sharp, grey: boolean): Promise<Buffer> {
  const out = grey ? pipeline.toColourspace("b-w").extractChannel(0) : pipeline;
  return out.raw().toBuffer();
}

function dropAlpha(rgba: Uint8Array | Uint8ClampedArray): Buffer {
  const out = Buffer.alloc((rgba.length / 4) * 3);
  for (let i = 0, o = 0; i < rgba.length; i += 4, o += 3) {
    out[o] = rgba[i] as number;
    out[o + 1] = rgba[i + 1] as number;
    out[o + 2] = rgba[i + 2] as number;
  }
  return out;
}

function applyBlur(pipeline: Sharp, blur: BlurPlan, degradations: string[]): Sharp {
  if (blur.kind === "gaussian") {
    degradations.push(`blur:${blur.sigma.toFixed(2)}`);
    return pipeline.blur(blur.sigma);
  }
  degradations.push(`motion-blur:${blur.length}@${Math.round(blur.angle)}`);
  return pipeline.convolve(motionKernel(blur.length, blur.angle));
}

/** A normalised line kernel of `length` px at `angle` degrees, drawn with sub-pixel weights. */
function motionKernel(length: number, angle: number) {
  const size = length % 2 === 0 ? length + 1 : length;
  const kernel = new Array<number>(size * size).fill(0);
  const half = (size - 1) / 2;
  const r = (angle * Math.PI) / 180;
  const steps = length * 4;
  for (let s = 0; s <= steps; s++) {
    const t = (s / steps - 0.5) * (length - 1);
    const x = Math.round(half + t * Math.cos(r));
    const y = Math.round(half + t * Math.sin(r));
    kernel[y * size + x] = (kernel[y * size + x] ?? 0) + 1;
  }
  const total = kernel.reduce((sum, v) => sum + v, 0);
  return { width: size, height: size, kernel: kernel.map((v) => v / total) };
}

/** The grey channel of an RGBA frame whose pixels the copier has already made grey (see `photocopy.ts`). */
function greyChannel(rgba: Uint8Array | Uint8ClampedArray): Buffer {
  const out = Buffer.alloc(rgba.length / 4);
  for (let i = 0, o = 0; i < rgba.length; i += 4, o++) out[o] = rgba[i + 1] as number;
  return out;
}

/** Gaussian sensor noise; on colour frames mostly luminance with a little chroma, as phone sensors give. */
function addNoise(pixels: Buffer, sd: number, grey: boolean, random: Random) {
  const step = grey ? 1 : 3;
  for (let i = 0; i < pixels.length; i += step) {
    const shared = random.normal(0, sd);
    for (let c = 0; c < step; c++) {
      const chroma = grey ? 0 : random.normal(0, sd * 0.3);
      pixels[i + c] = clamp((pixels[i + c] as number) + shared + chroma);
    }
  }
}

function addTonerSpecks(
  pixels: Buffer,
  width: number,
  height: number,
  density: number,
  random: Random,
  degradations: string[],
) {
  const count = Math.round(width * height * density);
  for (let k = 0; k < count; k++) {
    const x = random.int(0, width - 2);
    const y = random.int(0, height - 2);
    const level = random.int(20, 120);
    const size = random.chance(0.3) ? 2 : 1;
    for (let dy = 0; dy < size; dy++) {
      for (let dx = 0; dx < size; dx++) pixels[(y + dy) * width + x + dx] = level;
    }
  }
  degradations.push(`toner-specks:${count}`);
}

function clamp(v: number): number {
  return v < 0 ? 0 : v > 255 ? 255 : Math.round(v);
}
