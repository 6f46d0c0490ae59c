/**
 * The dashboard's live summary: today's KPIs, the last hour per minute, and the hot
 * lists. Built in the analytics worker (below the shards' priority, never on the
 * gateway's thread) when an operator is watching: about 62 bucket reads, plus the
 * hot lists, which scan every scored key and are therefore refreshed once a second.
 */
import type { AnalyticsLiveMessage, HotProduct, HotQuery, KpiPoint } from '../../protos/admin-contract.js';
import type { AnalyticsStore } from './analytics-store.js';
import { kpiReport, ratesOf } from './kpi-report.js';
import { emptyBucket } from './shop-fold.js';
import { readHot, readKpis } from './store-reads.js';

const MINUTE_MS = 60_000;
export const LIVE_MINUTES = 60;
export const LIVE_HOT = 10;
const HOT_REFRESH_MS = 1000;

export interface FoldPosition {
  appliedSeq: number;
  lagEvents: number;
  lastEventTs: number;
  foldDelayMs: number;
}

/** The hot lists, re-read at most once a second. */
export class HotLists {
  #at = Number.NEGATIVE_INFINITY;
  #lists: AnalyticsLiveMessage['hot'] = { products: [], queries: [] };

  constructor(private readonly store: AnalyticsStore, private readonly nameOf: (itemId: string) => string) {}

  /** True when the next get() reads the store again. */
  expired(now = Date.now()): boolean {
    return now - this.#at >= HOT_REFRESH_MS;
  }

  get(now = Date.now()): AnalyticsLiveMessage['hot'] {
    if (!this.expired(now)) return this.#lists;
    this.#at = now;
    const products: HotProduct[] = readHot(this.store, 'p', LIVE_HOT).map((h) => ({ itemId: h.key, name: this.nameOf(h.key), score: h.score }));
    const queries: HotQuery[] = readHot(this.store, 'q', LIVE_HOT).map((h) => ({ query: h.key, score: h.score }));
    this.#lists = { products, queries };
    return this.#lists;
  }
}

export function liveSummary(store: AnalyticsStore, pos: FoldPosition, hot: AnalyticsLiveMessage['hot'], now = Date.now(), intent: AnalyticsLiveMessage['intent'] = null): AnalyticsLiveMessage {
  const dayStart = Math.floor(now / 86_400_000) * 86_400_000;
  const { start: _start, ...today } = { ...emptyBucket(), start: '', ...readKpis(store, 'day', dayStart, now)[0] };
  const firstMinute = Math.floor(now / MINUTE_MS) * MINUTE_MS - (LIVE_MINUTES - 1) * MINUTE_MS;
  const have = new Map(kpiReport('minute', firstMinute, now, readKpis(store, 'minute', firstMinute, now)).buckets.map((b) => [b.start, b]));
  const minutes: KpiPoint[] = [];
  for (let i = 0; i < LIVE_MINUTES; i++) {
    const start = new Date(firstMinute + i * MINUTE_MS).toISOString().slice(0, 16);
    minutes.push(have.get(start) ?? { start, ...emptyBucket(), ...ratesOf(emptyBucket()) });
  }
  return {
    type: 'analytics', ts: now, appliedSeq: pos.appliedSeq, lagEvents: pos.lagEvents, lastEventTs: pos.lastEventTs, foldDelayMs: pos.foldDelayMs,
    today: { ...today, ...ratesOf(today) },
    minutes,
    hot,
    intent,
  };
}
