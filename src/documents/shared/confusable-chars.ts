/**
 * Groups of characters the recognizer is known to mistake for one another on these documents (domain.md §6,
 * field-notes.md), plus digit/letter look-alikes. Swapping within a group is cheaper than any other substitution,
 * which breaks ties that plain edit distance cannot (己婚 is one edit from 已婚, 未婚 and 离婚 alike).
 */
const GROUPS: readonly string[] = [
  "户产",
  "主生",
  "干千",
  "傈僳",
  "斡翰",
  "博搏",
  "肄肆",
  "彝葬",
  "来米",
  "迁适迂",
  "沙涉",
  "己已巳巴",
  "未末",
  "士土",
  "人入",
  "日曰目",
  "王玉",
  "大太犬",
  "族旅",
  "婚姻",
  "役投",
  "民氏",
  "侗洞",
  "佤伍",
  "畲畬",
  "仫么",
  "县具",
  "住注",
  "籍箱",
  "0OoＯ〇D",
  "1lI|丨",
  "2Z",
  "5S",
  "8B",
  "6G",
];

const GROUP_OF = new Map<string, number>();
GROUPS.forEach((group, index) => {
  for (const char of group) GROUP_OF.set(char, index);
});

/** Cost of substituting a confusable character: well below 1, so one confusion beats any plain edit. */
export const CONFUSION_COST = 0.4;

/**
 * Whether two characters are a known OCR confusion of each other (or identical).
 *
 * @example
 * areConfusable("户", "产"); // true
 */
export function areConfusable(a: string, b: string): boolean {
  if (a === b) return true;
  const group = GROUP_OF.get(a);
  return group !== undefined && group === GROUP_OF.get(b);
}

/** Cost of reading `read` where `expected` is printed: 0 if equal, {@link CONFUSION_COST} if confusable, else 1. */
export function substitutionCost(expected: string, read: string): number {
  if (expected === read) return 0;
  return areConfusable(expected, read) ? CONFUSION_COST : 1;
}
