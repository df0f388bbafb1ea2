import type { DocumentType } from "../../src/types.ts";

/**
 * One field as the naive baseline looks for it: the printed labels that may introduce it and, for labels printed
 * more than once (the birth certificate's 年龄, 住址 … for mother then father), which occurrence belongs to it.
 */
export interface BaselineFieldLabel {
  key: string;
  labels: readonly string[];
  /** 0 for the first occurrence in reading order, 1 for the second. */
  occurrence: number;
}

function field(key: string, labels: string | readonly string[], occurrence = 0): BaselineFieldLabel {
  return { key, labels: typeof labels === "string" ? [labels] : labels, occurrence };
}

/**
 * The printed label of every api.md §4 key, in api.md order. Only the BASELINE uses this table; the real recognizers
 * keep their own layouts in `src/documents/`.
 */
export const BASELINE_FIELD_LABELS: Readonly<Record<DocumentType, readonly BaselineFieldLabel[]>> = {
  "household-head": [
    field("householdType", "户别"),
    field("householderName", "户主姓名"),
    field("householdNumber", "户号"),
    field("address", "住址"),
    field("Registrar", "承办人签章"),
    field("issueDate", "签发日期"),
    field("sectionNo", "地段号"),
    field("householderCommunity", ["户主社区", "社区"]),
  ],
  "household-resident": [
    field("name", "姓名"),
    field("relation", "户主或与户主关系"),
    field("formerName", "曾用名"),
    field("sex", "性别"),
    field("birthPlace", "出生地"),
    field("ethnicity", "民族"),
    field("nativePlace", "籍贯"),
    field("birthDate", "出生日期"),
    field("otherResidence", ["本市(县)其他住址", "其他住址"]),
    field("religious", "宗教信仰"),
    field("idCardNumber", ["公民身份号码", "公民身份证件编号"]),
    field("stature", "身高"),
    field("bloodGroup", "血型"),
    field("educationalDegree", "文化程度"),
    field("maritalStatus", "婚姻状况"),
    field("militaryServiceStatus", ["兵役状况", "兵役情况"]),
    field("employer", "服务处所"),
    field("occupation", "职业"),
    field("immigratedToCityInfo", ["何时由何地迁来本市(县)", "迁来本市"]),
    field("immigratedToResidenceInfo", ["何时由何地迁来本址", "迁来本址"]),
    field("registrar", "承办人签章"),
    field("registrationDate", "登记日期"),
    field("householdNumber", "户号"),
  ],
  "birth-certificate": [
    field("neonatalName", "新生儿姓名"),
    field("sex", "性别"),
    field("birthTime", "出生时间"),
    field("gestationalAge", "出生孕周"),
    field("birthWeight", "出生体重"),
    field("birthLength", "出生身长"),
    field("birthPlace", "出生地点"),
    field("medicalInstitutions", "医疗机构名称"),
    field("motherName", "母亲姓名"),
    field("motherAge", "年龄"),
    field("motherNationality", "国籍"),
    field("motherEthnicity", "民族"),
    field("motherAddress", "住址"),
    field("motherIdCardNumber", "号码"),
    field("fatherName", "父亲姓名"),
    field("fatherAge", "年龄", 1),
    field("fatherNationality", "国籍", 1),
    field("fatherEthnicity", "民族", 1),
    field("fatherAddress", "住址", 1),
    field("fatherIdCardNumber", "号码", 1),
    field("issueAuthority", "签发机构"),
    field("issueDate", "签发日期"),
    field("certificateNumber", ["出生医学证明编号", "编号"]),
  ],
};
