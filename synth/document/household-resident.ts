/** The 常住人口登记卡 (resident page): 11 ruled rows, 22 fields, 户号 sometimes; the card alone or in an open booklet. */
import { type Canvas, createCanvas, type SKRSContext2D } from "@napi-rs/canvas";
import type { Point } from "../../src/types.ts";
import type { Random } from "../random.ts";
import { drawLabel, type FormStyle, paperBackground, rule, spaced } from "./form.ts";
import { makeHousehold, type Resident } from "./household-values.ts";
import { type DateStyle, normalDate, printedDate } from "./people.ts";
import { printValue, type Quad4, randomPrintStyle } from "./printer.ts";
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

/** A cell: label text, its key, and [labelStart, valueStart, valueEnd] as fractions of the grid width. */
type Cell = [string, string, number, number, number];

function rows(random: Random): Cell[][] {
  const county = random.pick(["本市（县）", "本市(县)"]);
  const id = random.chance(0.7) ? "公民身份号码" : "公民身份证件编号";
  const letterSpaced = random.chance(0.75);
  const s = (label: string) => spaced(label, letterSpaced);
  return [
    [
      [s("姓名"), "name", 0, 0.14, 0.6],
      ["户主或与户主关系", "relation", 0.6, 0.8, 1],
    ],
    [
      [s("曾用名").replace("　", ""), "formerName", 0, 0.14, 0.6],
      [s("性别"), "sex", 0.6, 0.8, 1],
    ],
    [
      [s("出生地"), "birthPlace", 0, 0.14, 0.6],
      [s("民族"), "ethnicity", 0.6, 0.8, 1],
    ],
    [
      [s("籍贯"), "nativePlace", 0, 0.14, 0.6],
      ["出生日期", "birthDate", 0.6, 0.8, 1],
    ],
    [
      [`${county}其他住址`, "otherResidence", 0, 0.14, 0.6],
      ["宗教信仰", "religious", 0.6, 0.8, 1],
    ],
    [
      [id, "idCardNumber", 0, 0.14, 0.44],
      ["身高", "stature", 0.44, 0.5, 0.6],
      [s("血型"), "bloodGroup", 0.6, 0.8, 1],
    ],
    [
      ["文化程度", "educationalDegree", 0, 0.14, 0.29],
      ["婚姻状况", "maritalStatus", 0.29, 0.42, 0.6],
      ["兵役状况", "militaryServiceStatus", 0.6, 0.8, 1],
    ],
    [
      ["服务处所", "employer", 0, 0.14, 0.6],
      [s("职业"), "occupation", 0.6, 0.8, 1],
    ],
    [[`何时由何地迁来${county}`, "immigratedToCityInfo", 0, 0.27, 1]],
    [["何时由何地迁来本址", "immigratedToResidenceInfo", 0, 0.27, 1]],
    [
      ["承办人签章", "registrar", 0, 0.14, 0.6],
      ["登记日期", "registrationDate", 0.6, 0.8, 1],
    ],
  ];
}

function printedValues(person: Resident, style: DateStyle): Record<string, string> {
  return {
    name: person.name,
    relation: person.relation,
    formerName: person.formerName,
    sex: person.male ? "男" : "女",
    birthPlace: person.birthPlace,
    ethnicity: person.ethnicity,
    nativePlace: person.nativePlace,
    birthDate: printedDate(person.birth, style),
    otherResidence: person.otherResidence,
    religious: person.religious,
    idCardNumber: person.idCardNumber,
    stature: person.stature,
    bloodGroup: person.bloodGroup,
    educationalDegree: person.educationalDegree,
    maritalStatus: person.maritalStatus,
    militaryServiceStatus: person.militaryServiceStatus,
    employer: person.employer,
    occupation: person.occupation,
    immigratedToCityInfo: person.immigratedToCity,
    immigratedToResidenceInfo: person.immigratedToResidence,
    registrationDate: printedDate(person.registrationDate, style),
  };
}

/** Draws a label that fits its cell, on two lines when it is long (本市（县）其他住址). */
function cellLabel(
  context: SKRSContext2D,
  form: FormStyle,
  text: string,
  x: number,
  y: number,
  width: number,
  height: number,
): void {
  context.font = `${form.size}px serif`;
  const chars = [...text];
  const single = chars.length * form.size * 1.02 <= width - 8;
  if (single) {
    drawLabel(context, form, text, x + 5, y + height / 2 + form.size * 0.36);
    return;
  }
  const half = Math.ceil(chars.length / 2);
  const size = Math.min(form.size, (width - 8) / half);
  drawLabel(context, form, chars.slice(0, half).join(""), x + 4, y + height / 2 - size * 0.15, size);
  drawLabel(context, form, chars.slice(half).join(""), x + 4, y + height / 2 + size * 0.95, size);
}

/** Renders one resident card at the page origin (ox, oy) of size w×h; returns fields and quads. */
function drawCard(
  context: SKRSContext2D,
  random: Random,
  ox: number,
  oy: number,
  w: number,
  h: number,
  blank: boolean,
): BuiltDocument["content"] {
  const household = makeHousehold(random);
  const person = random.pick(household.members);
  const dateStyle = pickDateStyle(random);
  const form: FormStyle = {
    ink: random.pick(["#1d2b5c", "#222", "#233a6e"]),
    face: random.pick(["song", "song", "hei"]),
    size: h * 0.027,
    lineWidth: 1.3,
  };
  const printStyle = randomPrintStyle(random, h * 0.03, ["song", "song", "song", "hei", "kai"]);
  const gx = ox + w * 0.05;
  const gw = w * 0.9;
  const top = oy + h * 0.12;
  const rowHeight = (h * 0.83) / 11;
  context.save();
  context.font = `${h * 0.045}px serif`;
  drawLabel(
    context,
    { ...form, face: "song-bold" },
    "常住人口登记卡",
    ox + w / 2 - h * 0.045 * 3.5 * 1.15,
    oy + h * 0.08,
    h * 0.05,
  );
  context.restore();
  const printsNumber = random.chance(0.35);
  if (printsNumber) drawLabel(context, form, spaced("户号", random.chance(0.5)), gx, oy + h * 0.09);
  const values = printedValues(person, dateStyle);
  const fields: Record<string, string> = {};
  const quads: Record<string, Quad4[]> = {};
  const layout = rows(random);
  layout.forEach((row, r) => {
    const y = top + r * rowHeight;
    rule(context, form, gx, y, gx + gw, y);
    for (const [label, key, a, b, c] of row) {
      if (a > 0) rule(context, form, gx + a * gw, y, gx + a * gw, y + rowHeight);
      rule(context, form, gx + b * gw, y, gx + b * gw, y + rowHeight);
      cellLabel(context, form, label, gx + a * gw, y, (b - a) * gw, rowHeight);
      const value = blank || key === "registrar" ? "" : (values[key] ?? "");
      const machine = key === "idCardNumber" || key === "birthDate";
      quads[key] = printValue(context, printStyle, random, value, gx + b * gw + 8, y + rowHeight * 0.68, {
        size: h * 0.03,
        maxWidth: (c - b) * gw - 12,
        machineOnly: machine,
      });
      fields[key] = value;
    }
  });
  rule(context, form, gx, top + 11 * rowHeight, gx + gw, top + 11 * rowHeight);
  context.strokeStyle = form.ink;
  context.lineWidth = form.lineWidth * 1.6;
  context.strokeRect(gx, top, gw, 11 * rowHeight);
  if (printsNumber && !blank)
    quads.householdNumber = printValue(
      context,
      printStyle,
      random,
      household.householdNumber,
      gx + form.size * 3,
      oy + h * 0.09,
      { size: h * 0.03, machineOnly: true },
    );
  fields.householdNumber = printsNumber && !blank ? household.householdNumber : "";
  fields.birthDate = blank ? "" : normalDate(person.birth);
  fields.registrationDate = blank ? "" : normalDate(person.registrationDate);
  if (!blank) {
    const y = top + 10.5 * rowHeight;
    const x = gx + 0.2 * gw;
    drawNameStamp(context, random, x, y, rowHeight * 0.8, household.registrar);
    fields.registrar = household.registrar;
    const half = rowHeight * 0.4;
    quads.registrar = [
      [
        { x: x - half, y: y - half },
        { x: x + half, y: y - half },
        { x: x + half, y: y + half },
        { x: x - half, y: y + half },
      ],
    ];
    drawRoundSeal(
      context,
      random,
      gx + gw * random.uniform(0.6, 0.85),
      top + rowHeight * random.uniform(9.3, 10.4),
      h * 0.13,
      household.policeStation.replace(/^.*公安局/, ""),
      "户口专用章",
      true,
    );
  }
  return {
    fields,
    quads,
    variant: {
      dateStyle,
      face: printStyle.face,
      dotMatrix: printStyle.dotMatrix,
      shiftX: Math.round(printStyle.shiftX),
      shiftY: Math.round(printStyle.shiftY),
      ribbonWear: Number(printStyle.ribbonWear.toFixed(2)),
      ink: printStyle.ink,
      idLabel: layout[5]?.[0]?.[0] ?? "",
      collective: household.collective,
      printsNumber,
    },
  };
}

/** The left page of the open booklet: the back of the previous card, 登记事项变更和更正记载, mostly empty. */
function drawChangePage(
  context: SKRSContext2D,
  random: Random,
  ox: number,
  oy: number,
  w: number,
  h: number,
): void {
  const form: FormStyle = { ink: "#1d2b5c", face: "song", size: h * 0.027, lineWidth: 1.2 };
  drawLabel(
    context,
    { ...form, face: "song-bold" },
    "登记事项变更和更正记载",
    ox + w * 0.26,
    oy + h * 0.08,
    h * 0.045,
  );
  const columns = [0.05, 0.25, 0.62, 0.8, 0.95];
  const captions = ["项　目", "变更更正后", "变更更正日期", "承办人签章"];
  const rowHeight = (h * 0.8) / 9;
  for (let r = 0; r <= 9; r++)
    rule(
      context,
      form,
      ox + w * 0.05,
      oy + h * 0.12 + r * rowHeight,
      ox + w * 0.95,
      oy + h * 0.12 + r * rowHeight,
    );
  columns.forEach((c, i) => {
    rule(context, form, ox + w * c, oy + h * 0.12, ox + w * c, oy + h * 0.92);
    const caption = captions[i];
    if (caption) drawLabel(context, form, caption, ox + w * c + 10, oy + h * 0.12 + rowHeight * 0.62);
  });
  // The fold casts a shadow along the binding.
  const shade = context.createLinearGradient(ox + w - 60, 0, ox + w, 0);
  shade.addColorStop(0, "rgba(0,0,0,0)");
  shade.addColorStop(1, `rgba(0,0,0,${random.uniform(0.1, 0.25).toFixed(2)})`);
  context.fillStyle = shade;
  context.fillRect(ox + w - 60, oy, 60, h);
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
  const content = drawCard(context, random, ox, oy, w, h, blank);
  const quad: [Point, Point, Point, Point] = [
    { x: ox, y: oy },
    { x: ox + w, y: oy },
    { x: ox + w, y: oy + h },
    { x: ox, y: oy + h },
  ];
  content.variant.booklet = booklet;
  return { canvas, documentQuad: quad, content };
}
