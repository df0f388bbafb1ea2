/** The preprinted grid of the 常住人口登记卡 and the booklet's facing page: rows, label variants, printed values. */
import type { SKRSContext2D } from "@napi-rs/canvas";
import type { Random } from "../random.ts";
import { drawLabel, type FormStyle, rule, spaced } from "./form.ts";
import type { Resident } from "./household-values.ts";
import { type DateStyle, printedDate } from "./people.ts";

/** A cell: label text, its key, and [labelStart, valueStart, valueEnd] as fractions of the grid width. */
export type Cell = [string, string, number, number, number];

/** The 11 rows with this card's label variants (公民身份号码/公民身份证件编号, 本市（县）/本市(县), 姓　名). */
export function rows(random: Random): Cell[][] {
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

/** The values as this card prints them (dates in the card's style). */
export function printedValues(person: Resident, style: DateStyle): Record<string, string> {
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
export function cellLabel(
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

/** The left page of the open booklet: the back of the previous card, 登记事项变更和更正记载, mostly empty. */
export function drawChangePage(
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
