/** One consistent household: its place, number, type, and the people on its cards (domain.md §1.4–1.5). */
import type { Random } from "../random.ts";
import { makeIdNumber, makeOldIdNumber, type SimpleDate } from "./id-number.ts";
import { addDays, pickEthnicity, pickName, pickSurname, randomDate } from "./people.ts";
import { addressIn, type Place, pickPlace, placeName } from "./regions.ts";

/** One person as the resident card records them (values already as printed, dates as dates). */
export interface Resident {
  name: string;
  relation: string;
  male: boolean;
  birth: SimpleDate;
  birthPlace: string;
  ethnicity: string;
  nativePlace: string;
  idCardNumber: string;
  formerName: string;
  religious: string;
  otherResidence: string;
  stature: string;
  bloodGroup: string;
  educationalDegree: string;
  maritalStatus: string;
  militaryServiceStatus: string;
  employer: string;
  occupation: string;
  immigratedToCity: string;
  immigratedToResidence: string;
  registrationDate: SimpleDate;
}

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

const EDUCATION_ADULT: [string, number][] = [
  ["小学", 2],
  ["初中", 4],
  ["高中", 2.5],
  ["中等专科", 1],
  ["大学专科", 1.5],
  ["大学本科", 1.5],
  ["研究生", 0.3],
  ["高中毕业", 0.5],
  ["初中毕业", 0.5],
  ["文盲或半文盲", 0.3],
  ["技工学校", 0.3],
];
/** "长沙县" → "长沙", but autonomous counties keep their full name (no "威宁彝族回族苗族自治镇"). */
function shortCounty(place: Place): string {
  const county = place.county || place.city;
  return county.includes("自治") || county.length <= 2 ? county : county.replace(/(市|县|区|旗)$/, "");
}

const OCCUPATIONS = [
  "学生",
  "农民",
  "工人",
  "职员",
  "干部",
  "教师",
  "医生",
  "个体",
  "待业",
  "无业",
  "退休",
  "工程师",
  "专业技术人员",
  "办事人员和有关人员",
  "商业、服务业人员",
];
const EMPLOYER_STEMS = [
  "第一中学",
  "人民医院",
  "中心小学",
  "供电公司",
  "农机厂",
  "建筑公司",
  "商贸有限公司",
  "实验小学",
  "镇人民政府",
  "轴承厂",
];

/** One resident, born in `year` (random adult if omitted), registered in `place`. */
export function makeMember(
  random: Random,
  place: Place,
  relation: string,
  issue: SimpleDate,
  surname: string | undefined,
  male: boolean,
  year?: number,
): Resident {
  const birth = randomDate(year ?? issue.year - 75, year ?? issue.year - 18, random);
  const age = issue.year - birth.year;
  const child = age < 16;
  const origin = random.chance(0.75) ? place : pickPlace(random);
  const idPlace = random.chance(0.85) ? origin : place;
  const moved = origin !== place;
  const fill = <T extends string>(p: number, value: () => T): T | "" => (random.chance(p) ? value() : "");
  return {
    name: pickName(birth.year, male, random, surname),
    relation,
    male,
    birth,
    birthPlace: placeName(origin),
    // Some offices print the short form (汉 rather than 汉族); the true value is what is printed.
    ethnicity: pickEthnicity(place.province, random).replace(/族$/, random.chance(0.12) ? "" : "族"),
    nativePlace: placeName(random.chance(0.8) ? origin : pickPlace(random)),
    // Cards written before the 1999 switch may still show the old 15-digit number.
    idCardNumber:
      birth.year < 1975 && random.chance(0.05)
        ? makeOldIdNumber(idPlace.code, birth, male, random)
        : makeIdNumber(idPlace.code, birth, male, random),
    formerName: fill(0.06, () => pickName(birth.year, male, random, surname)),
    religious: fill(0.15, () =>
      random.weighted([
        ["无", 3],
        ["无宗教信仰", 2],
        ["佛教", 1],
        ["基督教", 0.5],
        ["伊斯兰教", 0.3],
      ]),
    ),
    otherResidence: fill(0.05, () => addressIn(place, random)),
    stature: child
      ? ""
      : fill(
          0.2,
          () => `${random.int(male ? 160 : 150, male ? 185 : 172)}${random.chance(0.3) ? "厘米" : ""}`,
        ),
    bloodGroup: fill(0.2, () =>
      random.weighted([
        ["O型", 3],
        ["A型", 2.8],
        ["B型", 2.8],
        ["AB型", 1],
        ["不明", 1.5],
      ]),
    ),
    educationalDegree: child
      ? fill(0.3, () => (age < 7 ? "学龄前" : "小学"))
      : fill(0.85, () => random.weighted(EDUCATION_ADULT)),
    maritalStatus: child
      ? ""
      : fill(0.85, () =>
          age < 24
            ? "未婚"
            : random.weighted([
                ["已婚", 6],
                ["有配偶", 1],
                ["未婚", 1],
                ["离婚", 0.5],
                ["丧偶", 0.4],
              ]),
        ),
    militaryServiceStatus:
      child || !male
        ? ""
        : fill(0.5, () =>
            random.weighted([
              ["未服兵役", 6],
              ["退出现役", 1],
              ["服现役", 0.2],
            ]),
          ),
    employer: child
      ? fill(0.2, () => `${shortCounty(place)}${random.pick(["实验小学", "中心小学"])}`)
      : fill(0.5, () => `${shortCounty(place)}${random.pick(EMPLOYER_STEMS)}`),
    occupation: child ? fill(0.3, () => "学生") : fill(0.6, () => random.pick(OCCUPATIONS)),
    immigratedToCity: moved
      ? fill(
          0.7,
          () =>
            `${random.int(Math.max(birth.year + 16, 1990), issue.year)}年${String(random.int(1, 12)).padStart(2, "0")}月由${placeName(origin)}迁来`,
        )
      : fill(0.3, () => random.pick(["出生", "无迁移"])),
    immigratedToResidence: fill(0.4, () =>
      random.pick([
        "购房迁入",
        "投靠",
        "婚迁",
        `${issue.year}年${String(random.int(1, 12)).padStart(2, "0")}月由本市迁来`,
        "出生",
      ]),
    ),
    registrationDate: child ? addDays(birth, random.int(20, 200)) : addDays(issue, -random.int(0, 2000)),
  };
}
