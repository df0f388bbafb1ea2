import { readFileSync } from "node:fs";
import { substitutionCost } from "./confusable-chars.ts";

/** One county-level place as printed in the three boxes of 出生地点: province, city (prefecture), county. */
export interface Place {
  province: string;
  city: string;
  /** "" for a city with no counties (东莞市) and for county-level cities directly under a province. */
  county: string;
}

/**
 * The places other fields of a page name, as the forms a text may begin with (see {@link placeForms}), each with how
 * many fields name it.
 */
export type PreferredPlaces = ReadonlyMap<string, number>;

/** A piece of a place as read: its text and, where known, each character's confidence. */
export interface PlacePiece {
  text: string;
  confidences?: readonly number[];
  /** Each character's other readings, where known. */
  alternatives?: readonly (readonly { text: string; probability: number }[])[];
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
 * The 6-digit codes of the county-level places, in the order of {@link PLACES} (both built from the same list by
 * scripts/build-divisions.ts; a prefecture without counties has its own code and 00).
 */
const PLACE_CODES: readonly string[] = JSON.parse(
  readFileSync(new URL("./data/county-codes.json", import.meta.url), "utf8"),
) as string[];
if (PLACE_CODES.length !== PLACES.length) throw new Error("county-codes.json does not match divisions.json");

/**
 * The codes of the county-level places by each form a text may begin with that ends with the county (its city, for
 * a city without counties): province, city and county, city and county, the county alone if as long as three.
 */
const COUNTY_FORMS: ReadonlyMap<string, readonly string[]> = (() => {
  const forms = new Map<string, string[]>();
  PLACES.forEach(({ province, city, county }, index) => {
    const own = county === "" ? [province + city, city] : [province + city + county, city + county, county];
    if (city === province) own.push(province + county);
    for (const form of new Set(own)) {
      if (Array.from(form).length < 3 || form === province) continue;
      const codes = forms.get(form);
      if (codes) codes.push(PLACE_CODES[index] as string);
      else forms.set(form, [PLACE_CODES[index] as string]);
    }
  });
  return forms;
})();
const LONGEST_COUNTY_FORM = Math.max(...[...COUNTY_FORMS.keys()].map((form) => Array.from(form).length));

/**
 * The county-level place a text begins with, named down to its county (`湖南省株洲市渌口区…`, `渌口区…`, `广东省东莞市…`):
 * how many characters name it and its codes (more than one for a county name many places share). `undefined` when
 * the text begins with no county, or names its city only.
 *
 * @example
 * countyAtStart("湖南省株洲市渌口区渌口镇"); // { length: 9, codes: ["430212"] }
 */
export function countyAtStart(text: string): { length: number; codes: readonly string[] } | undefined {
  const symbols = Array.from(text);
  for (let length = Math.min(symbols.length, LONGEST_COUNTY_FORM); length >= 3; length--) {
    const codes = COUNTY_FORMS.get(symbols.slice(0, length).join(""));
    if (codes !== undefined) return { length, codes };
  }
  return undefined;
}

/** A county-level place below the place a text begins with: what names it after that start, and its code. */
export interface PlaceBelow {
  /** The rest of the place's name after the start: its city and county after a province, its county after a city. */
  rest: string;
  code: string;
}

/**
 * The longest province or city (prefecture) a text begins with, named in full (`云南省`, `云南省临沧市`, `临沧市`, a
 * municipality `重庆市`), and every county-level place below it with the rest of its name. `undefined` when the
 * text begins with neither, or with a county already (see {@link countyAtStart}).
 *
 * @example
 * placesBelow("云南省临沧市双江制粘族街湖勐勐镇")?.length; // 6: 云南省临沧市, then 临翔区, 凤庆县, 云县, …
 */
export function placesBelow(text: string): { length: number; places: PlaceBelow[] } | undefined {
  if (countyAtStart(text) !== undefined) return undefined;
  placesByStart ??= startsOfPlaces();
  const symbols = Array.from(text);
  for (let length = Math.min(symbols.length, longestStart); length >= 3; length--) {
    const places = placesByStart.get(symbols.slice(0, length).join(""));
    if (places !== undefined) return { length, places: [...places] };
  }
  return undefined;
}

/** The county-level places below each province or city a text may begin with, built when first needed. */
let placesByStart: ReadonlyMap<string, readonly PlaceBelow[]> | undefined;
let longestStart = 0;

function startsOfPlaces(): ReadonlyMap<string, readonly PlaceBelow[]> {
  const byStart = new Map<string, PlaceBelow[]>();
  PLACES.forEach(({ province, city, county }, index) => {
    if (county === "") return;
    const starts =
      city === province
        ? [{ start: province, rest: county }]
        : [
            { start: province + city, rest: county },
            { start: city, rest: county },
            { start: province, rest: city + county },
          ];
    for (const { start, rest } of starts) {
      if (Array.from(start).length < 3) continue;
      longestStart = Math.max(longestStart, Array.from(start).length);
      const own = byStart.get(start);
      const place = { rest, code: PLACE_CODES[index] as string };
      if (own === undefined) byStart.set(start, [place]);
      else own.push(place);
    }
  });
  return byStart;
}

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
 *
 * A place other fields of the page name (`preferred`, its forms: see {@link placeForms}) costs
 * {@link PREFERRED_PLACE_BONUS} less for each of up to two fields naming it, and may be read with more edits.
 */
export function matchPlace(
  pieces: readonly PlacePiece[],
  preferred: PreferredPlaces = new Map(),
): { value: string; cost: number } | undefined {
  const cleaned = pieces.map(chineseOnly).filter((piece) => piece.symbols.length > 0);
  if (cleaned.length === 0) return undefined;
  const edits = formEdits(cleaned);
  let best: { value: string; cost: number; close: boolean } | undefined;
  let second = Number.POSITIVE_INFINITY;
  const named = PLACES.filter((place) => isPreferred(place, preferred));
  for (const place of new Set([...candidates(cleaned), ...named])) {
    const favoured = named.includes(place);
    const share = favoured ? PREFERRED_PLACE_SHARE : MAX_COST_SHARE;
    // The cheapest form read closely enough (edits within a share of what it prints), else the cheapest at all.
    let cost = Number.POSITIVE_INFINITY;
    let close = false;
    for (const form of edits(place)) {
      const formClose = form.edits <= Math.max(1, form.length * share);
      if ((formClose && !close) || (formClose === close && form.extra + form.edits < cost)) {
        cost = form.extra + form.edits;
        close = formClose;
      }
    }
    if (favoured)
      cost = Math.max(0, cost - PREFERRED_PLACE_BONUS * Math.min(2, supporters(place, preferred)));
    if (best === undefined || cost < best.cost) {
      if (best !== undefined && best.value !== place.text) second = Math.min(second, best.cost);
      best = { value: place.text, cost, close };
    } else if (place.text !== best.value) second = Math.min(second, cost);
  }
  if (best === undefined || !best.close) return undefined;
  return second - best.cost >= 0.5 ? { value: best.value, cost: best.cost } : undefined;
}

/** The edits of a place's printed forms from a reading: what {@link matchPlace} weighs, whatever is preferred. */
interface FormEdit {
  edits: number;
  extra: number;
  length: number;
}

/** The last few readings' edits by place: a page matches its birth place again once it knows its other places. */
const EDIT_MEMO: { key: string; edits: Map<Place, FormEdit[]> }[] = [];
const EDIT_MEMO_SIZE = 4;

/** The edits of each place's forms from the pieces (see {@link printedForms}, {@link orderings}), remembered. */
function formEdits(cleaned: readonly Symbols[]): (place: Place & { text: string }) => FormEdit[] {
  const key = JSON.stringify(cleaned);
  let entry = EDIT_MEMO.find((memo) => memo.key === key);
  if (entry === undefined) {
    entry = { key, edits: new Map() };
    EDIT_MEMO.unshift(entry);
    EDIT_MEMO.length = Math.min(EDIT_MEMO.length, EDIT_MEMO_SIZE);
  }
  const known = entry.edits;
  let readings: (Symbols & { dropped: number })[] | undefined;
  return (place) => {
    const cached = known.get(place);
    if (cached !== undefined) return cached;
    readings ??= orderings(cleaned);
    const forms = printedForms(place).map(({ text, extra }) => {
      const expected = Array.from(text);
      let edits = Number.POSITIVE_INFINITY;
      for (const reading of readings ?? [])
        edits = Math.min(edits, reading.dropped * DROP_COST + distance(expected, reading));
      return { edits, extra, length: expected.length };
    });
    known.set(place, forms);
    return forms;
  };
}

/** What a place another field of the page names costs less, and the share of its length that may be edits. */
const PREFERRED_PLACE_BONUS = 0.8;
const PREFERRED_PLACE_SHARE = 0.5;

/** How many fields name the place in full. */
function supporters(place: Place & { text: string }, preferred: PreferredPlaces): number {
  return Math.max(preferred.get(place.text) ?? 0, preferred.get(place.province + place.county) ?? 0);
}

/** Whether the place is one of the forms in `preferred`, named in full (a municipality's without its city). */
function isPreferred(place: Place & { text: string }, preferred: PreferredPlaces): boolean {
  if (preferred.size === 0) return false;
  return (
    preferred.has(place.text) ||
    (place.city === place.province && preferred.has(place.province + place.county))
  );
}

/** What a box not read at all (its whole name missing from the reading) costs: one edit, not one per character. */
const MISSING_BOX_COST = 1;

/**
 * The texts a place may be read as, with what each costs beyond its edits: all three boxes, or one of province and
 * city not read (a box on a guilloche or under a fold is often lost whole, while the others are read), or both (the
 * county alone, which names one place only if its name is no other's).
 */
function printedForms(place: Place & { text: string }): { text: string; extra: number }[] {
  const forms = [{ text: place.text, extra: 0 }];
  if (place.county === "") return forms;
  forms.push({ text: place.city + place.county, extra: MISSING_BOX_COST });
  if (place.city !== place.province)
    forms.push({ text: place.province + place.county, extra: MISSING_BOX_COST });
  // Both lost: only a county's name as long as three characters says which place it is, if any one.
  if (Array.from(place.county).length >= 3) forms.push({ text: place.county, extra: 2 * MISSING_BOX_COST });
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
  alternatives: (readonly { text: string; probability: number }[])[];
}

/** The piece's Chinese characters only: captions' Latin letters and digits are no part of a place. */
function chineseOnly(piece: PlacePiece): Symbols {
  const out: Symbols = { symbols: [], confidences: [], alternatives: [] };
  Array.from(piece.text).forEach((symbol, index) => {
    if (!/[\u4e00-\u9fff]/u.test(symbol)) return;
    out.symbols.push(symbol);
    out.confidences.push(piece.confidences?.[index] ?? 0.9);
    out.alternatives.push(piece.alternatives?.[index] ?? []);
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
      alternatives: chosen.flatMap((piece) => piece.alternatives),
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
      const want = expected[i - 1] ?? "";
      const alternative =
        want === b[j - 1]
          ? undefined
          : read.alternatives[j - 1]?.find(
              (other) => other.text === want && other.probability >= MIN_ALTERNATIVE,
            );
      const plain =
        alternative === undefined
          ? substitutionCost(want, b[j - 1] ?? "")
          : alternativeCost(read.confidences[j - 1] ?? 0.9, alternative.probability);
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

/** The prefixes as arrays of characters, for alignment. */
const PREFIX_SYMBOLS: readonly string[][] = PREFIXES.map((prefix) => Array.from(prefix));
const LONGEST_PREFIX = Math.max(...PREFIX_SYMBOLS.map((symbols) => symbols.length));
/** The prefixes by their first character, and by their second (a place whose first character was misread). */
const BY_FIRST = groupBy(PREFIX_SYMBOLS, 0);
const BY_SECOND = groupBy(PREFIX_SYMBOLS, 1);

function groupBy(prefixes: readonly string[][], at: number): Map<string, string[][]> {
  const groups = new Map<string, string[][]>();
  for (const prefix of prefixes) {
    const key = prefix[at] as string;
    const group = groups.get(key);
    if (group) group.push(prefix);
    else groups.set(key, [prefix]);
  }
  return groups;
}

/** A character as read: its text and, where known, its confidence and the recognizer's other readings of it. */
export interface PlaceSymbol {
  text: string;
  confidence?: number;
  alternatives?: readonly { text: string; probability: number }[];
}

/** What the place a text begins with was read as: the place's characters, each from the read one it replaces. */
export interface PlaceStartFix {
  /** The place's characters; `from` is the read character it keeps or replaces, `undefined` for one put in. */
  symbols: { text: string; from: number | undefined }[];
  /** How many read characters the place takes the room of (characters read in it that are no part of it go). */
  consumed: number;
  /** The edits it took. */
  cost: number;
}

/** An alternative reading below this probability is noise, no evidence. */
export const MIN_ALTERNATIVE = 0.003;
/** A character the recognizer lost (the place's character not read at all) costs a plain edit; its suffix more. */
const LOST_COST = 1;
const LOST_SUFFIX_COST = 2.5;
/** A place other fields of the page name is likelier: its score gains this per field (two at most), and it may take more edits. */
const PREFERRED_BONUS = 0.5;
const PREFERRED_COST_SHARE = 0.34;
/** How much better the chosen place must fit than any other that reads differently. */
const MIN_MARGIN = 0.25;
/** After a place read exactly, what follows may take at most this many edits to be a longer place. */
const MAX_COST_AFTER_EXACT = 1.2;

/**
 * What reading `read` costs where `expected` is printed: nothing when equal; little when `expected` is among the
 * recognizer's other readings of it (less the closer its probability is to the chosen one's), or the two are a
 * known confusion; a plain edit; more for a character read surely; much more for one suffix read as another.
 */
function placeSubstitution(expected: string, read: PlaceSymbol): number {
  if (expected === read.text) return 0;
  if (SUFFIXES.has(expected) && SUFFIXES.has(read.text)) return SUFFIX_SUBSTITUTION;
  const cost = characterSubstitution(expected, read);
  // A suffix where another character was read is as good as one put in: an address may leave it out.
  return SUFFIXES.has(expected) && cost >= 1 ? LOST_SUFFIX_COST : cost;
}

/**
 * What reading `read` where the character `expected` is printed costs, suffixes aside: nothing when equal; little
 * when `expected` is among the recognizer's other readings of it (see {@link alternativeCost}) or the two are a
 * known confusion (below 1); a plain edit (1); more for a character read surely.
 */
export function characterSubstitution(expected: string, read: PlaceSymbol): number {
  if (expected === read.text) return 0;
  const confidence = read.confidence ?? 0.9;
  const alternative = read.alternatives?.find(
    (candidate) => candidate.text === expected && candidate.probability >= MIN_ALTERNATIVE,
  );
  if (alternative !== undefined) return alternativeCost(confidence, alternative.probability);
  const plain = substitutionCost(expected, read.text);
  if (plain < 1) return plain;
  return confidence >= SURE_CONFIDENCE ? SURE_SUBSTITUTION : plain;
}

/**
 * What taking a character's other reading costs: the less, the nearer its probability to the chosen one's (from
 * 0.15 for as likely to 0.8 for a thousandth as likely).
 */
export function alternativeCost(confidence: number, probability: number): number {
  const ratio = Math.max(1, confidence / probability);
  return Math.min(0.8, Math.max(0.15, 0.15 + 0.25 * Math.log10(ratio)));
}

/**
 * The cheapest alignment of a place's characters with the start of the reading (any length of it): substitutions
 * as {@link placeSubstitution}, a place's character lost or a character read in excess as one edit each.
 */
function alignPlaceStart(
  expected: readonly string[],
  read: readonly PlaceSymbol[],
): { cost: number; consumed: number; right: number; symbols: { text: string; from: number | undefined }[] } {
  const columns = Math.min(read.length, expected.length + 2) + 1;
  const lost = (i: number) => (SUFFIXES.has(expected[i] as string) ? LOST_SUFFIX_COST : LOST_COST);
  const table: number[][] = [Array.from({ length: columns }, (_, j) => j)];
  for (let i = 1; i <= expected.length; i++) {
    const above = table[i - 1] as number[];
    const row = [(above[0] as number) + lost(i - 1)];
    for (let j = 1; j < columns; j++) {
      row.push(
        Math.min(
          (above[j - 1] as number) + placeSubstitution(expected[i - 1] as string, read[j - 1] as PlaceSymbol),
          (above[j] as number) + lost(i - 1),
          (row[j - 1] as number) + 1,
        ),
      );
    }
    table.push(row);
  }
  const last = table[expected.length] as number[];
  let consumed = 0;
  for (let j = 1; j < columns; j++) {
    const better = (last[j] as number) < (last[consumed] as number) - 1e-9;
    const asGoodNearer =
      Math.abs((last[j] as number) - (last[consumed] as number)) < 1e-9 &&
      Math.abs(j - expected.length) < Math.abs(consumed - expected.length);
    if (better || asGoodNearer) consumed = j;
  }
  const symbols: { text: string; from: number | undefined }[] = [];
  let right = 0;
  let i = expected.length;
  let j = consumed;
  while (i > 0) {
    const here = table[i]?.[j] as number;
    const want = expected[i - 1] as string;
    if (
      j > 0 &&
      Math.abs(
        here - ((table[i - 1]?.[j - 1] as number) + placeSubstitution(want, read[j - 1] as PlaceSymbol)),
      ) < 1e-9
    ) {
      if (read[j - 1]?.text === want) right++;
      symbols.unshift({ text: want, from: j - 1 });
      i--;
      j--;
    } else if (Math.abs(here - ((table[i - 1]?.[j] as number) + lost(i - 1))) < 1e-9) {
      symbols.unshift({ text: want, from: undefined });
      i--;
    } else j--;
  }
  return { cost: last[consumed] as number, consumed, right, symbols };
}

/**
 * The place a text begins with, read right: where its first characters are, but for a few misread, lost or extra
 * ones, the name of a place of the divisions (`湖南省林洲市攸县…` → `湖南省株洲市攸县…`, `孙只县妇幼保健院` →
 * `孙吴县…`, `河北省保定市水县` → `…涞水县`, `峰城区` with `峄` among its other readings → `峄城区`). A character
 * read surely, and the divisions' suffixes, are kept unless the rest of the name is plain; a suffix alone is never
 * put in (an address may leave it out), nor a province before a text printed without one. A place that other fields
 * of the page name (`preferred`: its forms, see {@link placeForms}) is likelier and may take more edits. Returns
 * `undefined` when no place fits one way only, or the text already begins with a place as long as the fit.
 *
 * @example
 * fixPlaceStart(Array.from("孙只县妇幼保健院", (text) => ({ text })))?.symbols.map((s) => s.text).join(""); // "孙吴县"
 */
export function fixPlaceStart(
  read: readonly PlaceSymbol[],
  preferred: PreferredPlaces = new Map(),
): PlaceStartFix | undefined {
  if (read.length === 0) return undefined;
  let exact = 0;
  for (const prefix of BY_FIRST.get(read[0]?.text ?? "") ?? [])
    if (prefix.length > exact && prefix.every((symbol, index) => read[index]?.text === symbol))
      exact = prefix.length;
  const readings = read.map((symbol) => [
    symbol.text,
    ...(symbol.alternatives ?? [])
      .filter((alternative) => alternative.probability >= MIN_ALTERNATIVE)
      .map((alternative) => alternative.text),
  ]);
  const seen = new Set(readings.slice(0, LONGEST_PREFIX + 2).flat());
  // A place begins at the start: its first character is read first or second (one before it lost or extra), or
  // its second, second or third.
  const worth = new Set<string[]>();
  for (const texts of readings.slice(0, 2))
    for (const text of texts) for (const prefix of BY_FIRST.get(text) ?? []) worth.add(prefix);
  for (const texts of readings.slice(0, 3))
    for (const text of texts) for (const prefix of BY_SECOND.get(text) ?? []) worth.add(prefix);
  const fits: { prefix: string; score: number; fit: ReturnType<typeof alignPlaceStart> }[] = [];
  for (const prefix of worth) {
    const n = prefix.length;
    if (n > read.length + 2) continue;
    let missing = 0;
    for (const symbol of prefix) if (!seen.has(symbol)) missing++;
    if (missing > 3) continue;
    const fit = alignPlaceStart(prefix, read);
    if (fit.cost > n * PREFERRED_COST_SHARE + 0.5) continue;
    const name = prefix.join("");
    const bonus = PREFERRED_BONUS * Math.min(2, preferred.get(name) ?? 0);
    fits.push({ prefix: name, score: n - fit.cost + bonus, fit });
  }
  const acceptable = fits.filter(({ prefix, fit }) => {
    const n = Array.from(prefix).length;
    const allowed = preferred.has(prefix)
      ? n * PREFERRED_COST_SHARE
      : Math.min(exact > 0 ? MAX_COST_AFTER_EXACT : 2, n / 3);
    // A character put in needs the rest of the name read right round it (本市 is no 本溪市 that lost 溪).
    // A suffix is never put in, though the page names the place with it: the address may leave it out.
    if (fit.symbols.some((symbol) => symbol.from === undefined && SUFFIXES.has(symbol.text))) return false;
    const putIn = fit.symbols.some((symbol) => symbol.from === undefined);
    const right = putIn ? Math.max(3, n - 2) : Math.min(3, n - 1);
    return fit.cost <= allowed && fit.right >= right && fit.right >= n / 2;
  });
  const best = acceptable.reduce<(typeof fits)[number] | undefined>(
    (top, candidate) => (top === undefined || candidate.score > top.score ? candidate : top),
    undefined,
  );
  if (best === undefined || best.fit.cost === 0) return undefined;
  const rival = fits.some(
    ({ prefix, score }) =>
      !best.prefix.startsWith(prefix) && !prefix.startsWith(best.prefix) && best.score - score < MIN_MARGIN,
  );
  if (rival || exact >= best.fit.consumed) return undefined;
  return { symbols: best.fit.symbols, consumed: best.fit.consumed, cost: best.fit.cost };
}

/**
 * The forms of the place a text begins with (its longest place prefix), for {@link fixPlaceStart}'s `preferred`:
 * for a county-level place named one way only, its province, city and county in every form an address or hospital
 * may begin with; for a city named one way only, its own forms. Empty when the text begins with no place, or with
 * one that many places share (a county name alone).
 *
 * @example
 * placeForms("郴州市妇幼保健院"); // ["湖南省郴州市", "郴州市"]
 */
export function placeForms(text: string): string[] {
  const compact = text.replace(/\s+/gu, "");
  const whole = PLACES.find((place) => place.text === compact);
  if (whole !== undefined) return formsOf(whole);
  const prefix = PREFIXES.filter((candidate) => compact.startsWith(candidate)).reduce(
    (longest, candidate) => (candidate.length > longest.length ? candidate : longest),
    "",
  );
  if (prefix === "") return [];
  const holding = PLACES.filter((place) => formsOf(place).includes(prefix));
  const counties = new Set(holding.map((place) => place.text));
  if (counties.size === 1 && holding[0] !== undefined) return formsOf(holding[0]);
  const cities = new Set(holding.map((place) => place.province + place.city));
  const first = holding[0];
  if (cities.size !== 1 || first === undefined) return [];
  return formsOf({ ...first, county: "" });
}

/** A place's forms that texts may begin with (those of {@link PREFIXES}). */
function formsOf({ province, city, county }: Place): string[] {
  const own = city === province ? [province + county] : [province + city + county, province + city];
  return [...new Set([...own, city + county, city, county])].filter((form) => Array.from(form).length >= 3);
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

/**
 * The province a text names no province before but begins with a city (prefecture) of, or a municipality's
 * district of (`德州市夏津县…` → `山东省`, `滨海新区…` → `天津市`): the one province whose places begin so, for a
 * caller looking in the pixels for a province's name lost before it. `undefined` when the text begins with a
 * province already, or with no such place, or with one several provinces' places share.
 *
 * @example
 * provinceBefore("遂宁市射洪市太和街道"); // "四川省"
 */
export function provinceBefore(text: string): string | undefined {
  if (PROVINCE_STARTS.some(({ province }) => text.startsWith(province))) return undefined;
  const found = new Set<string>();
  for (const { province, start } of PROVINCE_STARTS) {
    const after = start.slice(province.length);
    if (Array.from(after).length >= 2 && text.startsWith(after)) found.add(province);
  }
  const [only] = found;
  return found.size === 1 ? only : undefined;
}
