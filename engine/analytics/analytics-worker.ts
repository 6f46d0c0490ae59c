/**
 * Worker thread of the analytics consumer: the fold loop at a lower CPU priority
 * than the shards, so when the cores are busy, shoppers' pushes come first and
 * the shop-level numbers catch up after. Reports its progress to the main thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { connectNats, EventLog } from '../log/index.js';
import { createLogger, type LogLevel } from '../observability/index.js';
import { lowerThreadPriority } from '../shards/worker/thread-priority.js';
import { StateStore } from '../store/index.js';
import { AnalyticsStore } from './analytics-store.js';
import { FoldLoop } from './fold-loop.js';
import { HotLists, liveSummary } from './live-summary.js';
import { SegmentMap, type SegmentRule } from './customers/segments.js';
import { SegmentMoves } from './segment-moves.js';
import { IntentTrainer } from './intent/intent-trainer.js';

export interface AnalyticsWorkerInit {
  natsUrl: string;
  dataDir: string;
  logLevel: LogLevel;
  niceness: number;
  partitions: number;
  streamReplicas: number;
  segmentRules?: SegmentRule[];
  /** The live intent trainer (absent: INTENT off). */
  intent?: { gapMs: number; everyMs: number; minSessions: number; backfillEvents?: number };
}

/** Worker -> main. */
export type AnalyticsWorkerMessage =
  | { type: 'ready' }
  | { type: 'progress'; appliedSeq: number; lagEvents: number; lastEventTs: number; foldDelayMs: number }
  /** The dashboard's live summary, as JSON (sent while summaries are wanted). */
  | { type: 'summary'; json: string }
  /** The intent trainer's report (IntentReport), as JSON, every INTENT_REPORT_MS. */
  | { type: 'intent'; json: string };

/** Main -> worker. */
export type AnalyticsWorkerCommand = { type: 'stop' } | { type: 'summaries'; on: boolean };

const PROGRESS_MS = 250;
const INTENT_REPORT_MS = 1000;
/** Without fold progress, a summary still goes out this often (the minute chart moves on). */
const IDLE_SUMMARY_MS = 5000;

async function main(init: AnalyticsWorkerInit): Promise<void> {
  const log = createLogger(init.logLevel, 'analytics');
  if (init.niceness > 0) lowerThreadPriority(init.niceness);
  const nc = await connectNats(init.natsUrl, 'analytics', log);
  const store = AnalyticsStore.open(init.dataDir);
  // The catalog as the main thread keeps it in LMDB: always current, upserts included.
  const state = StateStore.open(init.dataDir);
  const eventLog = await EventLog.open(nc, init.partitions, init.streamReplicas);
  const segments = new SegmentMoves({ store, log: eventLog, logger: log, ...(init.segmentRules ? { segments: new SegmentMap(init.segmentRules) } : {}) });
  const post = (m: AnalyticsWorkerMessage) => parentPort!.postMessage(m);
  const hot = new HotLists(store, (id) => state.catalog.get(id)?.name ?? '');
  const trainer = init.intent ? new IntentTrainer({
    nc, eventLog, log, gapMs: init.intent.gapMs, everyMs: init.intent.everyMs, minSessions: init.intent.minSessions,
    ...(init.intent.backfillEvents !== undefined ? { backfillEvents: init.intent.backfillEvents } : {}),
    item: (id) => {
      const p = state.catalog.get(id);
      return p ? { category: p.category, price: p.price } : undefined;
    },
  }) : undefined;
  let summaries = false;
  let lastSummary = 0;
  let lastDelay = 0;
  // Folds that a summary showed with cached hot lists: one more summary when the cache expires.
  let hotBehind = false;
  let lastShownSeq = -1;
  const summarize = (now: number) => {
    lastSummary = now;
    lastShownSeq = loop.appliedSeq;
    hotBehind = !hot.expired(now);
    const pos = { appliedSeq: loop.appliedSeq, lagEvents: loop.lagEvents, lastEventTs: loop.lastEventTs, foldDelayMs: lastDelay };
    post({ type: 'summary', json: JSON.stringify(liveSummary(store, pos, hot.get(now), now, trainer?.report() ?? null)) });
  };
  // A commit shows on the dashboard at once (at most 4 summaries a second); the timer covers the rest.
  function onCommitted(): void {
    const now = Date.now();
    if (summaries && now - lastSummary >= PROGRESS_MS) summarize(now);
  }
  const loop = new FoldLoop({ nc, store, log, categoryOf: (id) => state.catalog.get(id)?.category ?? '', afterBatch: (ts, oldest) => {
    segments.observe(ts, oldest);
    onCommitted();
  } });
  await loop.start();
  await trainer?.start();
  post({ type: 'ready' });
  if (trainer) post({ type: 'intent', json: JSON.stringify(trainer.report()) });
  const intentTimer = trainer ? setInterval(() => post({ type: 'intent', json: JSON.stringify(trainer.report()) }), INTENT_REPORT_MS) : undefined;
  let lastSeq = loop.appliedSeq;
  const timer = setInterval(() => {
    const foldDelayMs = loop.takeMaxDelayMs();
    const moved = loop.appliedSeq !== lastSeq;
    lastSeq = loop.appliedSeq;
    if (moved) lastDelay = foldDelayMs;
    post({ type: 'progress', appliedSeq: loop.appliedSeq, lagEvents: loop.lagEvents, lastEventTs: loop.lastEventTs, foldDelayMs });
    const now = Date.now();
    const shownSeq = lastShownSeq;
    if (summaries && ((moved && loop.appliedSeq !== shownSeq) || now - lastSummary >= IDLE_SUMMARY_MS || (hotBehind && hot.expired(now)))) summarize(now);
  }, PROGRESS_MS);
  parentPort!.on('message', (m: AnalyticsWorkerCommand) => {
    if (m.type === 'summaries') {
      summaries = m.on;
      if (m.on) summarize(Date.now());
      return;
    }
    if (m.type !== 'stop') return;
    clearInterval(timer);
    clearInterval(intentTimer);
    void (async () => {
      await trainer?.close();
      await loop.close();
      await segments.close();
      post({ type: 'progress', appliedSeq: loop.appliedSeq, lagEvents: loop.lagEvents, lastEventTs: loop.lastEventTs, foldDelayMs: loop.takeMaxDelayMs() });
      await nc.drain().catch(() => undefined);
      await store.close();
      await state.close();
      process.exit(0);
    })();
  });
}

main(workerData as AnalyticsWorkerInit).catch((err: unknown) => {
  process.stderr.write(`${JSON.stringify({ level: 'error', time: new Date().toISOString(), component: 'analytics', err: String(err), msg: 'analytics worker failed' })}\n`);
  process.exit(1);
});
