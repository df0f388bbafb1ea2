import type { DocumentType } from "../types.ts";
import { BIRTH_CERTIFICATE_SPEC } from "./birth-certificate.ts";
import { HOUSEHOLD_HEAD_SPEC } from "./household-head.ts";
import { HOUSEHOLD_RESIDENT_SPEC } from "./household-resident.ts";
import type { DocumentSpec } from "./shared/field-spec.ts";

/** The declarative spec of each document type: the glossary from Alibaba key to printed labels, and the layout. */
export const DOCUMENT_SPECS: Readonly<Record<DocumentType, DocumentSpec>> = {
  "household-head": HOUSEHOLD_HEAD_SPEC,
  "household-resident": HOUSEHOLD_RESIDENT_SPEC,
  "birth-certificate": BIRTH_CERTIFICATE_SPEC,
};
