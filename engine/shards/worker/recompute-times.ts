/** Recent recompute durations of one shard (for its median in stats), bounded. */
export interface RecomputeTimes {
  count: number;
  recent: number[];
}

const MAX_RECENT = 2048;

export function recordRecompute(t: RecomputeTimes, ms: number): void {
  t.count++;
  if (t.recent.length >= MAX_RECENT) t.recent.length = 0;
  t.recent.push(ms);
}

export function medianMs(t: RecomputeTimes): number {
  if (t.recent.length === 0) return 0;
  const s = [...t.recent].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
