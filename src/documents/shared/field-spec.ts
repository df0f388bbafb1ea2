import type { DocumentType, RecognizedChar, TextLine } from "../../types.ts";
import type { LabelSpec } from "./label-matcher.ts";
import type { PageFrame } from "./page-frame.ts";
import type { ValuePiece } from "./value-pieces.ts";
import type { VocabularyName } from "./vocabularies.ts";

/**
 * How a field's value is read and written (api.md §4):
 * - `text`: free text, white space removed (addresses, employers, `stature`, which keeps what is printed);
 * - `name`: a person's or unit's name, white space removed;
 * - `vocabulary`: a closed vocabulary, corrected when one character off (see `vocabulary`);
 * - `date`: `2012年04月17日`; `birth-time`: `2019年06月26日09时28分`;
 * - `id-number`: 18 characters with upper-case X, or 15 digits as printed;
 * - `digits`: a number printed without unit (户号 `000028901`), leading zeros kept;
 * - `number`: a number whose printed unit is dropped (`3450克` → `3450`);
 * - `gestational-age`: weeks, with days as `+d` (`39⁺³` → `39+3`);
 * - `certificate-number`: one capital letter and nine digits (`T500100391`).
 */
export type ValueKind =
  | "text"
  | "name"
  | "vocabulary"
  | "date"
  | "birth-time"
  | "id-number"
  | "digits"
  | "number"
  | "gestational-age"
  | "certificate-number";

/** One field of a document: its Alibaba key, the labels printed for it, and how its value is written. */
export interface FieldSpec {
  /** The key in `data`, exactly as the Alibaba service spells it. */
  key: string;
  /** Printed Chinese wordings of its label, most common first. */
  labels: readonly string[];
  /** English printed with the label (birth certificate; wordings are unverified, domain.md §2.2). */
  english?: readonly string[];
  kind: ValueKind;
  /** For `vocabulary` fields. */
  vocabulary?: VocabularyName;
  /** Units the value may be printed with, dropped by normalisation (`克`, `g`). */
  units?: readonly string[];
  /** For `number` fields: the plausible values (a parent's age, a newborn's weight); others are doubted. */
  range?: readonly [number, number];
  /**
   * For `number` fields: whether a value in `range` also agrees with the document's other values, each given by
   * `valueAt(key)` as normalised (a newborn's weight with the weeks of gestation); one that does not is doubted.
   */
  plausibleWith?: (value: string, valueAt: (key: string) => string) => boolean;
  /**
   * For dates: the key of the page's date this one cannot precede (a certificate is issued on or after the birth).
   * Used to choose between readings of a date's boxes.
   */
  notBefore?: string;
  /** Preprinted units that follow each box of a value printed in several boxes (出生时间: 年 月 日 时 分). */
  parts?: readonly string[];
  /** Printed only by some provinces or editions: absent is normal, not a failed read. */
  optional?: boolean;
  /** The value is printed under its label rather than to its right (the certificate number's box). */
  valueBelow?: boolean;
  /**
   * The value is printed in one run from just after its label (a register's grid cell): text on the label's row
   * beyond a wide empty stretch (a seal's caption) is not part of it. See `dropDistantPieces`.
   */
  runsFromLabel?: boolean;
  /**
   * The field's values end in a wording of its label (a community's name: 东安社区): a box that ends in that wording
   * after other Chinese characters, with nothing after it, is the value whole, not the label.
   */
  labelEndsValue?: boolean;
  /**
   * For the cells of a person the document may leave out (a father not given): the print code strikes all of them
   * through, `filler` being what it prints in this one (`///`, `//`), and `group` naming the cells struck together.
   */
  struck?: { group: string; filler: string };
  /**
   * For free text: the words such a value ends with when it ends with a set phrase (迁来, 迁入 of a move), put back
   * where one of their characters was read as a known look-alike (适来, 迁米).
   */
  endings?: readonly string[];
  /**
   * For free text: words such a value often is, whole (职业: 工人, 干部, 退休); a reading one unsure or look-alike
   * character away from exactly one of them is taken for it (see `normaliseValue`).
   */
  commonWords?: readonly string[];
}

/** The declarative description of one document type. */
export interface DocumentSpec {
  type: DocumentType;
  /** Printed titles that identify the page (anchors for the template fitter). */
  titles: readonly string[];
  /** Fields in the exact key order of api.md §4 (the order of `data` and `prism_keyValueInfo`). */
  fields: readonly FieldSpec[];
  /**
   * The printed grid, top to bottom: each row lists the keys of the fields whose labels sit on it, left to right;
   * each value sits to the right of its label. Fields whose place varies by province are left out.
   */
  layout: readonly (readonly string[])[];
  /**
   * Other text printed on the form that is never a value: seal captions, units under boxes, checkbox options,
   * English captions that the label matcher does not own. Cut out of value pieces wherever it is read.
   */
  printed?: readonly string[];
  /**
   * A document's own repair of the pieces each field was given by geometry, run before they are joined: `found`
   * holds the fields whose labels were found. For rows whose values say by their kind which cell they belong to.
   */
  /**
   * A page on which fewer fields than this hold anything is taken for a blank form and read as all empty: the form
   * stock's own print (a preprinted serial number) and stray marks are not values.
   */
  blankBelow?: number;
  regroup?: (assigned: Map<string, ValuePiece[]>, found: ReadonlySet<string>, frame: PageFrame) => void;
  /**
   * Reads a value found late, in its cell cut out and read alone (see `findTextInEmptyCells`), as `regroup` reads
   * the field's pieces where it has a rule for it (a place's spelling, an address's house number); `undefined`
   * where it has none. `line` is the value as one line in page coordinates.
   */
  refineFound?: (key: string, line: TextLine, frame: PageFrame) => RecognizedChar[] | undefined;
  /**
   * Keys whose labels are printed left-aligned under each other (a column of the grid), for placing a label the
   * matcher missed (see `inferMissingLabels`). Without it, missing labels are not placed.
   */
  columns?: readonly (readonly string[])[];
}

/**
 * The labels of a document for `findLabels`, one per distinct wording set: fields printed with the same label (the
 * certificate's 年龄 for mother and father) share one, keyed by its first wording; {@link fieldKeysOfLabel} says
 * which fields it may belong to.
 */
export function labelSpecsOf(document: DocumentSpec): LabelSpec[] {
  const byKey = new Map<string, LabelSpec>();
  for (const field of document.fields) {
    const key = field.labels[0];
    if (key === undefined || byKey.has(key)) continue;
    byKey.set(key, { key, variants: field.labels, ...(field.english ? { english: field.english } : {}) });
  }
  return [...byKey.values()];
}

/** The fields, in layout order (top to bottom), whose label is keyed `labelKey` by {@link labelSpecsOf}. */
export function fieldKeysOfLabel(document: DocumentSpec, labelKey: string): string[] {
  const order = document.layout.flat();
  return document.fields
    .filter((field) => field.labels[0] === labelKey)
    .map((field) => field.key)
    .sort((a, b) => rank(order, a) - rank(order, b));
}

function rank(order: readonly string[], key: string): number {
  const index = order.indexOf(key);
  return index === -1 ? order.length : index;
}
