import assert from "node:assert/strict";
import { test } from "node:test";
import { DOCUMENT_SPECS } from "./document-specs.ts";
import { fieldKeysOfLabel, labelSpecsOf } from "./shared/field-spec.ts";
import { findLabels } from "./shared/label-matcher.ts";
import { makeTextLine } from "./shared/make-text-line.ts";

// api.md §4, in its order.
const KEYS = {
  "household-head":
    "householdType householderName householdNumber address Registrar issueDate sectionNo householderCommunity",
  "household-resident":
    "name relation formerName sex birthPlace ethnicity nativePlace birthDate otherResidence religious idCardNumber " +
    "stature bloodGroup educationalDegree maritalStatus militaryServiceStatus employer occupation " +
    "immigratedToCityInfo immigratedToResidenceInfo registrar registrationDate householdNumber",
  "birth-certificate":
    "neonatalName sex birthTime gestationalAge birthWeight birthLength birthPlace medicalInstitutions motherName " +
    "motherAge motherNationality motherEthnicity motherAddress motherIdCardNumber fatherName fatherAge " +
    "fatherNationality fatherEthnicity fatherAddress fatherIdCardNumber issueAuthority issueDate certificateNumber",
} as const;

for (const spec of Object.values(DOCUMENT_SPECS)) {
  test(`${spec.type}: keys in api.md order, each with a label and a kind`, () => {
    assert.deepEqual(
      spec.fields.map((field) => field.key),
      KEYS[spec.type].split(" "),
    );
    for (const field of spec.fields) {
      assert.ok(field.labels.length > 0, field.key);
      assert.equal(field.kind === "vocabulary", field.vocabulary !== undefined, field.key);
    }
  });

  test(`${spec.type}: the layout places every required field once and names no other`, () => {
    const placed = spec.layout.flat();
    assert.equal(new Set(placed).size, placed.length);
    for (const key of placed)
      assert.ok(
        spec.fields.some((field) => field.key === key),
        key,
      );
    for (const field of spec.fields.filter((field) => !field.optional))
      assert.ok(placed.includes(field.key), field.key);
  });

  test(`${spec.type}: every wording, printed alone, is found as its own label`, () => {
    const labels = labelSpecsOf(spec);
    for (const label of labels) {
      for (const variant of label.variants) {
        const found = findLabels([makeTextLine(variant)], labels);
        assert.deepEqual(
          found.map((match) => match.key),
          [label.key],
          variant,
        );
      }
    }
  });
}

test("labels shared by mother and father are one label for both, in layout order", () => {
  const spec = DOCUMENT_SPECS["birth-certificate"];
  assert.equal(labelSpecsOf(spec).filter((label) => label.key === "年龄").length, 1);
  assert.deepEqual(fieldKeysOfLabel(spec, "年龄"), ["motherAge", "fatherAge"]);
  assert.deepEqual(fieldKeysOfLabel(spec, "住址"), ["motherAddress", "fatherAddress"]);
});
