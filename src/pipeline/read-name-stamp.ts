import type { DocumentReading } from "../documents/read-fields.ts";
import type { LabelMatch } from "../documents/shared/label-matcher.ts";
import type { PageBox } from "../documents/shared/page-frame.ts";
import { isPlausibleName } from "../documents/shared/plausible-name.ts";
import { lineChars } from "../documents/shared/slice-text-line.ts";
import type { RawImage } from "../image/raw-image.ts";
import { warpImage } from "../image/warp-image.ts";
import { type FoundStamp, findNameStamp } from "../stages/seal/find-name-stamp.ts";
import { decodeSealName } from "../stages/seal/decode-seal-name.ts";
import {
  type InkLevels,
  type InkMask,
  inkAsBlack,
  inkMask,
  MIN_FAINT_RED_CONTRAST,
  measureInk,
  stampLevels,
} from "../stages/seal/stamp-ink.ts";
import { type GridBox, insideFrame, layoutCells, plausibleLayouts } from "../stages/seal/stamp-grid.ts";
import type { LineSpan } from "../stages/text-recognition/decode.ts";
import type { CharAlternative, Point, Quad, RecognizedChar, TextLine } from "../types.ts";
import type { TextEngine } from "./text-engine.ts";

/** The cell is cut at this many pixels per height of the label's text line. */
const UNIT_PX = 40;
/** The cell searched: this many label heights right of the label, and this many above and below its centre. */
const CELL_LENGTH = 7;
const CELL_HALF_HEIGHT = 2;
/** Looked at again closer, the cell begins this many character widths before the label's box ends. */
const LABEL_OVERLAP = 1;
/** A label box is taller than its text when its characters are narrower than this share of its height. */
const TALL_LABEL = 0.8;
/** Without its own label, the area searched ends this many label heights before the next field's label... */
const BEFORE_NEXT_GAP = 0.5;
/** ... and is this many longer than the usual cell. */
const BEFORE_NEXT_EXTRA = 5;
/** Longer side of the straightened stamp, px. */
const STAMP_PX = 144;
/** Each character is read as a square of this side (the recogniser's line height)... */
const GLYPH_PX = 48;
/** ... in a line with this much white between characters and around them... */
const GLYPH_GAP = 16;
/** ... and this much above and below them (the recogniser reads lines whose characters nearly fill them). */
const GLYPH_MARGIN = 8;
/** ... cut with this share of its cell's side around it. */
const GLYPH_PAD = 0.04;
/** A stamp's name read with less mean confidence than this is not taken (framed stamps, and red ink unframed). */
const MIN_CONFIDENCE = 0.15;
const MIN_UNFRAMED_CONFIDENCE = 0.4;
/** The common square layout (the first tried) is preferred by this much mean log confidence per glyph. */
const COMMON_LAYOUT_PRIOR = 0.3;
/**
 * A stamp read as no plausible name (no common surname first, or a character given names seldom hold) is not
 * taken unless read at least this surely (the product of its glyphs' confidences): the lists are not complete.
 */
const IMPLAUSIBLE_BELOW = 0.9;
/**
 * A framed stamp's name less probable than this (the product of its glyphs' probabilities) is a guess the name
 * priors made from glyphs the model could not read, wrong nine times in ten on the fixed set's hard pages: no name
 * is given rather than an invented one.
 */
const GUESS_BELOW = 0.05;
/** A glyph read with at least this confidence is read surely. */
const SURE_GLYPH = 0.7;
/** The confidence a glyph read as nothing, or as several characters, counts with. */
const MISSED = 0.01;
/** Candidates kept per glyph for the name decoder. */
const GLYPH_CANDIDATES = 20;
/** In the stamp turned black on white, pixels darker than this are strokes. */
const STROKE_LEVEL = 128;

/**
 * A name read from a stamp, how likely it is read right (the product of its characters' confidences) and the
 * stamp's box in the image. An empty text: the stamp is there but names no one legibly.
 */
export interface StampReading {
  text: string;
  chars: RecognizedChar[];
  confidence: number;
  quad: Quad;
}

/**
 * Reads the officer's name seal in the cell right of 承办人签章 (or, that label missed, left of `nextKey`'s). Seal
 * suppression whitens red ink for the other fields, so the cell is cut from the unsuppressed image. The stamp is
 * found as a stamp-sized blob of red ink (or, on a photocopy, of framed dark ink; or faded red ink, framed) and
 * straightened; each layout its shape allows (2×2, 2+1, …) is read as a line of square glyphs in seal order
 * (columns from the right, each top to bottom), and the layout read most surely wins; the name is decoded from its
 * glyphs' candidates with the name priors ({@link decodeSealName}), the closing 之印 / 印 dropped. Returns
 * undefined when the cell holds no stamp, or one read too unsurely, and the cell's ordinary reading holds something
 * (a signature in ink: it stands); an empty text at confidence 0 when a framed stamp reads unsurely as no plausible
 * name (a blurred seal read as 国星鲜: better no name than an invented one), or when ink stood where the stamp
 * belongs and nothing was read of it (an empty answer there is unsure). `options.inspect` sees the pictures made
 * on the way (cell, straightened stamp, lines), for diagnosis.
 */
export async function readNameStamp(
  image: RawImage,
  reading: DocumentReading,
  key: string,
  engine: TextEngine,
  options: StampOptions = {},
): Promise<StampReading | undefined> {
  const { located, unread } = searchStamp(image, reading, key, options);
  const stamp = located && (await readLocatedStamp(image, located, engine, options.inspect));
  if (stamp !== undefined) return stamp;
  // A stamp read as nothing, or red ink where the stamp belongs that could not be read as one: when the cell's
  // ordinary reading found nothing either, its empty answer is unsure, not a sure blank.
  const inked = located?.quad ?? unread;
  if (inked !== undefined && (reading.fields.get(key)?.text.trim() ?? "") === "")
    return { text: "", chars: [], confidence: 0, quad: inked };
  return undefined;
}

/** A name stamp found on the page: its box in the image, its size along its own axes, and its ink. */
export interface LocatedStamp {
  quad: Quad;
  width: number;
  height: number;
  levels: InkLevels;
  framed: boolean;
}

/**
 * Finds the officer's name stamp in the first of the areas {@link stampAreas} gives that holds a stamp-sized blob
 * of red ink (or, on a photocopy, of framed dark ink). Undefined when none does.
 */
export function locateNameStamp(
  image: RawImage,
  reading: DocumentReading,
  key: string,
  options: StampOptions = {},
): LocatedStamp | undefined {
  return searchStamp(image, reading, key, options).located;
}

/**
 * The stamp found in the areas searched, or else the box of the first stamp-sized blob of faint red ink met that
 * could not be taken for a stamp (unframed: too faint to tell from tinted paper, and to read).
 */
function searchStamp(
  image: RawImage,
  reading: DocumentReading,
  key: string,
  options: StampOptions,
): { located?: LocatedStamp; unread?: Quad } {
  const { frame } = reading;
  let unread: Quad | undefined;
  for (const area of stampAreas(reading, key, options)) {
    const scale = UNIT_PX / area.unit;
    const origin = { x: area.left, y: area.centerY - CELL_HALF_HEIGHT * area.unit };
    const toImage = (p: Point) => frame.toImage({ x: origin.x + p.x / scale, y: origin.y + p.y / scale });
    const width = Math.round(area.length * UNIT_PX);
    const height = Math.round(2 * CELL_HALF_HEIGHT * UNIT_PX);
    const cell = warpImage(
      image,
      mapQuad(corners({ left: 0, top: 0, right: width, bottom: height }), toImage),
      width,
      height,
    );
    options.inspect?.("cell", cell);
    const inCell = findStamp(cell);
    if (inCell === undefined) continue;
    const { stamp, levels } = inCell;
    const quad = mapQuad(stampCorners(stamp), toImage);
    if (levels === undefined) {
      unread ??= quad;
      continue;
    }
    return {
      located: { quad, width: stamp.width, height: stamp.height, levels, framed: stamp.framed },
    };
  }
  return { unread };
}

/**
 * Reads a located stamp: straightened, its ink turned black on white, each layout its shape allows read as a line
 * of square glyphs and the surest kept, the closing 之印 / 印 dropped. Undefined when the stamp reads as no name
 * or too unsurely (the cell's ordinary reading stands); an empty text when a framed stamp reads unsurely as
 * something no one is called.
 */
export async function readLocatedStamp(
  image: RawImage,
  located: LocatedStamp,
  engine: TextEngine,
  inspect?: StampOptions["inspect"],
): Promise<StampReading | undefined> {
  const long = Math.max(located.width, located.height);
  const stampWidth = Math.max(8, Math.round((STAMP_PX * located.width) / long));
  const stampHeight = Math.max(8, Math.round((STAMP_PX * located.height) / long));
  const straight = warpImage(image, located.quad, stampWidth, stampHeight);
  inspect?.("stamp", straight);
  const inStamp = stampLevels(straight, located.levels);
  const black = inkAsBlack(straight, inStamp);
  const glyphs = await readLayouts(black, strokeMask(black), engine, inspect);
  const decoded = decodeSealName(glyphs);
  if (decoded === undefined) return undefined;
  const name = decoded.chars.map(
    (char): RecognizedChar => ({
      text: char.text,
      confidence: char.probability,
      start: char.slot / glyphs.length,
      end: (char.slot + 1) / glyphs.length,
      alternatives: glyphs[char.slot] ?? [],
    }),
  );
  const mean = name.reduce((sum, char) => sum + char.confidence, 0) / name.length;
  // Red ink read as nothing like characters (a round seal's star, a smear) leaves the cell's ordinary reading.
  if (mean < (located.framed ? MIN_CONFIDENCE : MIN_UNFRAMED_CONFIDENCE)) return undefined;
  const text = name.map((char) => char.text).join("");
  // Each glyph is read on its own, so the name is right only when every one is: one unsure glyph makes it unsure.
  const confidence = decoded.probability;
  // Glyphs read unsurely into something no one is called (国星鲜, 酸屋) are a blurred seal misread, not a name. A
  // framed stamp is surely the officer's, so what the page's reading kept of it (its whitened ink read as 厨, 方)
  // is no name either: no name is given. Red ink unframed leaves the cell's ordinary reading.
  if (confidence < GUESS_BELOW || (confidence < IMPLAUSIBLE_BELOW && !isPlausibleName(name)))
    return located.framed ? { text: "", chars: [], confidence: 0, quad: located.quad } : undefined;
  return { text, chars: name, confidence, quad: located.quad };
}

/** Where else to look for a stamp, and what to show on the way. */
export interface StampOptions {
  /** The field after the stamped one on its row: the stamp lies left of its label when the field's own is missing. */
  nextKey?: string;
  /**
   * Boxes of other lines that read like the field's label (a booklet photo shows the facing page's 承办人签章 column
   * too, and the label placed may be that one): looked right of when the placed label has no stamp beside it.
   */
  otherLabels?: readonly Quad[];
  inspect?: (stage: "cell" | "stamp" | "line", picture: RawImage) => void;
}

interface StampArea {
  left: number;
  length: number;
  centerY: number;
  /** The label's text height. */
  unit: number;
}

/**
 * Where to look for the stamp, in page coordinates, in turn: right of the field's label; when the label was not
 * found, left of the label of the field after it on the same row (签发日期, 登记日期), over a longer stretch since
 * the field's own label may lie in it too; then right of each other line that reads like the label.
 */
function stampAreas(reading: DocumentReading, key: string, options: StampOptions): StampArea[] {
  const areas: StampArea[] = [];
  const after = (quad: Quad) => {
    const box = reading.frame.box(quad);
    const unit = box.bottom - box.top;
    if (unit > 0) areas.push({ left: box.right, length: CELL_LENGTH, centerY: box.centerY, unit });
  };
  const label = reading.fields.get(key)?.label;
  const next = options.nextKey === undefined ? undefined : reading.fields.get(options.nextKey)?.label;
  if (label !== undefined) {
    after(label.quad);
    const closer = closerArea(reading.frame.box(label.quad), printedCharacters(label));
    if (closer !== undefined) areas.push(closer);
  } else if (next !== undefined) {
    const box = reading.frame.box(next.quad);
    const unit = box.bottom - box.top;
    const length = CELL_LENGTH + BEFORE_NEXT_EXTRA;
    if (unit > 0)
      areas.push({ left: box.left - (length + BEFORE_NEXT_GAP) * unit, length, centerY: box.centerY, unit });
  }
  for (const quad of options.otherLabels ?? []) if (quad !== label?.quad) after(quad);
  return areas;
}

/**
 * Where to look again when nothing was found right of a label whose box is taller than its characters are wide
 * (it took in a stroke of the stamp or of a seal above it, so the stamp looked small beside it): with the height
 * the characters' width gives, from a little before the box's end (the stamp may be pressed over the label).
 */
function closerArea(box: PageBox, characters: number): StampArea | undefined {
  if (characters <= 0) return undefined;
  const unit = (box.right - box.left) / characters;
  if (!(unit > 0) || unit >= (box.bottom - box.top) * TALL_LABEL) return undefined;
  const left = box.right - LABEL_OVERLAP * unit;
  return { left, length: CELL_LENGTH + LABEL_OVERLAP, centerY: box.centerY, unit };
}

/** How many characters a label's box holds, spaces (a letter-spaced label's gaps) not counted. */
function printedCharacters(label: LabelMatch): number {
  return lineChars(label.line)
    .slice(label.start, label.end)
    .filter((char) => char.text.trim() !== "").length;
}

/**
 * The stamp in a cell: red ink first, then (a photocopy, a grey scan) framed dark ink, then faded red ink framed
 * (a pale stamp photographed in cold light, its ink too faint against the paper to be taken unframed). A blob of
 * faded red ink unframed comes without levels: ink is there, but no stamp to read.
 */
function findStamp(cell: RawImage): { stamp: FoundStamp; levels?: InkLevels } | undefined {
  for (const ink of ["red", "dark"] as const) {
    const levels = measureInk(cell, ink);
    if (levels === undefined) continue;
    const stamp = findNameStamp(inkMask(cell, levels), UNIT_PX, ink);
    if (stamp !== undefined) return { stamp, levels };
  }
  const faint = measureInk(cell, "red", MIN_FAINT_RED_CONTRAST);
  if (faint === undefined) return undefined;
  const stamp = findNameStamp(inkMask(cell, faint), UNIT_PX, "red");
  if (stamp === undefined) return undefined;
  return stamp.framed ? { stamp, levels: faint } : { stamp };
}

/**
 * Reads a stamp's glyphs in the layout that reads best, and gives each glyph's likeliest characters in seal order
 * (best first). For each layout the stamp's shape allows, its cells are scaled to square glyphs (seal characters
 * are stretched to fill their cell) and set in reading order as one printed line; the layout whose glyphs each read
 * as one confident character wins (a wrong layout cuts characters in halves or squeezes two into one glyph, and
 * reads poorly). The common layout is read first, alone, and kept outright when every glyph reads surely;
 * otherwise the others are read in one pass and compared.
 */
async function readLayouts(
  black: RawImage,
  mask: InkMask,
  engine: TextEngine,
  inspect?: (stage: "line", picture: RawImage) => void,
): Promise<CharAlternative[][]> {
  const inside = insideFrame(mask);
  const layouts = plausibleLayouts(inside.right - inside.left, inside.bottom - inside.top);
  const cellsOf = layouts.map((layout) => layoutCells(mask, inside, layout));
  const [first, ...others] = cellsOf;
  if (first === undefined) return [];
  const [common] = await readLines(black, [first], engine, inspect);
  if (common === undefined || common.sure || others.length === 0) return common?.glyphs ?? [];
  let best = { ...common, score: common.score + COMMON_LAYOUT_PRIOR };
  for (const reading of await readLines(black, others, engine, inspect)) {
    if (reading.score > best.score) best = reading;
  }
  return best.glyphs;
}

/**
 * Reads each list of cells as one line of square glyphs (all lines in one pass) and gives, per line, each glyph's
 * likeliest characters whatever the line's best reading chose there (from the engine's glyph reading; an engine
 * without one gives the alternatives of the one character read on the glyph), the mean log confidence per glyph of
 * the best reading (a glyph read as nothing or as several counts as {@link MISSED}), and whether every glyph read
 * surely.
 */
async function readLines(
  black: RawImage,
  cellsOf: readonly (readonly GridBox[])[],
  engine: TextEngine,
  inspect?: (stage: "line", picture: RawImage) => void,
): Promise<{ glyphs: CharAlternative[][]; score: number; sure: boolean }[]> {
  const { sheet, rows, spans } = glyphSheet(black, cellsOf);
  inspect?.("line", sheet);
  const lines: (TextLine & { glyphs?: CharAlternative[][] })[] = engine.recognizeGlyphs
    ? await engine.recognizeGlyphs(sheet, rows, spans, GLYPH_CANDIDATES)
    : await engine.recognize(sheet, rows);
  const step = GLYPH_PX + GLYPH_GAP;
  return cellsOf.map((cells, row) => {
    const lineWidth = GLYPH_GAP + cells.length * step;
    const byGlyph: RecognizedChar[][] = cells.map(() => []);
    for (const read of lines[row]?.chars ?? []) {
      const char = asHan(read);
      if (char === undefined) continue;
      const index = Math.floor((((char.start + char.end) / 2) * lineWidth - GLYPH_GAP / 2) / step);
      byGlyph[Math.min(cells.length - 1, Math.max(0, index))]?.push(char);
    }
    const confidences = byGlyph.map((chars) =>
      chars.length === 1 ? Math.max(MISSED, (chars[0] as RecognizedChar).confidence) : MISSED,
    );
    const score = confidences.reduce((sum, confidence) => sum + Math.log(confidence), 0) / cells.length;
    const glyphs =
      lines[row]?.glyphs ??
      byGlyph.map((chars) => (chars.length === 1 ? (chars[0] as RecognizedChar).alternatives : []));
    return { glyphs, score, sure: confidences.every((confidence) => confidence >= SURE_GLYPH) };
  });
}

/**
 * The strokes of a stamp turned black on white, as a mask: where the layout is cut. Red ink's own mask is coarse
 * (JPEG keeps a colour difference at half resolution, and a blurred seal's redness runs its characters into one
 * blot), the grey picture made from the green channel keeps the strokes apart.
 */
function strokeMask(black: RawImage): InkMask {
  const data = new Uint8Array(black.width * black.height);
  for (let p = 0; p < data.length; p++)
    data[p] = (black.data[p * black.channels] as number) < STROKE_LEVEL ? 1 : 0;
  return { width: black.width, height: black.height, data };
}

/** Glyphs set as lines for the recogniser: the picture, each line's box in it, and each glyph's span in its line. */
export interface GlyphSheet {
  sheet: RawImage;
  rows: Quad[];
  spans: LineSpan[][];
}

/**
 * Sets each list of a stamp's cells as one printed line of square glyphs, one line under another: each cell cut
 * with a little margin and scaled to a {@link GLYPH_PX} square, white between and around them.
 */
export function glyphSheet(black: RawImage, cellsOf: readonly (readonly GridBox[])[]): GlyphSheet {
  const step = GLYPH_PX + GLYPH_GAP;
  const rowHeight = GLYPH_PX + 2 * GLYPH_MARGIN;
  const width = GLYPH_GAP + Math.max(...cellsOf.map((cells) => cells.length)) * step;
  const height = rowHeight * cellsOf.length;
  const sheet: RawImage = { width, height, channels: 3, data: new Uint8Array(width * height * 3).fill(255) };
  const spans: LineSpan[][] = [];
  const rows = cellsOf.map((cells, row) => {
    cells.forEach((cell, index) => {
      const pad = Math.max(cell.right - cell.left, cell.bottom - cell.top) * GLYPH_PAD;
      const box = {
        left: cell.left - pad,
        top: cell.top - pad,
        right: cell.right + pad,
        bottom: cell.bottom + pad,
      };
      const glyph = warpImage(black, corners(box), GLYPH_PX, GLYPH_PX);
      paste(sheet, glyph, GLYPH_GAP + index * step, row * rowHeight + GLYPH_MARGIN);
    });
    const right = GLYPH_GAP + cells.length * step;
    spans.push(
      cells.map((_, index) => ({
        start: (GLYPH_GAP + index * step) / right,
        end: (GLYPH_GAP + index * step + GLYPH_PX) / right,
      })),
    );
    return corners({ left: 0, top: row * rowHeight, right, bottom: (row + 1) * rowHeight });
  });
  return { sheet, rows, spans };
}

/**
 * A character read as its likeliest Han reading (a name is written in Han characters; a smudged glyph's best guess
 * is often a Latin letter with the right character close behind), or undefined when no alternative is Han.
 */
function asHan(char: RecognizedChar): RecognizedChar | undefined {
  const han = char.alternatives.find((alternative) => HAN.test(alternative.text));
  if (han === undefined) return undefined;
  if (han.text === char.text) return char;
  return { ...char, text: han.text, confidence: han.probability };
}

const HAN = /^[\u3400-\u4dbf\u4e00-\u9fff]$/u;

function mapQuad(quad: Quad, map: (point: Point) => Point): Quad {
  return [map(quad[0]), map(quad[1]), map(quad[2]), map(quad[3])];
}

/** The corners of a box, clockwise from the top left. */
function corners(box: GridBox): Quad {
  return [
    { x: box.left, y: box.top },
    { x: box.right, y: box.top },
    { x: box.right, y: box.bottom },
    { x: box.left, y: box.bottom },
  ];
}

/** The corners of a found stamp along its own axes, with a small margin, clockwise from its top left. */
function stampCorners(stamp: FoundStamp): Quad {
  const halfW = stamp.width * 0.52;
  const halfH = stamp.height * 0.52;
  const cos = Math.cos(stamp.angle);
  const sin = Math.sin(stamp.angle);
  const at = (u: number, v: number): Point => ({
    x: stamp.center.x + u * cos - v * sin,
    y: stamp.center.y + u * sin + v * cos,
  });
  return [at(-halfW, -halfH), at(halfW, -halfH), at(halfW, halfH), at(-halfW, halfH)];
}

/** Copies `source` into `target` with its top-left corner at (x, y). Both RGB. */
function paste(target: RawImage, source: RawImage, x: number, y: number): void {
  for (let row = 0; row < source.height; row++) {
    const from = row * source.width * 3;
    target.data.set(source.data.subarray(from, from + source.width * 3), ((y + row) * target.width + x) * 3);
  }
}
