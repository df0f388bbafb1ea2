/** The 出生医学证明 正页 (editions 5–7, A4 portrait). */
import { createCanvas } from "@napi-rs/canvas";
import type { Random } from "../random.ts";
import type { BuiltDocument } from "./sheet.ts";

/** Alibaba keys of the birth certificate, in their order (api.md §4). */
export const BIRTH_KEYS = [
  "neonatalName",
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
  "certificateNumber",
] as const;

/** Renders a birth certificate. */
export function renderBirthCertificate(_random: Random, _blank: boolean): BuiltDocument {
  const canvas = createCanvas(1240, 1754);
  return {
    canvas,
    documentQuad: [
      { x: 0, y: 0 },
      { x: 1240, y: 0 },
      { x: 1240, y: 1754 },
      { x: 0, y: 1754 },
    ],
    content: { fields: {}, quads: {}, variant: {} },
  };
}
