import { readFileSync } from "node:fs";

/**
 * The county-level codes of the administrative divisions (GB/T 2260, NBS 2023 统计用区划代码, public data;
 * `data/county-codes.json`, built by scripts/build-divisions.ts) that the first six digits of an ID number name.
 */
export const COUNTY_CODES: ReadonlySet<string> = new Set(
  JSON.parse(readFileSync(new URL("./data/county-codes.json", import.meta.url), "utf8")) as string[],
);

/** The prefecture-level codes (the first four digits) of {@link COUNTY_CODES}, each with its counties' last two. */
export const PREFECTURE_CODES: ReadonlyMap<string, readonly string[]> = (() => {
  const prefectures = new Map<string, string[]>();
  for (const code of COUNTY_CODES) {
    const counties = prefectures.get(code.slice(0, 4)) ?? [];
    counties.push(code.slice(4));
    prefectures.set(code.slice(0, 4), counties);
  }
  return prefectures;
})();

/**
 * How well the 2023 divisions know an ID number's region code: a current `county`, a current `prefecture` whose
 * county is not (renamed, merged or made a district since the number was given), or only its `province`.
 *
 * @example
 * regionKnowledge("420381"); // "county"
 */
export function regionKnowledge(code: string): "county" | "prefecture" | "province" {
  if (COUNTY_CODES.has(code)) return "county";
  return PREFECTURE_CODES.has(code.slice(0, 4)) ? "prefecture" : "province";
}
