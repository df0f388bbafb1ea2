/** Names, dates and ethnic groups drawn from the distributions in domain.md §3.1 and §5. */
import type { Random } from "../random.ts";
import type { SimpleDate } from "./id-number.ts";

const TOP_SURNAMES =
  "王7.10李6.96张6.42刘5.16陈4.26杨2.97黄2.16赵2.03周1.88吴1.78徐1.43孙1.39马1.34胡1.16朱1.14郭1.09何1.05罗1.00高.97林.96" +
  "郑.84梁.82谢.81宋.79唐.77许.76韩.74邓.73冯.71曹.70彭.69曾.67肖.66田.65董.63潘.62袁.61蔡.60蒋.58余.57" +
  "于.56杜.55叶.54程.53魏.52苏.51吕.50丁.49任.48卢.47姚.46沈.45钟.44姜.43崔.42谭.41陆.41范.40汪.39廖.38" +
  "石.37金.37韦.36贾.35夏.34付.34方.33邹.32熊.32白.31孟.31秦.30邱.29侯.29江.28尹.28薛.27闫.26段.26雷.25" +
  "龙.25黎.24史.24陶.23贺.23毛.23郝.22顾.22龚.21邵.21万.20覃.20武.20钱.19戴.19严.18莫.18孔.18向.17欧.17";
const TAIL_SURNAMES =
  "常汤易乔赖文庞樊兰殷施洪翟安颜倪牛温芦季俞章鲁葛伍申尤毕聂丛焦柴傅康岳齐左甘包柳祝舒梅童凌骆单饶管滕邢储苗詹鲍卜米屈谷项祁阮蓝宁蒙查池冉符桂盛穆佘艾";
const COMPOUND_SURNAMES = ["欧阳", "上官", "皇甫", "令狐", "诸葛", "司徒", "司马"];

const SURNAMES: [string, number][] = [
  ...[...TOP_SURNAMES.matchAll(/(\D)([\d.]+)/g)].map(
    (m) => [m[1] as string, Number(m[2])] as [string, number],
  ),
  ...[...TAIL_SURNAMES].map((s) => [s, 14 / TAIL_SURNAMES.length] as [string, number]),
  ...COMPOUND_SURNAMES.map((s) => [s, 0.1] as [string, number]),
];

/** A surname, weighted by the 2010 census and 公安部 lists. */
export function pickSurname(random: Random): string {
  return random.weighted(SURNAMES);
}

const split = (s: string) => s.split(" ");
// [born before, male pool, female pool, share of single-character names]
const ERAS: [number, string[], string[], number][] = [
  [
    1960,
    split(
      "建国 建华 建军 国强 国庆 国平 志强 志明 振华 德明 德胜 永明 永刚 福生 长江 保国 卫国 卫东 援朝 跃进 解放 胜利 和平 爱国 金山 玉林 春生 海山",
    ),
    split(
      "秀英 桂英 秀兰 玉兰 桂兰 秀珍 凤英 玉梅 淑珍 秀芳 玉珍 桂芳 凤兰 玉英 翠兰 兰英 秀云 桂珍 淑兰 素珍 春梅 冬梅 美兰 玉华 桂香",
    ),
    0.15,
  ],
  [
    1980,
    split("卫东 红卫 建平 建新 立新 小军 志刚 海涛 海波 晓东 伟 勇 军 强 刚 平 斌 明 华 峰 辉 林 涛 波"),
    split("红 丽 艳 霞 萍 英 梅 红霞 丽华 海燕 春燕 晓红 小红 雪梅 红梅 桂红 丽娟 秀梅 彩霞"),
    0.3,
  ],
  [
    1995,
    split("伟 磊 涛 斌 超 鹏 杰 亮 健 鑫 浩 强 勇 峰 宇 俊 凯 帅 志强 海洋 晓明 建伟 文杰 俊杰"),
    split("静 敏 燕 艳 娟 丽 芳 娜 丹 玲 婷 洁 琳 倩 莉 晶 佳 晓燕 丽娟 婷婷 雪 颖 慧 璐"),
    0.3,
  ],
  [
    2010,
    split("浩 宇 博 鑫 帅 昊 凯 晨 旭 阳 俊杰 浩然 子豪 家豪 文博 志豪 宇航 天宇 梓豪 子轩 浩宇 一鸣"),
    split("婷 雪 欣 悦 颖 琪 佳怡 雨欣 思雨 梦琪 欣怡 晓雪 文静 诗雨 子涵 梓涵 雨涵 可馨 紫涵"),
    0.15,
  ],
  [
    9999,
    split("奕辰 宇轩 浩宇 亦辰 宇辰 子墨 宇航 浩然 梓豪 亦宸 沐宸 沐辰 茗泽 宇泽 奕泽 沐阳 睿 铭 泽 轩"),
    split("一诺 依诺 欣怡 梓涵 语桐 欣妍 可欣 语汐 雨桐 梦瑶 若汐 艺涵 苡沫 诺 汐 妍 芮 霖 玥"),
    0.07,
  ],
];
/** Characters that OCR dictionaries often lack; used now and then to stress the recognizer. */
export const RARE_CHARACTERS = [..."堃昇喆淼犇玥珺琰瑄璟翀昶炜煜曌婧"];

/** A given name conditioned on the birth year and sex, with a rare character now and then. */
export function pickGivenName(year: number, male: boolean, random: Random): string {
  const era = ERAS.find((e) => year < e[0]) ?? (ERAS[ERAS.length - 1] as (typeof ERAS)[number]);
  const pool = male ? era[1] : era[2];
  let name = random.pick(pool);
  if (random.chance(era[3]) && name.length === 2) name = name[random.int(0, 1)] as string;
  else if (!random.chance(era[3]) && name.length === 1)
    name = random.pick(pool.filter((n) => n.length === 2));
  if (random.chance(0.06)) name = name.slice(0, -1) + random.pick(RARE_CHARACTERS);
  return name;
}

/** A full name. */
export function pickName(year: number, male: boolean, random: Random, surname?: string): string {
  return (surname ?? pickSurname(random)) + pickGivenName(year, male, random);
}

const DAYS_PER_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A uniformly random calendar date in `fromYear..toYear`. */
export function randomDate(fromYear: number, toYear: number, random: Random): SimpleDate {
  const year = random.int(fromYear, toYear);
  const month = random.int(1, 12);
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return { year, month, day: random.int(1, (DAYS_PER_MONTH[month - 1] as number) + (leap ? 1 : 0)) };
}

/** `date` moved by `days` (may be negative). */
export function addDays(date: SimpleDate, days: number): SimpleDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The normalised form api.md wants: 2012年04月17日. */
export function normalDate(date: SimpleDate): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${date.year}年${p(date.month)}月${p(date.day)}日`;
}

/** How a document prints dates. */
export type DateStyle = "padded" | "unpadded" | "dotted";

/** The date as printed in `style`: 2012年04月17日 / 2012年4月17日 / 2012.04.17. */
export function printedDate(date: SimpleDate, style: DateStyle): string {
  const p = (n: number) => String(n).padStart(2, "0");
  if (style === "dotted") return `${date.year}.${p(date.month)}.${p(date.day)}`;
  if (style === "unpadded") return `${date.year}年${date.month}月${date.day}日`;
  return normalDate(date);
}

const MINORITIES: [string, number][] = [
  ["壮族", 19.6],
  ["维吾尔族", 11.8],
  ["回族", 11.4],
  ["苗族", 11],
  ["满族", 10.4],
  ["彝族", 9.8],
  ["土家族", 9.6],
  ["藏族", 7],
  ["蒙古族", 6.3],
  ["布依族", 3.6],
  ["侗族", 3.5],
  ["瑶族", 3.3],
  ["白族", 2.1],
  ["哈尼族", 1.7],
  ["朝鲜族", 1.7],
  ["黎族", 1.6],
  ["哈萨克族", 1.6],
  ["傣族", 1.3],
  ["傈僳族", 0.8],
  ["东乡族", 0.8],
  ["仡佬族", 0.7],
];
// Provinces where one group is common enough to raise its odds a lot.
const REGIONAL_GROUP: Record<string, string> = {
  广西: "壮族",
  新疆: "维吾尔族",
  西藏: "藏族",
  宁夏: "回族",
  内蒙: "蒙古族",
  贵州: "苗族",
  云南: "彝族",
};

/** An ethnic group's full name, about 91% 汉族, weighted by the province. */
export function pickEthnicity(province: string, random: Random): string {
  const regional = REGIONAL_GROUP[province.slice(0, 2)];
  if (regional && random.chance(0.3)) return regional;
  return random.chance(0.91) ? "汉族" : random.weighted(MINORITIES);
}
