import type { Action } from "../config/server-config.ts";
import { DOCUMENT_SPECS } from "../documents/document-specs.ts";
import type { FieldSpec } from "../documents/shared/field-spec.ts";
import type { ErrorCode } from "../errors.ts";
import type { DocumentType } from "../types.ts";

/**
 * What every error code means, in Chinese, for the page (体验馆). Typed over the whole registry, so a new code in
 * `src/errors.ts` does not compile until it has its sentence here (and a test checks it at run time too).
 */
export const ERROR_MESSAGES_ZH: Readonly<Record<ErrorCode, string>> = {
  imageUrlOrBodyEmpty: "没有收到图片：请选择、拖入或粘贴一张图片，或填写图片地址。",
  exceededImageUrlLength: "图片地址太长：最多 2048 个字符。",
  IllegalImageUrl: "无法获取图片地址：地址无效、不是 http(s) 地址、无法访问，或下载失败。",
  notSafeImageUrl: "出于安全考虑，服务器不下载指向本机、内网或其他受限地址的图片。",
  imageTimeOut: "下载图片超时：请检查图片地址，或稍后重试。",
  unsupportedImageFormat:
    "不支持的图片格式或内容：请使用 PNG、JPEG、BMP、GIF、TIFF 或 WebP 图片（PDF、HEIC 等不支持），并确认文件未损坏。",
  illegalImageSize: "图片尺寸不符合要求：每边须在 16 到 8191 像素之间，长边不超过短边的 50 倍。",
  exceededImageContent: "图片太大：不能超过 10 MB。",
  unmatchedImageType: "图片与所选证件类型不符：请确认证件类型选择正确，并且照片中是完整的证件页。",
  InvalidVersion: "接口版本无效：应为 2021-07-07。",
  "InvalidAction.NotFound": "请求的接口不存在：请检查地址和请求方法。",
  MissingSignature: "此服务器已配置访问密钥，请求需要签名：请填写 AccessKey ID 和 AccessKey Secret。",
  "InvalidAccessKeyId.NotFound": "AccessKey ID 不存在：请检查填写的 AccessKey ID。",
  SignatureDoesNotMatch: "签名不匹配：请检查 AccessKey Secret 是否正确。",
  "InvalidTimeStamp.Expired": "请求时间无效：本机时钟与服务器相差超过 15 分钟，请校准时间后重试。",
  SignatureNonceUsed: "签名随机数已被使用：请重新提交。",
  noPermission: "此 AccessKey 无权识别该类证件。",
  "Throttling.User": "请求过于频繁或服务器繁忙：请稍后重试。",
  algorithmError: "识别引擎内部出错：请重试；如果反复出现，请联系管理员。",
  ServiceTimeout: "识别超时：服务器繁忙或图片过大，请稍后重试。",
  InvalidParameter: "请求参数无效。",
};

/** One document type as the page offers it. */
export interface PageDocumentType {
  type: DocumentType;
  /** The name shown on the page. */
  name: string;
  /** The API call the same recognition is (`x-acs-action` when the page signs). */
  action: Action;
  residentPage: boolean;
  /** Every key of `data`, in order, with its Chinese label. */
  fields: Array<{ key: string; label: string }>;
}

const TYPE_NAMES: Readonly<Record<DocumentType, string>> = {
  "household-head": "户口本 · 户主页",
  "household-resident": "户口本 · 常住人口登记卡",
  "birth-certificate": "出生医学证明",
};

/** The document types in the page's order, with their Chinese field labels taken from the document specs. */
export function pageDocumentTypes(): PageDocumentType[] {
  return (Object.keys(TYPE_NAMES) as DocumentType[]).map((type) => ({
    type,
    name: TYPE_NAMES[type],
    ...actionOf(type),
    fields: DOCUMENT_SPECS[type].fields.map((field) => ({ key: field.key, label: fieldLabel(field) })),
  }));
}

/** The API action and `IsResidentPage` that read a document type. */
export function actionOf(type: DocumentType): { action: Action; residentPage: boolean } {
  if (type === "birth-certificate") return { action: "RecognizeBirthCertification", residentPage: false };
  return { action: "RecognizeHousehold", residentPage: type === "household-resident" };
}

/**
 * A field's label as a reader wants it: the most common printed wording, with the parent named where the
 * certificate prints the same caption (年龄, 住址…) once under 母亲 and once under 父亲.
 */
function fieldLabel(field: FieldSpec): string {
  const printed = field.labels[0] ?? field.key;
  const parent = /^(mother|father)[A-Z]/.exec(field.key)?.[1];
  if (parent === undefined) return printed;
  const caption = parent === "mother" ? "母亲" : "父亲";
  return printed.startsWith(caption) ? printed : `${caption}${printed}`;
}
