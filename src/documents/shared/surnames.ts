import type { RecognizedChar } from "../../types.ts";

/**
 * The common Chinese surnames: about the 330 most frequent single-character ones (together borne by well over 99%
 * of the population, by the census and 公安部 surname counts) and the compound ones still in use. Characters that are
 * surnames only rarely while being everyday words (区, 国, 门, 花, 海 …) are left out on purpose: a blurred glyph is
 * often read as one of them, and a name beginning with one is too rare to prefer.
 */
const SINGLE = [
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢",
  "姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康",
  "施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗",
  "谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜",
  "冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆",
  "乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝郜阚权强帅屠豆朴盖练廉禹井祖漆巴丰支卿狄平计索宣晋",
  "相初容敬扈晁芮都普阙浦戈伏鹿薄邸雍辜羊母裘亓修邰赫杭况宿鲜逯隆茹诸战慕危银亢嵇湛宾戎勾茅揭但尉斯元束檀衣",
  "信展阴昝智幸奉植衡富尧闭习操褚赖洪",
].join("");

const COMPOUND = [
  "欧阳",
  "司马",
  "诸葛",
  "上官",
  "令狐",
  "皇甫",
  "尉迟",
  "公孙",
  "慕容",
  "司徒",
  "夏侯",
  "长孙",
  "宇文",
  "东方",
  "端木",
  "独孤",
  "南宫",
  "西门",
  "轩辕",
  "澹台",
  "申屠",
  "呼延",
  "万俟",
  "闻人",
  "赫连",
  "钟离",
  "宗政",
  "濮阳",
  "公冶",
  "淳于",
  "拓跋",
];

const SURNAMES = new Set<string>(Array.from(SINGLE));
/** The hundred most frequent (the list above begins with them), borne by about 85% of the population. */
const MOST_COMMON = new Set<string>(Array.from(SINGLE).slice(0, 100));
/** Between two alternatives, one of the other surnames counts this much less than one of the hundred. */
const LESS_COMMON = 0.3;
const COMPOUNDS = new Set<string>(COMPOUND);

/** Whether a character is a common single-character surname. */
export function isCommonSurname(char: string): boolean {
  return SURNAMES.has(char);
}

/** Whether a name begins with a compound surname (欧阳, 令狐 …). */
export function isCompoundSurname(name: readonly Pick<RecognizedChar, "text">[]): boolean {
  return COMPOUNDS.has((name[0]?.text ?? "") + (name[1]?.text ?? ""));
}

/**
 * How much less likely a name's first character is when it is no common surname: a reading that is not one
 * loses to an alternative that is once it is less than this many times as likely (基 0.30 loses to 赵 0.04,
 * 潭 0.47 to 谭 0.41; a surely read rare surname, 0.9 against 0.05, stays).
 */
const NOT_A_SURNAME = 0.1;

/**
 * A Chinese name's first character re-chosen among its readings with the surname prior: a reading that is no
 * common surname (nor begins a compound one with the character after it) gives way to an alternative that is one
 * when that alternative, weighed with the prior, is the likelier (the hundred most frequent surnames weigh more
 * than the rest). Returns the chosen character (with its own probability as its confidence), or undefined when the
 * reading stands.
 *
 * @example
 * const read = { text: "潭", confidence: 0.47, start: 0, end: 0.5 };
 * const alternatives = [{ text: "潭", probability: 0.47 }, { text: "谭", probability: 0.41 }];
 * preferSurname([{ ...read, alternatives }])?.text; // "谭"
 */
export function preferSurname(name: readonly RecognizedChar[]): RecognizedChar | undefined {
  const first = name[0];
  if (first === undefined || isCommonSurname(first.text)) return undefined;
  if (isCompoundSurname(name)) return undefined;
  let best = { text: first.text, weighed: first.confidence * NOT_A_SURNAME, probability: first.confidence };
  for (const alternative of first.alternatives) {
    if (!isCommonSurname(alternative.text)) continue;
    const weighed = alternative.probability * (MOST_COMMON.has(alternative.text) ? 1 : LESS_COMMON);
    if (weighed > best.weighed)
      best = { text: alternative.text, weighed, probability: alternative.probability };
  }
  if (best.text === first.text) return undefined;
  return { ...first, text: best.text, confidence: best.probability };
}

/**
 * How likely a character is a name's (single) surname, relative to one of the hundred most frequent: 1 for those,
 * less for the other common surnames, 0 for a character that is none.
 */
export function surnameWeight(char: string): number {
  if (MOST_COMMON.has(char)) return 1;
  return SURNAMES.has(char) ? LESS_COMMON : 0;
}

/** The compound surnames (欧阳, 令狐 …), each as its two characters. */
export function compoundSurnames(): readonly string[] {
  return COMPOUND;
}
