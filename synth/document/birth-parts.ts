/** Parts of the 出生医学证明 sheet outside the value grid: the number box (with the 7th edition's barcode) and the 副页. */
import type { SKRSContext2D } from "@napi-rs/canvas";
import type { Random } from "../random.ts";
import type { BirthValues } from "./birth-values.ts";
import { drawCentredLabel, drawLabel, type FormStyle, rule } from "./form.ts";
import { normalDate } from "./people.ts";
import { type PrintStyle, printValue, type Quad4 } from "./printer.ts";

/** Page geometry of the 正页 (A4 at 150 dpi) and the value size. */
export const W = 1240;
export const H = 1754;
export const VALUE_SIZE = 31;

/** The drawing state of one certificate face. */
export interface Face {
  context: SKRSContext2D;
  form: FormStyle;
  print: PrintStyle;
  random: Random;
  blank: boolean;
  /** Values sit in ruled boxes rather than on underlines (print runs differ). */
  boxed: boolean;
  fields: Record<string, string>;
  quads: Record<string, Quad4[]>;
}

// Code 39-like bars: the 7th edition's barcode encodes the number; the pattern only has to look like one.
function barcode(
  context: SKRSContext2D,
  text: string,
  x: number,
  y: number,
  width: number,
  height: number,
): void {
  const bars: number[] = [];
  for (const c of `*${text}*`) {
    const code = c.charCodeAt(0) * 7919;
    for (let i = 0; i < 9; i++) bars.push((code >> i) & 1 ? 3 : 1);
    bars.push(1);
  }
  const total = bars.reduce((a, b) => a + b, 0);
  let position = x;
  context.fillStyle = "#111";
  bars.forEach((b, i) => {
    const w = (b * width) / total;
    if (i % 2 === 0) context.fillRect(position, y, w, height);
    position += w;
  });
}

/** The 出生医学证明编号 box: green (5th/6th edition) or yellow with a barcode (7th). */
export function drawNumberBox(f: Face, v: BirthValues): void {
  const { context } = f;
  const [x, y, w, h] = [790, 1590, 320, v.edition === 7 ? 110 : 80];
  context.fillStyle = v.edition === 7 ? "#f4df7a" : "#bfe0c0";
  context.fillRect(x, y, w, h);
  drawLabel(context, { ...f.form, face: "hei" }, "出生医学证明编号 Birth Certificate No.", x, y - 12, 17);
  // The number is printed by the stock printer in red, so it is never misregistered against its box.
  const style = {
    ...f.print,
    shiftX: 0,
    shiftY: 0,
    ink: "#c0282d",
    dotMatrix: false,
    fade: 0,
    face: "hei" as const,
  };
  f.quads.certificateNumber = printValue(context, style, f.random, v.certificateNumber, x + w / 2, y + 48, {
    size: 34,
    align: "center",
    machineOnly: true,
  });
  if (v.edition === 7) barcode(context, v.certificateNumber, x + 30, y + 60, w - 60, 40);
}

/** The 副页 under the 正页: the same core facts again, for the registry office (distractor text, not in fields). */
export function drawCounterfoil(f: Face, v: BirthValues, top: number): void {
  const { context } = f;
  context.save();
  context.setLineDash([6, 8]);
  rule(context, f.form, 0, top, W, top);
  context.restore();
  drawCentredLabel(context, { ...f.form, face: "song-bold" }, "出生医学证明（副页）", W / 2, top + 90, 44);
  const rows: [string, string][] = [
    ["新生儿姓名", v.name],
    ["出生时间", `${normalDate(v.birth)}${v.hour}时${v.minute}分`],
    ["母亲姓名", v.mother.name],
    ["父亲姓名", v.father.name],
    ["出生医学证明编号", v.certificateNumber],
  ];
  rows.forEach(([text, value], i) => {
    const y = top + 170 + i * 80;
    const x = drawLabel(context, f.form, text, 130, y) + 150;
    rule(context, f.form, x, y + 10, 1110, y + 10);
    if (!f.blank)
      printValue(context, f.print, f.random, value, x + 10, y, { size: VALUE_SIZE, machineOnly: true });
  });
}
