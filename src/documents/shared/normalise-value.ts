import type { RecognizedChar } from "../../types.ts";
import { areConfusable } from "./confusable-chars.ts";
import { correctToVocabulary } from "./correct-to-vocabulary.ts";
import {
  cleanDigits,
  formatDate,
  isPlausibleDate,
  normaliseBirthTime,
  parseDate,
  repairDate,
} from "./dates.ts";
import type { FieldSpec, ValueKind } from "./field-spec.ts";
import { isValidIdNumber, isValidIdNumber18, lookalikeToDigit, normaliseIdNumber } from "./id-number.ts";
import { redecodeIdNumber } from "./redecode-id-number.ts";
import { completeIdNumber, completeOldIdNumber } from "./complete-id-number.ts";
import { isNameCharacter, preferNameCharacter } from "./name-characters.ts";
import { isCommonSurname, isCompoundSurname, preferSurname } from "./surnames.ts";
import { VOCABULARIES } from "./vocabularies.ts";

/** A value written the service's way (api.md §4). */
export interface NormalisedValue {
  value: string;
  /** Multiplier (0–1) for the reading's own confidence: below 1 where the rules doubt or had to repair it. */
  confidence: number;
  /** Whether the value passes its kind's rules (a real date, a valid ID number, a vocabulary entry …). */
  valid: boolean;
}

type Normaliser = (text: string, field: FieldSpec, chars?: readonly RecognizedChar[]) => NormalisedValue;

const ACCEPTED = (value: string): NormalisedValue => ({ value, confidence: 1, valid: true });
const DOUBTED = (value: string, confidence: number): NormalisedValue => ({ value, confidence, valid: false });
const SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";
/** Units the printed forms carry, besides those a field declares. */
const COMMON_UNITS = ["厘米", "公分", "cm", "CM", "克", "g", "G", "岁", "周", "周岁"];

/** Text a label left behind: separators before or after the value. */
function trimSeparators(text: string): string {
  return text.replace(/^[:：,，、.．·_]+|[:：,，、·_]+$/gu, "");
}

/** What a digit value is worth when a letter was read in it and taken for a digit. */
const LETTER_AS_DIGIT = 0.8;
/** A letter's digit alternative is taken when the recognizer gave it at least this probability. */
const MIN_DIGIT_ALTERNATIVE = 0.01;
const LATIN_LETTER = /^[A-Za-z]$/u;

/**
 * A Latin letter read where only digits belong as the digit the recognizer found likeliest for it, else as it was
 * read: a 3 with a ruling through its left tips reads B (3 at 0.26, 8 at 0.05), which the look-alike table alone
 * would make 8. Other symbols stay as read.
 */
function letterAsReadDigit(char: RecognizedChar): string {
  if (!LATIN_LETTER.test(char.text)) return char.text;
  const digits = (char.alternatives ?? []).filter(
    (alternative) => /^\d$/u.test(alternative.text) && alternative.probability >= MIN_DIGIT_ALTERNATIVE,
  );
  const best = digits.reduce<(typeof digits)[number] | undefined>(
    (a, b) => (a === undefined || b.probability > a.probability ? b : a),
    undefined,
  );
  return best?.text ?? char.text;
}

/** Every symbol as a digit where only digits belong (户号 `OOO028901`). */
function asDigits(text: string): string {
  return Array.from(cleanDigits(text)).map(lookalikeToDigit).join("");
}

function normaliseDateValue(text: string): NormalisedValue {
  const date = parseDate(text);
  if (date === undefined) {
    const repaired = repairDate(text);
    return repaired === undefined
      ? DOUBTED(text, 0.5)
      : { value: formatDate(repaired.date), confidence: 0.75, valid: true };
  }
  return isPlausibleDate(date) ? ACCEPTED(formatDate(date)) : DOUBTED(formatDate(date), 0.7);
}

function normaliseBirthTimeValue(text: string): NormalisedValue {
  const value = normaliseBirthTime(text);
  return value === undefined ? DOUBTED(text, 0.5) : ACCEPTED(value);
}

/** Below this mean character confidence a reading that is no entry of its vocabulary is no value at all. */
const UNSURE_UNKNOWN = 0.3;

function meanConfidence(chars: readonly RecognizedChar[]): number {
  return chars.length === 0 ? 0 : chars.reduce((sum, char) => sum + char.confidence, 0) / chars.length;
}

function normaliseVocabularyValue(
  text: string,
  field: FieldSpec,
  chars?: readonly RecognizedChar[],
): NormalisedValue {
  if (field.vocabulary === undefined) return ACCEPTED(text);
  // The recognizer reads the letter O of O型 as a zero (field-notes.md); no other blood group starts with a digit.
  const read = field.vocabulary === "bloodGroup" ? text.replace(/^[0〇oＯ]型$/u, "O型") : text;
  const correction = correctToVocabulary(
    read,
    VOCABULARIES[field.vocabulary],
    read === text ? chars : undefined,
  );
  if (correction.status === "unknown" && isForeignTo(read, VOCABULARIES[field.vocabulary].entries)) {
    // Digits or letters that no entry contains (155 under 兵役状况, 8 under 血型): a neighbour's or a mark's
    // text, not a value of this field. Nothing is invented.
    return { value: "", confidence: 1, valid: false };
  }
  if (correction.status === "unknown" && chars !== undefined && meanConfidence(chars) < UNSURE_UNKNOWN) {
    // Neither an entry nor near one, and read with hardly any certainty: a smear or a stray label's remnant.
    return { value: "", confidence: 1, valid: false };
  }
  return {
    value: correction.value,
    confidence: correction.confidence,
    valid: correction.status === "exact" || correction.status === "corrected",
  };
}

/**
 * The number at the start or the end of a reading that ran on into the next cell or began in the one before (`…3161`
 * followed by 身高's `9高`, or by the stature `171`): its first or its last 18 characters, when exactly one of them
 * is a valid number.
 */
function numberBesideText(read: string): string | undefined {
  const symbols = Array.from(read);
  if (symbols.length <= 18) return undefined;
  const ends = [symbols.slice(0, 18).join(""), symbols.slice(-18).join("")].filter(isValidIdNumber18);
  return ends.length === 1 ? ends[0] : undefined;
}

/** The one run of 15–18 digits (an X last) in a reading that holds other symbols too, by symbol index. */
function numberRun(text: string): { text: string; start: number; end: number } | undefined {
  const symbols = Array.from(text);
  // Bounded: a longer run of digits (19, a ruling read as 1) is a number to re-decode whole, not to cut.
  const runs = [
    ...symbols.join("").matchAll(/(?<![0-9０-９])[0-9０-９]{14,17}[0-9０-９Xx×]?(?![0-9０-９Xx×])/gu),
  ];
  if (runs.length !== 1 || runs[0] === undefined) return undefined;
  const start = Array.from(text.slice(0, runs[0].index)).length;
  const end = start + Array.from(runs[0][0]).length;
  return { text: runs[0][0], start, end };
}

/** Whether a reading has no Chinese and shares no character with any entry of a vocabulary. */
function isForeignTo(read: string, entries: readonly string[]): boolean {
  if (/\p{Script=Han}/u.test(read)) return false;
  const characters = new Set(entries.flatMap((entry) => Array.from(entry)));
  return Array.from(read).every((symbol) => !characters.has(symbol));
}

function normaliseIdValue(
  text: string,
  _field: FieldSpec,
  chars?: readonly RecognizedChar[],
): NormalisedValue {
  const run = numberRun(text);
  if (run !== undefined && run.text !== text) {
    // The number read together with print round it (a misread caption before it, a stray mark after it).
    const inner = normaliseIdValue(run.text, _field, chars?.slice(run.start, run.end));
    return { ...inner, confidence: inner.confidence * 0.9 };
  }
  const read = normaliseIdNumber(text);
  if (isValidIdNumber(read)) return ACCEPTED(read);
  const redecoded = chars === undefined ? undefined : redecodeIdNumber(chars);
  if (redecoded !== undefined) {
    // A character put back or dropped is a bolder repair than a swap for the recognizer's own second choice, and a
    // repair to a region code the current divisions do not list is less sure than one to a current county.
    return {
      value: redecoded.value,
      confidence:
        (redecoded.edit === "substitution" ? 0.85 : 0.7) * (redecoded.region === "county" ? 1 : 0.9),
      valid: true,
    };
  }
  const completed = completeIdNumber(read) ?? completeOldIdNumber(read);
  if (completed !== undefined) return { value: completed, confidence: 0.6, valid: true };
  const beside = numberBesideText(read);
  if (beside !== undefined) return { value: beside, confidence: 0.8, valid: true };
  // Passports and other documents the certificate allows are not ID numbers; they stay as read.
  return DOUBTED(read, read.length === 18 || read.length === 15 ? 0.6 : 0.8);
}

function normaliseDigitsValue(
  text: string,
  _field: FieldSpec,
  chars?: readonly RecognizedChar[],
): NormalisedValue {
  const digits = asDigits(chars === undefined ? text : chars.map(letterAsReadDigit).join(""));
  if (!/^\d+$/u.test(digits)) return DOUBTED(digits, 0.7);
  // A letter read where a digit belongs was a digit the recognizer was unsure of: the value is not sure either.
  return /[A-Za-z]/u.test(text)
    ? { value: digits, confidence: LETTER_AS_DIGIT, valid: true }
    : ACCEPTED(digits);
}

function stripUnits(text: string, field: FieldSpec): string {
  let value = text;
  for (const unit of [...(field.units ?? []), ...COMMON_UNITS].sort((a, b) => b.length - a.length)) {
    if (value.endsWith(unit)) value = value.slice(0, -unit.length);
  }
  return value;
}

function normaliseNumberValue(text: string, field: FieldSpec): NormalisedValue {
  // A bracket or stroke of the box read before the number (`[28`) is not part of it, nor a zero before it (`026`: a
  // ruling read as 0; no measure is printed with leading zeros).
  const number = asDigits(stripUnits(text, field))
    .replace(/^[[(（【|:：.,，'"]+(?=\d)/u, "")
    .replace(/^0+(?=\d)/u, "");
  if (/^\d+(\.\d+)?$/u.test(number)) return inRange(number, field) ? ACCEPTED(number) : DOUBTED(number, 0.7);
  // A neighbour's value read into the same box (年龄 "28中国" when 国籍 was not found): keep the leading number.
  const leading = /^(\d+(?:\.\d+)?)(?=\D)/u.exec(number);
  return leading?.[1] ? DOUBTED(leading[1], 0.8) : DOUBTED(stripUnits(text, field), 0.6);
}

/** Whether a number lies in its field's plausible range, when the field has one. */
function inRange(number: string, field: FieldSpec): boolean {
  if (field.range === undefined) return true;
  const [low, high] = field.range;
  return Number(number) >= low && Number(number) <= high;
}

/** Weeks, with days as `+d`: 39⁺³, 39+3, 39周+3天, 39周3天 → 39+3; a lost superscript (393) too, more doubtfully. */
function normaliseGestationalAge(text: string, field: FieldSpec): NormalisedValue {
  const plain = Array.from(text)
    .map((symbol) => (SUPERSCRIPT.includes(symbol) ? String(SUPERSCRIPT.indexOf(symbol)) : symbol))
    .join("")
    .replace(/[⁺＋]/gu, "+")
    // The small raised `+` of the days is read as the letter or character it looks like (`29t0`, `38十4`), and a
    // day 0 as the letter O.
    .replace(
      /(?<=^\D*\d{2}\s*)[tTfF十](\s*)([0-6oO])(?=\s*周?\s*$)/u,
      (_, gap: string, day: string) => `+${gap}${/\d/u.test(day) ? day : "0"}`,
    );
  // Marks round the number (a dot, the box's stroke, a stray character after it) are not part of it.
  const cleaned = cleanDigits(stripUnits(plain.replace(/[天日d]$/u, ""), field))
    .replace(/^[^\d]+(?=\d)/u, "")
    .replace(/(?<=\d)[^\d周]+$/u, "");
  const match = /^(\d{2})(?:周?\+|周)(\d)$/u.exec(cleaned) ?? /^(\d{2})()$/u.exec(cleaned);
  const merged = match === null ? /^(\d{2})([0-6])$/u.exec(cleaned) : null;
  // A neighbour's number read after it (`37+547`): the weeks and days are taken, but doubted.
  const inside = match === null && merged === null ? /^(\d{2})\+(\d)/u.exec(cleaned) : null;
  const [, weeks = "", days = ""] = match ?? merged ?? inside ?? [];
  const plausible = Number(weeks) >= 20 && Number(weeks) <= 45 && (days === "" || Number(days) <= 6);
  if (weeks === "" || !plausible) return DOUBTED(cleaned, 0.6);
  const value = days === "" ? weeks : `${weeks}+${days}`;
  if (inside !== null) return DOUBTED(value, 0.7);
  return merged === null ? ACCEPTED(value) : { value, confidence: 0.8, valid: true };
}

function normaliseCertificateNumber(text: string): NormalisedValue {
  const symbols = Array.from(cleanDigits(text).toUpperCase());
  const [first = "", ...rest] = symbols;
  const digits = rest.map(lookalikeToDigit).join("");
  const value = (first === "0" ? "O" : first) + digits;
  if (/^[A-Z]\d{9}$/u.test(value)) return ACCEPTED(value);
  // The letter read as the digit it looks like (`5356837108` for S356837108), before nine digits.
  const letter = DIGIT_AS_LETTER[first];
  if (letter !== undefined && /^\d{9}$/u.test(digits))
    return { value: letter + digits, confidence: 0.8, valid: true };
  // A stray mark read before the number (`FX360376935`): the number is its last ten characters.
  const ending = /[A-Z]\d{9}$/u.exec(value)?.[0];
  if (ending !== undefined) return { value: ending, confidence: 0.8, valid: true };
  return DOUBTED(value, 0.7);
}

/** Digits a certificate number's capital letter is read as: only those that stand for one letter alone. */
const DIGIT_AS_LETTER: Readonly<Record<string, string>> = { "5": "S", "2": "Z", "8": "B", "6": "G" };

/**
 * Free text as printed; a set phrase it ends with (see `FieldSpec.endings`) read with one character swapped for a
 * known look-alike (由湖南省长沙县适来) is put back, the value doubted a little.
 */
function normaliseText(text: string, field: FieldSpec, chars?: readonly RecognizedChar[]): NormalisedValue {
  const trimmed = trimSeparators(text);
  const symbols = Array.from(trimmed);
  const common = commonWordFor(trimmed, field.commonWords ?? [], trimmed === text ? chars : undefined);
  if (common !== undefined) return { value: common, confidence: COMMON_WORD_CONFIDENCE, valid: true };
  for (const ending of field.endings ?? []) {
    const word = Array.from(ending);
    const tail = symbols.slice(-word.length);
    if (tail.length !== word.length || symbols.length === word.length) continue;
    const swapped = word.filter((char, index) => char !== tail[index]);
    if (swapped.length !== 1 || !word.every((char, index) => areConfusable(char, tail[index] ?? "")))
      continue;
    return { value: symbols.slice(0, -word.length).join("") + ending, confidence: 0.9, valid: true };
  }
  return ACCEPTED(trimmed);
}

/** What a free-text value put right to one of its field's common words keeps of its confidence. */
const COMMON_WORD_CONFIDENCE = 0.85;
/** A character read less surely than this may be a common word's character misread. */
const UNSURE_CHAR = 0.9;
/** An alternative this probable at a character's place counts as evidence for the word that has it there. */
const ALTERNATIVE_EVIDENCE = 0.01;

/**
 * The one common word of a free-text field (职业: 干部, 工人, 退休) that a reading misses by one character only, where
 * that character was read unsurely, is a known look-alike of the word's, or had the word's among its alternatives
 * (开部, 千部 for 干部; 退体 for 退休). A reading that is a common word, or near none or several, stays as read.
 */
function commonWordFor(
  read: string,
  words: readonly string[],
  chars: readonly RecognizedChar[] | undefined,
): string | undefined {
  if (words.length === 0 || words.includes(read)) return undefined;
  const symbols = Array.from(read);
  const aligned = chars !== undefined && chars.length === symbols.length ? chars : undefined;
  const near = words.filter((word) => {
    const target = Array.from(word);
    if (target.length !== symbols.length || target.length < 2) return false;
    const differing = target.flatMap((char, index) => (char === symbols[index] ? [] : [index]));
    const at = differing[0];
    if (differing.length !== 1 || at === undefined) return false;
    const wanted = target[at] as string;
    const char = aligned?.[at];
    if (areConfusable(wanted, symbols[at] ?? "")) return true;
    if (char === undefined) return false;
    const alternative = char.alternatives.find((option) => option.text === wanted)?.probability ?? 0;
    return char.confidence < UNSURE_CHAR || alternative >= ALTERNATIVE_EVIDENCE;
  });
  return near.length === 1 ? near[0] : undefined;
}

/**
 * What a name written in Chinese characters never holds: Latin letters, digits, punctuation and symbols other than
 * the separator `·` of a transliterated name (and its look-alikes).
 */
const NOT_IN_A_CHINESE_NAME = /[A-Za-z0-9０-９Ａ-Ｚａ-ｚ]|(?![·•・])[\p{P}\p{S}]/gu;

/**
 * A Chinese name never holds Latin letters or digits: where the name is written in Chinese characters, such symbols
 * are a caption's remnant (`Mother's Name` read as `R`) or a neighbour's digit, and are dropped, as are punctuation
 * and symbols (a signature's gap read as `：`, a ruling's corner read as `」`; the name's own separator `·` stays),
 * unless the first of them is a surname misread (see {@link surnameForMark}). A name has letters (Chinese, or
 * several Latin ones): digits and marks alone, or one Latin letter, are a stray reading, left blank, and so is a word
 * of the forms' vocabularies.
 */
function normaliseName(text: string, _field: FieldSpec, chars?: readonly RecognizedChar[]): NormalisedValue {
  const marked = chars === undefined ? undefined : surnameForMark(chars);
  if (marked !== undefined) {
    const named = normaliseName(marked.map((char) => char.text).join(""), _field, marked);
    return { ...named, confidence: named.confidence * SURNAME_FROM_MARK_DOUBT };
  }
  const trimmed = trimSeparators(text);
  if (!/\p{L}/u.test(trimmed)) return { value: "", confidence: 1, valid: false };
  // One Latin letter (D, a speck or a caption's remnant) is no name: a name in Latin letters has several.
  if (!/[\u3400-\u9fff]/u.test(trimmed) && (trimmed.match(/\p{L}/gu) ?? []).length < 2)
    return { value: "", confidence: 1, valid: false };
  const chinese = trimmed.match(/[\u4e00-\u9fff]/gu) ?? [];
  if (chinese.length < 2) return ACCEPTED(trimmed);
  const cleaned = trimSeparators(trimmed.replace(NOT_IN_A_CHINESE_NAME, ""));
  // A word of the forms' vocabularies (中国, 汉族, 户主) is a neighbouring cell's value, not a name.
  if (FORM_WORDS.has(cleaned)) return { value: "", confidence: 1, valid: false };
  const named = cleaned === trimmed ? ACCEPTED(trimmed) : { value: cleaned, confidence: 0.9, valid: true };
  return withNamePriors(named, chars);
}

/** The entries of the forms' vocabularies of two characters or more: words that are values of other cells. */
const FORM_WORDS = new Set(
  Object.values(VOCABULARIES).flatMap((vocabulary) =>
    vocabulary.entries.filter((entry) => Array.from(entry).length >= 2),
  ),
);

/** A surname read as a mark is taken from the mark's alternatives only when at least this likely there. */
const MIN_SURNAME_FROM_MARK = 0.01;
/** What a surname taken from a mark's alternatives leaves of the name's confidence. */
const SURNAME_FROM_MARK_DOUBT = 0.6;

/**
 * A Chinese name whose first character was read as a Latin letter, a digit or a mark (卜 as `H`, 丁 as `J`) with a
 * common surname among its alternatives, while the Chinese characters after it begin with no surname and are all
 * characters given names hold (`H保国`): the mark is the surname, misread, and takes that alternative (its own
 * probability as its confidence). Undefined when the name is not so read.
 */
function surnameForMark(chars: readonly RecognizedChar[]): RecognizedChar[] | undefined {
  const [first, ...rest] = chars;
  if (first === undefined || HAN_CHAR.test(first.text) || first.text.trim() === "" || first.text === "·")
    return undefined;
  if (rest.length === 0 || !rest.every((char) => HAN_CHAR.test(char.text) && isNameCharacter(char.text)))
    return undefined;
  if (isCommonSurname((rest[0] as RecognizedChar).text) || isCompoundSurname(rest)) return undefined;
  const surname = first.alternatives.find(
    (alternative) => isCommonSurname(alternative.text) && alternative.probability >= MIN_SURNAME_FROM_MARK,
  );
  if (surname === undefined) return undefined;
  return [{ ...first, text: surname.text, confidence: surname.probability }, ...rest];
}

/**
 * A Chinese name (not a transliterated one, whose parts are joined by `·`) re-read with what names are made of:
 * a first character read as no common surname takes the alternative reading that is one where the surname prior
 * makes it the likelier, and a later character names seldom hold takes an alternative that they often do likewise.
 * The value's confidence falls by the ratio of the readings' probabilities.
 */
function withNamePriors(named: NormalisedValue, chars?: readonly RecognizedChar[]): NormalisedValue {
  if (chars === undefined || named.value.includes("·")) return named;
  const han = chars.filter((char) => HAN_CHAR.test(char.text));
  if (han.length < 2 || han.map((char) => char.text).join("") !== named.value) return named;
  const chosen = [...han];
  const surname = preferSurname(han);
  if (surname !== undefined) chosen[0] = surname;
  const givenFrom = isCompoundSurname(han) ? 2 : 1;
  for (let i = givenFrom; i < chosen.length; i++) {
    const better = preferNameCharacter(chosen[i] as RecognizedChar);
    if (better !== undefined) chosen[i] = better;
  }
  const ratio = chosen.reduce(
    (product, char, i) =>
      product * Math.min(1, char.confidence / Math.max((han[i] as RecognizedChar).confidence, 1e-6)),
    1,
  );
  if (ratio === 1 && chosen.every((char, i) => char.text === han[i]?.text)) return named;
  return { ...named, value: chosen.map((char) => char.text).join(""), confidence: named.confidence * ratio };
}

const HAN_CHAR = /^[\u3400-\u4dbf\u4e00-\u9fff]$/u;

/**
 * Strokes read in the cell of a person not given (domain.md §2.2) are the print code's filler: kept as printed when
 * read as it (or, for an ethnicity, as the single `/` of an ethnicity not given), else written as the filler, doubted.
 */
function normaliseStrokes(text: string, field: FieldSpec, filler: string): NormalisedValue {
  const strokes = text.replace(/／/gu, "/");
  if (strokes === filler || (field.vocabulary === "ethnicity" && strokes === "/")) return ACCEPTED(strokes);
  return { value: filler, confidence: 0.8, valid: true };
}

const NORMALISERS: Readonly<Record<ValueKind, Normaliser>> = {
  text: normaliseText,
  name: normaliseName,
  vocabulary: normaliseVocabularyValue,
  date: normaliseDateValue,
  "birth-time": normaliseBirthTimeValue,
  "id-number": normaliseIdValue,
  digits: normaliseDigitsValue,
  number: normaliseNumberValue,
  "gestational-age": normaliseGestationalAge,
  "certificate-number": normaliseCertificateNumber,
};

/**
 * Writes a read value the service's way for its field (api.md §4): white space removed; dates `2012年04月17日`;
 * birth time `2019年06月26日09时28分`; units dropped where the seeds drop them (3450克 → 3450, 50厘米 → 50,
 * 39周 → 39, 39⁺³ → 39+3, 33岁 → 33) while 身高 keeps what is printed; ID numbers with upper-case X, re-decoded
 * from the character alternatives when invalid; vocabularies corrected when one character off (0型 → O型).
 * A blank value stays blank: nothing is invented.
 *
 * @param chars the recognised characters of the value, for re-decoding against alternatives
 * @example
 * normaliseValue("3450 克", BIRTH_CERTIFICATE_SPEC.fields[4]); // { value: "3450", confidence: 1, valid: true }
 */
export function normaliseValue(
  raw: string,
  field: FieldSpec,
  chars?: readonly RecognizedChar[],
): NormalisedValue {
  const text = raw.replace(/\s+/gu, "");
  if (text === "") return ACCEPTED("");
  if (field.struck !== undefined && /^[/／]+$/u.test(text))
    return normaliseStrokes(text, field, field.struck.filler);
  const spelled = chars?.filter((char) => char.text.trim() !== "");
  const aligned =
    spelled !== undefined && spelled.map((char) => char.text).join("") === text ? spelled : undefined;
  return NORMALISERS[field.kind](text, field, aligned);
}

/**
 * Whether a normalised value is no answer at all and is better given as "": a number with no digit (a seal's 助, a
 * unit's 米 read alone; the print code's fillers `//` and `未提供` stay), or a date or birth time whose digits are
 * mixed with what no date holds (`PO20UC36356769`, a neighbour's number; `品18日`, a seal's characters). Partial
 * dates (`2018`, `2016年`) and words in a date's cell (`无迁移`) are answers. Only for the final result: the re-read
 * steps judge readings by `normaliseValue` alone.
 *
 * @example
 * isNoAnswer("助", "number"); // true
 */
export function isNoAnswer(value: string, kind: FieldSpec["kind"]): boolean {
  if (value === "") return false;
  if (kind === "number") return !/\d/u.test(value) && !NUMBER_FILLER.test(value);
  if (kind === "date" || kind === "birth-time") return /\d/u.test(value) && !DATE_SYMBOLS.test(value);
  return false;
}

/** What a number cell may hold instead of a number: the print code's fillers (`//`, `未提供`). */
const NUMBER_FILLER = /^(未提供|[/／]+)$/u;
/** The symbols a printed date is made of: digits, the units, separators and white space. */
const DATE_SYMBOLS = /^[\d\s年月日时分点号.\-/:：．·]*$/u;
