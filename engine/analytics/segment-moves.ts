/**
 * Segment changes as events: when the log reaches a new UTC day, every customer is
 * scored by RFM as of that day's 00:00 (the orders before it), and each customer
 * whose segment moved gets a `segment_change` event on the log, in their user
 * partition, so the user actor (and a promotion rule) can react to "moved to At Risk".
 *
 * Exactly once in effect: the event id is the day, so a re-publish after a crash
 * within the log's duplicate window is dropped by JetStream, and a later one folds to
 * the same state in the user actor. The published segments and the day are
 * committed only after every event was acknowledged.
 */
import type { EventLog } from '../log/index.js';
import type { Logger } from '../observability/index.js';
import type { ShopEvent } from '../../protos/index.js';
import { SEGMENT_DAY_KEY, type AnalyticsStore } from './analytics-store.js';
import { rfm, type CustomerHistory } from './customers/index.js';
import type { SegmentMap } from './customers/segments.js';

const DAY_MS = 86_400_000;
/**
 * A replayed or imported history crosses many days in seconds: its days are scored at
 * most this often (wall clock). Yesterday and today, the live days, are scored at once.
 */
export const SEGMENT_SCORING_INTERVAL_MS = 60_000;
const PUBLISH_CONCURRENCY = 256;

export interface SegmentMovesOptions {
  store: AnalyticsStore;
  log: Pick<EventLog, 'append'>;
  logger: Logger;
  intervalMs?: number;
  now?: () => number;
  /** @default the 11 segments of docs/analytics-models.md */
  segments?: SegmentMap;
}

export interface SegmentRun {
  day: string;
  customers: number;
  moves: number;
  ms: number;
}

export class SegmentMoves {
  readonly #o: SegmentMovesOptions;
  #running: Promise<SegmentRun | undefined> | undefined;
  #lastRun = Number.NEGATIVE_INFINITY;
  #pendingDay = 0;
  #timer: NodeJS.Timeout | undefined;
  #closed = false;
  /** The scored day is scored again (late orders): always throttled. */
  #rescore = false;

  constructor(o: SegmentMovesOptions) {
    this.#o = o;
  }

  /**
   * After a batch: the log's newest event time, and the oldest order time folded in it.
   * Scores (off the batch path) when the day is new, and again (throttled) when an
   * order from before the scored day arrived late (an import, a delayed backend).
   */
  observe(lastEventTs: number, oldestOrderTs = Number.POSITIVE_INFINITY): void {
    if (this.#closed || lastEventTs <= 0) return;
    const day = Math.floor(lastEventTs / DAY_MS) * DAY_MS;
    const done = (this.#o.store.meta.get(SEGMENT_DAY_KEY) as number | undefined) ?? 0;
    if (day > done && day > this.#pendingDay) {
      this.#pendingDay = day;
      this.#schedule();
    } else if (done > 0 && oldestOrderTs < done && this.#pendingDay <= done) {
      this.#pendingDay = done;
      this.#rescore = true;
      this.#schedule();
    }
  }

  #schedule(): void {
    if (this.#running || this.#timer || this.#closed) return;
    const now = (this.#o.now ?? Date.now)();
    const live = !this.#rescore && this.#pendingDay >= Math.floor(now / DAY_MS) * DAY_MS - DAY_MS;
    const wait = live ? 0 : Math.max(0, this.#lastRun + (this.#o.intervalMs ?? SEGMENT_SCORING_INTERVAL_MS) - now);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.runNow();
    }, wait);
    this.#timer.unref();
  }

  /** Scores the pending day now (tests call it; the timer does otherwise). */
  runNow(): Promise<SegmentRun | undefined> {
    if (this.#running) return this.#running;
    const day = this.#pendingDay;
    if (day === 0) return Promise.resolve(undefined);
    this.#lastRun = (this.#o.now ?? Date.now)();
    this.#rescore = false;
    const run = this.#score(day).then(
      (r) => r,
      (err: unknown) => {
        // The day stays pending: the next batch (or the retry below) scores it again.
        this.#o.logger.error('segment scoring failed; retrying', { err, day: new Date(day).toISOString().slice(0, 10) });
        return undefined;
      },
    ).finally(() => {
      this.#running = undefined;
      const done = (this.#o.store.meta.get(SEGMENT_DAY_KEY) as number | undefined) ?? 0;
      if (this.#pendingDay > done || this.#rescore) this.#schedule();
    });
    this.#running = run;
    return run;
  }

  async #score(day: number): Promise<SegmentRun> {
    const t0 = performance.now();
    const { store } = this.#o;
    const histories: CustomerHistory[] = [];
    for (const { key, value } of store.orders.getRange({})) histories.push({ customerId: key, orders: [...value].sort((a, b) => a.ts - b.ts) });
    const result = rfm(histories, day, this.#o.segments ? { segments: this.#o.segments } : {});
    const iso = new Date(day).toISOString().slice(0, 10);
    const moves: ShopEvent[] = [];
    for (const s of result.scores) {
      const before = store.segments.get(s.customerId) ?? '';
      if (before === s.segment) continue;
      moves.push({
        id: `seg-${iso}-${s.segment.toLowerCase().replace(/[^a-z]+/g, '-')}`, userId: s.customerId, kind: 'segment_change', ts: Date.now(), dueAt: day,
        segment: s.segment, previousSegment: before, source: 'engine',
      });
    }
    for (let i = 0; i < moves.length; i += PUBLISH_CONCURRENCY) {
      await Promise.all(moves.slice(i, i + PUBLISH_CONCURRENCY).map((e) => this.#o.log.append(e)));
    }
    store.root.transactionSync(() => {
      for (const e of moves) store.segments.put(e.userId, e.segment!);
      store.meta.put(SEGMENT_DAY_KEY, day);
    });
    const run = { day: iso, customers: result.customers, moves: moves.length, ms: Math.round(performance.now() - t0) };
    this.#o.logger.info('segments scored', run);
    return run;
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#timer);
    await this.#running;
  }
}
