import { valueAfterNumber } from "./address-cell.ts";
import { fixAddressPieces, fixPlaceFields, refineFoundPlaces } from "./place-prefix.ts";
import type { DocumentSpec } from "./shared/field-spec.ts";
import { dropCaptionsFromNames, dropNumbersFromNames, sealCaptions } from "./shared/name-pieces.ts";
import { dropStrayMarks } from "./shared/stray-marks.ts";

/** Print of the page that is no value: the seals' captions and the printer's imprint. */
const PRINTED = ["省级公安机关户口专用章", "户口登记机关户口专用章", "户口专用章", "中华人民共和国公安部制"];

/**
 * The householder page (户主页) of the 居民户口簿: its fields in api.md §4 order and its printed grid (domain.md
 * §1.2). Two-character labels are printed letter-spaced (户　别); the matcher ignores the spaces.
 */
export const HOUSEHOLD_HEAD_SPEC: DocumentSpec = {
  type: "household-head",
  titles: ["居民户口簿", "户主页"],
  fields: [
    { key: "householdType", labels: ["户别"], kind: "vocabulary", vocabulary: "householdType" },
    { key: "householderName", labels: ["户主姓名"], kind: "name" },
    { key: "householdNumber", labels: ["户号"], kind: "digits" },
    { key: "address", labels: ["住址"], kind: "text", runsFromLabel: true },
    { key: "Registrar", labels: ["承办人签章", "承办人"], kind: "name" },
    { key: "issueDate", labels: ["签发日期"], kind: "date" },
    // Printed with its caption by some provinces; the red "No." serial in a top corner is the booklet's number.
    { key: "sectionNo", labels: ["地段号"], kind: "digits", optional: true },
    // Regional lines (社区, 居(村)委会); their place on the page varies, so they are not in the layout.
    {
      key: "householderCommunity",
      labels: ["户主社区", "社区", "居（村）委会", "居(村)委会", "居委会"],
      kind: "text",
      optional: true,
      runsFromLabel: true,
      labelEndsValue: true,
    },
  ],
  printed: PRINTED,
  layout: [
    ["sectionNo"],
    ["householdType", "householderName"],
    ["householdNumber", "address"],
    ["Registrar", "issueDate"],
  ],
  columns: [["householdType", "householdNumber"]],
  // The address begins with its province, city and county, spelt as the divisions spell them; names hold no numbers
  // nor a seal's caption, and a value holds no stray marks. An address whose 住址 went unread is not the 户号's.
  regroup: (assigned, found, frame) => {
    valueAfterNumber("householdNumber", "address")(assigned, found, frame);
    dropStrayMarks(assigned, ["address", "householderCommunity"]);
    fixPlaceFields(["address"])(assigned, found, frame);
    dropNumbersFromNames(assigned);
    dropCaptionsFromNames(assigned, sealCaptions(PRINTED));
  },
  refineFound: refineFoundPlaces({ address: fixAddressPieces }),
};
