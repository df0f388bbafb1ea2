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

/**
 * Whether a page of `type` whose answers are `data` was filled in: at least one of the fields such a page always
 * holds a value in was read (a form never filled in answers every one of them empty). On a filled-in page, an
 * always-filled field answered empty is a value not read, not a blank cell.
 */
export function isFilledIn(type: DocumentType, data: Readonly<Record<string, string>>): boolean {
  return ALWAYS_FILLED[type].some((key) => (data[key] ?? "") !== "");
}
