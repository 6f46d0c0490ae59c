/**
 * The dashboard's live summary: today's KPIs, the last hour per minute, and the hot
 * lists, read from the analytics LMDB in one pass. About 62 bucket reads and two
 * short range scans: cheap enough to build on every fold progress report (4/s).
 */
import type { AnalyticsLiveMessage, KpiPoint } from '../../protos/admin-contract.js';
import type { AnalyticsConsumer } from './analytics-consumer.js';
import { kpiReport, ratesOf } from './kpi-report.js';
import { emptyBucket } from './shop-fold.js';

const MINUTE_MS = 60_000;
export const LIVE_MINUTES = 60;
export const LIVE_HOT = 10;

export function liveSummary(a: AnalyticsConsumer, nameOf: (itemId: string) => string, now = Date.now()): AnalyticsLiveMessage {
  const dayStart = Math.floor(now / 86_400_000) * 86_400_000;
  const day = a.kpis('day', dayStart, now)[0];
  const today = { ...emptyBucket(), ...day };
  const firstMinute = Math.floor(now / MINUTE_MS) * MINUTE_MS - (LIVE_MINUTES - 1) * MINUTE_MS;
  const have = new Map(kpiReport('minute', firstMinute, now, a.kpis('minute', firstMinute, now)).buckets.map((b) => [b.start, b]));
  const minutes: KpiPoint[] = [];
  for (let i = 0; i < LIVE_MINUTES; i++) {
    const start = new Date(firstMinute + i * MINUTE_MS).toISOString().slice(0, 16);
    const b = have.get(start);
    minutes.push(b ?? { start, ...emptyBucket(), ...ratesOf(emptyBucket()) });
  }
  delete (today as { start?: string }).start;
  return {
    type: 'analytics', ts: now, appliedSeq: a.appliedSeq, lagEvents: a.lagEvents, lastEventTs: a.lastEventTs, foldDelayMs: a.foldDelayMs,
    today: { ...today, ...ratesOf(today) },
    minutes,
    hot: {
      products: a.hot('p', LIVE_HOT).map((h) => ({ itemId: h.key, name: nameOf(h.key), score: h.score })),
      queries: a.hot('q', LIVE_HOT).map((h) => ({ query: h.key, score: h.score })),
    },
  };
}
