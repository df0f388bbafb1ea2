/**
 * The closed vocabularies of the two documents (domain.md §3): every form a value is printed in, as data. Values are
 * returned as printed, so each list holds the short and long forms side by side (汉 and 汉族, 已婚 and 有配偶);
 * `correctToVocabulary` only pulls a misread value onto the nearest of them.
 */

/** One of the 56 groups of GB 3304-1991 (and the two extra codes), with the other names it is printed under. */
export interface Ethnicity {
  code: string;
  name: string;
  /** Romanised two-letter code of GB 3304. */
  letters: string;
  /** Historical names and non-standard forms, each also printed with or without 族. */
  aliases: readonly string[];
}

const GB_3304 =
  "01汉族HA 02蒙古族MG 03回族HU 04藏族ZA 05维吾尔族UG 06苗族MH 07彝族YI 08壮族ZH 09布依族BY 10朝鲜族CS " +
  "11满族MA 12侗族DO 13瑶族YA 14白族BA 15土家族TJ 16哈尼族HN 17哈萨克族KZ 18傣族DA 19黎族LI 20傈僳族LS " +
  "21佤族VA 22畲族SH 23高山族GS 24拉祜族LH 25水族SU 26东乡族DX 27纳西族NX 28景颇族JP 29柯尔克孜族KG 30土族TU " +
  "31达斡尔族DU 32仫佬族ML 33羌族QI 34布朗族BL 35撒拉族SL 36毛南族MN 37仡佬族GL 38锡伯族XB 39阿昌族AC 40普米族PM " +
  "41塔吉克族TA 42怒族NU 43乌孜别克族UZ 44俄罗斯族RS 45鄂温克族EW 46德昂族DE 47保安族BN 48裕固族YG 49京族GI " +
  "50塔塔尔族TT 51独龙族DR 52鄂伦春族OR 53赫哲族HZ 54门巴族MB 55珞巴族LB 56基诺族JN";

/** Renamed groups (毛难 1986, 崩龙 1985) and the Guizhou 穿青人, which 户籍 there may print. */
const ALIASES: Readonly<Record<string, readonly string[]>> = {
  "36": ["毛难族"],
  "46": ["崩龙族"],
};

/** GB 3304-1991 ethnic groups, in code order, plus 97 (unrecognised) and 98 (of foreign origin). */
export const ETHNICITIES: readonly Ethnicity[] = [
  ...GB_3304.split(" ").map((entry) => ({
    code: entry.slice(0, 2),
    name: entry.slice(2, -2),
    letters: entry.slice(-2),
    aliases: ALIASES[entry.slice(0, 2)] ?? [],
  })),
  { code: "97", name: "其他", letters: "QT", aliases: ["未识别民族", "穿青人"] },
  { code: "98", name: "外国血统中国籍人士", letters: "WG", aliases: ["外国血统"] },
];

function withAndWithoutZu(name: string): string[] {
  return name.endsWith("族") ? [name, name.slice(0, -1)] : [name, `${name}族`];
}

/** A closed vocabulary: its name and every printed form, most common first where that matters. */
export interface Vocabulary {
  name: VocabularyName;
  entries: readonly string[];
  /**
   * The entry nearly every page holds, where one does (中国 in a Chinese birth certificate's 国籍): a reading one
   * edit from several entries (`国`: 中国, 美国, 英国 …) is taken for it, doubted.
   */
  usual?: string;
}

/** The names of the closed vocabularies. */
export type VocabularyName =
  | "ethnicity"
  | "relation"
  | "education"
  | "marital"
  | "military"
  | "bloodGroup"
  | "nationality"
  | "religion"
  | "sex"
  | "householdType";

function words(text: string): string[] {
  return text.split(/\s+/).filter((word) => word.length > 0);
}

const ETHNICITY_ENTRIES = [
  ...new Set(
    ETHNICITIES.flatMap((group) =>
      group.code >= "97"
        ? [group.name, ...group.aliases]
        : [group.name, ...group.aliases].flatMap(withAndWithoutZu),
    ),
  ),
  "穿青人族",
];

/** GB/T 4761-2008 family relations (full names and leaf terms), colloquial forms, and collective-household ones. */
const RELATIONS = words(`
  户主 本人 配偶 夫 妻 丈夫 妻子
  子 独生子 长子 次子 三子 四子 五子 养子或继子 养子 继子 女婿 其他儿子 儿子
  女 独生女 长女 次女 三女 四女 五女 养女或继女 养女 继女 儿媳 其他女儿 女儿
  孙子、孙女或外孙子、外孙女 孙子 孙女 外孙子 外孙女 孙媳妇或外孙媳妇 孙媳妇 外孙媳妇 孙女婿或外孙女婿 孙女婿
  外孙女婿 曾孙子或外曾孙子 曾孙女或外曾孙女 曾孙子 曾孙女 外曾孙子 外曾孙女 其他孙子、孙女或外孙子、外孙女 孙 外孙
  父母 父亲 母亲 父 母 公公 婆婆 岳父 岳母 继父或养父 继母或养母 继父 养父 继母 养母 其他父母关系
  祖父母或外祖父母 祖父 祖母 外祖父 外祖母 配偶的祖父母或外祖父母 曾祖父 曾祖母 配偶的曾祖父母或外曾祖父母
  其他祖父母或外祖父母
  兄弟姐妹 兄 嫂 弟 弟媳 姐姐 姐夫 妹妹 妹夫 姐 妹 哥哥 弟弟 其他兄弟姐妹
  其他 伯父 伯母 叔父 婶母 舅父 舅母 姨夫 姨母 姑父 姑母 堂兄弟、堂姐妹 表兄弟、表姐妹 侄子 侄女 外甥 外甥女 其他亲属
  非亲属 集体户员
`);

/** GB/T 4658-2006 and GB 4658-1984 names, the coarse 公安 list, and the short forms cards print. */
const EDUCATION = words(`
  研究生 研究生教育 博士研究生 硕士研究生 博士研究生毕业 博士研究生结业 博士研究生肄业 硕士研究生毕业 硕士研究生结业
  硕士研究生肄业 研究生班毕业 研究生班结业 研究生班肄业 研究生毕业 研究生肄业 博士 硕士
  大学本科 大学本科教育 大学本科毕业 大学本科结业 大学本科肄业 大学普通班毕业 大学毕业 相当大学毕业 大学肄业 本科 大学
  大学专科 大学专科教育 大学专科毕业 大学专科结业 大学专科肄业 大学专科和专科学校 专科毕业 相当专科毕业 专科肄业 大专 专科
  中等职业教育 中等专科 中等专科毕业 中等专科结业 中等专科肄业 职业高中 职业高中毕业 职业高中结业 职业高中肄业
  技工学校 技工学校毕业 技工学校结业 技工学校肄业 中等专业学校或中等技术学校 中专毕业 中技毕业 相当中专或中技毕业
  中专或中技肄业 中专 中技 职高 技校
  普通高级中学教育 普通高中 普通高中毕业 普通高中结业 普通高中肄业 高中 高中毕业 农业高中毕业 相当高中毕业 高中肄业
  初级中学教育 初中 初中毕业 初中肄业 职业初中毕业 农业初中毕业 相当初中毕业
  小学教育 小学 小学毕业 小学肄业 相当小学毕业
  文盲或半文盲 文盲 半文盲 不识字或识字很少 学龄前 其他 不详
`);

/** Every vocabulary by name. */
export const VOCABULARIES: Readonly<Record<VocabularyName, Vocabulary>> = {
  ethnicity: { name: "ethnicity", entries: ETHNICITY_ENTRIES },
  relation: { name: "relation", entries: RELATIONS },
  education: { name: "education", entries: EDUCATION },
  marital: {
    name: "marital",
    entries: words("未婚 已婚 有配偶 初婚 再婚 复婚 丧偶 离婚 未说明的婚姻状况 其他"),
  },
  military: {
    name: "military",
    entries: words(
      "未服兵役 退出现役 士兵预备役 军官预备役 服现役 其他 退役 现役 士官预备役 退出现兵役 不服兵役 免服兵役 不详",
    ),
  },
  bloodGroup: { name: "bloodGroup", entries: words("A型 B型 O型 AB型 不明 其他血型 其他") },
  religion: {
    name: "religion",
    entries: words("无 无宗教信仰 佛教 喇嘛教 道教 天主教 基督教 东正教 伊斯兰教 藏传佛教 其他"),
  },
  sex: { name: "sex", entries: ["男", "女"] },
  // 国籍 on the birth certificate (domain.md §2.2: 中国, and 中国(香港) etc. for Hong Kong, Macao and Taiwan), with the
  // countries most often seen beside it; a nationality not listed is kept as read.
  nationality: {
    name: "nationality",
    usual: "中国",
    entries: words(`
      中国 中国(香港) 中国(澳门) 中国(台湾) 中国香港 中国澳门 中国台湾
      美国 英国 法国 德国 日本 韩国 朝鲜 俄罗斯 加拿大 澳大利亚 新西兰 意大利 西班牙 葡萄牙 荷兰 比利时 瑞士 瑞典
      越南 老挝 柬埔寨 泰国 缅甸 马来西亚 新加坡 印度尼西亚 菲律宾 印度 巴基斯坦 蒙古 哈萨克斯坦 乌克兰 巴西
    `),
  },
  householdType: {
    name: "householdType",
    entries: words(`
      家庭户 家庭户口 集体户 集体户口 非农业家庭户口 非农业家庭户 农业家庭户口 农业家庭户 非农业集体户口 农业集体户口
      居民家庭户口 居民家庭户 居民集体户口 居民户口 居民户口家庭户 居民户口集体户 城镇家庭户口 城市户口 非农业户口 农业户口
    `),
  },
};
