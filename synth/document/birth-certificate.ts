/**
 * The 出生医学证明 正页 (editions 5–7, A4 portrait): bilingual labels, boxed date and place parts, ID-type
 * checkboxes, the hospital's seal over 签发机构, the green (5/6) or yellow + barcode (7) number box; alone or with
 * the 副页 below it on the same sheet.
 */
import { createCanvas } from "@napi-rs/canvas";
import type { Random } from "../random.ts";
import { birthBackground } from "./birth-background.ts";
import { drawCounterfoil, drawNumberBox, type Face, H, VALUE_SIZE, W } from "./birth-parts.ts";
import { type BirthValues, makeBirthValues, type Parent } from "./birth-values.ts";
import { drawCentredLabel, drawLabel, type FormStyle, rule, sheetCorners } from "./form.ts";
import { type DateStyle, normalDate } from "./people.ts";
import { printValue, randomPrintStyle } from "./printer.ts";
import { drawRoundSeal } from "./seal.ts";
import { type BuiltDocument, pickDateStyle } from "./sheet.ts";

/** Alibaba keys of the birth certificate, in their order (api.md §4). */
export const BIRTH_KEYS = [
  "neonatalName",
  "sex",
  "birthTime",
  "gestationalAge",
  "birthWeight",
  "birthLength",
  "birthPlace",
  "medicalInstitutions",
  "motherName",
  "motherAge",
  "motherNationality",
  "motherEthnicity",
  "motherAddress",
  "motherIdCardNumber",
  "fatherName",
  "fatherAge",
  "fatherNationality",
  "fatherEthnicity",
  "fatherAddress",
  "fatherIdCardNumber",
  "issueAuthority",
  "issueDate",
  "certificateNumber",
] as const;

/** A Chinese label with its English line under it; returns where the value may start. */
function label(f: Face, chinese: string, english: string, x: number, y: number): number {
  const a = drawLabel(f.context, f.form, chinese, x, y);
  const b = drawLabel(f.context, { ...f.form, face: "hei" }, english, x, y + 22, 15);
  return x + Math.max(a, b) + 10;
}

/** Prints one part of a field in a ruled slot [x0, x1] (dates and places have several parts per key). */
function slot(
  f: Face,
  key: string,
  value: string,
  x0: number,
  x1: number,
  y: number,
  machineOnly = false,
): void {
  if (f.boxed) {
    f.context.strokeStyle = f.form.ink;
    f.context.lineWidth = f.form.lineWidth;
    f.context.strokeRect(x0, y - 34, x1 - x0, 46);
  } else {
    rule(f.context, f.form, x0, y + 10, x1, y + 10);
  }
  if (f.blank || value === "") return;
  const quads = printValue(f.context, f.print, f.random, value, (x0 + x1) / 2, y, {
    size: VALUE_SIZE,
    maxWidth: x1 - x0 - 4,
    align: "center",
    machineOnly,
  });
  f.quads[key] = [...(f.quads[key] ?? []), ...quads];
}

function unit(f: Face, text: string, x: number, y: number): number {
  return x + drawLabel(f.context, f.form, text, x, y) + 12;
}

function datePart(n: number, style: DateStyle): string {
  return style === "unpadded" ? String(n) : String(n).padStart(2, "0");
}

function birthRows(f: Face, v: BirthValues, style: DateStyle): void {
  let x = label(f, "新生儿姓名", "Name of Newborn", 130, 360);
  slot(f, "neonatalName", v.name, x, 700, 360);
  x = label(f, "性别", "Sex", 760, 360);
  slot(f, "sex", v.male ? "男" : "女", x, 1110, 360);
  x = label(f, "出生时间", "Time of Birth", 130, 470);
  const parts: [number, string, number][] = [
    [v.birth.year, "年", 110],
    [v.birth.month, "月", 70],
    [v.birth.day, "日", 70],
    [v.hour, "时", 70],
    [v.minute, "分", 70],
  ];
  for (const [n, u, width] of parts) {
    slot(
      f,
      "birthTime",
      u === "年" ? String(n) : datePart(n, u === "时" || u === "分" ? "padded" : style),
      x,
      x + width,
      470,
      true,
    );
    x = unit(f, u, x + width + 6, 470);
  }
  x = label(f, "出生孕周", "Gestational Age", 130, 580);
  gestation(f, v.gestationalAge, x, 580);
  x = unit(f, "周", x + 110, 580);
  x = label(f, "出生体重", "Birth Weight", x + 20, 580);
  slot(f, "birthWeight", v.birthWeight, x, x + 100, 580, true);
  x = unit(f, "克", x + 106, 580);
  x = label(f, "出生身长", "Birth Length", x + 20, 580);
  slot(f, "birthLength", v.birthLength, x, Math.min(x + 80, 1040), 580, true);
  unit(f, "厘米", Math.min(x + 86, 1046), 580);
  x = label(f, "出生地点", "Place of Birth", 130, 690);
  const boxes: [string, string][] = [
    [v.place.province, "省 Province"],
    [v.place.city, "市 City"],
    [v.place.county, "县(区) County"],
  ];
  const width = (1110 - x) / 3;
  boxes.forEach(([name, caption], i) => {
    slot(f, "birthPlace", name, x + i * width, x + (i + 1) * width - 14, 690);
    drawCentredLabel(f.context, { ...f.form, face: "hei" }, caption, x + (i + 0.5) * width, 690 + 32, 15);
  });
  x = label(f, "医疗机构名称", "Name of Medical Institution", 130, 800);
  slot(f, "medicalInstitutions", v.hospital, x, 1110, 800);
}

/** Weeks by the printer; days now and then added by hand, as hospitals do ("38+1"). */
function gestation(f: Face, value: string, x: number, y: number): void {
  const [weeks, days] = value.split("+");
  if (days === undefined || !f.random.chance(0.35)) {
    slot(f, "gestationalAge", value, x, x + 100, y, true);
    return;
  }
  slot(f, "gestationalAge", weeks ?? "", x, x + 60, y, true);
  if (f.blank) return;
  // Written after the printed weeks, wherever the printer put them.
  const printed = f.quads.gestationalAge?.[0];
  const after = printed ? Math.max(printed[1].x, printed[2].x) + 4 : x + 62;
  const hand = { ...f.print, handRate: 1, shiftX: 0, shiftY: 0 };
  const quads = printValue(f.context, hand, f.random, `+${days}`, after, y - 4, { size: VALUE_SIZE * 0.9 });
  f.quads.gestationalAge = [...(f.quads.gestationalAge ?? []), ...quads];
}

function checkbox(f: Face, caption: string, x: number, y: number, ticked: boolean): number {
  f.context.strokeStyle = f.form.ink;
  f.context.lineWidth = 1.5;
  f.context.strokeRect(x, y - 22, 24, 24);
  if (ticked && !f.blank) {
    f.context.strokeStyle = f.print.ink;
    f.context.lineWidth = 3;
    f.context.beginPath();
    const dx = f.print.shiftX * 0.3;
    f.context.moveTo(x + 3 + dx, y - 10);
    f.context.lineTo(x + 10 + dx, y - 1);
    f.context.lineTo(x + 26 + dx, y - 26);
    f.context.stroke();
  }
  return unit(f, caption, x + 30, y);
}

function parentRows(f: Face, who: "mother" | "father", p: Parent, top: number): void {
  const zh = who === "mother" ? "母亲" : "父亲";
  const en = who === "mother" ? "Mother's" : "Father's";
  let x = label(f, `${zh}姓名`, `${en} Name`, 130, top);
  slot(f, `${who}Name`, p.name, x, 470, top);
  x = label(f, "年龄", "Age", 490, top);
  slot(f, `${who}Age`, p.age, x, x + 70, top, true);
  x = label(f, "国籍", "Nationality", x + 90, top);
  slot(f, `${who}Nationality`, p.nationality, x, x + 110, top);
  x = label(f, "民族", "Ethnicity", x + 125, top);
  slot(f, `${who}Ethnicity`, p.ethnicity, x, 1110, top);
  x = label(f, "住址", "Address", 130, top + 95);
  slot(f, `${who}Address`, p.address, x, 1110, top + 95);
  x = label(f, "有效身份证件类别", "Type of Valid ID", 130, top + 190);
  x = checkbox(f, "身份证", x, top + 190, p.idType === "身份证");
  x = checkbox(f, "护照", x, top + 190, p.idType === "护照");
  x = checkbox(f, "其他", x, top + 190, false);
  x = label(f, "证件号码", "ID No.", x + 10, top + 190);
  slot(f, `${who}IdCardNumber`, p.idCardNumber, x, 1110, top + 190, true);
}

function issueBlock(f: Face, v: BirthValues, style: DateStyle): void {
  let x = label(f, "签发机构", "Issuing Authority", 130, 1520);
  slot(f, "issueAuthority", v.hospital, x, 760, 1520);
  if (!f.blank) {
    const cx = x + f.random.uniform(120, 320);
    drawRoundSeal(
      f.context,
      f.random,
      cx,
      1510 + f.random.normal(0, 25),
      105,
      v.hospital,
      "出生医学证明专用章",
      true,
    );
  }
  x = label(f, "签发日期", "Date of Issue", 130, 1620);
  const parts: [number, string, number][] = [
    [v.issue.year, "年", 100],
    [v.issue.month, "月", 60],
    [v.issue.day, "日", 60],
  ];
  for (const [n, u, width] of parts) {
    slot(f, "issueDate", u === "年" ? String(n) : datePart(n, style), x, x + width, 1620, true);
    x = unit(f, u, x + width + 6, 1620);
  }
}

function values(v: BirthValues): Record<string, string> {
  const placeParts = [v.place.province, v.place.city, v.place.county];
  const pad = (n: number) => String(n).padStart(2, "0");
  const out: Record<string, string> = {
    neonatalName: v.name,
    sex: v.male ? "男" : "女",
    birthTime: `${normalDate(v.birth)}${pad(v.hour)}时${pad(v.minute)}分`,
    gestationalAge: v.gestationalAge,
    birthWeight: v.birthWeight,
    birthLength: v.birthLength,
    birthPlace: placeParts.join(""),
    medicalInstitutions: v.hospital,
    issueAuthority: v.hospital,
    issueDate: normalDate(v.issue),
    certificateNumber: v.certificateNumber,
  };
  for (const [who, p] of [
    ["mother", v.mother],
    ["father", v.father],
  ] as const) {
    out[`${who}Name`] = p.name;
    out[`${who}Age`] = p.age;
    out[`${who}Nationality`] = p.nationality;
    out[`${who}Ethnicity`] = p.ethnicity;
    out[`${who}Address`] = p.address;
    out[`${who}IdCardNumber`] = p.idCardNumber;
  }
  return out;
}

/** Renders a birth certificate face, with the 副页 below it on the same sheet sometimes (quad = the 正页). */
export function renderBirthCertificate(random: Random, blank: boolean): BuiltDocument {
  const v = makeBirthValues(random);
  const withCounterfoil = random.chance(0.3);
  const canvas = createCanvas(W, withCounterfoil ? Math.round(H * 1.45) : H);
  const context = canvas.getContext("2d");
  const palette = random.int(0, 2);
  context.drawImage(birthBackground(W, H, palette), 0, 0);
  if (withCounterfoil) context.drawImage(birthBackground(W, H, palette), 0, H, W, canvas.height - H);
  const form: FormStyle = {
    ink: random.pick(["#1f3d2c", "#203050", "#222"]),
    face: "song",
    size: 27,
    lineWidth: 1.2,
  };
  const print = randomPrintStyle(random, VALUE_SIZE, ["song", "song", "hei"]);
  print.handRate = 0; // machine printing is mandatory since the 3rd edition
  const boxed = random.chance(0.4);
  const f: Face = { context, form, print, random, blank, boxed, fields: {}, quads: {} };
  drawCentredLabel(context, { ...form, face: "song-bold" }, "出生医学证明", W / 2, 200, 72);
  drawCentredLabel(context, { ...form, face: "hei" }, "Medical Certificate of Birth", W / 2, 250, 26);
  const style = pickDateStyle(random);
  birthRows(f, v, style === "dotted" ? "padded" : style);
  parentRows(f, "mother", v.mother, 910);
  parentRows(f, "father", v.father, 1210);
  issueBlock(f, v, style === "dotted" ? "padded" : style);
  drawNumberBox(f, v);
  if (withCounterfoil) drawCounterfoil(f, v, H);
  return {
    canvas,
    documentQuad: sheetCorners(W, H),
    content: {
      fields: blank ? {} : values(v),
      quads: f.quads,
      variant: {
        edition: v.edition,
        counterfoil: withCounterfoil,
        boxed,
        palette,
        dateStyle: style,
        face: print.face,
        dotMatrix: print.dotMatrix,
        shiftX: Math.round(print.shiftX),
        shiftY: Math.round(print.shiftY),
        ribbonWear: Number(print.ribbonWear.toFixed(2)),
        ink: print.ink,
        fatherMissing: v.father.idType === "",
      },
    },
  };
}
