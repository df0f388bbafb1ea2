import type { Quad, RecognizedChar, TextLine } from "../types.ts";
import { type Anchor, assignPieces } from "./shared/assign-pieces.ts";
import { isBoxCaption } from "./shared/box-caption.ts";
import { dropDistantPieces } from "./shared/drop-distant-pieces.ts";
import { dropPiecesBeforeLabels } from "./shared/drop-pieces-before-labels.ts";
import { withoutDuplicatePieces } from "./shared/duplicate-pieces.ts";
import { type DocumentSpec, labelSpecsOf } from "./shared/field-spec.ts";
import { inferMissingLabels } from "./shared/infer-missing-labels.ts";
import { isOfficerKey, withoutTextAfterName } from "./shared/name-pieces.ts";
import { SEPARATOR } from "./shared/label-candidates.ts";
import { findLabels, type LabelMatch, type LabelSpec } from "./shared/label-matcher.ts";
import { type PageBox, type PageFrame, pageFrameOf } from "./shared/page-frame.ts";
import { resolveLabels, valueLikeMatches } from "./shared/resolve-labels.ts";
import { lineChars, sliceTextLine } from "./shared/slice-text-line.ts";
import { stackWrappedLabels } from "./shared/stack-wrapped-labels.ts";
import { type ValuePiece, valuePieces } from "./shared/value-pieces.ts";
import { VOCABULARIES } from "./shared/vocabularies.ts";

/** What was read for one field, before normalisation. */
export interface FieldReading {
  key: string;
  /** The pieces' text joined in reading order (rows top to bottom, left to right), a space between pieces. */
  text: string;
  /** Each piece's text, in that order (the boxes of a value printed in several). */
  pieceTexts: string[];
  chars: RecognizedChar[];
  /** The pieces' boxes, in the lines' pixels. */
  quads: Quad[];
  /** Mean character confidence (0–1); 0 when nothing was read. */
  confidence: number;
  /** Where the field's label was found, if it was. */
  label?: LabelMatch;
}

/** A document read into fields, with the evidence used. */
export interface DocumentReading {
  fields: Map<string, FieldReading>;
  /** How many of the document's labels were found (read, or read garbled where the grid puts them). */
  labelsFound: number;
  frame: PageFrame;
  /**
   * Where the grid places the labels not found and read nowhere (see `inferMissingLabels`), by key: the cells of
   * such fields can still be cut out and read on their own.
   */
  placedLabels?: ReadonlyMap<string, PageBox>;
  /** Set when the page is a form never filled in (see `DocumentSpec.blankBelow`): every field was emptied. */
  blank?: boolean;
  /** Fields whose cell showed a Chinese character that gave no value: their empty answer is not sure. */
  unreadInk?: ReadonlySet<string>;
  /**
   * Set on a page taken for a blank form although a value cell other than the stock's serial number read a run of
   * digits (a year, an ID number): values stood there that the detector found too little of (faint ink), so the
   * emptied fields are not surely blank.
   */
  inked?: boolean;
}

const MULTI_LINE_KINDS = new Set(["text", "name"]);

/**
 * Reads a document's fields from its recognised lines: finds the printed labels, cuts the lines into value pieces,
 * gives each piece to the field whose cell it sits in, and joins each field's pieces. Pure: geometry only.
 *
 * @example
 * const reading = readFields(lines, HOUSEHOLD_RESIDENT_SPEC);
 * reading.fields.get("name")?.text; // "张三"
 */
export function readFields(recognised: readonly TextLine[], spec: DocumentSpec): DocumentReading {
  const frame = pageFrameOf(recognised);
  const labelSpecs = labelSpecsOf(spec);
  const lines = stackWrappedLabels(recognised, labelSpecs, frame);
  const isValue = vocabularyWordsOf(spec);
  const matches = findLabels(lines, [...labelSpecs, ...decoysOf(spec)]).filter(
    (match) =>
      !(match.key.startsWith(DECOY_PREFIX) && isValue(matchedText(match))) && !isInsideValue(match, isValue),
  );
  const resolved = resolveLabels(spec, matches, frame);
  const valueLike = valueLikeMatches(matches, resolved);
  const labels = matches.filter((match) => !valueLike.has(match));
  const inferred = inferMissingLabels(spec, lines, labels, resolved, frame, isValue);
  for (const { key, match } of inferred.labels) if (!resolved.has(key)) resolved.set(key, match);
  const labelsFound = resolved.size;
  const anchors: Anchor[] = [
    ...[...resolved].map(([key, match]) => ({ key, match, box: frame.box(match.quad) })),
    ...inferred.labels
      .filter(({ key, match }) => resolved.get(key) !== match)
      .map(({ key, match }) => ({ key, match, box: frame.box(match.quad) })),
    ...inferred.anchors,
  ];
  const cut = [...labels, ...inferred.labels.map(({ match }) => match)];
  const captions = [...spec.fields.flatMap((field) => field.english ?? []), ...(spec.printed ?? [])].filter(
    (word) => /[A-Za-z]/u.test(word),
  );
  const pieces = valuePieces(lines, cut, spec.titles, spec.printed, isValue, captions);
  const fieldsByKey = new Map(spec.fields.map((field) => [field.key, field]));
  const assigned = assignPieces(pieces, anchors, frame, {
    multiLine: (key) => MULTI_LINE_KINDS.has(fieldsByKey.get(key)?.kind ?? ""),
    valueBelow: (key) => fieldsByKey.get(key)?.valueBelow === true,
  });
  spec.regroup?.(assigned, new Set(resolved.keys()), frame);
  dropDistantPieces(assigned, anchors, frame, (key) => fieldsByKey.get(key)?.runsFromLabel === true);
  dropPiecesBeforeLabels(assigned, anchors, frame, (key) => fieldsByKey.get(key)?.valueBelow === true);
  const fields = new Map<string, FieldReading>();
  for (const field of spec.fields) {
    const label = resolved.get(field.key);
    // A boxed value's preprinted units and captions (周 after its box, 省 Province under it) are not part of it.
    const cell = (assigned.get(field.key) ?? []).filter((piece) => !isBoxCaption(piece.line.text, field));
    // A person's name takes no text read after it that makes it too long for a name (another cell's, a smear).
    const person = field.kind === "name" && !isOfficerKey(field.key);
    const pieces = person ? withoutTextAfterName(cell, frame) : cell;
    const boxedDate = field.parts !== undefined && (field.kind === "date" || field.kind === "birth-time");
    const reading = joinPieces(field.key, pieces, frame, boxedDate);
    fields.set(field.key, label ? { ...reading, label } : reading);
  }
  recoverValuesEndingInLabels(spec, fields, frame);
  recoverByPattern(spec, lines, fields);
  const inked = spec.blankBelow !== undefined && holdsValueDigits(spec, fields);
  const blank = isBlankForm(spec, fields);
  const placed = inferred.anchors.filter(({ key }) => !resolved.has(key));
  const placedLabels = new Map(placed.map(({ key, box }) => [key, box]));
  return {
    fields,
    labelsFound,
    frame,
    ...(placedLabels.size > 0 ? { placedLabels } : {}),
    ...(blank ? { blank } : {}),
    ...(blank && inked ? { inked } : {}),
  };
}

/** Digits in a row that no blank stock prints in a value cell: a year, a weight, part of an ID number. */
const VALUE_DIGITS = /\d{4}/u;

/**
 * Whether a value cell other than the form's preprinted serial number (`certificate-number`) read a run of
 * {@link VALUE_DIGITS}: ink of a value, not the stock's print or a stray mark (those read as a stray character).
 */
function holdsValueDigits(spec: DocumentSpec, fields: ReadonlyMap<string, FieldReading>): boolean {
  return spec.fields.some(
    (field) => field.kind !== "certificate-number" && VALUE_DIGITS.test(fields.get(field.key)?.text ?? ""),
  );
}

/**
 * A form printed but never filled in: fewer of its fields hold anything than the document's `blankBelow`. What was
 * read there is the stock's own print (a preprinted serial number, a stray mark), so every field is emptied.
 */
function isBlankForm(spec: DocumentSpec, fields: Map<string, FieldReading>): boolean {
  if (spec.blankBelow === undefined) return false;
  const filled = [...fields.values()].filter((reading) => reading.text.trim() !== "").length;
  if (filled >= spec.blankBelow) return false;
  for (const [key, reading] of fields) {
    fields.set(key, { ...reading, text: "", pieceTexts: [], chars: [], quads: [], confidence: 0 });
  }
  return true;
}

/**
 * Fills a still-empty field whose values end in its label's wording (see `FieldSpec.labelEndsValue`) from the box
 * its label was found at the end of, after two or more other Chinese characters: `东安社区`, where the label printed
 * letter-spaced (社　区) was read too garbled to match, is the community's name, not 社区 with nothing after it. A box
 * another field took part of is left alone.
 */
function recoverValuesEndingInLabels(
  spec: DocumentSpec,
  fields: Map<string, FieldReading>,
  frame: PageFrame,
): void {
  for (const field of spec.fields) {
    const reading = fields.get(field.key);
    const label = reading?.label;
    if (!field.labelEndsValue || reading === undefined || label === undefined || reading.text.trim() !== "")
      continue;
    if (label.english || label.joined !== undefined || label.atLineStart) continue;
    const chars = lineChars(label.line);
    const after = chars.slice(label.end).filter((char) => !SEPARATOR.test(char.text));
    const before = chars.slice(0, label.start).filter((char) => !SEPARATOR.test(char.text));
    if (after.length > 0 || before.length < 2 || !before.every((char) => HAN_CHAR.test(char.text))) continue;
    const box = frame.box(label.line.quad);
    const taken = [...fields.values()].some(
      (other) => other.key !== field.key && other.quads.some((quad) => overlapsBox(frame.box(quad), box)),
    );
    if (taken) continue;
    const value = chars.filter((char) => !SEPARATOR.test(char.text));
    const text = value.map((char) => char.text).join("");
    fields.set(field.key, {
      ...reading,
      text,
      pieceTexts: [text],
      chars: value,
      quads: [label.line.quad],
      confidence: value.reduce((sum, char) => sum + char.confidence, 0) / value.length,
    });
  }
}

const HAN_CHAR = /^\p{Script=Han}$/u;

function overlapsBox(a: PageBox, b: PageBox): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** Values so strictly formed that they are recognised anywhere on the page: one capital letter and nine digits. */
const PATTERNS: Partial<Record<string, RegExp>> = { certificateNumber: /[A-Z]\d{9}(?!\d)/u };

/**
 * Fills a still-empty field whose value has an unmistakable form from the text of any line (the certificate number
 * read into the issue date's line when the detector merged them).
 */
function recoverByPattern(
  spec: DocumentSpec,
  lines: readonly TextLine[],
  fields: Map<string, FieldReading>,
): void {
  for (const field of spec.fields) {
    const pattern = PATTERNS[field.key];
    const reading = fields.get(field.key);
    if (!pattern || !reading || reading.text.trim() !== "") continue;
    for (const line of lines) {
      const chars = lineChars(line);
      const match = pattern.exec(chars.map((char) => char.text).join(""));
      if (!match) continue;
      const found = sliceTextLine(line, match.index, match.index + match[0].length);
      if (!found) continue;
      fields.set(field.key, {
        ...reading,
        text: found.text,
        pieceTexts: [found.text],
        chars: lineChars(found),
        quads: [found.quad],
        confidence: found.confidence,
      });
      break;
    }
  }
}

/** Prefix of the keys of {@link decoysOf}. */
export const DECOY_PREFIX = "printed:";

/**
 * The form's other printed words (titles, captions, checkbox options) as labels of no field: they compete with
 * the real labels for the text they cover, so a title (出生医学证明) is not taken for a near label
 * (出生医学证明编号), nor a caption (有效身份证件类别) for a longer fuzzy match of a label (有效身份证件号码).
 */
function decoysOf(spec: DocumentSpec): LabelSpec[] {
  const words = [...spec.titles, ...(spec.printed ?? [])].filter((word) => /[\u4e00-\u9fff]/u.test(word));
  return words
    .filter((word) => Array.from(word).length >= 3)
    .map((word) => ({ key: `${DECOY_PREFIX}${word}`, variants: [word] }));
}

/** Whether a text is, exactly, an entry of one of the document's vocabularies (户别 居民户口, not the title). */
function vocabularyWordsOf(spec: DocumentSpec): (text: string) => boolean {
  const words = new Set(
    spec.fields.flatMap((field) => (field.vocabulary ? VOCABULARIES[field.vocabulary].entries : [])),
  );
  return (text) => words.has(text);
}

/**
 * A label's wording inside a box that reads, whole, as a vocabulary entry holding it (the 宗教信仰 of 无宗教信仰, the
 * 婚姻状况 of 未说明的婚姻状况): the box is a value, not a label with a value beside it.
 */
function isInsideValue(match: LabelMatch, isValue: (text: string) => boolean): boolean {
  if (match.joined !== undefined) return false;
  const whole = match.line.text.replace(/\s+/gu, "");
  return whole !== matchedText(match) && isValue(whole);
}

/** The boxes of a boxed value are on one row where their middles are less than this many heights apart. */
const BOXES_ROW_SHARE = 1.5;

function matchedText(match: LabelMatch): string {
  return lineChars(match.line)
    .slice(match.start, match.end)
    .map((char) => char.text)
    .join("")
    .replace(/\s+/gu, "");
}

/**
 * A field's pieces in reading order (a box the detector found twice counted once): along a row, rows top to bottom. The boxes of a value printed in boxes on one
 * row (a date's 年 月 日 时 分) stand in a row even where their numbers were printed a line's height off it.
 */
function joinPieces(
  key: string,
  pieces: readonly ValuePiece[],
  frame: PageFrame,
  boxes: boolean,
): FieldReading {
  const boxed = withoutDuplicatePieces(
    pieces.map((piece) => ({ piece, text: piece.line.text, box: frame.box(piece.line.quad) })),
  );
  const rowShare = boxes ? BOXES_ROW_SHARE : 0.5;
  boxed.sort((a, b) => {
    const sameRow = Math.abs(a.box.centerY - b.box.centerY) < Math.min(a.box.height, b.box.height) * rowShare;
    return sameRow ? a.box.left - b.box.left : a.box.centerY - b.box.centerY;
  });
  const chars = boxed.flatMap(({ piece }) => lineChars(piece.line));
  const confidence = chars.length ? chars.reduce((sum, char) => sum + char.confidence, 0) / chars.length : 0;
  const pieceTexts = boxed.map(({ piece }) => piece.line.text);
  return {
    key,
    text: pieceTexts.join(" "),
    pieceTexts,
    chars,
    quads: boxed.map(({ piece }) => piece.line.quad),
    confidence,
  };
}
