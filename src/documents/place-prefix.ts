import type { RecognizedChar, TextLine } from "../types.ts";
import { addressDigits } from "./shared/address-digits.ts";
import { addressStructure, lostEnd } from "./shared/address-structure.ts";
import {
  countyAtStart,
  fixPlaceStart,
  placesBelow,
  type PlaceStartFix,
  type PreferredPlaces,
  restorePlaceStart,
} from "./shared/divisions.ts";
import type { DocumentSpec } from "./shared/field-spec.ts";
import type { PageFrame } from "./shared/page-frame.ts";
import { lineChars } from "./shared/slice-text-line.ts";
import { fixTownshipStart, fixVillageStart, namesTownship, townshipsOf } from "./shared/townships.ts";
import { isUnreadable } from "./shared/unreadable-chars.ts";
import type { ValuePiece } from "./shared/value-pieces.ts";

/** What a character's confidence is taken as where its reading is weighed as not sure. */
const UNSURE_CONFIDENCE = 0.9;
/** What a character replaced by the divisions' spelling keeps of its confidence. */
const FIXED_CONFIDENCE = 0.6;

/**
 * The pieces of a value that begins with a place (an address, a hospital's name) with that place read as the
 * divisions spell it (see `fixPlaceStart`: misread characters replaced, lost ones put back, extra ones dropped),
 * across pieces in reading order, after a province's lost first characters are put back or a stray character
 * before it dropped (see `restorePlaceStart`); a county read surely but wrong put right where its own township
 * follows (see {@link countyByTownship}); then the township after the county read as the divisions spell it (see
 * `fixTownshipStart`), and the township's seat village after it, named for it (see `fixVillageStart`). `preferred`
 * holds the forms of places other fields of the page name. The pieces, their boxes and their order stay.
 */
export function fixPiecesPrefix(
  pieces: readonly ValuePiece[],
  frame: PageFrame,
  preferred: PreferredPlaces = new Map(),
): ValuePiece[] {
  const boxed = pieces.map((piece) => ({ piece, box: frame.box(piece.line.quad) }));
  boxed.sort((a, b) => {
    const sameRow = Math.abs(a.box.centerY - b.box.centerY) < Math.min(a.box.height, b.box.height) * 0.5;
    return sameRow ? a.box.left - b.box.left : a.box.centerY - b.box.centerY;
  });
  const ordered = restoreStart(boxed.map(({ piece }) => piece));
  const chars = ordered.flatMap((piece) => lineChars(piece.line));
  const placed = applyFix(
    ordered,
    fixPlaceStart(chars, preferred) ?? countyByTownship(chars, preferred) ?? countyBeforeTownship(chars),
    0,
  );
  const township = fixTownship(placed);
  const towned = applyFix(placed, township?.fixed, township?.at ?? 0);
  const village = fixVillage(towned);
  return applyFix(towned, village?.fixed, village?.at ?? 0);
}

/**
 * The seat village after the township the pieces name after their county, read as named for the township (see
 * `fixVillageStart`), with where it begins; `undefined` when the pieces name no township or the village fits.
 */
function fixVillage(pieces: readonly ValuePiece[]): { fixed: PlaceStartFix; at: number } | undefined {
  const chars = pieces.flatMap((piece) => lineChars(piece.line));
  const text = chars.map((char) => char.text).join("");
  const county = countyAtStart(text);
  if (county === undefined) return undefined;
  const after = Array.from(text).slice(county.length).join("");
  const township = townshipsOf(county.codes).find((name) => after.startsWith(name));
  if (township === undefined) return undefined;
  const at = county.length + Array.from(township).length;
  const fixed = fixVillageStart(chars.slice(at), township);
  return fixed === undefined ? undefined : { fixed, at };
}

/**
 * The county a reading begins with, read as the divisions spell it though a character of it was read surely (殷都区
 * read 股都区, 淮南市 read 准南市, the print's 鄠 not in the recognizer's dictionary and read 鄂): only where the reading
 * names no county as read, and the place that fits once its characters are not taken as sure (see `fixPlaceStart`)
 * is followed by one of its own townships read exactly, which says which county it is.
 */
function countyByTownship(
  chars: readonly RecognizedChar[],
  preferred: PreferredPlaces,
): PlaceStartFix | undefined {
  const read = chars.map((char) => char.text).join("");
  if (countyAtStart(read) !== undefined || !namesTownship(read)) return undefined;
  const unsure = chars.map((char) => ({ ...char, confidence: Math.min(char.confidence, UNSURE_CONFIDENCE) }));
  const fixed = fixPlaceStart(unsure, preferred);
  if (fixed === undefined) return undefined;
  const text = [...fixed.symbols, ...chars.slice(fixed.consumed)].map((symbol) => symbol.text);
  const county = countyAtStart(text.join(""));
  if (county === undefined || county.length < fixed.symbols.length) return undefined;
  const after = text.slice(county.length).join("");
  return townshipsOf(county.codes).some((name) => after.startsWith(name)) ? fixed : undefined;
}

/** The fewest characters of a township's name (its suffix included) read to say which county it is in. */
const MIN_TOWNSHIP_ANCHOR = 3;
/** A township read exactly with this many characters or more says which county it is by itself. */
const LONG_TOWNSHIP = 4;
/** The fewest characters of the county's name (in order) the reading between must hold, its first among them. */
const MIN_SHARED = 2;
/** How many characters more than the county's name the reading between may hold. */
const MAX_EXTRA_BETWEEN = 2;

/** Where a township was found after a start: how surely (0 read exactly, 1 one character off), and the county's. */
interface TownshipHit {
  rest: string;
  at: number;
  misread: number;
  long: boolean;
}

/**
 * The county between a province or city read exactly and a township read after it, read as the divisions spell it
 * where the county itself was misread beyond {@link countyByTownship}'s reach (a ruling struck through it:
 * `云南省临沧市双江制粘族街湖勐镇` → `…双江拉祜族佤族布朗族傣族自治县勐勐镇`). The township must be one of exactly one
 * county below that start, read exactly (else with one character other than its last misread, or with those the
 * recognizer cannot read lost: see `isUnreadable`), and begin right after the characters read for the county (at
 * least one, at most {@link MAX_EXTRA_BETWEEN} more than its name). Those characters must hold
 * {@link MIN_SHARED} of the county's in order, its first among them (or lost, when the recognizer cannot read it),
 * or, after a township of {@link LONG_TOWNSHIP} characters read exactly, one at least. An address printed without
 * its county (nothing between) is left so. The county's characters not read as printed are put in (see `applyFix`:
 * with at most {@link FIXED_CONFIDENCE}).
 */
function countyBeforeTownship(chars: readonly RecognizedChar[]): PlaceStartFix | undefined {
  const symbols = chars.map((char) => char.text);
  const below = placesBelow(symbols.join(""));
  if (below === undefined) return undefined;
  const hits = [new Map<string, TownshipHit>(), new Map<string, TownshipHit>()];
  for (const { rest, code } of below.places) {
    const last = Math.min(symbols.length, below.length + Array.from(rest).length + MAX_EXTRA_BETWEEN);
    for (const name of townshipsOf([code])) {
      const full = Array.from(name);
      const readable = full.filter((symbol) => !isUnreadable(symbol));
      for (const township of readable.length < full.length ? [full, readable] : [full]) {
        if (township.length < MIN_TOWNSHIP_ANCHOR) continue;
        for (let at = below.length + 1; at <= last; at++) {
          const misread =
            township.filter((symbol, k) => symbols[at + k] !== symbol).length + (township === full ? 0 : 1);
          if (misread > 1 || symbols[at + township.length - 1] !== township[township.length - 1]) continue;
          const own = hits[misread] as Map<string, TownshipHit>;
          const previous = own.get(code);
          const long = misread === 0 && township.length >= LONG_TOWNSHIP;
          if (previous === undefined || previous.at > at) own.set(code, { rest, at, misread, long });
        }
      }
    }
  }
  const taken = (hits[0] as Map<string, TownshipHit>).size > 0 ? hits[0] : hits[1];
  if (taken === undefined || taken.size !== 1) return undefined;
  const [hit] = taken.values();
  if (hit === undefined) return undefined;
  const between = symbols.slice(below.length, hit.at);
  const county = Array.from(hit.rest);
  const aligned = alignNames(county, between);
  const shared = aligned.filter((from, k) => from !== undefined && between[from] === county[k]).length;
  const firstRight =
    between[0] === county[0] || (isUnreadable(county[0] as string) && between[0] === county[1]);
  if (!(shared >= MIN_SHARED && firstRight) && !(hit.long && shared >= 1)) return undefined;
  return {
    symbols: [
      ...symbols.slice(0, below.length).map((text, from) => ({ text, from })),
      ...county.map((text, k) => {
        const from = aligned[k];
        return { text, from: from === undefined ? undefined : below.length + from };
      }),
    ],
    consumed: hit.at,
    cost: county.length - shared,
  };
}

/**
 * The cheapest alignment (plain edit distance) of a name with a reading: for each of the name's characters, the
 * reading's character it was read as (the same or another), or `undefined` where it was lost.
 */
function alignNames(name: readonly string[], read: readonly string[]): (number | undefined)[] {
  const table: number[][] = [];
  for (let i = 0; i <= name.length; i++) {
    const row: number[] = [];
    for (let j = 0; j <= read.length; j++) {
      if (i === 0 || j === 0) row.push(i + j);
      else
        row.push(
          Math.min(
            (table[i - 1]?.[j - 1] as number) + (name[i - 1] === read[j - 1] ? 0 : 1),
            (table[i - 1]?.[j] as number) + 1,
            (row[j - 1] as number) + 1,
          ),
        );
    }
    table.push(row);
  }
  const from: (number | undefined)[] = name.map(() => undefined);
  let i = name.length;
  let j = read.length;
  while (i > 0 && j > 0) {
    const here = table[i]?.[j] as number;
    if (here === (table[i - 1]?.[j - 1] as number) + (name[i - 1] === read[j - 1] ? 0 : 1)) {
      from[i - 1] = j - 1;
      i--;
      j--;
    } else if (here === (table[i - 1]?.[j] as number) + 1) i--;
    else j--;
  }
  return from;
}

/**
 * The township after the county the pieces begin with, read as the divisions spell it (see `countyAtStart`,
 * `fixTownshipStart`), with where it begins; `undefined` when the pieces name no county or the township fits as read.
 */
function fixTownship(pieces: readonly ValuePiece[]): { fixed: PlaceStartFix; at: number } | undefined {
  const chars = pieces.flatMap((piece) => lineChars(piece.line));
  const county = countyAtStart(chars.map((char) => char.text).join(""));
  if (county === undefined) return undefined;
  const fixed = fixTownshipStart(chars.slice(county.length), townshipsOf(county.codes));
  return fixed === undefined ? undefined : { fixed, at: county.length };
}

/**
 * The pieces with the characters from `offset` on that `fixed` covers replaced by its symbols:
 * characters read as others replaced, lost ones put back, extra ones dropped. The pieces, boxes and order stay.
 */
function applyFix(ordered: ValuePiece[], fixed: PlaceStartFix | undefined, offset: number): ValuePiece[] {
  if (fixed === undefined) return ordered;
  const owners = ordered.flatMap((piece, index) => lineChars(piece.line).map(() => index));
  const chars = ordered.flatMap((piece) => lineChars(piece.line));
  const rebuilt: RecognizedChar[][] = ordered.map(() => []);
  chars.forEach((char, index) => {
    if (index < offset) (rebuilt[owners[index] as number] as RecognizedChar[]).push(char);
  });
  fixed.symbols.forEach((symbol, index) => {
    if (symbol.from !== undefined) {
      const char = chars[offset + symbol.from] as RecognizedChar;
      (rebuilt[owners[offset + symbol.from] as number] as RecognizedChar[]).push(
        char.text === symbol.text ? char : replaced(char, symbol.text),
      );
      return;
    }
    // A character put in goes into the piece of the next character read (the last one's, at the end).
    const next = fixed.symbols.slice(index + 1).find((later) => later.from !== undefined)?.from;
    const at = offset + (next ?? Math.min(fixed.consumed, chars.length - offset - 1));
    (rebuilt[owners[at] as number] as RecognizedChar[]).push(...putBack(symbol.text, chars[at]));
  });
  chars.forEach((char, index) => {
    if (index >= offset + fixed.consumed) (rebuilt[owners[index] as number] as RecognizedChar[]).push(char);
  });
  return ordered.flatMap((piece, index) => {
    const own = rebuilt[index] as RecognizedChar[];
    if (own.length === 0) return [];
    const before = lineChars(piece.line);
    if (own.length === before.length && own.every((char, k) => char === before[k])) return [piece];
    const text = own.map((char) => char.text).join("");
    return [{ ...piece, line: { ...piece.line, text, chars: own } }];
  });
}

/** A character read as another of the place's, replaced by the place's with at most {@link FIXED_CONFIDENCE}. */
function replaced(char: RecognizedChar, text: string): RecognizedChar {
  const confidence = Math.min(char.confidence, FIXED_CONFIDENCE);
  return { ...char, text, confidence, alternatives: [{ text, probability: confidence }] };
}

/**
 * The pieces with the first one's province start put right (see `restorePlaceStart`): characters put back get
 * {@link FIXED_CONFIDENCE}; as they were when nothing fits.
 */
function restoreStart(ordered: ValuePiece[]): ValuePiece[] {
  const [first, ...rest] = ordered;
  if (first === undefined) return ordered;
  const own = lineChars(first.line);
  const start = restorePlaceStart(own.map((char) => char.text).join(""));
  if (start === undefined) return ordered;
  const chars = [...putBack(start.added, own[0]), ...own.slice(start.dropped)];
  const text = chars.map((char) => char.text).join("");
  return [{ ...first, line: { ...first.line, text, chars } }, ...rest];
}

/** Characters put back before `next`, where it begins, with {@link FIXED_CONFIDENCE}. */
function putBack(added: string, next: RecognizedChar | undefined): RecognizedChar[] {
  return Array.from(added).map((text) => ({
    text,
    confidence: FIXED_CONFIDENCE,
    start: next?.start ?? 1,
    end: next?.start ?? 1,
    alternatives: [{ text, probability: FIXED_CONFIDENCE }],
  }));
}

/**
 * The pieces of an address: the place it begins with put right (see {@link fixPiecesPrefix}) and letters read among
 * its numbers taken for the digits they stand for (see `addressDigits`).
 */
export function fixAddressPieces(
  pieces: readonly ValuePiece[],
  frame: PageFrame,
  preferred: PreferredPlaces = new Map(),
): ValuePiece[] {
  return fixAddressNumbers(fixPiecesPrefix(pieces, frame, preferred));
}

/**
 * The pieces of an address, in reading order, with letters read among its numbers taken for the digits they stand
 * for (see `addressDigits`) and its house number read as its structure says (see `addressStructure`: a unit word
 * misread between numbers, 村 before a group's number, stray marks after the end left out, a lost 号 after a
 * house number put back: see `lostEnd`), across the pieces. The
 * pieces and their boxes stay; a piece left with no character goes.
 */
export function fixAddressNumbers(ordered: readonly ValuePiece[]): ValuePiece[] {
  const digits = ordered.map((piece) => addressDigits(lineChars(piece.line)));
  const owners = digits.flatMap((chars, index) => chars.map(() => index));
  const fixed = addressStructure(digits.flat());
  const rebuilt: RecognizedChar[][] = ordered.map(() => []);
  fixed.forEach((char, index) => {
    if (char !== undefined) (rebuilt[owners[index] as number] as RecognizedChar[]).push(char);
  });
  const last = rebuilt.findLastIndex((own) => own.length > 0);
  const lost = last < 0 ? undefined : lostEnd(rebuilt.flat());
  if (lost !== undefined) (rebuilt[last] as RecognizedChar[]).push(lost);
  return ordered.flatMap((piece, index) => {
    const own = rebuilt[index] as RecognizedChar[];
    const before = lineChars(piece.line);
    if (own.length === before.length && own.every((char, k) => char === before[k])) return [piece];
    if (own.length === 0) return [];
    const text = own.map((char) => char.text).join("");
    return [{ ...piece, line: { ...piece.line, text, chars: own } }];
  });
}

/** Fills a spec's `regroup`: the fields that hold an address or a place have their pieces put right. */
export function fixPlaceFields(keys: readonly string[]): NonNullable<DocumentSpec["regroup"]> {
  return (assigned, _found, frame) => {
    for (const key of keys) {
      const pieces = assigned.get(key);
      if (pieces) assigned.set(key, fixAddressPieces(pieces, frame));
    }
  };
}

/**
 * Fills a spec's `refineFound`: a value of one of the given fields, found late in its cell alone, read by the
 * field's own repair of its pieces (`fix`: a place's spelling, an address's house number) as one piece.
 */
export function refineFoundPlaces(
  fixes: Readonly<Record<string, (pieces: readonly ValuePiece[], frame: PageFrame) => ValuePiece[]>>,
): NonNullable<DocumentSpec["refineFound"]> {
  return (key: string, line: TextLine, frame: PageFrame) => {
    const fix = fixes[key];
    if (fix === undefined) return undefined;
    return fix([{ line, lineIndex: -1 }], frame).flatMap((piece) => lineChars(piece.line));
  };
}
