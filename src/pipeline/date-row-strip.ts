import type { RawImage } from "../image/raw-image.ts";
import { warpImage } from "../image/warp-image.ts";
import type { Quad, TextLine } from "../types.ts";
import type { PageFrame } from "../documents/shared/page-frame.ts";
import { PITCH_PX, toGrey, withoutRulings } from "./box-digit-crops.ts";
import type { DateRow } from "./date-units.ts";

/** How far above and below the row's centre the strip searched for printed units reaches, in pitches. */
const HALF_HEIGHT = 0.75;

/** A strip along a date's row cut out to be read for its printed units, and where it lies in the image. */
export interface RowStrip {
  crop: RawImage;
  quad: Quad;
}

/**
 * The band of a boxed value's row at its label's height, from the label's end to the row's end, at the units'
 * glyph size, its rulings painted out: read on its own, it gives the printed units (年 月 日 时 分) the detector did
 * not find as text (the boxes' digits printed across them, faint print, a seal over the row). `undefined` when the
 * band holds no contrast worth reading.
 */
export function cutRowStrip(image: RawImage, frame: PageFrame, row: DateRow): RowStrip | undefined {
  const top = row.centerY - HALF_HEIGHT * row.pitch;
  const bottom = row.centerY + HALF_HEIGHT * row.pitch;
  const quad: Quad = [
    frame.toImage({ x: row.start, y: top }),
    frame.toImage({ x: row.end, y: top }),
    frame.toImage({ x: row.end, y: bottom }),
    frame.toImage({ x: row.start, y: bottom }),
  ];
  const scale = PITCH_PX / row.pitch;
  const width = Math.max(8, Math.round((row.end - row.start) * scale));
  const height = Math.max(8, Math.round(2 * HALF_HEIGHT * PITCH_PX));
  const crop = toGrey(warpImage(image, quad, width, height));
  const cleaned = withoutRulings(crop);
  if (cleaned === undefined) return undefined;
  return { crop: { width, height, channels: 1, data: cleaned.grey }, quad };
}

/** The strip's reading as a line of the page: its characters placed along the strip. */
export function stripLine(strip: RowStrip, read: TextLine): TextLine {
  return { ...read, quad: strip.quad };
}

/** How far above and below the row's centre a date's strip read for its digits reaches, in pitches. */
const DATE_HALF_HEIGHT = 0.9;

/**
 * The whole of a boxed date's row, from the label's end to past its last unit (`end`), its rulings painted out, to
 * be read at once: digits and units read together, each box's digits are placed by the unit read after them, where
 * the boxes cut out one by one gave nothing readable. Where the digits stand `offset` pitches below the units' row
 * (above where negative), the strip reaches them too. `undefined` when the band holds no contrast worth reading.
 */
export function cutDateStrip(
  image: RawImage,
  frame: PageFrame,
  row: DateRow,
  end: number,
  offset = 0,
): RawImage | undefined {
  const left = row.start - row.pitch * 0.2;
  const right = end + row.pitch * 0.4;
  const half = DATE_HALF_HEIGHT + Math.abs(offset) / 2;
  const top = row.centerY + (offset / 2 - half) * row.pitch;
  const bottom = row.centerY + (offset / 2 + half) * row.pitch;
  const quad: Quad = [
    frame.toImage({ x: left, y: top }),
    frame.toImage({ x: right, y: top }),
    frame.toImage({ x: right, y: bottom }),
    frame.toImage({ x: left, y: bottom }),
  ];
  const scale = STRIP_PITCH_PX / row.pitch;
  const width = Math.max(8, Math.round((right - left) * scale));
  const height = Math.max(8, Math.round(2 * half * STRIP_PITCH_PX));
  const cleaned = withoutRulings(toGrey(warpImage(image, quad, width, height)), { mendStrokes: true });
  return cleaned === undefined ? undefined : { width, height, channels: 1, data: cleaned.grey };
}

/** A glyph's pitch in a date's strip, in pixels: the strip then stands about as high as the recogniser reads. */
const STRIP_PITCH_PX = 24;
