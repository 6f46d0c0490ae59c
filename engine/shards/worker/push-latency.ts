/**
 * Event -> push latency as a shard sees it: from the event's time (stamped by the
 * gateway that accepted it, same host clock) to the push leaving the shard. Counted
 * in fixed buckets so the main thread can export them as a Prometheus histogram.
 */
export const PUSH_LATENCY_BUCKETS_MS = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000];

export interface PushLatency {
  /** Per bucket (not cumulative); the last entry counts what is above every bucket. */
  counts: number[];
  sumMs: number;
  count: number;
}

export const emptyPushLatency = (): PushLatency => ({ counts: new Array<number>(PUSH_LATENCY_BUCKETS_MS.length + 1).fill(0), sumMs: 0, count: 0 });

export function recordPushLatency(h: PushLatency, ms: number): void {
  const v = Math.max(0, ms);
  let i = 0;
  while (i < PUSH_LATENCY_BUCKETS_MS.length && v > PUSH_LATENCY_BUCKETS_MS[i]!) i++;
  h.counts[i]!++;
  h.sumMs += v;
  h.count++;
}
