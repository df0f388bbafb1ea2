/** One consistent household: its place, number, type, and the people on its cards (domain.md §1.4–1.5). */
import type { Random } from "../random.ts";
import type { SimpleDate } from "./id-number.ts";
import { pickName, pickSurname, randomDate } from "./people.ts";
import { addressIn, type Place, pickPlace } from "./regions.ts";
import { makeMember, type Resident, shortCounty } from "./resident-values.ts";

export type { Resident } from "./resident-values.ts";

/** The household shared by the 户主页 and every card. */
export interface Household {
  place: Place;
  collective: boolean;
  householdType: string;
  householderName: string;
  householdNumber: string;
  address: string;
  issueDate: SimpleDate;
  registrar: string;
  policeStation: string;
  provincialOffice: string;
  community: string;
  sectionNo: string;
  members: Resident[];
}

const UNITS = [
  "大学学生集体户",
  "人才服务中心集体户",
  "职业技术学院集体户",
  "有限公司集体户",
  "派出所集体户",
];

function householdType(collective: boolean, issueYear: number, random: Random): string {
  if (collective) return random.pick(["集体户", "集体户口", "非农业集体户口", "居民集体户口"]);
  if (issueYear >= 2015)
    return random.weighted([
      ["家庭户", 4],
      ["居民家庭户口", 3],
      ["居民户口", 1],
      ["家庭户口", 1],
    ]);
  return random.weighted([
    ["非农业家庭户口", 3],
    ["农业家庭户口", 3],
    ["家庭户", 2],
    ["非农业户口", 0.5],
  ]);
}

/** A household in a random county with 1–5 members; the first is the householder (or a collective member). */
export function makeHousehold(random: Random): Household {
  const place = pickPlace(random);
  const collective = random.chance(0.12);
  const issueDate = randomDate(2003, 2024, random);
  const surname = pickSurname(random);
  const head = makeMember(
    random,
    place,
    collective
      ? random.weighted([
          ["集体户员", 3],
          ["非亲属", 1],
          ["其他", 1],
        ])
      : "户主",
    issueDate,
    surname,
    random.chance(0.7),
  );
  const members = [head];
  if (!collective) members.push(...relatives(random, place, head, issueDate, surname));
  const county = place.county || place.city;
  const station = place.streets[0]?.[0].replace(/(街道|镇|乡|地区|苏木)$/, "") ?? "城关";
  return {
    place,
    collective,
    householdType: householdType(collective, issueDate.year, random),
    householderName: collective ? `${shortCounty(place)}${random.pick(UNITS)}` : head.name,
    householdNumber: String(random.int(0, 999_999_999)).padStart(9, "0"),
    address: addressIn(place, random),
    issueDate,
    registrar: pickName(random.int(1965, 1995), random.chance(0.6), random),
    policeStation: `${place.city}公安局${county === place.city ? "" : `${county}分局`}${station}派出所`,
    provincialOffice: `${place.province}公安厅`.replace(/市公安厅$/, "市公安局"),
    community: place.streets[0]?.[1] ?? "",
    // Seen in the Alibaba sample: county code + 7 digits (4401030023005).
    sectionNo: `${place.code}${String(random.int(1, 9_999_999)).padStart(7, "0")}`,
    members,
  };
}

function relatives(
  random: Random,
  place: Place,
  head: Resident,
  issue: SimpleDate,
  surname: string,
): Resident[] {
  const out: Resident[] = [];
  if (head.birth.year < issue.year - 22 && random.chance(0.8)) {
    out.push(
      makeMember(random, place, head.male ? "妻" : "夫", issue, undefined, !head.male, head.birth.year),
    );
  }
  const parentYear = head.birth.year;
  for (let i = 0; i < random.int(0, 2) && parentYear + 22 < issue.year; i++) {
    const male = random.chance(0.52);
    const relation = male ? random.pick(["子", "长子", "次子"]) : random.pick(["女", "长女", "次女"]);
    out.push(
      makeMember(
        random,
        place,
        relation,
        issue,
        surname,
        male,
        Math.min(parentYear + random.int(22, 34), issue.year - 1),
      ),
    );
  }
  return out;
}
