import type { DocumentType, KeyValueInfo, RecognitionResult, TextLine } from "../../src/types.ts";
import { BASELINE_FIELD_LABELS, type BaselineFieldLabel } from "./baseline-labels.ts";
import { stripValue } from "./compare-values.ts";

/** A value the baseline found, with the OCR line it came from. */
export interface NaiveValue {
  value: string;
  line?: TextLine;
}

interface PlacedLine {
  text: string;
  line: TextLine;
  left: number;
  right: number;
  top: number;
  bottom: number;
  centerY: number;
}

interface LabelHit {
  line: PlacedLine;
  end: number;
}

function place(line: TextLine): PlacedLine {
  const xs = line.quad.map((point) => point.x);
  const ys = line.quad.map((point) => point.y);
  const top = Math.min(...ys);
  const bottom = Math.max(...ys);
  const left = Math.min(...xs);
  const right = Math.max(...xs);
  return { text: stripValue(line.text), line, left, right, top, bottom, centerY: (top + bottom) / 2 };
}

// Every occurrence of the field's labels in reading order (lines top to bottom, then left to right).
function findLabel(lines: readonly PlacedLine[], field: BaselineFieldLabel): LabelHit[] {
  const hits: LabelHit[] = [];
  for (const line of lines) {
    const found = field.labels
      .map((label) => ({ start: line.text.indexOf(label), end: line.text.indexOf(label) + label.length }))
      .filter((hit) => hit.start >= 0)
      .sort((a, b) => a.start - b.start || b.end - a.end);
    let after = -1;
    for (const hit of found) {
      if (hit.start < after) continue;
      hits.push({ line, end: hit.end });
      after = hit.end;
    }
  }
  return hits;
}

// Cuts a value where the next known label begins, so "户别家庭户户主姓名张三" gives "家庭户" for 户别.
function cutAtNextLabel(text: string, labels: readonly string[]): string {
  let cut = text.length;
  for (const label of labels) {
    const index = text.indexOf(label);
    if (index >= 0 && index < cut) cut = index;
  }
  return text.slice(0, cut).replace(/^[:：]+/u, "");
}

function nearestToTheRight(lines: readonly PlacedLine[], of: PlacedLine): PlacedLine | undefined {
  let best: PlacedLine | undefined;
  for (const line of lines) {
    if (line === of || line.centerY < of.top || line.centerY > of.bottom) continue;
    if (line.left < of.right - (of.bottom - of.top) / 2) continue;
    if (!best || line.left < best.left) best = line;
  }
  return best;
}

/**
 * The BASELINE's way of reading fields, deliberately naive: for each field find its printed label in the OCR
 * lines and take the text after it on the same line, or else the nearest line to its right. No layout, no
 * vocabularies, no date or number normalisation. Every key of the type is returned, `""` where nothing was found.
 */
export function extractNaively(type: DocumentType, lines: readonly TextLine[]): Map<string, NaiveValue> {
  const placed = lines.map(place).sort((a, b) => a.centerY - b.centerY || a.left - b.left);
  const fields = BASELINE_FIELD_LABELS[type];
  const allLabels = fields.flatMap((field) => field.labels);
  const values = new Map<string, NaiveValue>();
  for (const field of fields) {
    const hit = findLabel(placed, field)[field.occurrence];
    if (!hit) {
      values.set(field.key, { value: "" });
      continue;
    }
    const inline = cutAtNextLabel(hit.line.text.slice(hit.end), allLabels);
    if (inline !== "") {
      values.set(field.key, { value: inline, line: hit.line.line });
      continue;
    }
    const neighbour = nearestToTheRight(placed, hit.line);
    const value = neighbour ? cutAtNextLabel(neighbour.text, allLabels) : "";
    values.set(field.key, value === "" ? { value } : { value, line: neighbour?.line });
  }
  return values;
}

/**
 * The BASELINE's whole result: {@link extractNaively}'s values, the whole image as sliceRect, angle 0, ftype 0,
 * and the image's size as the document's. Confidences are the OCR lines' own.
 */
export function naiveResult(
  type: DocumentType,
  lines: readonly TextLine[],
  width: number,
  height: number,
): RecognitionResult {
  const values = extractNaively(type, lines);
  const data: Record<string, string> = {};
  const info: KeyValueInfo[] = [];
  for (const [key, { value, line }] of values) {
    data[key] = value;
    const probability = line ? Math.round(line.confidence * 100) : 0;
    const entry: KeyValueInfo = { key, keyProb: line ? 100 : 0, value, valueProb: probability };
    if (line && value !== "")
      entry.valuePos = line.quad.map((point) => ({ x: Math.round(point.x), y: Math.round(point.y) }));
    info.push(entry);
  }
  return {
    data,
    prism_keyValueInfo: info,
    sliceRect: { x0: 0, y0: 0, x1: width, y1: 0, x2: width, y2: height, x3: 0, y3: height },
    angle: 0,
    ftype: 0,
    width,
    height,
    orgWidth: width,
    orgHeight: height,
  };
}
