/** The 常住人口登记卡 (resident page): 11 ruled rows, 22 fields, 户号 sometimes; the card alone or in an open booklet. */
import { type Canvas, createCanvas, type SKRSContext2D } from "@napi-rs/canvas";
import type { Point } from "../../src/types.ts";
import type { Random } from "../random.ts";
import {
  drawCentredLabel,
  drawLabel,
  type FormStyle,
  paperBackground,
  pickHouseholdFormStyle,
  rule,
  spaced,
} from "./form.ts";
import { type Household, makeHousehold } from "./household-values.ts";
import { normalDate } from "./people.ts";
import { type PrintStyle, printValue, type Quad4, randomPrintStyle } from "./printer.ts";
import { type Cell, cellLabel, drawChangePage, printedValues, rows } from "./resident-grid.ts";
import { drawNameStamp, drawRoundSeal } from "./seal.ts";
import { type BuiltDocument, paperColours, pickDateStyle } from "./sheet.ts";

/** Alibaba keys of the resident page, in their order (api.md §4). */
export const RESIDENT_KEYS = [
  "name",
  "relation",
  "formerName",
  "sex",
  "birthPlace",
  "ethnicity",
  "nativePlace",
  "birthDate",
  "otherResidence",
  "religious",
  "idCardNumber",
  "stature",
  "bloodGroup",
  "educationalDegree",
  "maritalStatus",
  "militaryServiceStatus",
  "employer",
  "occupation",
  "immigratedToCityInfo",
  "immigratedToResidenceInfo",
  "registrar",
  "registrationDate",
  "householdNumber",
] as const;

/** The drawing state of one card: where its grid is and what has been printed. */
interface Card {
  context: SKRSContext2D;
  random: Random;
  form: FormStyle;
  print: PrintStyle;
  blank: boolean;
  /** Grid left, width, top, row height; page height. */
  gx: number;
  gw: number;
  top: number;
  rowHeight: number;
  h: number;
  fields: Record<string, string>;
  quads: Record<string, Quad4[]>;
}

function drawGrid(card: Card, layout: Cell[][], values: Record<string, string>): void {
  const { context, form, gx, gw, top, rowHeight } = card;
  layout.forEach((row, r) => {
    const y = top + r * rowHeight;
    rule(context, form, gx, y, gx + gw, y);
    for (const [label, key, a, b, c] of row) {
      if (a > 0) rule(context, form, gx + a * gw, y, gx + a * gw, y + rowHeight);
      rule(context, form, gx + b * gw, y, gx + b * gw, y + rowHeight);
      cellLabel(context, form, label, gx + a * gw, y, (b - a) * gw, rowHeight);
      const value = card.blank || key === "registrar" ? "" : (values[key] ?? "");
      card.quads[key] = printValue(
        context,
        card.print,
        card.random,
        value,
        gx + b * gw + 8,
        y + rowHeight * 0.68,
        {
          size: card.h * 0.03,
          maxWidth: (c - b) * gw - 12,
          machineOnly: key === "idCardNumber" || key === "birthDate",
        },
      );
      card.fields[key] = value;
    }
  });
  rule(context, form, gx, top + 11 * rowHeight, gx + gw, top + 11 * rowHeight);
  context.strokeStyle = form.ink;
  context.lineWidth = form.lineWidth * 1.6;
  context.strokeRect(gx, top, gw, 11 * rowHeight);
}

/** The officer's name stamp in 承办人签章 and the station's round seal, hand-stamped over the lower rows. */
function stampCard(card: Card, household: Household): void {
  const { context, random, gx, gw, top, rowHeight } = card;
  const y = top + 10.5 * rowHeight;
  const x = gx + 0.2 * gw;
  drawNameStamp(context, random, x, y, rowHeight * 0.8, household.registrar);
  card.fields.registrar = household.registrar;
  const half = rowHeight * 0.4;
  const corner = (dx: number, dy: number) => ({ x: x + dx * half, y: y + dy * half });
  card.quads.registrar = [[corner(-1, -1), corner(1, -1), corner(1, 1), corner(-1, 1)]];
  const sealX = gx + gw * random.uniform(0.6, 0.85);
  const sealY = top + rowHeight * random.uniform(9.3, 10.4);
  const station = household.policeStation.replace(/^.*公安局/, "");
  drawRoundSeal(context, random, sealX, sealY, card.h * 0.13, station, "户口专用章", true);
}

/** Renders one resident card at the page origin (ox, oy) of size w×h; returns fields and quads. */
function drawCard(
  context: SKRSContext2D,
  random: Random,
  origin: Point,
  w: number,
  h: number,
  blank: boolean,
): BuiltDocument["content"] {
  const household = makeHousehold(random);
  const person = random.pick(household.members);
  const dateStyle = pickDateStyle(random);
  const form = pickHouseholdFormStyle(random, h * 0.027, 1.3);
  const print = randomPrintStyle(random, h * 0.03, ["song", "song", "song", "hei", "kai"]);
  const card: Card = {
    context,
    random,
    form,
    print,
    blank,
    gx: origin.x + w * 0.05,
    gw: w * 0.9,
    top: origin.y + h * 0.12,
    rowHeight: (h * 0.83) / 11,
    h,
    fields: {},
    quads: {},
  };
  drawCentredLabel(
    context,
    { ...form, face: "song-bold" },
    "常住人口登记卡",
    origin.x + w / 2,
    origin.y + h * 0.08,
    h * 0.05,
  );
  const printsNumber = random.chance(0.35);
  if (printsNumber)
    drawLabel(context, form, spaced("户号", random.chance(0.5)), card.gx, origin.y + h * 0.09);
  const layout = rows(random);
  drawGrid(card, layout, printedValues(person, dateStyle));
  const numberShown = printsNumber && !blank;
  if (numberShown) {
    const at = { size: h * 0.03, machineOnly: true };
    card.quads.householdNumber = printValue(
      context,
      print,
      random,
      household.householdNumber,
      card.gx + form.size * 3,
      origin.y + h * 0.09,
      at,
    );
  }
  card.fields.householdNumber = numberShown ? household.householdNumber : "";
  card.fields.birthDate = blank ? "" : normalDate(person.birth);
  card.fields.registrationDate = blank ? "" : normalDate(person.registrationDate);
  if (!blank) stampCard(card, household);
  const variant = {
    dateStyle,
    face: print.face,
    dotMatrix: print.dotMatrix,
    shiftX: Math.round(print.shiftX),
    shiftY: Math.round(print.shiftY),
    ribbonWear: Number(print.ribbonWear.toFixed(2)),
    ink: print.ink,
    idLabel: layout[5]?.[0]?.[0] ?? "",
    collective: household.collective,
    printsNumber,
  };
  return { fields: card.fields, quads: card.quads, variant };
}

/** Renders a resident card, alone (the whole canvas) or as the right page of an open booklet. */
export function renderResident(random: Random, blank: boolean): BuiltDocument {
  const w = 1144;
  const h = 840;
  const booklet = random.chance(0.3);
  const margin = booklet ? 40 : 0;
  const canvas: Canvas = createCanvas(booklet ? w * 2 + margin * 2 : w, booklet ? h + margin * 2 : h);
  const context = canvas.getContext("2d");
  const [paper, lines] = paperColours(random);
  if (booklet) {
    context.fillStyle = "#5a1e1a";
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(paperBackground(w, h, paper, lines, 1), margin, margin);
    drawChangePage(context, random, margin, margin, w, h);
  }
  const ox = booklet ? margin + w : 0;
  const oy = booklet ? margin : 0;
  context.drawImage(paperBackground(w, h, paper, lines, 1), ox, oy);
  const content = drawCard(context, random, { x: ox, y: oy }, w, h, blank);
  const quad: [Point, Point, Point, Point] = [
    { x: ox, y: oy },
    { x: ox + w, y: oy },
    { x: ox + w, y: oy + h },
    { x: ox, y: oy + h },
  ];
  content.variant.booklet = booklet;
  return { canvas, documentQuad: quad, content };
}
