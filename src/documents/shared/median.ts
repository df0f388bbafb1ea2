/**
 * The median of some numbers (the mean of the two middle ones for an even count), 0 for none.
 *
 * @example
 * median([3, 1, 4, 2]); // 2.5
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
