import type { DocumentReading } from "../documents/read-fields.ts";
import type { DocumentSpec, FieldSpec } from "../documents/shared/field-spec.ts";
import type { PageBox } from "../documents/shared/page-frame.ts";
import { boundsQuad } from "../geometry/quad.ts";
import type { RawImage } from "../image/raw-image.ts";
import { toGrayscale } from "../image/to-grayscale.ts";
import { warpImage } from "../image/warp-image.ts";
import { findComponents } from "../stages/text-detection/connected-components.ts";
import type { Quad } from "../types.ts";
import { labelBox } from "./reread-empty-cells.ts";

/** What a value cell holds, judged from its ink alone. */
export type CellInk = "struck" | "blank" | "text";

/** The evidence for one cell's verdict. */
export interface CellInkReport {
  verdict: CellInk;
  /** Slanted strokes found (`/`), and the ink they hold against all the ink of the cell (0–1). */
  strokes: number;
  strokeShare: number;
  /** How alike the strokes are in height and slant (0–1, 1 for identical strokes). */
  regularity: number;
}

/** A cell's patch is cut at this many pixels per label height. */
const PATCH_LINE_HEIGHT = 40;
/** A stroke's slant from the horizontal, degrees: a printed `/`, not a vertical `1` nor a flat dash. */
const MIN_SLANT = 48;
const MAX_SLANT = 84;
/** A stroke's height against the label's: of roughly text height. */
const MIN_STROKE_HEIGHT = 0.4;
const MAX_STROKE_HEIGHT = 1.5;
/** A stroke is thin: its length over its width. */
const MIN_ELONGATION = 3.2;
/** Ink that belongs to no stroke, beyond which a cell is taken for text (a character has strokes of all slants). */
const MAX_OTHER_INK = 0.2;
/** Specks below this share of a line height squared are noise (dust, the guilloche's crossings). */
const SPECK = 0.012;
/** How much darker than the paper ink is, as a share of the cell's darkest ink against its paper. */
const INK_CONTRAST = 0.45;
/** The cell's darkest ink: this share of its pixels is darker. */
const DARKEST = 0.005;
/** At least this contrast (0–255) counts as ink, whatever the cell's: the guilloche and the paper's grain do not. */
const MIN_INK_CONTRAST = 28;
/**
 * Where the cell is looked at, as shifts down in line heights: level with its label first, then lower and higher,
 * for print that sits off its line (the printer's misregistration). A shift can only find strokes where the cell
 * holds none level with its label; a whole row is filled only when every one of its cells shows them.
 */
const OFFSETS = [0, 0.7, -0.5];
/** What a filler read from strokes alone keeps as its confidence, at best. */
const STRUCK_CONFIDENCE = 0.9;

/**
 * Judges a cell's patch (grey, `lineHeight` pixels per label height): blank (no ink past specks), struck (only thin
 * slanted strokes of about text height, alike in height and slant: the `///` of the print code), or text.
 * Horizontal rulings (rows of ink across most of the cell) are left out first.
 */
export function judgeCellInk(patch: RawImage, lineHeight: number): CellInkReport {
  const grey = toGrayscale(patch);
  const { width, height } = grey;
  const paper = percentile(grey.data, 0.85);
  const darkness = new Float32Array(width * height);
  for (let i = 0; i < darkness.length; i++) darkness[i] = paper - (grey.data[i] as number);
  const threshold = Math.max(MIN_INK_CONTRAST, (paper - percentile(grey.data, DARKEST)) * INK_CONTRAST);
  removeRulings(darkness, width, height, threshold);
  const components = findComponents(darkness, width, height, threshold);
  const speck = SPECK * lineHeight * lineHeight;
  const strokes: { height: number; slant: number }[] = [];
  const others: { runs: number[]; pixelCount: number }[] = [];
  let strokeInk = 0;
  let otherInk = 0;
  for (const component of components) {
    if (component.pixelCount < speck || isNeighbourPart(component.runs, width, height)) continue;
    const shape = strokeShape(component.runs);
    const isStroke =
      shape.slant >= MIN_SLANT &&
      shape.slant <= MAX_SLANT &&
      shape.elongation >= MIN_ELONGATION &&
      isTextHeight(shape.height, lineHeight);
    if (isStroke) {
      strokes.push(shape);
      strokeInk += component.pixelCount;
    } else others.push(component);
  }
  // Strokes printed close together touch and make one component: straightened by their slant, they stand as bars.
  const slant = strokes.length > 0 ? median(strokes.map((stroke) => stroke.slant)) : undefined;
  for (const component of others) {
    const bars = barsOf(component.runs, slant, lineHeight);
    if (bars.length === 0) otherInk += component.pixelCount;
    else {
      strokes.push(...bars);
      strokeInk += component.pixelCount;
    }
  }
  const total = strokeInk + otherInk;
  const strokeShare = total === 0 ? 0 : strokeInk / total;
  const regularity = strokes.length < 2 ? 0 : 1 - Math.min(1, spread(strokes.map((s) => s.height)) * 2);
  const verdict: CellInk =
    total === 0 ? "blank" : strokes.length >= 1 && otherInk <= total * MAX_OTHER_INK ? "struck" : "text";
  return { verdict, strokes: strokes.length, strokeShare, regularity };
}

/**
 * Clears the rows of a horizontal ruling (ink across most of the cell), except where a stroke crosses it: there the
 * ruling's pixels are kept so the stroke stays whole.
 */
function removeRulings(darkness: Float32Array, width: number, height: number, threshold: number): void {
  const ruled = new Uint8Array(height);
  for (let y = 0; y < height; y++) {
    let inked = 0;
    for (let x = 0; x < width; x++) if ((darkness[y * width + x] as number) > threshold) inked++;
    ruled[y] = inked > width * 0.5 ? 1 : 0;
  }
  const inkNear = (x: number, y: number, reach: number) => {
    for (let dx = -reach; dx <= reach; dx++) {
      const column = x + dx;
      if (column >= 0 && column < width && (darkness[y * width + column] as number) > threshold) return true;
    }
    return false;
  };
  for (let y = 0; y < height; y++) {
    if (!ruled[y] || (y > 0 && ruled[y - 1])) continue;
    let end = y;
    while (end + 1 < height && ruled[end + 1]) end++;
    const above = y - 1;
    const below = end + 1;
    const reach = 2 + (end - y + 1);
    for (let x = 0; x < width; x++) {
      const crossed = above >= 0 && below < height && inkNear(x, above, 1) && inkNear(x, below, reach);
      if (!crossed) for (let row = y; row <= end; row++) darkness[row * width + x] = 0;
    }
    y = end;
  }
}

/**
 * A component cut by the cell's edge and lying wholly in its top or bottom band: part of the row above, or of a
 * label's English caption below it, not of the cell's value.
 */
function isNeighbourPart(runs: readonly number[], width: number, height: number): boolean {
  let top = Number.POSITIVE_INFINITY;
  let bottom = Number.NEGATIVE_INFINITY;
  let edge = false;
  for (let i = 0; i < runs.length; i += 3) {
    const y = runs[i] as number;
    top = Math.min(top, y);
    bottom = Math.max(bottom, y);
    if (y === 0 || y === height - 1 || runs[i + 1] === 0 || runs[i + 2] === width - 1) edge = true;
  }
  return edge && (bottom < height * 0.25 || top > height * 0.7);
}

function isTextHeight(height: number, lineHeight: number): boolean {
  return height >= lineHeight * MIN_STROKE_HEIGHT && height <= lineHeight * MAX_STROKE_HEIGHT;
}

/** Of the slants a run of touching strokes is tried at, when no single stroke gives it, degrees. */
const TRIED_SLANTS = [52, 56, 60, 64, 68, 72, 76, 80];
/** A column of the straightened component is part of a bar when it holds this share of the component's height. */
const BAR_FILL = 0.6;
/** Share of a run of touching strokes' ink that lies in bars. */
const MIN_BAR_INK = 0.75;

/**
 * The strokes of a component that is a run of touching parallel strokes: sheared by their slant so each stands
 * upright, nearly all its ink lies in columns as tall as the component. None for any other shape (a character
 * has ink beside its upright strokes; a `1` or `l` stands upright before any shear, and is not slanted at all).
 */
export function barsOf(
  runs: readonly number[],
  slant: number | undefined,
  lineHeight: number,
): { height: number; slant: number }[] {
  let top = Number.POSITIVE_INFINITY;
  let bottom = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < runs.length; i += 3) {
    top = Math.min(top, runs[i] as number);
    bottom = Math.max(bottom, runs[i] as number);
  }
  const height = bottom - top + 1;
  if (!isTextHeight(height, lineHeight)) return [];
  for (const angle of slant === undefined ? TRIED_SLANTS : [slant]) {
    const cot = 1 / Math.tan((angle * Math.PI) / 180);
    const middle = (top + bottom) / 2;
    const columns = new Map<number, number>();
    let total = 0;
    for (let i = 0; i < runs.length; i += 3) {
      const y = runs[i] as number;
      const shift = (y - middle) * cot;
      for (let x = runs[i + 1] as number; x <= (runs[i + 2] as number); x++) {
        const column = Math.round(x + shift);
        columns.set(column, (columns.get(column) ?? 0) + 1);
        total++;
      }
    }
    const order = [...columns.keys()].sort((a, b) => a - b);
    let inBars = 0;
    let bars = 0;
    let previous = Number.NaN;
    for (const column of order) {
      const count = columns.get(column) as number;
      if (count < height * BAR_FILL) continue;
      inBars += count;
      if (column !== previous + 1) bars++;
      previous = column;
    }
    // Each bar's neighbouring columns hold its edges: count the ink of a column either side of a bar as its own.
    for (const column of order) {
      const count = columns.get(column) as number;
      if (count >= height * BAR_FILL) continue;
      const beside = [column - 1, column + 1].some((c) => (columns.get(c) ?? 0) >= height * BAR_FILL);
      if (beside) inBars += count;
    }
    if (bars >= 2 && inBars >= total * MIN_BAR_INK)
      return Array.from({ length: bars }, () => ({ height, slant: angle }));
  }
  return [];
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** Height, slant from the horizontal (degrees, positive for `/`) and elongation of a component, from its runs. */
function strokeShape(runs: readonly number[]): { height: number; slant: number; elongation: number } {
  let n = 0;
  let sx = 0;
  let sy = 0;
  let top = Number.POSITIVE_INFINITY;
  let bottom = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < runs.length; i += 3) {
    const [y, x0, x1] = [runs[i] as number, runs[i + 1] as number, runs[i + 2] as number];
    for (let x = x0; x <= x1; x++) {
      n++;
      sx += x;
      sy += y;
    }
    top = Math.min(top, y);
    bottom = Math.max(bottom, y);
  }
  const mx = sx / n;
  const my = sy / n;
  let cxx = 0;
  let cyy = 0;
  let cxy = 0;
  for (let i = 0; i < runs.length; i += 3) {
    const [y, x0, x1] = [runs[i] as number, runs[i + 1] as number, runs[i + 2] as number];
    for (let x = x0; x <= x1; x++) {
      cxx += (x - mx) ** 2;
      cyy += (y - my) ** 2;
      cxy += (x - mx) * (y - my);
    }
  }
  cxx /= n;
  cyy /= n;
  cxy /= n;
  const root = Math.sqrt(((cxx - cyy) / 2) ** 2 + cxy ** 2);
  const major = (cxx + cyy) / 2 + root;
  const minor = Math.max((cxx + cyy) / 2 - root, 1 / 12);
  // Image y runs down: a `/` rises to the right, so its axis has a negative x–y covariance.
  const angle = (0.5 * Math.atan2(2 * cxy, cxx - cyy) * 180) / Math.PI;
  return { height: bottom - top + 1, slant: -angle, elongation: Math.sqrt(major / minor) };
}

function percentile(data: Uint8Array, share: number): number {
  const histogram = new Uint32Array(256);
  for (const value of data) histogram[value] = (histogram[value] as number) + 1;
  const target = data.length * share;
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += histogram[v] as number;
    if (seen >= target) return v;
  }
  return 255;
}

/** Relative spread (max − min over median) of positive numbers. */
function spread(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] as number;
  return median > 0 ? ((sorted.at(-1) as number) - (sorted[0] as number)) / median : 1;
}

/** One cell of a field that can be struck through, where it lies and what it holds. */
export interface StruckCell extends CellInkReport {
  key: string;
  quad: Quad;
  width: number;
  height: number;
}

/**
 * A judge of the value cells of the fields that can be struck through (those with a `struck` filler): each cell, by
 * its ink, or undefined where it cannot be placed. A cell runs from its label to the next label on its row, or to the
 * right edge of what was read on the page; where it lies is taken from `reading` as it is now, whatever is filled
 * later.
 */
export function struckCellJudge(
  image: RawImage,
  reading: DocumentReading,
  spec: DocumentSpec,
): (field: FieldSpec) => StruckCell | undefined {
  const { frame } = reading;
  const labels = [...reading.fields.values()].flatMap((field) =>
    field.label && !field.label.english ? [{ key: field.key, box: frame.box(field.label.quad) }] : [],
  );
  const pageRight = Math.max(
    ...labels.map(({ box }) => box.right),
    ...[...reading.fields.values()].flatMap((field) => field.quads.map((quad) => frame.box(quad).right)),
  );
  // A label's box often takes in its English caption or a value printed low over it: the printed line height is
  // the height of the slimmer boxes.
  const heights = labels.map(({ box }) => box.height).sort((a, b) => a - b);
  const lineHeight = heights[Math.floor(heights.length / 4)] ?? 0;
  return (field) => {
    if (field.struck === undefined) return undefined;
    const found = labelBox(spec, field, labels) ?? twinGroupBox(spec, field, labels);
    if (found === undefined || lineHeight <= 0) return undefined;
    const label = { ...found, height: Math.min(found.height, lineHeight) };
    // The labels of the cell's row, placed from the twin row where one was not found here (the father's 国籍).
    const row = spec.layout.find((keys) => keys.includes(field.key)) ?? [];
    const rowLabels = row.flatMap((key) => {
      const mate = spec.fields.find((other) => other.key === key);
      const box = mate === undefined ? undefined : labelBox(spec, mate, labels);
      return box === undefined ? [] : [{ box }];
    });
    const box = cellBox(label, [...labels, ...rowLabels], pageRight);
    if (box === undefined) return undefined;
    const scale = PATCH_LINE_HEIGHT / label.height;
    const width = Math.max(1, Math.round((box.right - box.left) * scale));
    const height = Math.max(1, Math.round((box.bottom - box.top) * scale));
    let first: StruckCell | undefined;
    for (const offset of OFFSETS) {
      const shift = offset * label.height;
      const shifted = { ...box, top: box.top + shift, bottom: box.bottom + shift };
      const quad = boundsQuad(shifted).map(frame.toImage) as unknown as Quad;
      const patch = warpImage(image, quad, width, height);
      const cell = { key: field.key, quad, width, height, ...judgeCellInk(patch, PATCH_LINE_HEIGHT) };
      first ??= cell;
      if (cell.verdict === "struck") return cell;
    }
    return first;
  };
}

/**
 * The cells of one `struck` group, judged in order until what {@link fillStruckCells} does with the group is
 * settled: it fills the group only when every cell is struck, or a lone ethnicity cell (read empty, one stroke)
 * when every other cell holds text. Once neither can hold, the cells left are not judged (undefined): a given
 * parent's cells cost one judgement instead of one per cell.
 */
export function judgeStruckGroup(
  fields: readonly FieldSpec[],
  reading: DocumentReading,
  judge: (field: FieldSpec) => StruckCell | undefined,
): (StruckCell | undefined)[] {
  const lonely = fields.filter(
    (field) => field.vocabulary === "ethnicity" && reading.fields.get(field.key)?.text.trim() === "",
  );
  const judged: (StruckCell | undefined)[] = [];
  let whole = true;
  for (const field of fields) {
    const cell = judge(field);
    judged.push(cell);
    if (cell?.verdict !== "struck") whole = false;
    const lone = lonely.some((candidate) =>
      judged.every((other, k) =>
        fields[k] === candidate
          ? other?.verdict === "struck" && other.strokes === 1
          : other?.verdict === "text",
      ),
    );
    if (!whole && !lone) break;
  }
  return judged;
}

function twinGroupBox(
  spec: DocumentSpec,
  field: FieldSpec,
  labels: readonly { key: string; box: PageBox }[],
): PageBox | undefined {
  const group = field.struck?.group;
  const members = (name: string | undefined) => spec.fields.filter((other) => other.struck?.group === name);
  const own = members(group);
  const index = own.indexOf(field);
  const boxOf = (key: string | undefined) => labels.find((label) => label.key === key)?.box;
  for (const other of new Set(spec.fields.map((f) => f.struck?.group))) {
    if (other === undefined || other === group) continue;
    const twins = members(other);
    const twin = boxOf(twins[index]?.key);
    if (twin === undefined || twins.length !== own.length) continue;
    const shifts = own.flatMap((mate, i) => {
      const here = boxOf(mate.key);
      const there = boxOf(twins[i]?.key);
      return here && there ? [{ dx: here.left - there.left, dy: here.top - there.top }] : [];
    });
    if (shifts.length === 0) continue;
    const dx = median(shifts.map((shift) => shift.dx));
    const dy = median(shifts.map((shift) => shift.dy));
    return {
      ...twin,
      left: twin.left + dx,
      right: twin.right + dx,
      centerX: twin.centerX + dx,
      top: twin.top + dy,
      bottom: twin.bottom + dy,
      centerY: twin.centerY + dy,
    };
  }
  return undefined;
}

function cellBox(
  label: PageBox,
  labels: readonly { box: PageBox }[],
  pageRight: number,
): { left: number; top: number; right: number; bottom: number } | undefined {
  const h = label.height;
  const left = label.right + h * 0.15;
  const next = labels
    .filter(({ box }) => Math.abs(box.centerY - label.centerY) < h * 0.6 && box.left > label.right)
    .map(({ box }) => box.left - h * 0.15);
  const right = Math.min(pageRight, ...next);
  if (right - left < h) return undefined;
  // The label's top is where its Chinese line starts (its caption is below it); a value may sit a little above
  // its line or, misregistered, low across its ruling.
  return { left, top: label.top - h * 0.9, right, bottom: label.top + h * 1.3 };
}

/**
 * Fills the fields of a person not given: where every cell of a `struck` group (the father's six on the birth
 * certificate) holds only slanted strokes (domain.md §2.2), each field gets the print code's filler for it, with a
 * confidence from how clearly and regularly the strokes were seen; what the recogniser made of the strokes (`l`,
 * `1`, `川`, or nothing) is replaced. An ethnicity cell left empty whose only ink is one stroke is the `/` of an
 * ethnicity not given. A cell with text, a blank cell, or a blank form is never filled. Changes `reading` in place.
 */
export function fillStruckCells(image: RawImage, reading: DocumentReading, spec: DocumentSpec): void {
  if (reading.blank) return;
  const judge = struckCellJudge(image, reading, spec);
  const groups = new Map<string, FieldSpec[]>();
  for (const field of spec.fields) {
    if (field.struck === undefined) continue;
    groups.set(field.struck.group, [...(groups.get(field.struck.group) ?? []), field]);
  }
  for (const fields of groups.values()) {
    const judged = judgeStruckGroup(fields, reading, judge);
    const whole = judged.every((cell) => cell?.verdict === "struck");
    for (const [index, field] of fields.entries()) {
      const cell = judged[index];
      const read = reading.fields.get(field.key);
      if (cell === undefined || read === undefined || field.struck === undefined) continue;
      // The person is given (every other cell holds text), the ethnicity not.
      const given = judged.every((other) => other === cell || other?.verdict === "text");
      const lone =
        given &&
        field.vocabulary === "ethnicity" &&
        read.text.trim() === "" &&
        cell.verdict === "struck" &&
        cell.strokes === 1;
      if (!whole && !lone) continue;
      const filler = lone ? "/" : field.struck.filler;
      const clarity = lone ? cell.strokeShare : cell.strokeShare * (0.5 + 0.5 * cell.regularity);
      reading.fields.set(field.key, {
        ...read,
        text: filler,
        pieceTexts: [filler],
        chars: [],
        quads: [cell.quad],
        confidence: STRUCK_CONFIDENCE * clarity,
      });
    }
  }
}
