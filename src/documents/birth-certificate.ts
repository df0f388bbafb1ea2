import { matchBirthPlace } from "./birth-place.ts";
import { splitDateFromNumber } from "./date-number-split.ts";
import { institutionConsensus } from "./institution-consensus.ts";
import { fixInstitutionEnding } from "./institution-ending.ts";
import { fixInstitutionPlace } from "./institution-place.ts";
import { trimInstitution } from "./institution-name.ts";
import { fixAddressNumbers, fixPiecesPrefix, refineFoundPlaces } from "./place-prefix.ts";
import { type PreferredPlaces, placeForms } from "./shared/divisions.ts";
import type { PageFrame } from "./shared/page-frame.ts";
import type { ValuePiece } from "./shared/value-pieces.ts";
import { withoutBoundaryRepeats, withoutOverlapRepeats } from "./shared/overlap-repeats.ts";
import { regroupParentRow } from "./parent-row.ts";
import type { DocumentSpec, FieldSpec } from "./shared/field-spec.ts";

/**
 * What the print code fills a parent's cells with when that parent is not given (domain.md §2.2): strokes, three in
 * the name, two in the short cells, eighteen across the address and the ID number.
 */
const STRUCK_FILLERS: Readonly<Record<string, string>> = {
  Name: "///",
  Age: "//",
  Nationality: "//",
  Ethnicity: "//",
  Address: "/".repeat(18),
  IdCardNumber: "/".repeat(18),
};

/** Weeks of gestation from which a newborn under {@link LEAST_WEIGHT_AT_TERM} grams is not plausible. */
const NEAR_TERM_WEEKS = 33;
const LEAST_WEIGHT_AT_TERM = 1000;

/**
 * Whether a newborn's weight fits the weeks of gestation printed beside it: under 1000 g is a very premature baby's
 * weight, far below the lowest percentiles from 33 weeks on, so a three-digit weight there is four digits read with
 * one lost (`3050` read `305`). Without a gestational age read, any weight fits.
 */
export function weightFitsGestation(weight: string, valueAt: (key: string) => string): boolean {
  const weeks = /^(\d{2})/u.exec(valueAt("gestationalAge"))?.[1];
  return weeks === undefined || Number(weeks) < NEAR_TERM_WEEKS || Number(weight) >= LEAST_WEIGHT_AT_TERM;
}

/** The mother's or father's block: the same labels twice, told apart by their rows. */
function parentFields(parent: "mother" | "father", caption: string, english: string): FieldSpec[] {
  return withFillers(parent, [
    { key: `${parent}Name`, labels: [`${caption}姓名`], english: [`${english}'s Name`], kind: "name" },
    {
      key: `${parent}Age`,
      labels: ["年龄"],
      english: ["Age"],
      kind: "number",
      units: ["岁"],
      range: [12, 80],
    },
    {
      key: `${parent}Nationality`,
      labels: ["国籍"],
      english: ["Nationality"],
      kind: "vocabulary",
      vocabulary: "nationality",
    },
    {
      key: `${parent}Ethnicity`,
      labels: ["民族"],
      english: ["Ethnicity"],
      kind: "vocabulary",
      vocabulary: "ethnicity",
    },
    { key: `${parent}Address`, labels: ["住址"], english: ["Address"], kind: "text" },
    {
      key: `${parent}IdCardNumber`,
      labels: ["证件号码", "号码", "有效身份证件号码"],
      english: ["ID No."],
      kind: "id-number",
    },
  ]);
}

/** The parent's fields with the print code's fillers for a parent not given, struck through together. */
function withFillers(parent: string, fields: FieldSpec[]): FieldSpec[] {
  return fields.map((field) => {
    const filler = STRUCK_FILLERS[field.key.slice(parent.length)];
    return filler === undefined ? field : { ...field, struck: { group: parent, filler } };
  });
}

/**
 * The front page (正页) of the 出生医学证明, editions 5–7 (one face layout): its 23 fields in api.md §4 order and its
 * rows top to bottom (domain.md §2.2). Time, place and issue date are printed in boxes between preprinted units.
 * Only Neonatal Name, Gender, Time of Birth and Issuing Authority are verified English captions; the rest are guesses.
 */
export const BIRTH_CERTIFICATE_SPEC: DocumentSpec = {
  type: "birth-certificate",
  titles: ["出生医学证明", "Medical Certificate of Birth", "Birth Certificate"],
  fields: [
    { key: "neonatalName", labels: ["新生儿姓名"], english: ["Neonatal Name"], kind: "name" },
    { key: "sex", labels: ["性别"], english: ["Gender", "Sex"], kind: "vocabulary", vocabulary: "sex" },
    {
      key: "birthTime",
      labels: ["出生时间"],
      english: ["Time of Birth"],
      kind: "birth-time",
      parts: ["年", "月", "日", "时", "分"],
    },
    {
      key: "gestationalAge",
      labels: ["出生孕周"],
      english: ["Gestational Age"],
      kind: "gestational-age",
      units: ["周"],
    },
    {
      key: "birthWeight",
      labels: ["出生体重"],
      english: ["Birth Weight"],
      kind: "number",
      units: ["克", "g"],
      range: [300, 7000],
      plausibleWith: weightFitsGestation,
    },
    {
      key: "birthLength",
      labels: ["出生身长"],
      english: ["Birth Length"],
      kind: "number",
      units: ["厘米", "cm"],
      range: [20, 70],
    },
    {
      key: "birthPlace",
      labels: ["出生地点"],
      english: ["Place of Birth"],
      kind: "text",
      parts: ["省", "市", "县（区）"],
    },
    {
      key: "medicalInstitutions",
      labels: ["医疗机构名称"],
      english: ["Name of Medical Institution", "Medical Institution"],
      kind: "text",
    },
    ...parentFields("mother", "母亲", "Mother"),
    ...parentFields("father", "父亲", "Father"),
    { key: "issueAuthority", labels: ["签发机构"], english: ["Issuing Authority"], kind: "text" },
    {
      key: "issueDate",
      labels: ["签发日期"],
      english: ["Date of Issue"],
      kind: "date",
      parts: ["年", "月", "日"],
      notBefore: "birthTime",
    },
    {
      key: "certificateNumber",
      labels: ["出生医学证明编号", "出生证编号", "编号"],
      english: ["Birth Certificate No."],
      kind: "certificate-number",
      valueBelow: true,
    },
  ],
  printed: [
    "有效身份证件类别",
    "身份证",
    "护照",
    "其他",
    "县（区）",
    "县(区)",
    "Province",
    "City",
    "County",
    "Type of Valid ID",
    "出生医学证明专用章",
  ],
  layout: [
    ["neonatalName", "sex"],
    ["birthTime"],
    ["gestationalAge", "birthWeight", "birthLength"],
    ["birthPlace"],
    ["medicalInstitutions"],
    ["motherName", "motherAge", "motherNationality", "motherEthnicity"],
    ["motherAddress"],
    ["motherIdCardNumber"],
    ["fatherName", "fatherAge", "fatherNationality", "fatherEthnicity"],
    ["fatherAddress"],
    ["fatherIdCardNumber"],
    ["issueAuthority"],
    ["issueDate"],
    ["certificateNumber"],
  ],
  // Labels printed left-aligned under each other: the left margin, and the parents' rows and ID numbers, which
  // repeat one layout for mother and father.
  columns: [
    [
      "neonatalName",
      "birthTime",
      "gestationalAge",
      "birthPlace",
      "medicalInstitutions",
      "motherName",
      "motherAddress",
      "fatherName",
      "fatherAddress",
      "issueAuthority",
      "issueDate",
    ],
    ["motherAge", "fatherAge"],
    ["motherNationality", "fatherNationality"],
    ["motherEthnicity", "fatherEthnicity"],
    ["motherIdCardNumber", "fatherIdCardNumber"],
  ],
  // A filled certificate shows at least ten of its 23 values even in a poor photo; a blank one, its preprinted
  // number and a few stray marks.
  blankBelow: 7,
  regroup: (assigned, found, frame) => {
    for (const parent of ["mother", "father"]) {
      const row = {
        name: `${parent}Name`,
        age: `${parent}Age`,
        nationality: `${parent}Nationality`,
        ethnicity: `${parent}Ethnicity`,
      };
      regroupParentRow(row, assigned, found, frame);
    }
    // The certificate number printed on the date's row, merged into the date's line or taken by its row.
    splitDateFromNumber(assigned, "issueDate", "certificateNumber", frame);
    // Boxed values on one row: a run the detector cut into two overlapping boxes is read twice under the overlap.
    for (const key of ["birthTime", "issueDate"]) {
      const pieces = assigned.get(key);
      if (pieces && pieces.length > 1) assigned.set(key, withoutOverlapRepeats(pieces, frame));
    }
    // An institution's name repeats no word: one read twice where two boxes meet is read once.
    for (const key of ["medicalInstitutions", "issueAuthority"]) {
      const pieces = assigned.get(key);
      if (pieces) assigned.set(key, trimInstitution(withoutBoundaryRepeats(pieces, frame), frame));
    }
    const preferredFor = fixPagePlaces(assigned, frame);
    // An address ends in a house number, read as its structure says.
    for (const key of ["motherAddress", "fatherAddress"]) {
      const pieces = assigned.get(key);
      if (pieces) assigned.set(key, fixAddressNumbers(pieces));
    }
    // The institution is where the child was born: its name begins with the birth place's county, city or province.
    const birthPlace = (assigned.get("birthPlace") ?? []).map((piece) => piece.line.text).join("");
    for (const key of ["medicalInstitutions", "issueAuthority"]) {
      const pieces = assigned.get(key);
      if (pieces) assigned.set(key, fixInstitutionPlace(pieces, birthPlace, frame));
    }
    const [medicalRead, issuerRead] = institutionConsensus(
      assigned.get("medicalInstitutions") ?? [],
      assigned.get("issueAuthority") ?? [],
      frame,
    );
    // The kind of institution its name ends with (妇幼保健院, 第一人民医院), a word of it misread or lost.
    const medical = fixInstitutionEnding(medicalRead, frame);
    const issuer = fixInstitutionEnding(issuerRead, frame);
    // Merged, a name's place may be read right where neither reading was (the other's character an alternative).
    assigned.set("medicalInstitutions", fixPiecesPrefix(medical, frame, preferredFor("medicalInstitutions")));
    assigned.set("issueAuthority", fixPiecesPrefix(issuer, frame, preferredFor("issueAuthority")));
  },
  refineFound: refineFoundPlaces({ motherAddress: readAddress, fatherAddress: readAddress }),
};

/** A parent's address found late in its cell alone: its place spelt right, its house number read right. */
function readAddress(pieces: readonly ValuePiece[], frame: PageFrame): ValuePiece[] {
  return fixAddressNumbers(fixPiecesPrefix(pieces, frame));
}

/** The fields that begin with a place, besides 出生地点. */
const PLACED_KEYS = ["medicalInstitutions", "issueAuthority", "motherAddress", "fatherAddress"];
/** A birth place matched with at most this many edits names the page's place for the other fields. */
const SURE_BIRTH_PLACE_COST = 1;

/**
 * The places of the certificate read right: 出生地点 as a place of the divisions (see `matchBirthPlace`) and the
 * place each address and institution begins with (see `fixPiecesPrefix`), first each on its own, then again with
 * the places the other fields name preferred — the hospital is where the child was born, and the parents mostly
 * live nearby, so a place read poorly in one field is often read well in another (綦江区 read 基江区 three times
 * but once right; 郴州市嘉禾县 read 邢州市路天县 beside a father's address read exactly). Returns the places the
 * fields other than a given one name.
 */
function fixPagePlaces(
  assigned: Map<string, ValuePiece[]>,
  frame: PageFrame,
): (key: string) => PreferredPlaces {
  const placeField = BIRTH_CERTIFICATE_SPEC.fields.find((field) => field.key === "birthPlace");
  const birthPieces = assigned.get("birthPlace");
  const alone = new Map<string, ValuePiece[]>();
  for (const key of PLACED_KEYS) {
    const pieces = assigned.get(key);
    if (pieces) alone.set(key, fixPiecesPrefix(pieces, frame));
  }
  const forms = new Map<string, string[]>();
  const textOf = (pieces: readonly ValuePiece[]) => pieces.map((piece) => piece.line.text).join("");
  for (const [key, pieces] of alone) forms.set(key, placeForms(textOf(pieces)));
  if (birthPieces && placeField) {
    const first = matchBirthPlace(birthPieces, placeField, frame);
    if (first.cost !== undefined && first.cost <= SURE_BIRTH_PLACE_COST)
      forms.set("birthPlace", placeForms(textOf(first.pieces)));
  }
  const others = (key: string): PreferredPlaces => {
    const counts = new Map<string, number>();
    for (const [other, named] of forms)
      if (other !== key) for (const form of named) counts.set(form, (counts.get(form) ?? 0) + 1);
    return counts;
  };
  if (birthPieces && placeField)
    assigned.set("birthPlace", matchBirthPlace(birthPieces, placeField, frame, others("birthPlace")).pieces);
  for (const key of PLACED_KEYS) {
    const pieces = assigned.get(key);
    const first = alone.get(key);
    if (pieces === undefined || first === undefined) continue;
    // Read again only where the page names places this field does not begin with.
    const preferred = others(key);
    const agrees = (forms.get(key) ?? []).some((form) => preferred.has(form));
    assigned.set(key, preferred.size === 0 || agrees ? first : fixPiecesPrefix(pieces, frame, preferred));
  }
  return others;
}
