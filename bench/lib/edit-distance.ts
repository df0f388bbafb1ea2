/**
 * Levenshtein distance between two strings, counted in Unicode code points (a CJK character or an emoji is one
 * edit, not two UTF-16 units). Two rows of the table: values are short, so O(n·m) time is fine.
 */
export function editDistance(a: string, b: string): number {
  const left = Array.from(a);
  const right = Array.from(b);
  if (left.length === 0) return right.length;
  if (right.length === 0) return left.length;
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let i = 1; i <= left.length; i++) {
    const current = [i];
    for (let j = 1; j <= right.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (left[i - 1] === right[j - 1] ? 0 : 1);
      const deletion = (previous[j] ?? 0) + 1;
      const insertion = (current[j - 1] ?? 0) + 1;
      current.push(Math.min(substitution, deletion, insertion));
    }
    previous = current;
  }
  return previous[right.length] ?? 0;
}

/**
 * Character accuracy of `got` against a non-empty `expected`: 1 − distance / length, floored at 0 so one wildly
 * long answer cannot cancel out the rest of a field's readings.
 */
export function characterAccuracy(expected: string, got: string): number {
  const length = Array.from(expected).length;
  if (length === 0) return got === "" ? 1 : 0;
  return Math.max(0, 1 - editDistance(expected, got) / length);
}
