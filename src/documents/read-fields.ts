import type { Quad, RecognizedChar, TextLine } from "../types.ts";
import { type Anchor, assignPieces } from "./shared/assign-pieces.ts";
import { type DocumentSpec, labelSpecsOf } from "./shared/field-spec.ts";
import { findLabels, type LabelMatch } from "./shared/label-matcher.ts";
import { type PageFrame, pageFrameOf } from "./shared/page-frame.ts";
import { resolveLabels } from "./shared/resolve-labels.ts";
import { lineChars } from "./shared/slice-text-line.ts";
import { type ValuePiece, valuePieces } from "./shared/value-pieces.ts";

/** What was read for one field, before normalisation. */
export interface FieldReading {
  key: string;
  /** The pieces' text joined in reading order (rows top to bottom, left to right). */
  text: string;
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
  /** How many of the document's labels were found. */
  labelsFound: number;
  frame: PageFrame;
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
export function readFields(lines: readonly TextLine[], spec: DocumentSpec): DocumentReading {
  const frame = pageFrameOf(lines);
  const matches = findLabels(lines, labelSpecsOf(spec));
  const resolved = resolveLabels(spec, matches, frame);
  const anchors: Anchor[] = [...resolved].map(([key, match]) => ({ key, match, box: frame.box(match.quad) }));
  const pieces = valuePieces(lines, matches, spec.titles);
  const kinds = new Map(spec.fields.map((field) => [field.key, field.kind]));
  const assigned = assignPieces(pieces, anchors, frame, (key) => MULTI_LINE_KINDS.has(kinds.get(key) ?? ""));
  const fields = new Map<string, FieldReading>();
  for (const field of spec.fields) {
    const label = resolved.get(field.key);
    const reading = joinPieces(field.key, assigned.get(field.key) ?? [], frame);
    fields.set(field.key, label ? { ...reading, label } : reading);
  }
  return { fields, labelsFound: resolved.size, frame };
}

function joinPieces(key: string, pieces: readonly ValuePiece[], frame: PageFrame): FieldReading {
  const boxed = pieces.map((piece) => ({ piece, box: frame.box(piece.line.quad) }));
  boxed.sort((a, b) => {
    const sameRow = Math.abs(a.box.centerY - b.box.centerY) < Math.min(a.box.height, b.box.height) * 0.5;
    return sameRow ? a.box.left - b.box.left : a.box.centerY - b.box.centerY;
  });
  const chars = boxed.flatMap(({ piece }) => lineChars(piece.line));
  const confidence = chars.length ? chars.reduce((sum, char) => sum + char.confidence, 0) / chars.length : 0;
  return {
    key,
    text: chars.map((char) => char.text).join(""),
    chars,
    quads: boxed.map(({ piece }) => piece.line.quad),
    confidence,
  };
}
