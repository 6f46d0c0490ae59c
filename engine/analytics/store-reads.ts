/**
 * Reads of the analytics LMDB that more than one thread makes: the main thread for
 * the admin API, the analytics worker for the dashboard's live summary. Any thread
 * may read the environment while the worker writes.
 */
import { decayTrend } from '../../actors/signals.js';
import { LAST_TS_KEY, type AnalyticsStore } from './analytics-store.js';
import { bucketKey, emptyBucket, type FunnelCounts, type Granularity, type KpiBucket } from './shop-fold.js';

/** KPI buckets from `from` to `to` (ms, inclusive of the buckets they fall in), oldest first. */
export function readKpis(store: AnalyticsStore, g: Granularity, from: number, to: number): Array<{ start: string } & KpiBucket> {
  const out: Array<{ start: string } & KpiBucket> = [];
  for (const { key, value } of store.buckets.getRange({ start: bucketKey(g, from), end: `${bucketKey(g, to)}\uffff` })) {
    out.push({ start: key.slice(2), ...emptyBucket(), ...value });
  }
  return out;
}

/**
 * The hottest products (`p`), search queries (`q`) or per-category queries (`qc`, keys
 * `<category>|<query>`; pass `qc:<category>|` to read one category) now, decayed to the newest event.
 * A scan of every scored key: callers on a hot path cache it (the worker does, per second).
 */
/** `p` products, `q` queries, `qc:<category>|` the queries searched in one category. */
export type HotKind = 'p' | 'q' | `qc:${string}|`;

export function readHot(store: AnalyticsStore, kind: HotKind, limit: number): Array<{ key: string; score: number }> {
  const now = (store.meta.get(LAST_TS_KEY) as number | undefined) ?? Date.now();
  const all: Array<{ key: string; score: number }> = [];
  const prefix = kind.endsWith('|') ? kind : `${kind}:`;
  for (const { key, value } of store.hot.getRange({ start: prefix, end: `${prefix}\uffff` })) {
    all.push({ key: key.slice(prefix.length), score: Math.round(decayTrend(value.score, value.ts, now) * 1000) / 1000 });
  }
  return all.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1)).slice(0, limit);
}

/** Funnel per category for the days from..to (YYYY-MM-DD). */
export function readFunnel(store: AnalyticsStore, fromDay: string, toDay: string): Map<string, FunnelCounts> {
  const out = new Map<string, FunnelCounts>();
  for (const { key, value } of store.funnel.getRange({ start: fromDay, end: `${toDay}|\uffff` })) {
    const category = key.slice(key.indexOf('|') + 1);
    const f = out.get(category) ?? { views: 0, cartAdds: 0, purchases: 0 };
    f.views += value.views;
    f.cartAdds += value.cartAdds;
    f.purchases += value.purchases;
    out.set(category, f);
  }
  return out;
}
