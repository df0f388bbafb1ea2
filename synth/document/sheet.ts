/** Types and small choices shared by the three document renderers. */
import type { Canvas } from "@napi-rs/canvas";
import type { Point } from "../../src/types.ts";
import type { Random } from "../random.ts";
import type { DateStyle } from "./people.ts";
import type { Quad4 } from "./printer.ts";

/** What a renderer returns before render-document.ts orders the keys. */
export interface BuiltDocument {
  canvas: Canvas;
  documentQuad: [Point, Point, Point, Point];
  content: {
    fields: Record<string, string>;
    quads: Record<string, Quad4[]>;
    variant: Record<string, string | number | boolean>;
  };
}

/** Pale paper tint and its guilloche colour (pale blue, green or pink print batches). */
export function paperColours(random: Random): [string, string] {
  return random.pick([
    ["#eef4f6", "#9ec3cf"],
    ["#eef5ec", "#a9c9a0"],
    ["#f6f0ef", "#d6aeb0"],
    ["#f3f3ea", "#c3c7a2"],
  ] as [string, string][]);
}

/** How this document writes dates: computers print 2012年04月17日 mostly, some systems 2012年4月17日 or 2012.04.17. */
export function pickDateStyle(random: Random): DateStyle {
  return random.weighted([
    ["padded", 6],
    ["unpadded", 2.5],
    ["dotted", 1],
  ] as [DateStyle, number][]);
}
