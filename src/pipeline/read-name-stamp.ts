import type { DocumentReading } from "../documents/read-fields.ts";
import type { RawImage } from "../image/raw-image.ts";
import { warpImage } from "../image/warp-image.ts";
import { orderForDirection } from "../stages/orientation/reading-direction.ts";
import type { Point, Quad, TextLine } from "../types.ts";
import type { TextEngine } from "./text-engine.ts";

/** The share of a cell's pixels that must be red ink before it is read as a name seal. */
const MIN_RED_SHARE = 0.02;

/**
 * Reads the officer's red name seal in the cell right of 承办人签章. Seal suppression whitens it for the other
 * fields, so the cell is cut from the unsuppressed image, red turned dark, and read on its own. Name seals are cut
 * in columns read right to left (项杰 / 之印 stands in two rows as 之项 and 印杰); the trailing 之印 / 印 is not
 * part of the name. Returns undefined when the cell holds no red seal (a signature in ink is read as usual).
 */
export async function readNameStamp(
  image: RawImage,
  reading: DocumentReading,
  key: string,
  engine: TextEngine,
): Promise<{ text: string; confidence: number; quad: Quad } | undefined> {
  const label = reading.fields.get(key)?.label;
  if (label === undefined) return undefined;
  const { frame } = reading;
  const box = frame.box(label.quad);
  const height = box.bottom - box.top;
  const cell: Point[] = [
    { x: box.right, y: box.top - height },
    { x: box.right + height * 6, y: box.top - height },
    { x: box.right + height * 6, y: box.bottom + height },
    { x: box.right, y: box.bottom + height },
  ];
  const quad = cell.map(frame.toImage) as unknown as Quad;
  const width = Math.max(16, Math.round(height * 6));
  const cellHeight = Math.max(16, Math.round(height * 3));
  const crop = warpImage(image, quad, width, cellHeight);
  const { grey, redShare } = redAsInk(crop);
  if (redShare < MIN_RED_SHARE) return undefined;
  const found = await engine.detect(grey);
  const lines = (
    await engine.recognize(
      grey,
      found.map((q) => orderForDirection(q, 0)),
    )
  ).filter((line) => line.text.trim() !== "");
  const text = sealName(lines);
  if (text === "") return undefined;
  const confidence = lines.reduce((sum, line) => sum + line.confidence, 0) / lines.length;
  return { text, confidence, quad };
}

/** A grey copy where red ink is dark and everything else light, and how much red ink there was. */
function redAsInk(image: RawImage): { grey: RawImage; redShare: number } {
  const { width, height, channels, data } = image;
  const out = new Uint8Array(width * height * 3);
  let red = 0;
  for (let i = 0, o = 0; o < out.length; i += channels, o += 3) {
    const r = data[i] as number;
    const g = channels >= 3 ? (data[i + 1] as number) : r;
    const b = channels >= 3 ? (data[i + 2] as number) : r;
    const redness = r - Math.max(g, b);
    if (redness > 45 && r > 110) red++;
    // Red ink is bright in red and dark in green; print in black stays dark too but is rare in this cell.
    const level =
      redness > 30 ? Math.max(0, 255 - redness * 2) : Math.min(255, Math.round((r + g + b) / 3) + 60);
    out[o] = level;
    out[o + 1] = level;
    out[o + 2] = level;
  }
  return { grey: { width, height, channels: 3, data: out }, redShare: red / (width * height) };
}

/** The name cut in a seal: rows of at most two characters are read in columns from the right. */
function sealName(lines: readonly TextLine[]): string {
  const rows = [...lines].sort((a, b) => centreY(a) - centreY(b)).map((line) => Array.from(line.text.trim()));
  let text: string;
  if (rows.length >= 2 && rows.every((row) => row.length <= 2)) {
    const columns = Math.max(...rows.map((row) => row.length));
    text = "";
    for (let column = columns - 1; column >= 0; column--) {
      for (const row of rows) text += row[row.length - columns + column] ?? "";
    }
  } else {
    text = rows.map((row) => row.join("")).join("");
  }
  return text.replace(/(之印|印章|之章|印|章)$/u, "");
}

function centreY(line: TextLine): number {
  return line.quad.reduce((sum, p) => sum + p.y, 0) / 4;
}
