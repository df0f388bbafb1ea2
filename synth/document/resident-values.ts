/** One resident of a household as the 常住人口登记卡 records them (domain.md §1.4, §3). */
import type { Random } from "../random.ts";
import { makeIdNumber, makeOldIdNumber, type SimpleDate } from "./id-number.ts";
import { addDays, pickEthnicity, pickName, randomDate } from "./people.ts";
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
export function shortCounty(place: Place): string {
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
