import { DOCUMENT_SPECS } from "../documents/document-specs.ts";
import { labelSpecsOf } from "../documents/shared/field-spec.ts";
import { findLabels } from "../documents/shared/label-matcher.ts";
import type { DocumentType, TextLine } from "../types.ts";

/** Labels a page must show before it is taken for that document (a blank form shows them all). */
const MINIMUM_LABELS: Record<DocumentType, number> = {
  "household-head": 3,
  "household-resident": 6,
  "birth-certificate": 6,
};

/**
 * Whether the lines plainly belong to the asked-for document: enough of its printed labels, and not clearly more
 * of another type's (a resident page sent as a householder page shares 户号 and 承办人签章 with it, but shows three
 * times the labels of its own kind).
 */
export function matchesDocumentType(
  lines: readonly TextLine[],
  type: DocumentType,
  labelsFound: number,
): boolean {
  if (labelsFound < MINIMUM_LABELS[type]) return false;
  for (const [other, spec] of Object.entries(DOCUMENT_SPECS) as [
    DocumentType,
    (typeof DOCUMENT_SPECS)[DocumentType],
  ][]) {
    if (other === type) continue;
    const specs = labelSpecsOf(spec);
    // Fewer labels than that could ever outnumber the page's own: not worth looking for.
    if (specs.length < MINIMUM_LABELS[other] || specs.length < labelsFound * 2) continue;
    const keys = new Set(findLabels(lines, specs).map((match) => match.key));
    if (keys.size >= MINIMUM_LABELS[other] && keys.size >= labelsFound * 2) return false;
  }
  return true;
}
