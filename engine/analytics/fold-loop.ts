/**
 * The analytics fold loop, run in its own worker thread (analytics-worker.ts): a
 * LogPump from the consumer's cursor; batches are folded by shop-fold.ts into one
 * view and committed with the cursor in one LMDB transaction at most every
 * COMMIT_EVERY_MS (or every MAX_VIEW_EVENTS events), so after a crash it resumes
 * exactly after its last commit. At 1k events/s the pump's batches hold a few events
 * each: one commit per batch spent more on the transaction than on the fold.
 */
import { jetstream } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { decodeEvent } from '../../protos/index.js';
import { LogPump, type LogRecord } from '../log/index.js';
import type { Logger } from '../observability/index.js';
import { type AnalyticsStore, CURSOR_KEY, LAST_TS_KEY } from './analytics-store.js';
import { foldExperimentEvent, type ExperimentMember, type ExperimentSums, type ExperimentView } from './experiments/variant-fold.js';
import { emptyBucket, foldShopEvent, type AnalyticsView, type CustomerOrder, type FunnelCounts, type HotScore, type KpiBucket, type VisitorState } from './shop-fold.js';

const RESTART_DELAY_MS = 1000;
/** Folds wait this long for their commit (the dashboard's budget is a second). */
export const COMMIT_EVERY_MS = 100;
/** ... or until this many events are waiting (a replay or a catch-up). */
export const MAX_VIEW_EVENTS = 5000;

/** One batch's reads and writes: read through to LMDB, written back in the commit. */
class BatchView implements AnalyticsView, ExperimentView {
  readonly experimentSums = new Map<string, ExperimentSums>();
  readonly experimentMembers = new Map<string, ExperimentMember[]>();
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

  members(userId: string): readonly ExperimentMember[] | undefined {
    return this.experimentMembers.get(userId) ?? this.store.experimentMembers.get(userId);
  }

  setMembers(userId: string, m: ExperimentMember[]): void {
    this.experimentMembers.set(userId, m);
  }

  sums(key: string): ExperimentSums | undefined {
    let s = this.experimentSums.get(key);
    if (!s) {
      const stored = this.store.experiments.get(key);
      if (stored) this.experimentSums.set(key, (s = structuredClone(stored)));
    }
    return s;
  }

  setSums(key: string, s: ExperimentSums): void {
    this.experimentSums.set(key, s);
  }

  revenueBetween(userId: string, from: number, to: number): number {
    let t = 0;
    for (const o of this.orders(userId)) if (o.ts >= from && o.ts < to) t += o.revenue;
    return t;
  }

  hot(key: string): HotScore | undefined {
    return this.hots.get(key) ?? this.store.hot.get(key);
  }

  setHot(key: string, s: HotScore): void {
    this.hots.set(key, s);
  }
}

export interface FoldLoopOptions {
  nc: NatsConnection;
  store: AnalyticsStore;
  categoryOf(itemId: string): string;
  log: Logger;
  /** Called after each committed batch (segment scoring watches the day turn, and late orders). */
  afterBatch?: (lastEventTs: number, oldestOrderTs: number) => void;
}

export class FoldLoop {
  readonly #o: FoldLoopOptions;
  #pump: LogPump | undefined;
  #state: 'idle' | 'running' | 'restarting' | 'closed' = 'idle';
  #applied = 0;
  #lastTs = 0;
  /** Longest time from a record's store in the log to its fold's commit, since last taken. */
  #maxDelayMs = 0;
  /** Folded, not yet committed. */
  #view: { v: BatchView; last: number; events: number; oldestStored: number; oldestOrderTs: number } | undefined;
  #commitTimer: NodeJS.Timeout | undefined;

  constructor(o: FoldLoopOptions) {
    this.#o = o;
  }

  get appliedSeq(): number {
    return this.#applied;
  }

  /** The longest store -> commit delay (ms) of the batches since the last call, then 0. */
  takeMaxDelayMs(): number {
    const d = this.#maxDelayMs;
    this.#maxDelayMs = 0;
    return d;
  }

  /** Event time (ms) of the newest event folded. */
  get lastEventTs(): number {
    return this.#lastTs;
  }

  /** Events in the log after the last one delivered. */
  get lagEvents(): number {
    return this.#pump?.pending ?? 0;
  }

  async start(): Promise<void> {
    if (this.#state !== 'idle') throw new Error(`analytics fold cannot start when ${this.#state}`);
    this.#lastTs = (this.#o.store.meta.get(LAST_TS_KEY) as number | undefined) ?? 0;
    await this.#startPump();
  }

  async #startPump(): Promise<void> {
    this.#applied = this.#o.store.cursor();
    const pump = new LogPump({
      js: jetstream(this.#o.nc, { timeout: 5000 }),
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
    this.#o.log.error('analytics fold stopped; restarting from its cursor', { err });
    this.#state = 'restarting';
    // What was folded and not committed is read again from the cursor.
    clearTimeout(this.#commitTimer);
    this.#commitTimer = undefined;
    this.#view = undefined;
    this.#lastTs = (this.#o.store.meta.get(LAST_TS_KEY) as number | undefined) ?? 0;
    setTimeout(() => {
      if (this.#state !== 'restarting') return;
      this.#startPump().catch((e: unknown) => this.#restart(e));
    }, RESTART_DELAY_MS).unref();
  }

  #apply(batch: LogRecord[]): void {
    const w = (this.#view ??= { v: new BatchView(this.#o.store, this.#o.categoryOf), last: this.#applied, events: 0, oldestStored: Number.POSITIVE_INFINITY, oldestOrderTs: Number.POSITIVE_INFINITY });
    for (const r of batch) {
      if (r.seq <= w.last) continue;
      if (r.storedAt < w.oldestStored) w.oldestStored = r.storedAt;
      w.last = r.seq;
      w.events++;
      let e;
      try {
        e = decodeEvent(r.data);
      } catch (err) {
        this.#o.log.warn('analytics: undecodable log record skipped', { seq: r.seq, err: (err as Error).message });
        continue;
      }
      foldShopEvent(w.v, e);
      foldExperimentEvent(w.v, e);
      if (e.kind === 'purchase' && e.ts < w.oldestOrderTs) w.oldestOrderTs = e.ts;
      // Segment moves and definitions carry the wall time they were written at, not the
      // shop's activity: they must not drag the shop's clock forward (a rule published
      // at start would otherwise make an import of yesterday's orders "late").
      if (e.kind !== 'segment_change' && e.kind !== 'definition') this.#lastTs = Math.max(this.#lastTs, e.ts);
    }
    if (w.events >= MAX_VIEW_EVENTS) this.#commit();
    else if (w.events > 0 && !this.#commitTimer) this.#commitTimer = setTimeout(() => this.#commit(), COMMIT_EVERY_MS);
  }

  #commit(): void {
    clearTimeout(this.#commitTimer);
    this.#commitTimer = undefined;
    const w = this.#view;
    this.#view = undefined;
    if (!w || w.last === this.#applied) return;
    const s = this.#o.store;
    const view = w.v;
    s.root.transactionSync(() => {
      for (const [k, b] of view.buckets) s.buckets.put(k, b);
      for (const [k, v] of view.visitors) s.visitors.put(k, v);
      for (const [k, o] of view.orderLists) s.orders.put(k, o);
      for (const [k, f] of view.funnels) s.funnel.put(k, f);
      for (const [k, h] of view.hots) s.hot.put(k, h);
      for (const [k, x] of view.experimentSums) s.experiments.put(k, x);
      for (const [k, m] of view.experimentMembers) s.experimentMembers.put(k, m);
      s.meta.put(CURSOR_KEY, w.last);
      s.meta.put(LAST_TS_KEY, this.#lastTs);
    });
    this.#applied = w.last;
    if (Number.isFinite(w.oldestStored)) this.#maxDelayMs = Math.max(this.#maxDelayMs, Date.now() - w.oldestStored);
    this.#o.afterBatch?.(this.#lastTs, w.oldestOrderTs);
  }

  async close(): Promise<void> {
    this.#state = 'closed';
    await this.#pump?.close();
    this.#commit();
  }
}
