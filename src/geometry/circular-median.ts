/**
 * The weighted median of angles (radians), taken around their weighted circular mean so that the wrap-around at ±π
 * does not split a cluster. Returns 0 for no angles.
 */
export function weightedCircularMedian(angles: readonly { angle: number; weight: number }[]): number {
  if (angles.length === 0) return 0;
  let sx = 0;
  let sy = 0;
  for (const { angle, weight } of angles) {
    sx += Math.cos(angle) * weight;
    sy += Math.sin(angle) * weight;
  }
  const mean = Math.atan2(sy, sx);
  const offsets = angles
    .map(({ angle, weight }) => ({ offset: wrapAngle(angle - mean), weight }))
    .sort((a, b) => a.offset - b.offset);
  const half = offsets.reduce((sum, item) => sum + item.weight, 0) / 2;
  let seen = 0;
  for (const item of offsets) {
    seen += item.weight;
    if (seen >= half) return wrapAngle(mean + item.offset);
  }
  return mean;
}

/** An angle brought into (−π, π]. */
export function wrapAngle(angle: number): number {
  return Math.atan2(Math.sin(angle), Math.cos(angle));
}
