// Plain RGB images drawn rectangle by rectangle, for the document stage's tests; not part of the library.
import type { RawImage } from "../../src/image/raw-image.ts";
import type { Quad } from "../../src/types.ts";

export type Colour = [number, number, number];

/** An RGB image of one colour. */
export function canvas(width: number, height: number, colour: Colour): RawImage {
  const data = new Uint8Array(width * height * 3);
  for (let i = 0; i < width * height; i++) data.set(colour, i * 3);
  return { width, height, channels: 3, data };
}

/** Paints the rectangle [left, right) × [top, bottom), clipped to the image. */
export function fill(
  image: RawImage,
  left: number,
  top: number,
  right: number,
  bottom: number,
  colour: Colour,
): void {
  for (let y = Math.max(0, top); y < Math.min(image.height, bottom); y++) {
    for (let x = Math.max(0, left); x < Math.min(image.width, right); x++)
      image.data.set(colour, (y * image.width + x) * 3);
  }
}

/** The axis-aligned quad with these sides, corners clockwise from the top left. */
export function rect(left: number, top: number, right: number, bottom: number): Quad {
  return [
    { x: left, y: top },
    { x: right, y: top },
    { x: right, y: bottom },
    { x: left, y: bottom },
  ];
}
