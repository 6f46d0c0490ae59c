/**
 * The analytics consumer: its own read of the whole log (a LogPump from its own
 * cursor), folded by shop-fold.ts into its own LMDB, one transaction per batch with
 * the cursor. Never inside a shard: a slow report cannot delay a shopper's push.
 *
 * Lifecycle: idle -> running (-> restarting after a pump error) -> closed.
 */
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { decodeEvent } from '../../protos/index.js';
import { LogPump, type LogRecord } from '../log/index.js';
import type { Logger } from '../observability/index.js';
import { EVENT_STREAM } from '../placement/index.js';
import { AnalyticsStore, CURSOR_KEY } from './analytics-store.js';
import { CustomerReport } from './customer-report.js';
import {
  bucketKey, emptyBucket, foldShopEvent, type AnalyticsView, type CustomerOrder, type FunnelCounts, type Granularity,
  type HotScore, type KpiBucket, type VisitorState,
} from './shop-fold.js';
import { decayTrend } from '../../actors/signals.js';

const RESTART_DELAY_MS = 1000;

export interface AnalyticsConsumerOptions {
  nc: NatsConnection;
  dataDir: string;
  categoryOf(itemId: string): string;
  log: Logger;
}

/** One batch's reads and writes: read through to LMDB, written back in the commit. */
class BatchView implements AnalyticsView {
  readonly buckets = new Map<string, KpiBucket>();
  readonly visitors = new Map<string, VisitorState>();
  readonly orderLists = new Map<string, CustomerOrder[]>();
  readonly funnels = new Map<string, FunnelCounts>();
  readonly hots = new Map<string, HotScore>();

  constructor(
    private readonly store: AnalyticsStore,
    readonly categoryOf: (itemId: string) => string,
  ) {}

  bucket(key: string): KpiBucket {
    let b = this.buckets.get(key);
    if (!b) this.buckets.set(key, (b = { ...emptyBucket(), ...this.store.buckets.get(key) }));
    return b;
  }

  visitor(userId: string): VisitorState | undefined {
    return this.visitors.get(userId) ?? this.store.visitors.get(userId);
  }

  setVisitor(userId: string, v: VisitorState): void {
    this.visitors.set(userId, v);
  }

  orders(userId: string): CustomerOrder[] {
    let o = this.orderLists.get(userId);
    if (!o) this.orderLists.set(userId, (o = structuredClone(this.store.orders.get(userId) ?? [])));
    return o;
  }

  setOrders(userId: string, orders: CustomerOrder[]): void {
    this.orderLists.set(userId, orders);
  }

  funnel(key: string): FunnelCounts {
    let f = this.funnels.get(key);
    if (!f) this.funnels.set(key, (f = { views: 0, cartAdds: 0, purchases: 0, ...this.store.funnel.get(key) }));
    return f;
  }

  hot(key: string): HotScore | undefined {
    return this.hots.get(key) ?? this.store.hot.get(key);
  }

  setHot(key: string, s: HotScore): void {
    this.hots.set(key, s);
  }
}

export class AnalyticsConsumer {
  readonly store: AnalyticsStore;
  /** RFM, cohorts, ABC and per-customer scores over the folded order histories. */
  readonly customers: CustomerReport;
  readonly #opts: AnalyticsConsumerOptions;
  #pump: LogPump | undefined;
  #state: 'idle' | 'running' | 'restarting' | 'closed' = 'idle';
  #applied = 0;
  #lastTs = 0;

  constructor(opts: AnalyticsConsumerOptions) {
    this.#opts = opts;
    this.store = AnalyticsStore.open(opts.dataDir);
    this.customers = new CustomerReport(this.store, () => this.#applied);
  }

  /** Last log sequence folded. */
  get appliedSeq(): number {
    return this.#applied;
  }

  /** Events in the log after the last one delivered. */
  get lagEvents(): number {
    return this.#pump?.pending ?? 0;
  }

  get state(): string {
    return this.#state;
  }

  async start(): Promise<void> {
    if (this.#state !== 'idle') throw new Error(`analytics consumer cannot start when ${this.#state}`);
    await this.#startPump();
  }

  async #startPump(): Promise<void> {
    this.#applied = this.store.cursor();
    const pump = new LogPump({
      js: jetstream(this.#opts.nc, { timeout: 5000 }),
      startSeq: this.#applied + 1,
      onBatch: (batch) => this.#apply(batch),
      onError: (err) => this.#restart(err),
    });
    this.#pump = pump;
    this.#state = 'running';
    await pump.start();
  }

  #restart(err: unknown): void {
    if (this.#state === 'closed') return;
    this.#opts.log.error('analytics consumer stopped; restarting from its cursor', { err });
    this.#state = 'restarting';
    setTimeout(() => {
      if (this.#state !== 'restarting') return;
      this.#startPump().catch((e: unknown) => this.#restart(e));
    }, RESTART_DELAY_MS).unref();
  }

  #apply(batch: LogRecord[]): void {
    const view = new BatchView(this.store, this.#opts.categoryOf);
    let last = this.#applied;
    for (const r of batch) {
      if (r.seq <= last) continue; // already folded (a restarted pump re-delivers nothing older, but be sure)
      let e;
      try {
        e = decodeEvent(r.data);
      } catch (err) {
        this.#opts.log.warn('analytics: undecodable log record skipped', { seq: r.seq, err: (err as Error).message });
        last = r.seq;
        continue;
      }
      foldShopEvent(view, e);
      this.#lastTs = Math.max(this.#lastTs, e.ts);
      last = r.seq;
    }
    if (last === this.#applied) return;
    const s = this.store;
    s.root.transactionSync(() => {
      for (const [k, b] of view.buckets) s.buckets.put(k, b);
      for (const [k, v] of view.visitors) s.visitors.put(k, v);
      for (const [k, o] of view.orderLists) s.orders.put(k, o);
      for (const [k, f] of view.funnels) s.funnel.put(k, f);
      for (const [k, h] of view.hots) s.hot.put(k, h);
      s.meta.put(CURSOR_KEY, last);
    });
    this.#applied = last;
  }

  /** How far the fold is behind the log's last event. */
  async lag(): Promise<number> {
    const jsm = await jetstreamManager(this.#opts.nc);
    const last = (await jsm.streams.info(EVENT_STREAM)).state.last_seq;
    return Math.max(0, last - this.#applied);
  }

  /** KPI buckets from `from` to `to` (ms, inclusive of the buckets they fall in), oldest first. */
  kpis(g: Granularity, from: number, to: number): Array<{ start: string } & KpiBucket> {
    const out: Array<{ start: string } & KpiBucket> = [];
    const startKey = bucketKey(g, from);
    const endKey = bucketKey(g, to);
    for (const { key, value } of this.store.buckets.getRange({ start: startKey, end: `${endKey}\uffff` })) {
      out.push({ start: key.slice(2), ...emptyBucket(), ...value });
    }
    return out;
  }

  /** The hottest products (`p`) or search queries (`q`) now, decayed to the newest event. */
  hot(kind: 'p' | 'q', limit: number): Array<{ key: string; score: number }> {
    const now = this.#lastTs;
    const all: Array<{ key: string; score: number }> = [];
    for (const { key, value } of this.store.hot.getRange({ start: `${kind}:`, end: `${kind}:\uffff` })) {
      all.push({ key: key.slice(2), score: Math.round(decayTrend(value.score, value.ts, now) * 1000) / 1000 });
    }
    return all.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1)).slice(0, limit);
  }

  /** Funnel per category for the days from..to (YYYY-MM-DD). */
  funnel(fromDay: string, toDay: string): Map<string, FunnelCounts> {
    const out = new Map<string, FunnelCounts>();
    for (const { key, value } of this.store.funnel.getRange({ start: fromDay, end: `${toDay}|\uffff` })) {
      const category = key.slice(key.indexOf('|') + 1);
      const f = out.get(category) ?? { views: 0, cartAdds: 0, purchases: 0 };
      f.views += value.views;
      f.cartAdds += value.cartAdds;
      f.purchases += value.purchases;
      out.set(category, f);
    }
    return out;
  }

  customerOrders(userId: string): CustomerOrder[] {
    return this.store.orders.get(userId) ?? [];
  }

  async close(): Promise<void> {
    this.#state = 'closed';
    await this.#pump?.close();
    await this.customers.close();
    await this.store.close();
  }
}
