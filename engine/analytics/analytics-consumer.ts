/**
 * The analytics consumer, main-thread side: runs the fold loop in its own worker
 * thread (analytics-worker.ts; restarted if it dies) and answers operators' reads
 * from the same LMDB environment, which any thread may read while the worker writes.
 * Never inside a shard: a slow report cannot delay a shopper's push.
 */
import { Worker } from 'node:worker_threads';
import type { Logger, LogLevel } from '../observability/index.js';
import { AnalyticsStore, LAST_TS_KEY } from './analytics-store.js';
import type { AnalyticsWorkerCommand, AnalyticsWorkerInit, AnalyticsWorkerMessage } from './analytics-worker.js';
import { CustomerReport } from './customer-report.js';
import { SegmentMap, type SegmentRule } from './customers/segments.js';
import type { CustomerOrder, FunnelCounts, Granularity, KpiBucket } from './shop-fold.js';
import { readFunnel, readHot, readKpis, type HotKind } from './store-reads.js';

const RESTART_DELAY_MS = 1000;
const READY_TIMEOUT_MS = 60_000;
/** Below the shards (5): shop-level numbers may lag, pushes may not. */
export const ANALYTICS_NICENESS = 10;

export interface AnalyticsConsumerOptions {
  natsUrl: string;
  dataDir: string;
  log: Logger;
  logLevel: LogLevel;
  /** Where segment_change events go (the log's layout). */
  partitions: number;
  streamReplicas: number;
  /** RFM segment rules (SEGMENT_RULES); default the 11 of docs/analytics-models.md. */
  segmentRules?: SegmentRule[];
  /** The live intent trainer's settings (absent: INTENT off). */
  intent?: AnalyticsWorkerInit['intent'];
}

export interface AnalyticsProgress {
  appliedSeq: number;
  lagEvents: number;
  lastEventTs: number;
  /** The longest time (ms) from a record's store in the log to its fold's commit since the previous report (0: nothing folded). */
  foldDelayMs: number;
  /** Something was folded since the previous report. */
  moved: boolean;
}

export class AnalyticsConsumer {
  readonly store: AnalyticsStore;
  /** RFM, cohorts, ABC and per-customer scores over the folded order histories. */
  readonly customers: CustomerReport;
  readonly #opts: AnalyticsConsumerOptions;
  #worker: Worker | undefined;
  #state: 'idle' | 'running' | 'closed' = 'idle';
  #applied = 0;
  #lag = 0;
  #lastEventTs = 0;
  #foldDelayMs = 0;
  readonly #listeners = new Set<(p: AnalyticsProgress) => void>();
  readonly #summaryListeners = new Set<(json: string) => void>();
  #summaries = false;
  #lastSummary: { json: string; at: number } | undefined;
  #intentReport: string | undefined;

  constructor(opts: AnalyticsConsumerOptions) {
    this.#opts = opts;
    this.store = AnalyticsStore.open(opts.dataDir);
    this.customers = new CustomerReport(this.store, () => this.#applied, opts.segmentRules ? new SegmentMap(opts.segmentRules) : undefined);
    this.#applied = this.store.cursor();
    this.#lastEventTs = (this.store.meta.get(LAST_TS_KEY) as number | undefined) ?? 0;
  }

  /** Last log sequence folded (as the worker last reported it). */
  get appliedSeq(): number {
    return this.#applied;
  }

  /** Events in the log after the last one the worker was delivered. */
  get lagEvents(): number {
    return this.#lag;
  }

  /** Event time (ms) of the newest event folded; 0 before the first. */
  get lastEventTs(): number {
    return this.#lastEventTs;
  }

  /** Store -> fold delay (ms) of the latest report that folded something. */
  get foldDelayMs(): number {
    return this.#foldDelayMs;
  }

  /** Asks the worker to build the dashboard's live summary (while an operator watches) or to stop. */
  wantSummaries(on: boolean): void {
    if (this.#summaries === on) return;
    this.#summaries = on;
    if (!on) this.#lastSummary = undefined;
    this.#send({ type: 'summaries', on });
  }

  /** The newest live summary (JSON) if the worker sent one in the last `maxAgeMs`. */
  lastSummary(maxAgeMs = 5000): string | undefined {
    const s = this.#lastSummary;
    return s && Date.now() - s.at <= maxAgeMs ? s.json : undefined;
  }

  /** The intent trainer's latest report (IntentReport JSON); undefined before the first or with INTENT off. */
  get intentReport(): string | undefined {
    return this.#intentReport;
  }

  /** Called with each live summary the worker builds; returns the unsubscribe. */
  onSummary(listener: (json: string) => void): () => void {
    this.#summaryListeners.add(listener);
    return () => this.#summaryListeners.delete(listener);
  }

  #send(m: AnalyticsWorkerCommand): void {
    this.#worker?.postMessage(m);
  }

  /** Called with the worker's progress (about 4 times a second while it runs); returns the unsubscribe. */
  onProgress(listener: (p: AnalyticsProgress) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  get state(): string {
    return this.#state;
  }

  /** Starts the worker; resolves once it is folding. */
  async start(): Promise<void> {
    if (this.#state !== 'idle') throw new Error(`analytics consumer cannot start when ${this.#state}`);
    this.#state = 'running';
    await this.#spawn();
  }

  #spawn(): Promise<void> {
    const init: AnalyticsWorkerInit = {
      natsUrl: this.#opts.natsUrl, dataDir: this.#opts.dataDir, logLevel: this.#opts.logLevel, niceness: ANALYTICS_NICENESS,
      partitions: this.#opts.partitions, streamReplicas: this.#opts.streamReplicas,
      ...(this.#opts.segmentRules ? { segmentRules: this.#opts.segmentRules } : {}),
      ...(this.#opts.intent ? { intent: this.#opts.intent } : {}),
    };
    const w = new Worker(new URL('./analytics-worker.js', import.meta.url), { workerData: init, name: 'analytics' });
    this.#worker = w;
    return new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('analytics worker not ready in time')), READY_TIMEOUT_MS);
      w.on('message', (m: AnalyticsWorkerMessage) => {
        if (m.type === 'ready') {
          clearTimeout(t);
          // A restarted worker learns again that an operator is watching.
          if (this.#summaries) w.postMessage({ type: 'summaries', on: true } satisfies AnalyticsWorkerCommand);
          resolve();
        } else if (m.type === 'intent') {
          this.#intentReport = m.json;
        } else if (m.type === 'summary') {
          this.#lastSummary = { json: m.json, at: Date.now() };
          for (const l of this.#summaryListeners) {
            try {
              l(m.json);
            } catch (err) {
              this.#opts.log.error('analytics summary listener failed', { err });
            }
          }
        } else {
          const moved = m.appliedSeq !== this.#applied;
          this.#applied = m.appliedSeq;
          this.#lag = m.lagEvents;
          this.#lastEventTs = m.lastEventTs;
          if (moved) this.#foldDelayMs = m.foldDelayMs;
          const p: AnalyticsProgress = { appliedSeq: m.appliedSeq, lagEvents: m.lagEvents, lastEventTs: m.lastEventTs, foldDelayMs: m.foldDelayMs, moved };
          for (const l of this.#listeners) {
            try {
              l(p);
            } catch (err) {
              this.#opts.log.error('analytics progress listener failed', { err });
            }
          }
        }
      });
      w.once('exit', (code) => {
        clearTimeout(t);
        if (this.#state === 'closed') return;
        this.#opts.log.error('analytics worker exited; restarting it from its cursor', { code });
        setTimeout(() => {
          if (this.#state !== 'closed') this.#spawn().catch((err: unknown) => this.#opts.log.error('analytics worker restart failed', { err }));
        }, RESTART_DELAY_MS).unref();
        resolve();
      });
    });
  }

  /** KPI buckets from `from` to `to` (ms, inclusive of the buckets they fall in), oldest first. */
  kpis(g: Granularity, from: number, to: number): Array<{ start: string } & KpiBucket> {
    return readKpis(this.store, g, from, to);
  }

  /** The hottest products (`p`), search queries (`q`) or queries in one category (`qc:<category>|`) now, decayed to the newest event. */
  hot(kind: HotKind, limit: number): Array<{ key: string; score: number }> {
    return readHot(this.store, kind, limit);
  }

  /** Funnel per category for the days from..to (YYYY-MM-DD). */
  funnel(fromDay: string, toDay: string): Map<string, FunnelCounts> {
    return readFunnel(this.store, fromDay, toDay);
  }

  customerOrders(userId: string): CustomerOrder[] {
    return this.store.orders.get(userId) ?? [];
  }

  /** Stops the worker (it commits what it read), then closes this thread's store. */
  async close(): Promise<void> {
    const w = this.#worker;
    this.#state = 'closed';
    if (w) {
      const exited = new Promise<void>((r) => w.once('exit', () => r()));
      w.postMessage({ type: 'stop' } satisfies AnalyticsWorkerCommand);
      const t = setTimeout(() => void w.terminate(), 10_000);
      await exited;
      clearTimeout(t);
    }
    this.#applied = this.store.cursor();
    await this.customers.close();
    await this.store.close();
  }
}
