/** Throughput over time windows: capacity estimates that other work on a shared machine can only lower. */

/** The highest mean over `w` consecutive per-second counts (all of them when fewer). */
export function best5s(perSecond: readonly number[], w = 5): number {
  if (perSecond.length === 0) return 0;
  const n = Math.min(w, perSecond.length);
  let sum = perSecond.slice(0, n).reduce((a, b) => a + b, 0);
  let best = sum;
  for (let i = n; i < perSecond.length; i++) {
    sum += perSecond[i]! - perSecond[i - n]!;
    best = Math.max(best, sum);
  }
  return Math.round((best / n) * 10) / 10;
}
