import { fixAddressPieces, refineFoundPlaces } from "./place-prefix.ts";
import { regroupResidentPlaces, residentPlace } from "./resident-place.ts";
import { moveHeightFromIdNumber } from "./stature-pieces.ts";
import { dropCaptionsFromNames, sealCaptions } from "./shared/name-pieces.ts";
import type { DocumentSpec } from "./shared/field-spec.ts";
import type { PageFrame } from "./shared/page-frame.ts";
import type { ValuePiece } from "./shared/value-pieces.ts";

/** How a move's note ends (2005年07月由湖南省长沙县迁来, 购房迁入; domain.md §1.4). */
const MOVED_IN = ["迁来", "迁入"] as const;

/**
 * Moves noted as a set phrase alone, as registers print them (domain.md §1.4): born here, no move, the common
 * reasons. A reading one unsure or look-alike character away from exactly one is taken for it (出牛 for 出生).
 */
const MOVE_NOTES = ["出生", "无迁移", "婚迁", "投靠", "购房迁入", "由本市迁来"] as const;

/**
 * Occupations as registers print them (domain.md §3.8): the common short words, the simple public list and the
 * GB/T 6565 major groups.
 */
const OCCUPATIONS = [
  "学生",
  "农民",
  "工人",
  "职员",
  "干部",
  "教师",
  "医生",
  "护士",
  "个体",
  "待业",
  "无业",
  "退休",
  "军人",
  "工作员",
  "工程师",
  "人民警察",
  "国家公务员",
  "专业技术人员",
  "企业管理人员",
  "现役军人",
  "自由职业者",
  "个人经营者",
  "无业人员",
  "办事人员和有关人员",
  "商业、服务业人员",
  "不便分类的其他从业人员",
] as const;

/** The resident page's fields in api.md §4 order, with the older and newer wordings of their labels. */
const FIELDS: DocumentSpec["fields"] = [
  { key: "name", labels: ["姓名"], kind: "name" },
  {
    key: "relation",
    labels: ["户主或与户主关系", "与户主关系"],
    kind: "vocabulary",
    vocabulary: "relation",
  },
  { key: "formerName", labels: ["曾用名"], kind: "name" },
  { key: "sex", labels: ["性别"], kind: "vocabulary", vocabulary: "sex" },
  { key: "birthPlace", labels: ["出生地"], kind: "text", runsFromLabel: true },
  { key: "ethnicity", labels: ["民族"], kind: "vocabulary", vocabulary: "ethnicity" },
  { key: "nativePlace", labels: ["籍贯"], kind: "text", runsFromLabel: true },
  { key: "birthDate", labels: ["出生日期"], kind: "date" },
  {
    key: "otherResidence",
    labels: ["本市（县）其他住址", "本市(县)其他住址"],
    kind: "text",
    runsFromLabel: true,
  },
  { key: "religious", labels: ["宗教信仰"], kind: "vocabulary", vocabulary: "religion" },
  { key: "idCardNumber", labels: ["公民身份号码", "公民身份证件编号"], kind: "id-number" },
  // 身高 keeps what is printed (175 or 175厘米), so it is free text.
  { key: "stature", labels: ["身高"], kind: "text", runsFromLabel: true },
  { key: "bloodGroup", labels: ["血型"], kind: "vocabulary", vocabulary: "bloodGroup" },
  { key: "educationalDegree", labels: ["文化程度"], kind: "vocabulary", vocabulary: "education" },
  { key: "maritalStatus", labels: ["婚姻状况"], kind: "vocabulary", vocabulary: "marital" },
  {
    key: "militaryServiceStatus",
    labels: ["兵役状况", "兵役情况"],
    kind: "vocabulary",
    vocabulary: "military",
  },
  { key: "employer", labels: ["服务处所"], kind: "text", runsFromLabel: true },
  { key: "occupation", labels: ["职业"], kind: "text", runsFromLabel: true, commonWords: OCCUPATIONS },
  {
    key: "immigratedToCityInfo",
    labels: ["何时由何地迁来本市（县）", "何时由何地迁来本市(县)", "何时由何地迁来本市"],
    kind: "text",
    runsFromLabel: true,
    endings: MOVED_IN,
    commonWords: MOVE_NOTES,
  },
  {
    key: "immigratedToResidenceInfo",
    labels: ["何时由何地迁来本址"],
    kind: "text",
    runsFromLabel: true,
    endings: MOVED_IN,
    commonWords: MOVE_NOTES,
  },
  { key: "registrar", labels: ["承办人签章", "承办人"], kind: "name" },
  { key: "registrationDate", labels: ["登记日期"], kind: "date" },
  // Printed at the top of the card by some provinces only (with 人号).
  { key: "householdNumber", labels: ["户号"], kind: "digits", optional: true },
];

/** Print of the page that is no value: the seals' captions. */
const PRINTED = ["户口专用章", "户口登记专用章"];

/**
 * The resident page (常住人口登记卡) of the 居民户口簿: its fields in api.md §4 order and its printed grid of eleven
 * rows (domain.md §1.3), with the older and newer wordings of its labels.
 */
export const HOUSEHOLD_RESIDENT_SPEC: DocumentSpec = {
  type: "household-resident",
  titles: ["常住人口登记卡"],
  fields: FIELDS,
  printed: PRINTED,
  layout: [
    ["householdNumber"],
    ["name", "relation"],
    ["formerName", "sex"],
    ["birthPlace", "ethnicity"],
    ["nativePlace", "birthDate"],
    ["otherResidence", "religious"],
    ["idCardNumber", "stature", "bloodGroup"],
    ["educationalDegree", "maritalStatus", "militaryServiceStatus"],
    ["employer", "occupation"],
    ["immigratedToCityInfo"],
    ["immigratedToResidenceInfo"],
    ["registrar", "registrationDate"],
  ],
  columns: [
    [
      "name",
      "formerName",
      "birthPlace",
      "nativePlace",
      "otherResidence",
      "idCardNumber",
      "educationalDegree",
      "employer",
      "immigratedToCityInfo",
      "immigratedToResidenceInfo",
      "registrar",
    ],
    [
      "relation",
      "sex",
      "ethnicity",
      "birthDate",
      "religious",
      "bloodGroup",
      "militaryServiceStatus",
      "occupation",
      "registrationDate",
    ],
  ],
  // Places of birth and origin, and an address, begin with a place of the divisions; names hold no seal's caption;
  // a height given to the ID number beside it (身高 not found) is the height.
  regroup: (assigned, found, frame) => {
    regroupResidentPlaces(FIELDS)(assigned, found, frame);
    moveHeightFromIdNumber(assigned, found, frame);
    dropCaptionsFromNames(assigned, sealCaptions(PRINTED));
  },
  refineFound: refineFoundPlaces({
    otherResidence: fixAddressPieces,
    ...Object.fromEntries(
      FIELDS.filter((field) => field.key === "birthPlace" || field.key === "nativePlace").map((field) => [
        field.key,
        (pieces: readonly ValuePiece[], frame: PageFrame) => residentPlace(pieces, field, frame),
      ]),
    ),
  }),
};
