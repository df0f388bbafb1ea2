import type { DocumentReading } from "../documents/read-fields.ts";

/**
 * The size of the characters of each label found (by its Chinese wording), page px: the width per character of
 * its box, which is cut from its line by the characters' positions, or the box's height if less. A label's
 * characters are square, so this is their height even where the detector's box also took in the English caption
 * printed under the label (a box then twice the text's height). Labels of one character, or spread over two boxes,
 * are left out.
 *
 * @example
 * glyphSizes(reading).get("sex"); // 31: the 性别 box is 54 px high with "Sex" under it, 66 px wide
 */
export function glyphSizes(reading: DocumentReading): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const field of reading.fields.values()) {
    const label = field.label;
    if (label === undefined || label.english || label.joined !== undefined) continue;
    const count = label.end - label.start;
    const box = reading.frame.box(label.quad);
    if (count < 2 || !(box.height > 0)) continue;
    sizes.set(field.key, Math.min(box.height, (box.right - box.left) / count));
  }
  return sizes;
}

/**
 * The size of a field's label's characters: its own, else the median of the page's labels; never more than the
 * height of the box the label is placed at, nor less than {@link LEAST_OF_MEDIAN} of the median (a form's labels are
 * printed in one size: a label cut from a box whose characters' positions were read squeezed is not smaller).
 */
export function glyphSize(sizes: ReadonlyMap<string, number>, key: string, boxHeight: number): number {
  const all = [...sizes.values()].sort((a, b) => a - b);
  const middle = all[all.length >> 1];
  if (middle === undefined) return boxHeight;
  const own = Math.max(sizes.get(key) ?? middle, middle * LEAST_OF_MEDIAN);
  return Math.min(boxHeight, own);
}

/** A label's characters are taken to be at least this share of the page's labels' median size. */
const LEAST_OF_MEDIAN = 0.7;
