import { substitutionCost } from "./confusable-chars.ts";

/**
 * Edit distance between two strings by code point: insertions and deletions cost 1, substitutions 1, or less for
 * known OCR confusions (see `confusable-chars.ts`), so that 产主 is nearer to 户主 than 声主 is.
 *
 * @example
 * editDistance("户主姓名", "产主姓名"); // 0.4
 */
export function editDistance(expected: string, read: string): number {
  const a = Array.from(expected);
  const b = Array.from(read);
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitute = (previous[j - 1] ?? 0) + substitutionCost(a[i - 1] ?? "", b[j - 1] ?? "");
      const remove = (previous[j] ?? 0) + 1;
      const insert = (current[j - 1] ?? 0) + 1;
      current.push(Math.min(substitute, remove, insert));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
