import type { DocumentType } from "../types.ts";

/**
 * The fields every filled-in page of a type holds a value in (a printed form leaves none of them blank): only
 * these are searched, so an optional cell left blank on purpose (曾用名, 宗教信仰) is never given a value. The
 * officers' name seals are read by `readNameStamp`, and 新生儿姓名 may be blank (a child not yet named).
 */
export const ALWAYS_FILLED: Readonly<Record<DocumentType, readonly string[]>> = {
  "household-head": ["householdType", "householderName", "householdNumber", "address", "issueDate"],
  "household-resident": [
    "name",
    "relation",
    "sex",
    "birthPlace",
    "ethnicity",
    "nativePlace",
    "birthDate",
    "idCardNumber",
    "registrationDate",
  ],
  "birth-certificate": [
    "sex",
    "birthTime",
    "gestationalAge",
    "birthWeight",
    "birthLength",
    "birthPlace",
    "medicalInstitutions",
    "motherName",
    "motherAge",
    "motherNationality",
    "motherEthnicity",
    "motherAddress",
    "motherIdCardNumber",
    "fatherName",
    "fatherAge",
    "fatherNationality",
    "fatherEthnicity",
    "fatherAddress",
    "fatherIdCardNumber",
    "issueAuthority",
    "issueDate",
  ],
};

/** A page is a filled-in one when at least this many, and this share, of its always-filled fields hold a value. */
const FILLED_IN_MIN = 2;
const FILLED_IN_SHARE = 1 / 3;

/**
 * Whether a page of `type` whose answers are `data` was filled in (not a form never filled in, nor a page barely
 * read): enough of the fields such a page always holds a value in were read. On a filled-in page, an always-filled
 * field answered empty is a value not read, not a blank cell.
 */
export function isFilledIn(type: DocumentType, data: Readonly<Record<string, string>>): boolean {
  const keys = ALWAYS_FILLED[type];
  const read = keys.filter((key) => (data[key] ?? "") !== "").length;
  return read >= Math.max(FILLED_IN_MIN, keys.length * FILLED_IN_SHARE);
}
