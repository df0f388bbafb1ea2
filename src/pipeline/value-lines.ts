import type { DocumentReading } from "../documents/read-fields.ts";
import type { Point, Quad, TextLine } from "../types.ts";

/**
 * The indices of the lines that hold part of a field's value: a value piece is a slice of its line, so its centre
 * lies inside that line's box. Lines only of printed labels, titles or captions are left out.
 *
 * @example
 * const values = valueLineIndices(lines, readFields(lines, spec)); // the lines worth completing at rulings
 */
export function valueLineIndices(lines: readonly TextLine[], reading: DocumentReading): number[] {
  const centres: Point[] = [];
  for (const field of reading.fields.values()) for (const quad of field.quads) centres.push(centreOf(quad));
  return lines.flatMap((line, index) =>
    centres.some((centre) => insideQuad(line.quad, centre)) ? [index] : [],
  );
}

/** The mean of a quad's four corners. */
export function centreOf(quad: Quad): Point {
  return {
    x: (quad[0].x + quad[1].x + quad[2].x + quad[3].x) / 4,
    y: (quad[0].y + quad[1].y + quad[2].y + quad[3].y) / 4,
  };
}

/** Whether a point lies inside a convex quad (either winding), edges included. */
export function insideQuad(quad: Quad, point: Point): boolean {
  let sign = 0;
  for (let i = 0; i < 4; i++) {
    const a = quad[i] as Point;
    const b = quad[(i + 1) % 4] as Point;
    const cross = (b.x - a.x) * (point.y - a.y) - (b.y - a.y) * (point.x - a.x);
    if (cross === 0) continue;
    if (sign === 0) sign = Math.sign(cross);
    else if (Math.sign(cross) !== sign) return false;
  }
  return true;
}
