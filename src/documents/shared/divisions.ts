import { readFileSync } from "node:fs";
import { substitutionCost } from "./confusable-chars.ts";

/** One county-level place as printed in the three boxes of 出生地点: province, city (prefecture), county. */
export interface Place {
  province: string;
  city: string;
  /** "" for a city with no counties (东莞市) and for county-level cities directly under a province. */
  county: string;
}

/** A piece of a place as read: its text and, where known, each character's confidence. */
export interface PlacePiece {
  text: string;
  confidences?: readonly number[];
}

type Divisions = [string, [string, string[]][]][];

/**
 * Every county-level place of the administrative divisions (NBS 2023 统计用区划代码, public data;
 * `data/divisions.json`, built by scripts/build-divisions.ts), with the text the boxes print for it.
 */
const PLACES: readonly (Place & { text: string })[] = (
  JSON.parse(readFileSync(new URL("./data/divisions.json", import.meta.url), "utf8")) as Divisions
).flatMap(([province, cities]) =>
  cities.flatMap(([city, counties]) =>
    (counties.length ? counties : [""]).map((county) => ({
      province,
      city,
      county,
      text: province + city + county,
    })),
  ),
);

/**
 * The place of the divisions whose three boxes read exactly `text` (`湖南省株洲市攸县`, `北京市北京市丰台区`), if any.
 *
 * @example
 * placeNamed("湖南省株洲市攸县"); // { province: "湖南省", city: "株洲市", county: "攸县" }
 */
export function placeNamed(text: string): Place | undefined {
  const found = PLACES.find((place) => place.text === text);
  return found === undefined
    ? undefined
    : { province: found.province, city: found.city, county: found.county };
}

/** What a character read with high confidence costs to be replaced: more than a plain edit. */
const SURE_CONFIDENCE = 0.97;
const SURE_SUBSTITUTION = 1.6;
const SUFFIXES: ReadonlySet<string> = new Set(Array.from("省市县区旗州盟"));
const SUFFIX_SUBSTITUTION = 4;
/** What a piece left out (a caption's remnant) costs per character. */
const DROP_COST = 0.6;
/** The largest share of a place's length that may be edits. */
const MAX_COST_SHARE = 0.34;
const MAX_ORDERED_PIECES = 4;

/**
 * The place of the administrative divisions that the pieces read for 出生地点 name: the boxes in any order, one left
 * out (one edit for the whole box), captions' remnants among them, characters misread (林洲 for 株洲) — each fixed where the divisions say so,
 * with a character read with high confidence kept unless the evidence is strong. Returns the place's text
 * (`湖南省株洲市攸县`, `北京市北京市丰台区`) and its cost in edits when exactly one place is clearly nearest, else
 * `undefined`.
 *
 * @example
 * matchPlace([{ text: "丹东市" }, { text: "凤城市" }]); // { value: "辽宁省丹东市凤城市", cost: 1 }
 */
export function matchPlace(pieces: readonly PlacePiece[]): { value: string; cost: number } | undefined {
  const cleaned = pieces.map(chineseOnly).filter((piece) => piece.symbols.length > 0);
  if (cleaned.length === 0) return undefined;
  const readings = orderings(cleaned);
  let best: { value: string; cost: number; close: boolean } | undefined;
  let second = Number.POSITIVE_INFINITY;
  for (const place of candidates(cleaned)) {
    // The cheapest form read closely enough (edits within a share of what it prints), else the cheapest at all.
    let cost = Number.POSITIVE_INFINITY;
    let close = false;
    for (const { text, extra } of printedForms(place)) {
      const expected = Array.from(text);
      let edits = Number.POSITIVE_INFINITY;
      for (const reading of readings)
        edits = Math.min(edits, reading.dropped * DROP_COST + distance(expected, reading));
      const formClose = edits <= Math.max(1, expected.length * MAX_COST_SHARE);
      if ((formClose && !close) || (formClose === close && extra + edits < cost)) {
        cost = extra + edits;
        close = formClose;
      }
    }
    if (best === undefined || cost < best.cost) {
      if (best !== undefined && best.value !== place.text) second = Math.min(second, best.cost);
      best = { value: place.text, cost, close };
    } else if (place.text !== best.value) second = Math.min(second, cost);
  }
  if (best === undefined || !best.close) return undefined;
  return second - best.cost >= 0.5 ? { value: best.value, cost: best.cost } : undefined;
}

/** What a box not read at all (its whole name missing from the reading) costs: one edit, not one per character. */
const MISSING_BOX_COST = 1;

/**
 * The texts a place may be read as, with what each costs beyond its edits: all three boxes, or one of province and
 * city not read (a box on a guilloche or under a fold is often lost whole, while the others are read).
 */
function printedForms(place: Place & { text: string }): { text: string; extra: number }[] {
  const forms = [{ text: place.text, extra: 0 }];
  if (place.county === "") return forms;
  forms.push({ text: place.city + place.county, extra: MISSING_BOX_COST });
  if (place.city !== place.province)
    forms.push({ text: place.province + place.county, extra: MISSING_BOX_COST });
  return forms;
}

/**
 * The places worth an edit distance: those sharing the most pairs of neighbouring characters with the reading, or
 * one pair fewer (a misread character breaks two pairs at most).
 */
function candidates(pieces: readonly Symbols[]): (Place & { text: string })[] {
  const bigrams = [
    ...new Set(
      pieces.flatMap((piece) => piece.symbols.slice(1).map((symbol, i) => piece.symbols[i] + symbol)),
    ),
  ];
  if (bigrams.length === 0) return [];
  const scored = PLACES.map((place) => ({
    place,
    score: bigrams.filter((bigram) => place.text.includes(bigram)).length,
  }));
  const top = Math.max(...scored.map(({ score }) => score));
  if (top === 0) return [];
  return scored.filter(({ score }) => score >= Math.max(1, top - 1)).map(({ place }) => place);
}

interface Symbols {
  symbols: string[];
  confidences: number[];
}

/** The piece's Chinese characters only: captions' Latin letters and digits are no part of a place. */
function chineseOnly(piece: PlacePiece): Symbols {
  const out: Symbols = { symbols: [], confidences: [] };
  Array.from(piece.text).forEach((symbol, index) => {
    if (!/[\u4e00-\u9fff]/u.test(symbol)) return;
    out.symbols.push(symbol);
    out.confidences.push(piece.confidences?.[index] ?? 0.9);
  });
  return out;
}

/** The pieces joined in every order (a few pieces) or as read, each with one piece left out too. */
function orderings(pieces: readonly Symbols[]): (Symbols & { dropped: number })[] {
  const out: (Symbols & { dropped: number })[] = [];
  const join = (chosen: readonly Symbols[], dropped: number) =>
    out.push({
      symbols: chosen.flatMap((piece) => piece.symbols),
      confidences: chosen.flatMap((piece) => piece.confidences),
      dropped,
    });
  const total = pieces.reduce((sum, piece) => sum + piece.symbols.length, 0);
  const subsets =
    pieces.length > 1 ? [pieces, ...pieces.map((_, skip) => pieces.filter((__, i) => i !== skip))] : [pieces];
  for (const subset of subsets) {
    const dropped = total - subset.reduce((sum, piece) => sum + piece.symbols.length, 0);
    if (subset.length > MAX_ORDERED_PIECES) join(subset, dropped);
    else for (const order of permutations(subset)) join(order, dropped);
  }
  return out;
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, index) =>
    permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]),
  );
}

/** Edit distance from the place's text to the reading, substitutions of surely read characters dearer. */
function distance(expected: readonly string[], read: Symbols): number {
  const b = read.symbols;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= expected.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const plain = substitutionCost(expected[i - 1] ?? "", b[j - 1] ?? "");
      const sure = plain === 1 && (read.confidences[j - 1] ?? 0) >= SURE_CONFIDENCE;
      // A division's own suffix read surely is never changed: an older certificate prints 县 where the divisions
      // now have 区 (a county made a district), and that is what it says.
      const suffix = sure && SUFFIXES.has(b[j - 1] ?? "") && SUFFIXES.has(expected[i - 1] ?? "");
      const substitute =
        (previous[j - 1] ?? 0) + (suffix ? SUFFIX_SUBSTITUTION : sure ? SURE_SUBSTITUTION : plain);
      current.push(Math.min(substitute, (previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The ways a text may begin with a place: in full, or from its city or county on (an address or hospital). */
const PREFIXES: readonly string[] = [
  ...new Set(
    PLACES.flatMap(({ province, city, county }) => {
      const own = city === province ? [province + county] : [province + city + county, province + city];
      return [...own, city + county, city, county].filter((prefix) => Array.from(prefix).length >= 3);
    }),
  ),
];

/**
 * The text with the place it begins with read right: where its first characters are, but for a few misread ones,
 * the name of a place of the divisions (`湖南省林洲市攸县桃水镇…` → `湖南省株洲市攸县…`, `孙只县妇幼保健院` →
 * `孙吴县…`), those characters are replaced. Only substitutions: nothing is added or left out, so a text printed
 * without its province stays so. Characters read with high confidence, and the divisions' suffixes, are kept unless
 * the rest of the name is plain. Returns the replaced characters' indices with the text, or `undefined` when no
 * place fits one way only.
 *
 * @example
 * fixPlacePrefix("孙只县妇幼保健院"); // { text: "孙吴县妇幼保健院", changed: [1] }
 */
export function fixPlacePrefix(
  text: string,
  confidences: readonly number[] = [],
): { text: string; changed: number[] } | undefined {
  const read = Array.from(text);
  const scored: { prefix: string[]; score: number; changed: number[] }[] = [];
  for (const candidate of PREFIXES) {
    const prefix = Array.from(candidate);
    if (prefix.length > read.length) continue;
    let cost = 0;
    const changed: number[] = [];
    for (let index = 0; index < prefix.length && cost <= 2; index++) {
      const expected = prefix[index] as string;
      const symbol = read[index] as string;
      if (expected === symbol) continue;
      const sure = (confidences[index] ?? 0.9) >= SURE_CONFIDENCE;
      // One suffix for another (县 for 区) is what was printed, not a misreading: an older name, or another place.
      if (SUFFIXES.has(symbol) && SUFFIXES.has(expected)) cost += SUFFIX_SUBSTITUTION;
      else cost += sure ? SURE_SUBSTITUTION : substitutionCost(expected, symbol);
      changed.push(index);
    }
    const right = prefix.length - changed.length;
    // At most one edit in three characters and two in all; three characters right, or two and a suffix not read as
    // another suffix.
    const last = prefix.length - 1;
    const anchored =
      right >= 3 || (right === 2 && (!changed.includes(last) || !SUFFIXES.has(read[last] ?? "")));
    if (changed.length === 0 || cost > Math.min(2, prefix.length / 3) || !anchored) continue;
    scored.push({ prefix, score: prefix.length - cost, changed });
  }
  const top = Math.max(...scored.map(({ score }) => score));
  const best = scored.filter(({ score }) => score === top);
  const only = best[0];
  if (only === undefined || new Set(best.map(({ prefix }) => prefix.join(""))).size > 1) return undefined;
  // A place read exactly at the start, as long as the fix, says the text was right as read.
  const length = only.prefix.length;
  if (PREFIXES.some((candidate) => text.startsWith(candidate) && Array.from(candidate).length >= length)) {
    return undefined;
  }
  return { text: [...only.prefix, ...read.slice(length)].join(""), changed: only.changed };
}

/** The ways a text may begin with a province named in full: its city (its county, for a municipality) after it. */
const PROVINCE_STARTS: readonly { province: string; start: string }[] = [
  ...new Map(
    PLACES.map(({ province, city, county }) => {
      const start = city === province ? province + county : province + city;
      return [start, { province, start }] as const;
    }),
  ).values(),
].filter(({ province, start }) => start.length > province.length);

/** How many leading characters of a province's name may have been lost (at least its last two stay). */
const MAX_LOST_START = 2;

/**
 * The text with its start put right where it begins with a province and its city but lost the province's first
 * characters (`东省德州市…` → `山东省德州市…`: the first character printed over the cell's ruling), or carries one
 * character before a province named in full (a ruling or a neighbour's stroke read as `责`). Only when exactly one
 * province fits, and never for a text that already begins with a place. `added` characters were put before the
 * text; `dropped` were taken off its start.
 *
 * @example
 * restorePlaceStart("龙江省齐齐哈尔市甘南县"); // { text: "黑龙江省齐齐哈尔市甘南县", added: "黑", dropped: 0 }
 */
export function restorePlaceStart(
  text: string,
): { text: string; added: string; dropped: number } | undefined {
  if (PREFIXES.some((prefix) => text.startsWith(prefix))) return undefined;
  if (PROVINCE_STARTS.some(({ province }) => text.startsWith(province))) return undefined;
  const lost = new Set<string>();
  for (const { province, start } of PROVINCE_STARTS) {
    const name = Array.from(province);
    for (let k = 1; k <= Math.min(MAX_LOST_START, name.length - 2); k++) {
      const tail = name.slice(k).join("");
      if (text.startsWith(tail + start.slice(province.length))) lost.add(name.slice(0, k).join(""));
    }
  }
  if (lost.size === 1) {
    const [added = ""] = lost;
    return { text: added + text, added, dropped: 0 };
  }
  if (lost.size > 1) return undefined;
  const [first = "", ...rest] = Array.from(text);
  const after = rest.join("");
  if (first !== "" && PROVINCE_STARTS.some(({ start }) => after.startsWith(start))) {
    return { text: after, added: "", dropped: 1 };
  }
  return undefined;
}

/** The longest run of characters a place's name may have lost inside it (傈僳 of 怒江傈僳族自治州). */
const MAX_LOST_INSIDE = 2;
/** Only places at least this long are restored so: a short name with characters missing is too like another. */
const MIN_RESTORED_LENGTH = 8;

/**
 * The text with characters put back that its place name lost inside it (`云南省怒江族自治州福贡县…` →
 * `云南省怒江傈僳族自治州福贡县…`, rare characters the recogniser dropped): when the text begins with a place of the
 * divisions (province, city and county) but for one run of one or two characters missing after its province, and
 * with no other place fitting so. Never for a text that already begins with a place as long. `at` is where the
 * characters were put in.
 *
 * @example
 * restoreLostInside("云南省怒江族自治州福贡县鹿马登乡"); // { text: "云南省怒江傈僳族自治州福贡县鹿马登乡", added: "傈僳", at: 5 }
 */
export function restoreLostInside(text: string): { text: string; added: string; at: number } | undefined {
  const found = new Map<string, { text: string; added: string; at: number; matched: number }>();
  for (const { province, city, county } of PLACES) {
    if (!text.startsWith(province)) continue;
    const name = Array.from(city === province ? province + county : province + city + county);
    if (name.length < MIN_RESTORED_LENGTH) continue;
    for (let lost = 1; lost <= MAX_LOST_INSIDE; lost++) {
      for (let at = Array.from(province).length; at + lost <= name.length; at++) {
        const shortened = [...name.slice(0, at), ...name.slice(at + lost)].join("");
        if (!text.startsWith(shortened)) continue;
        const restored = name.join("") + text.slice(shortened.length);
        const added = name.slice(at, at + lost).join("");
        // A suffix alone (长沙岳麓区) may have been left out by whoever wrote the address: it is not put back.
        if (Array.from(added).every((symbol) => SUFFIXES.has(symbol))) continue;
        found.set(restored, { text: restored, added, at, matched: Array.from(shortened).length });
      }
    }
  }
  const [only, ...others] = found.values();
  if (only === undefined || others.length > 0) return undefined;
  // A text that already begins with a place as long as what was matched is read right.
  if (PREFIXES.some((prefix) => text.startsWith(prefix) && Array.from(prefix).length >= only.matched)) {
    return undefined;
  }
  return { text: only.text, added: only.added, at: only.at };
}
