import { readFileSync } from "node:fs";
import { characterSubstitution, type PlaceStartFix, type PlaceSymbol } from "./divisions.ts";
import { isUnreadable, UNREADABLE_COST } from "./unreadable-chars.ts";

/**
 * The township-level names (乡, 镇, 街道, 苏木, …) of each county-level place by its 6-digit code (NBS 2023
 * 统计用区划代码, public data; `data/townships.json`, built by scripts/build-townships.ts), read when first needed.
 */
let townships: Readonly<Record<string, string>> | undefined;
/** The names of the counties looked up so far, split. */
const split = new Map<string, readonly string[]>();

/**
 * The township names of the county-level places with these codes (one place, or the places a county name shared by
 * several may be), each once.
 *
 * @example
 * townshipsOf(["430212"]); // ["渌口镇", "南洲镇", …]
 */
export function townshipsOf(codes: readonly string[]): string[] {
  townships ??= JSON.parse(readFileSync(new URL("./data/townships.json", import.meta.url), "utf8")) as Record<
    string,
    string
  >;
  const names = new Set<string>();
  for (const code of codes) {
    let own = split.get(code);
    if (own === undefined) {
      own = (townships[code] ?? "").split(",").filter((name) => name !== "");
      split.set(code, own);
    }
    for (const name of own) names.add(name);
  }
  return [...names];
}

/** Every township name of the divisions, and the most characters one has, built when first needed. */
let allNames: { names: ReadonlySet<string>; longest: number } | undefined;
/** How far into a text a township may begin: after a province, prefecture and county named in full. */
const MAX_TOWNSHIP_START = 24;

/**
 * Whether a township name of the divisions (of any county) begins in the text after its first two characters, as
 * it does after a county's name: a cheap test before looking for which county a reading names.
 *
 * @example
 * namesTownship("河南省安阳市股都区铁西路街道工业路"); // true: 铁西路街道
 */
export function namesTownship(text: string): boolean {
  if (allNames === undefined) {
    townshipsOf([]);
    const names = new Set<string>();
    for (const joined of Object.values(townships ?? {}))
      for (const name of joined.split(",")) names.add(name);
    let longest = 0;
    for (const name of names) longest = Math.max(longest, Array.from(name).length);
    allNames = { names, longest };
  }
  const symbols = Array.from(text);
  for (let start = 2; start < Math.min(symbols.length - 1, MAX_TOWNSHIP_START); start++)
    for (let end = start + 2; end <= Math.min(symbols.length, start + allNames.longest); end++)
      if (allNames.names.has(symbols.slice(start, end).join(""))) return true;
  return false;
}

/**
 * The most a township's fit may cost: one plain edit; or two edits, at least one of them among the recognizer's
 * other readings or a known confusion, in a name of {@link LONG_NAME} characters or more.
 */
const MAX_COST = 1;
const MAX_COST_TWO_EDITS = 1.6;
const LONG_NAME = 3;
/** How much better the chosen township must fit than any other. */
const MIN_MARGIN = 0.5;

/** An other reading of a name's last character this likely anchors the name as well as the character itself. */
const MIN_ANCHOR_ALTERNATIVE = 0.02;

/** Whether the character read may be the last of a name: read as it, or with it among its likelier other readings. */
function endsName(read: PlaceSymbol | undefined, last: string): boolean {
  if (read === undefined) return false;
  if (read.text === last) return true;
  return (read.alternatives ?? []).some(
    (alternative) => alternative.text === last && alternative.probability >= MIN_ANCHOR_ALTERNATIVE,
  );
}

interface TownshipFit {
  name: string;
  cost: number;
  /** Characters not read as printed: changed, lost or extra. */
  edits: number;
  consumed: number;
  symbols: { text: string; from: number | undefined }[];
}

/**
 * The cheapest alignment of a township's name with the start of the reading, its last character read as printed
 * or among its likelier other readings (the suffix 镇, 乡, 道 anchors it: a misread name keeps its place in the
 * address), or `undefined`.
 */
function align(name: readonly string[], read: readonly PlaceSymbol[]): TownshipFit | undefined {
  const n = name.length;
  const columns = Math.min(read.length, n + 2) + 1;
  const table: number[][] = [Array.from({ length: columns }, (_, j) => j)];
  for (let i = 1; i <= n; i++) {
    const above = table[i - 1] as number[];
    const row = [(above[0] as number) + 1];
    for (let j = 1; j < columns; j++)
      row.push(
        Math.min(
          (above[j - 1] as number) + characterSubstitution(name[i - 1] as string, read[j - 1] as PlaceSymbol),
          (above[j] as number) + 1,
          (row[j - 1] as number) + 1,
        ),
      );
    table.push(row);
  }
  // The name ends where its last character is read as printed.
  let best: TownshipFit | undefined;
  for (let consumed = 1; consumed < columns; consumed++) {
    if (!endsName(read[consumed - 1], name[n - 1] as string)) continue;
    const cost = (table[n]?.[consumed] as number) ?? Number.POSITIVE_INFINITY;
    if (best !== undefined && cost >= best.cost - 1e-9) continue;
    const symbols: { text: string; from: number | undefined }[] = [];
    let edits = 0;
    let i = n;
    let j = consumed;
    while (i > 0) {
      const here = table[i]?.[j] as number;
      const want = name[i - 1] as string;
      const step = j > 0 ? characterSubstitution(want, read[j - 1] as PlaceSymbol) : Number.POSITIVE_INFINITY;
      if (j > 0 && Math.abs(here - ((table[i - 1]?.[j - 1] as number) + step)) < 1e-9) {
        if (step > 0) edits++;
        symbols.unshift({ text: want, from: j - 1 });
        i--;
        j--;
      } else if (Math.abs(here - ((table[i - 1]?.[j] as number) + 1)) < 1e-9) {
        edits++;
        symbols.unshift({ text: want, from: undefined });
        i--;
      } else {
        edits++;
        j--;
      }
    }
    edits += j;
    best = { name: name.join(""), cost, edits, consumed, symbols };
  }
  return best;
}

/** Whether a fit is close enough to take: one plain edit, or two with one of them as good as read (see {@link MAX_COST}). */
function fits(fit: TownshipFit): boolean {
  const n = Array.from(fit.name).length;
  if (fit.edits <= 1) return fit.cost <= MAX_COST + 1e-9;
  return fit.edits === 2 && n >= LONG_NAME && fit.cost <= MAX_COST_TWO_EDITS + 1e-9;
}

/**
 * The fit of a township whose name the reading begins with exactly but for the characters of it the recognizer
 * cannot read (see `isUnreadable`), each lost or read as one other character (`龙镇` for 廻龙镇), at
 * {@link UNREADABLE_COST} each; `undefined` when the name has no such character or the reading differs elsewhere.
 */
function unreadableFit(name: readonly string[], read: readonly PlaceSymbol[]): TownshipFit | undefined {
  if (!name.some(isUnreadable)) return undefined;
  const symbols: { text: string; from: number | undefined }[] = [];
  const match = (i: number, j: number): number | undefined => {
    if (i === name.length) return j;
    const want = name[i] as string;
    if (!isUnreadable(want)) {
      if (read[j]?.text !== want) return undefined;
      symbols.push({ text: want, from: j });
      const end = match(i + 1, j + 1);
      if (end === undefined) symbols.pop();
      return end;
    }
    // Read as another character first, then lost.
    for (const step of read[j] === undefined ? [0] : [1, 0]) {
      symbols.push({ text: want, from: step === 1 ? j : undefined });
      const end = match(i + 1, j + step);
      if (end !== undefined) return end;
      symbols.pop();
    }
    return undefined;
  };
  const consumed = match(0, 0);
  if (consumed === undefined || consumed === 0) return undefined;
  const cost = name.filter(isUnreadable).length * UNREADABLE_COST;
  return { name: name.join(""), cost, edits: 0, consumed, symbols };
}

/**
 * The township a reading begins with (the characters after its county), read as the divisions spell it: one of
 * `names` (the county's townships, see {@link townshipsOf}) within one lost, extra or changed character of the start
 * of the reading, or two in a name of three or more where one is among the recognizer's other readings (a character
 * among them, or a known confusion, costs less; one read surely costs more); its last character (镇, 乡, 道) read
 * as printed or among its likelier other readings; or one read exactly but for a character the recognizer cannot
 * read (see {@link unreadableFit}). `undefined` when the reading already begins with one of the
 * names, when none fits, or when another fits about as well: a township that is not there is never put in.
 *
 * @example
 * fixTownshipStart(Array.from("龙镇东风路", (text) => ({ text })), ["廻龙镇", "佗城镇"])?.symbols.map((s) => s.text).join(""); // "廻龙镇"
 */
export function fixTownshipStart(
  read: readonly PlaceSymbol[],
  names: readonly string[],
): PlaceStartFix | undefined {
  if (read.length === 0 || names.length === 0) return undefined;
  const text = read.map((symbol) => symbol.text).join("");
  if (names.some((name) => text.startsWith(name))) return undefined;
  const all: TownshipFit[] = [];
  for (const name of names) {
    const fit = align(Array.from(name), read);
    if (fit !== undefined) all.push(fit);
  }
  const unread = names.flatMap((name) => unreadableFit(Array.from(name), read) ?? []);
  if (unread.length > 1) return undefined;
  const taken = (unread.length === 1 ? unread : all.filter(fits)).sort((a, b) => a.cost - b.cost);
  const best = taken[0];
  if (best === undefined) return undefined;
  if (all.some((other) => other !== best && other.name !== best.name && other.cost - best.cost < MIN_MARGIN))
    return undefined;
  return { symbols: best.symbols, consumed: best.consumed, cost: best.cost };
}

/** The endings of a township's name that its seat village's name does not repeat. */
const TOWNSHIP_SUFFIX = /(镇|乡|街道|苏木)$/u;
/** A character read at least this surely is not taken for an extra one in a village's name. */
const MAX_EXTRA_CONFIDENCE = 0.9;
/** The fewest characters a township's name root must have for a village to be read by it. */
const MIN_ROOT = 2;

/**
 * The village a reading begins with (the characters after its township) read as the township's seat village,
 * named for it (刘岗镇刘岗村, 龚垭镇龚垭村): the township's name without its suffix, then 村, where the reading is
 * that but for one character read unsurely in excess, or misread with the right one among its other readings or a
 * known confusion (`安纯沟扩门村` → `安纯沟门村`); 村 itself read as printed or among its likelier other readings. A
 * character read plainly as another (龚家村) is another village and stays; a character is never put in, since a
 * village may be named for part of its township (北杨集镇杨集村), and a township named for its village (廖家村镇)
 * has no seat village to read. `undefined` when the reading begins with the seat village already, or with no
 * village near it.
 *
 * @example
 * const read = Array.from("安纯沟扩门村7组", (text, i) => ({ text, confidence: i === 3 ? 0.6 : 1 }));
 * fixVillageStart(read, "安纯沟门镇")?.symbols.map((s) => s.text).join(""); // "安纯沟门村"
 */
export function fixVillageStart(read: readonly PlaceSymbol[], township: string): PlaceStartFix | undefined {
  const root = township.replace(TOWNSHIP_SUFFIX, "");
  // 廖家村镇's village is 廖家村 itself, not 廖家村村.
  if (root === township || Array.from(root).length < MIN_ROOT || root.endsWith("村")) return undefined;
  const name = Array.from(`${root}村`);
  if (
    read
      .map((symbol) => symbol.text)
      .join("")
      .startsWith(name.join(""))
  )
    return undefined;
  const fit = align(name, read);
  if (fit === undefined || fit.edits > 1 || fit.cost > MAX_COST + 1e-9) return undefined;
  // A character is never put in: a village may be named for part of its township (北杨集镇杨集村, 龚垭镇龚村).
  if (fit.symbols.some((symbol) => symbol.from === undefined)) return undefined;
  const plain = fit.symbols.some(
    (symbol) =>
      symbol.from !== undefined && characterSubstitution(symbol.text, read[symbol.from] as PlaceSymbol) >= 1,
  );
  // A character read surely is no extra one: 刘岗新村 is another village.
  const kept = new Set(fit.symbols.map((symbol) => symbol.from));
  const sureExtra = read
    .slice(0, fit.consumed)
    .some((symbol, index) => !kept.has(index) && (symbol.confidence ?? 1) >= MAX_EXTRA_CONFIDENCE);
  return plain || sureExtra ? undefined : { symbols: fit.symbols, consumed: fit.consumed, cost: fit.cost };
}
