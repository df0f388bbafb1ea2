import type { FieldReading } from "../documents/read-fields.ts";
import { DATE_UNIT_OF } from "../documents/shared/join-boxes.ts";
import type { PageFrame } from "../documents/shared/page-frame.ts";
import { lineChars } from "../documents/shared/slice-text-line.ts";
import { subQuad } from "../geometry/quad.ts";
import type { TextLine } from "../types.ts";

/** A printed unit found on a date's row, in page coordinates. */
export interface UnitMark {
  unit: string;
  left: number;
  right: number;
  centerY: number;
}

/** The row of a boxed value in page coordinates, and its glyphs' pitch (the label's, in page pixels). */
export interface DateRow {
  /** Where the first box may begin (the label's end). */
  start: number;
  /** Where no unit of the value lies any more: a reach past the label, longer for five boxes than three. */
  end: number;
  centerY: number;
  pitch: number;
}

/**
 * The row of a boxed value from its label's box: it starts at the label's end, and the label's character pitch is
 * the row's (the units are printed in the label's type). `undefined` without the label read in Chinese.
 */
export function rowOfLabel(read: FieldReading, frame: PageFrame, units: number): DateRow | undefined {
  const label = read.label;
  if (label === undefined || label.english) return undefined;
  const box = frame.box(label.quad);
  const count = Math.max(1, label.end - label.start);
  const pitch = Math.max(box.height * 0.6, (box.right - box.left) / count);
  return {
    start: box.right,
    end: box.right + pitch * (units === 5 ? 36 : 22),
    centerY: box.centerY,
    pitch,
  };
}

/**
 * The printed units of a boxed value on its row, in order: each the first reading of the unit, among the page's
 * lines' characters centred on the row, right of the previous unit found. A unit not read is `undefined`.
 */
export function findUnits(
  lines: readonly TextLine[],
  frame: PageFrame,
  row: DateRow,
  units: readonly string[],
): (UnitMark | undefined)[] {
  const marks: UnitMark[] = [];
  for (const line of lines) {
    const lineBox = frame.box(line.quad);
    if (Math.abs(lineBox.centerY - row.centerY) > row.pitch * 1.2) continue;
    for (const char of lineChars(line)) {
      const unit = DATE_UNIT_OF[char.text];
      if (unit === undefined || !units.includes(unit)) continue;
      const box = frame.box(subQuad(line.quad, char.start, char.end));
      const centre = (box.left + box.right) / 2;
      if (centre < row.start || centre > row.end) continue;
      if (Math.abs(box.centerY - row.centerY) > row.pitch * 1.2) continue;
      marks.push({
        unit,
        left: centre - row.pitch / 2,
        right: centre + row.pitch / 2,
        centerY: box.centerY,
      });
    }
  }
  marks.sort((a, b) => a.left - b.left);
  const found: (UnitMark | undefined)[] = [];
  let after = row.start;
  for (const unit of units) {
    const mark = marks.find((m) => m.unit === unit && m.left >= after - row.pitch * 0.3);
    found.push(mark);
    if (mark !== undefined) after = mark.right;
  }
  return found;
}

/**
 * Every unit of the row, those not read placed by those read, the boxes after the year's being about evenly spaced:
 * a unit between two read where its index puts it between them; one before the first or after the last read at the
 * spacing of the two read nearest (a little wider after, a box's width varies). `undefined` when fewer than two
 * units were read.
 */
export function placeUnits(marks: readonly (UnitMark | undefined)[], row: DateRow): UnitMark[] | undefined {
  const known = marks.flatMap((mark, index) => (mark === undefined ? [] : [{ mark, index }]));
  if (known.length < 2) return undefined;
  const centreOf = (mark: UnitMark) => (mark.left + mark.right) / 2;
  const placed: UnitMark[] = [];
  for (let index = 0; index < marks.length; index++) {
    const mark = marks[index];
    if (mark !== undefined) {
      placed.push(mark);
      continue;
    }
    const before = [...known].reverse().find((k) => k.index < index);
    const after = known.find((k) => k.index > index);
    let centre: number;
    if (before === undefined) {
      // Before the first unit read (the year's lost): the spacing of the first two read.
      const [p, q] = known as [(typeof known)[number], (typeof known)[number]];
      const spacing = (centreOf(q.mark) - centreOf(p.mark)) / (q.index - p.index);
      centre = centreOf(p.mark) - spacing * (p.index - index);
    } else if (after !== undefined) {
      const a = centreOf(before.mark);
      centre = a + ((centreOf(after.mark) - a) * (index - before.index)) / (after.index - before.index);
    } else {
      // After the last unit read: the spacing of the last two read, a little more (a box's width varies).
      const [p, q] = known.slice(-2) as [(typeof known)[number], (typeof known)[number]];
      const spacing = (centreOf(q.mark) - centreOf(p.mark)) / (q.index - p.index);
      centre = centreOf(before.mark) + spacing * (index - before.index) * EXTRAPOLATED_SPACING;
    }
    const centerY = (before ?? after)?.mark.centerY ?? row.centerY;
    placed.push({ unit: "", left: centre - row.pitch / 2, right: centre + row.pitch / 2, centerY });
  }
  return placed;
}

/** A unit placed after the last one read is this much further than the spacing of those read. */
const EXTRAPOLATED_SPACING = 1.1;
