/**
 * Derives `src/documents/shared/data/divisions.json` — the province, prefecture and county names of the
 * administrative divisions (NBS 2023 统计用区划代码, public data) — from `synth/data/regions.json`, keeping only
 * names: `[province, [[city, [county, …]], …]]`. Municipalities print their own name as the city (北京市北京市密云区);
 * county-level cities directly under a province (直辖县级) are cities without counties.
 * Also writes `src/documents/shared/data/county-codes.json`, the 6-digit county-level codes.
 * Run: npx tsx scripts/build-divisions.ts
 */
import { readFileSync, writeFileSync } from "node:fs";

type Region = [string, string, Region[]];
const MUNICIPALITY = new Set(["11", "12", "31", "50"]);
const regions = JSON.parse(
  readFileSync(new URL("../synth/data/regions.json", import.meta.url), "utf8"),
) as Region[];
const out = regions.map(([code, province, prefectures]) => {
  const cities: [string, string[]][] = [];
  for (const [, prefecture, counties] of prefectures) {
    if (MUNICIPALITY.has(code)) {
      const existing = cities[0];
      const names = counties.map((county) => county[1]);
      if (existing) existing[1].push(...names);
      else cities.push([province, names]);
    } else if (prefecture.includes("直辖县级")) {
      for (const county of counties) cities.push([county[1], []]);
    } else {
      cities.push([prefecture, counties.map((county) => county[1])]);
    }
  }
  return [province, cities];
});
writeFileSync(
  new URL("../src/documents/shared/data/divisions.json", import.meta.url),
  `${JSON.stringify(out)}\n`,
);

// The county-level codes (GB/T 2260 as of 2023) for the ID number's region prior: a prefecture without counties
// (东莞市, 中山市) is listed with its own code and 00.
const codes = regions.flatMap(([, , prefectures]) =>
  prefectures.flatMap(([prefecture, , counties]) =>
    counties.length ? counties.map((county) => county[0]) : [`${prefecture}00`],
  ),
);
writeFileSync(
  new URL("../src/documents/shared/data/county-codes.json", import.meta.url),
  `${JSON.stringify(codes)}\n`,
);
