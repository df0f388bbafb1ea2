/** The 户主页 (householder page): 户别/户主姓名/户号/住址 grid, two 户口专用章, 承办人签章 and 签发日期. */
import { createCanvas, type SKRSContext2D } from "@napi-rs/canvas";
import type { Random } from "../random.ts";
import { canDraw } from "./fonts.ts";
import {
  drawCentredLabel,
  drawLabel,
  type FormStyle,
  paperBackground,
  pickHouseholdFormStyle,
  rule,
  sheetCorners,
  spaced,
} from "./form.ts";
import { type Household, makeHousehold } from "./household-values.ts";
import { normalDate, printedDate } from "./people.ts";
import { type PrintStyle, printValue, type Quad4, randomPrintStyle } from "./printer.ts";
import { drawNameStamp, drawRoundSeal } from "./seal.ts";
import { type BuiltDocument, paperColours, pickDateStyle } from "./sheet.ts";

/** Alibaba keys of the householder page, in their order (api.md §4). */
export const HEAD_KEYS = [
  "householdType",
  "householderName",
  "householdNumber",
  "address",
  "Registrar",
  "issueDate",
  "sectionNo",
  "householderCommunity",
] as const;

const W = 1144;
const H = 840;

interface Grid {
  context: SKRSContext2D;
  form: FormStyle;
  print: PrintStyle;
  random: Random;
  fields: Record<string, string>;
  quads: Record<string, Quad4[]>;
  blank: boolean;
  letterSpaced: boolean;
}

/** One ruled cell pair: label in [x0, x1), value in [x1, x2), row from y to y + height. */
function cell(
  g: Grid,
  label: string,
  key: string,
  value: string,
  xs: [number, number, number],
  y: number,
  height: number,
): void {
  rule(g.context, g.form, xs[1], y, xs[1], y + height);
  if (xs[0] > 60) rule(g.context, g.form, xs[0], y, xs[0], y + height);
  drawLabel(g.context, g.form, label, xs[0] + 10, y + height / 2 + g.form.size * 0.36);
  const shown = g.blank ? "" : value;
  g.quads[key] = printValue(g.context, g.print, g.random, shown, xs[1] + 10, y + height * 0.64, {
    size: H * 0.034,
    maxWidth: xs[2] - xs[1] - 16,
    machineOnly: key === "householdNumber",
  });
  g.fields[key] = shown;
}

function grid(g: Grid, household: Household, extras: { section: boolean; community: boolean }): void {
  const left = 50;
  const right = W - 50;
  const rowsY = [150, 250, 350];
  const extra = extras.section || extras.community;
  const bottom = extra ? 430 : 350;
  for (const y of [...rowsY.slice(0, extra ? 3 : 2), bottom]) rule(g.context, g.form, left, y, right, y);
  cell(
    g,
    spaced("户别", g.letterSpaced),
    "householdType",
    household.householdType,
    [left, 170, 540],
    150,
    100,
  );
  cell(g, "户主姓名", "householderName", household.householderName, [540, 690, right], 150, 100);
  cell(
    g,
    spaced("户号", g.letterSpaced),
    "householdNumber",
    household.householdNumber,
    [left, 170, 460],
    250,
    100,
  );
  cell(g, spaced("住址", g.letterSpaced), "address", household.address, [460, 560, right], 250, 100);
  if (extra) {
    const sectionKey = extras.section ? "sectionNo" : "householderCommunity";
    const sectionLabel = extras.section ? "地段号" : spaced("社区", g.letterSpaced);
    const sectionValue = extras.section ? household.sectionNo : household.community;
    cell(g, sectionLabel, sectionKey, sectionValue, [left, 170, 540], 350, 80);
    if (extras.section && extras.community)
      cell(
        g,
        spaced("社区", g.letterSpaced),
        "householderCommunity",
        household.community,
        [540, 690, right],
        350,
        80,
      );
  }
  g.context.lineWidth = g.form.lineWidth * 1.8;
  g.context.strokeRect(left, 150, right - left, bottom - 150);
}

function sealBlock(g: Grid, household: Household, dateText: string): void {
  const { context, random, form } = g;
  drawRoundSeal(context, random, 300, 580, 105, household.provincialOffice, "户口专用章", false);
  drawCentredLabel(context, form, "省级公安机关户口专用章", 300, 720, form.size * 0.85);
  drawCentredLabel(context, form, "户口登记机关户口专用章", 820, 720, form.size * 0.85);
  const labelY = 790;
  const width = drawLabel(context, form, "承办人签章", 90, labelY);
  drawLabel(context, form, "签发日期", 600, labelY);
  if (g.blank) return;
  const sx = 90 + width + 60 + random.normal(0, 10);
  g.fields.Registrar = household.registrar;
  if (random.chance(0.2) && canDraw("hand", household.registrar)) {
    // Some officers sign instead of stamping.
    const signature = { ...g.print, handRate: 1 };
    g.quads.Registrar = printValue(context, signature, random, household.registrar, sx - 30, labelY, {
      size: H * 0.04,
    });
  } else {
    drawNameStamp(context, random, sx, labelY - 12, 56, household.registrar);
    const box = (dx: number, dy: number) => ({ x: sx + dx, y: labelY + dy });
    g.quads.Registrar = [[box(-28, -40), box(28, -40), box(28, 16), box(-28, 16)]];
  }
  g.quads.issueDate = printValue(context, g.print, random, dateText, 720, labelY, {
    size: H * 0.034,
    machineOnly: true,
  });
  // The arc carries "XX市公安局XX派出所" (no 分局: it would not fit), the bottom line the seal's purpose.
  const stationSeal = household.policeStation.replace(/公安局.*分局/, "公安局");
  drawRoundSeal(
    context,
    random,
    820 + random.normal(0, 25),
    random.uniform(590, 720), // low enough, often, to cover 签发日期 as real stamps do
    110,
    stationSeal,
    "户口专用章",
    true,
  );
}

/** Renders a householder page; the canvas is the page. */
export function renderHead(random: Random, blank: boolean): BuiltDocument {
  const canvas = createCanvas(W, H);
  const context = canvas.getContext("2d");
  const [paper, lines] = paperColours(random);
  context.drawImage(paperBackground(W, H, paper, lines, 0), 0, 0);
  const household = makeHousehold(random);
  const form = pickHouseholdFormStyle(random, H * 0.032, 1.4);
  const print = randomPrintStyle(random, H * 0.034, ["song", "song", "song", "hei", "kai"]);
  const g: Grid = {
    context,
    form,
    print,
    random,
    fields: {},
    quads: {},
    blank,
    letterSpaced: random.chance(0.6),
  };
  drawCentredLabel(context, { ...form, face: "song-bold" }, "居民户口簿", W / 2, 100, H * 0.05);
  const serial = random.chance(0.6);
  if (serial)
    drawLabel(
      context,
      { ...form, ink: "#c8312c" },
      `No. ${String(random.int(0, 99_999_999)).padStart(8, "0")}`,
      W - 260,
      60,
      H * 0.03,
    );
  const extras = { section: random.chance(0.15), community: random.chance(0.15) };
  grid(g, household, extras);
  const dateStyle = pickDateStyle(random);
  sealBlock(g, household, printedDate(household.issueDate, dateStyle));
  g.fields.issueDate = blank ? "" : normalDate(household.issueDate);
  return {
    canvas,
    documentQuad: sheetCorners(W, H),
    content: {
      fields: g.fields,
      quads: g.quads,
      variant: {
        dateStyle,
        face: print.face,
        dotMatrix: print.dotMatrix,
        shiftX: Math.round(print.shiftX),
        shiftY: Math.round(print.shiftY),
        ribbonWear: Number(print.ribbonWear.toFixed(2)),
        ink: print.ink,
        serial,
        sectionNo: extras.section,
        community: extras.community,
        collective: household.collective,
      },
    },
  };
}
