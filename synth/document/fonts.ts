/**
 * The fonts the generator prints with, registered once. Kai (LXGW WenKai) and the hand font (Ma Shan Zheng) come as
 * unicode-range subsets: registering every subset under ONE family makes canvas use one subset and draw nothing or
 * empty boxes for the rest, so each subset gets its own family and the font string lists them all (skia then falls
 * back subset by subset).
 */
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { createCanvas, GlobalFonts } from "@napi-rs/canvas";

/** The faces a document can use. */
export type FontFace = "song" | "song-bold" | "hei" | "hei-bold" | "kai" | "hand";

const require = createRequire(import.meta.url);
const families = new Map<FontFace, string>();

function packageDir(name: string): string {
  return dirname(require.resolve(`${name}/package.json`));
}

function registerSubsets(dir: string, pattern: RegExp, prefix: string): string {
  const names: string[] = [];
  for (const file of readdirSync(dir).sort()) {
    const match = pattern.exec(file);
    if (!match) continue;
    const family = `${prefix}${match[1]}`;
    GlobalFonts.registerFromPath(join(dir, file), family);
    names.push(family);
  }
  return names.join(", ");
}

function registerAll(): void {
  const serif = packageDir("@expo-google-fonts/noto-serif-sc");
  const sans = packageDir("@expo-google-fonts/noto-sans-sc");
  GlobalFonts.registerFromPath(join(serif, "400Regular/NotoSerifSC_400Regular.ttf"), "ZzSong");
  GlobalFonts.registerFromPath(join(serif, "700Bold/NotoSerifSC_700Bold.ttf"), "ZzSongBold");
  GlobalFonts.registerFromPath(join(sans, "400Regular/NotoSansSC_400Regular.ttf"), "ZzHei");
  GlobalFonts.registerFromPath(join(sans, "700Bold/NotoSansSC_700Bold.ttf"), "ZzHeiBold");
  families.set("song", "ZzSong");
  families.set("song-bold", "ZzSongBold");
  families.set("hei", "ZzHei");
  families.set("hei-bold", "ZzHeiBold");
  const kai = join(packageDir("lxgw-wenkai-webfont"), "files");
  families.set("kai", registerSubsets(kai, /^lxgwwenkai-regular-subset-(\d+)\.woff2$/, "ZzKai"));
  const hand = join(packageDir("@fontsource/ma-shan-zheng"), "files");
  families.set("hand", registerSubsets(hand, /^ma-shan-zheng-(\d+)-400-normal\.woff2$/, "ZzHand"));
}

/** A CSS font string for `face` at `size` px. */
export function font(face: FontFace, size: number): string {
  if (families.size === 0) registerAll();
  return `${size.toFixed(1)}px ${families.get(face)}`;
}

const inkCache = new Map<string, boolean>();
const probe = createCanvas(48, 48);
const probeContext = probe.getContext("2d");

function rendering(face: FontFace, text: string): Uint8ClampedArray {
  probeContext.clearRect(0, 0, 48, 48);
  probeContext.font = font(face, 36);
  probeContext.fillStyle = "#000";
  probeContext.fillText(text, 4, 38);
  return probeContext.getImageData(0, 0, 48, 48).data;
}

/**
 * True when `face` draws `character` with real ink: neither nothing nor the same box it draws for a code point no
 * font has (some fonts map missing characters to empty boxes, which defeats fallback).
 */
export function hasInk(face: FontFace, character: string): boolean {
  const key = `${face}:${character}`;
  const known = inkCache.get(key);
  if (known !== undefined) return known;
  const missing = rendering(face, "\u{10fffd}").slice();
  const drawn = rendering(face, character);
  let ink = 0;
  let differs = false;
  for (let i = 3; i < drawn.length; i += 4) {
    if ((drawn[i] as number) > 64) ink++;
    if (drawn[i] !== missing[i]) differs = true;
  }
  const result = ink > 3 && differs;
  inkCache.set(key, result);
  return result;
}

/** True when every non-space character of `text` has ink in `face`. */
export function canDraw(face: FontFace, text: string): boolean {
  return [...text].every((c) => /\s/.test(c) || hasInk(face, c));
}
