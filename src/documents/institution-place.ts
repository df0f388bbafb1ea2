import type { RecognizedChar, TextLine } from "../types.ts";
import { inReadingOrder } from "./institution-name.ts";
import { substitutionCost } from "./shared/confusable-chars.ts";
import { placeNamed } from "./shared/divisions.ts";
import type { PageFrame } from "./shared/page-frame.ts";
import { lineChars } from "./shared/slice-text-line.ts";
import type { ValuePiece } from "./shared/value-pieces.ts";

/** What a character put in from the birth place keeps of its confidence. */
const FIXED_CONFIDENCE = 0.6;
/** What a character read with at least this confidence costs to be replaced: more than a plain edit. */
const SURE_CONFIDENCE = 0.97;
const SURE_SUBSTITUTION = 1.6;
/** Suffixes of place names: one read for another names another place, so it is never replaced. */
const SUFFIXES: ReadonlySet<string> = new Set(Array.from("省市县区旗州盟"));
/** At most this many characters read before the place (a seal's remnant `★`, `诚`) are dropped, and only before it read exactly. */
const MAX_LEADING = 4;
/** How an institution's name goes on after its place: 人民医院, 第一人民医院, 中医院, 妇幼保健院, 卫生院, … */
const NAME_GOES_ON = /^(人民|第|中心|中医|中西医|妇|儿童|医院|卫生|保健|计划生育)/u;
const NAME_END = /(院|中心)$/u;

/**
 * The pieces of a medical institution's name (医疗机构名称, 签发机构) with the place it begins with read as the
 * certificate's own 出生地点 names it: the institution is where the child was born, so its name begins, as a rule,
 * with that place's county, city or province (`沭阳县妇幼保健院` in 江苏省宿迁市沭阳县). A name whose first characters
 * are one of those places but for a few edits gets the place's spelling (`沐阳县` → `沭阳县`, `滨海区` → `滨海新区`,
 * `驻马马店市` → `驻马店市`, `明市` → `三明市`); a name that begins with a few characters before a place it holds
 * exactly loses them (the seal stamped over 签发机构 read as `★`, `诚`). Only where the name goes on like an
 * institution's after the place (its suffix read, or 人民医院, 妇幼保健院, …) and ends like one. Otherwise, and
 * when `birthPlace` is no place of the divisions, the pieces are returned as they are.
 */
export function fixInstitutionPlace(
  pieces: readonly ValuePiece[],
  birthPlace: string,
  frame: PageFrame,
): ValuePiece[] {
  const place = placeNamed(birthPlace.replace(/\s+/gu, ""));
  if (place === undefined || pieces.length === 0) return [...pieces];
  const ordered = inReadingOrder(pieces, frame);
  const chars = ordered.flatMap((piece) => lineChars(piece.line)).filter((char) => char.text.trim() !== "");
  const names = [...new Set([place.county, place.city, place.province])].filter((name) => name !== "");
  const placed = bestFix(chars, names) ?? chars;
  const fixed = fixKind(placed, names) ?? (placed === chars ? undefined : placed);
  if (fixed === undefined) return [...pieces];
  const first = ordered[0] as ValuePiece;
  const last = ordered[ordered.length - 1] as ValuePiece;
  const sameRow = ordered.every(
    (piece) =>
      Math.abs(frame.box(piece.line.quad).centerY - frame.box(first.line.quad).centerY) <
      frame.box(first.line.quad).height * 0.5,
  );
  const count = fixed.length;
  const spread = fixed.map((char, index) => ({ ...char, start: index / count, end: (index + 1) / count }));
  const line: TextLine = {
    text: spread.map((char) => char.text).join(""),
    confidence: spread.reduce((sum, char) => sum + char.confidence, 0) / count,
    quad: sameRow
      ? [first.line.quad[0], last.line.quad[1], last.line.quad[2], first.line.quad[3]]
      : first.line.quad,
    detectionScore: first.line.detectionScore,
    chars: spread,
  };
  return [{ line, lineIndex: first.lineIndex }];
}

/**
 * The characters with the best-fitting place name put in at their start, or `undefined` when none fits within its
 * allowance of edits or the name already begins with one of them.
 */
export function bestFix(
  chars: readonly RecognizedChar[],
  names: readonly string[],
): RecognizedChar[] | undefined {
  const read = chars.map((char) => char.text);
  const text = read.join("");
  if (!NAME_END.test(text)) return undefined;
  // A name that begins with one of the places read exactly has its place right (what follows is for fixKind).
  if (names.some((name) => text.startsWith(name))) return undefined;
  let best: { cost: number; chars: RecognizedChar[] } | undefined;
  for (const name of names) {
    const expected = Array.from(name);
    const suffix = expected[expected.length - 1] as string;
    const allowance = expected.length <= 3 ? 1 : expected.length <= 6 ? 2 : 3;
    for (let skip = 0; skip <= MAX_LEADING && skip < read.length; skip++) {
      // What is dropped must not be a place of its own (宿迁市 before 沭阳县).
      if (skip > 0 && SUFFIXES.has(read[skip - 1] as string)) continue;
      for (let end = skip + 1; end < read.length && end <= skip + expected.length + 2; end++) {
        const rest = read.slice(end).join("");
        const endsLikePlace = read[end - 1] === suffix;
        // Without its suffix at its end, the place lost it (and holds none): `台州市幼` is no reading of 台州市.
        if (!endsLikePlace && (!NAME_GOES_ON.test(rest) || read.slice(skip, end).includes(suffix))) continue;
        const aligned = alignName(expected, chars.slice(skip, end));
        const cost = aligned.cost;
        if (cost > allowance || (skip > 0 && cost > 0)) continue;
        if (cost === 0 && skip === 0) continue;
        const total = cost + skip * 0.5;
        if (best !== undefined && best.cost <= total) continue;
        best = { cost: total, chars: [...aligned.chars, ...chars.slice(end)] };
      }
    }
    // The place lost whole but for its suffix (`县人民医院`): put back before it.
    if (read[0] === suffix && expected.length > 1 && NAME_GOES_ON.test(read.slice(1).join(""))) {
      const lost = expected.length - 1;
      if (best === undefined || best.cost > lost) {
        best = { cost: lost, chars: [...alignName(expected, chars.slice(0, 1)).chars, ...chars.slice(1)] };
      }
    }
  }
  if (best === undefined) return undefined;
  const fixedText = best.chars.map((char) => char.text).join("");
  return fixedText === text ? undefined : best.chars;
}

/**
 * What an institution that delivers children is, after its place: the kinds of hospital and health centre whose
 * names the certificate prints (人民医院, 第一人民医院, 中医院, 妇幼保健院, 卫生院, …).
 */
const KINDS: readonly string[] = [
  "医院",
  "人民医院",
  ...Array.from("一二三四五六七八九十", (n) => `第${n}人民医院`),
  ...Array.from("一二三四五六七八九十", (n) => `第${n}医院`),
  "中心医院",
  "中医院",
  "中医医院",
  "中西医结合医院",
  "妇幼保健院",
  "妇幼保健医院",
  "妇幼保健计划生育服务中心",
  "妇产医院",
  "妇产科医院",
  "妇女儿童医院",
  "妇女儿童医疗中心",
  "妇婴医院",
  "儿童医院",
  "卫生院",
  "中心卫生院",
  "人民医院分院",
  "社区卫生服务中心",
];

/**
 * The characters with what follows the place they begin with (one of `names`, read exactly) put right where it is
 * one edit from exactly one kind of institution (`妇纺保健院`, `幼保健院` → `妇幼保健院`; `中小医院` → `中心医院`) and
 * is none as read; a character read surely is not replaced. `undefined` when nothing changes.
 */
export function fixKind(
  chars: readonly RecognizedChar[],
  names: readonly string[],
): RecognizedChar[] | undefined {
  const text = chars.map((char) => char.text).join("");
  const place = names
    .filter((name) => text.startsWith(name))
    .reduce((longest, name) => (name.length > longest.length ? name : longest), "");
  if (place === "") return undefined;
  const at = Array.from(place).length;
  const rest = chars.slice(at);
  const restText = rest.map((char) => char.text).join("");
  if (rest.length < 2 || KINDS.includes(restText)) return undefined;
  // The nearest, and among as near ones, one as long as read (a character misread is likelier than one read twice).
  const rank = (kind: string, cost: number) => cost + (Array.from(kind).length === rest.length ? 0 : 0.1);
  const near = KINDS.map((kind) => {
    const aligned = alignName(Array.from(kind), rest);
    return { aligned, rank: rank(kind, aligned.cost) };
  }).filter(({ aligned }) => aligned.cost <= 1);
  const top = Math.min(...near.map(({ rank }) => rank));
  const best = near.filter(({ rank }) => rank === top);
  const only = best[0];
  if (only === undefined || best.length > 1) return undefined;
  return [...chars.slice(0, at), ...only.aligned.chars];
}

/**
 * The place's characters aligned with the characters read for it (least edits; a sure character, or a suffix read
 * as another, costs more to replace): characters read as printed keep their reading, the others take the place's
 * spelling at {@link FIXED_CONFIDENCE}.
 */
function alignName(
  expected: readonly string[],
  read: readonly RecognizedChar[],
): { cost: number; chars: RecognizedChar[] } {
  const rows = expected.length + 1;
  const columns = read.length + 1;
  const cost: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: columns }, (__, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const replace = (i: number, j: number): number => {
    const want = expected[i] as string;
    const got = read[j] as RecognizedChar;
    if (want === got.text) return 0;
    if (SUFFIXES.has(want) && SUFFIXES.has(got.text)) return 4;
    return got.confidence >= SURE_CONFIDENCE ? SURE_SUBSTITUTION : substitutionCost(want, got.text);
  };
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < columns; j++) {
      const row = cost[i] as number[];
      const above = cost[i - 1] as number[];
      row[j] = Math.min(
        (above[j - 1] as number) + replace(i - 1, j - 1),
        (above[j] as number) + 1,
        (row[j - 1] as number) + 1,
      );
    }
  }
  const chars: RecognizedChar[] = [];
  let i = expected.length;
  let j = read.length;
  while (i > 0) {
    const here = cost[i]?.[j] as number;
    if (j > 0 && here === (cost[i - 1]?.[j - 1] as number) + replace(i - 1, j - 1)) {
      const got = read[j - 1] as RecognizedChar;
      chars.unshift(
        got.text === expected[i - 1] ? got : putIn(expected[i - 1] as string, got.confidence, got),
      );
      i--;
      j--;
    } else if (j > 0 && here === (cost[i]?.[j - 1] as number) + 1) {
      j--;
    } else {
      chars.unshift(putIn(expected[i - 1] as string, FIXED_CONFIDENCE, read[Math.min(j, read.length - 1)]));
      i--;
    }
  }
  return { cost: cost[expected.length]?.[read.length] as number, chars };
}

function putIn(text: string, confidence: number, near: RecognizedChar | undefined): RecognizedChar {
  const kept = Math.min(confidence, FIXED_CONFIDENCE);
  return {
    text,
    confidence: kept,
    start: near?.start ?? 0,
    end: near?.end ?? 0,
    alternatives: [{ text, probability: kept }],
  };
}
