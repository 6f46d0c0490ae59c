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
import { SegmentMoves } from './segment-moves.js';

export interface AnalyticsWorkerInit {
  natsUrl: string;
  dataDir: string;
  logLevel: LogLevel;
  niceness: number;
  partitions: number;
  streamReplicas: number;
}

/** Worker -> main. */
export type AnalyticsWorkerMessage = { type: 'ready' } | { type: 'progress'; appliedSeq: number; lagEvents: number; lastEventTs: number; foldDelayMs: number };

const PROGRESS_MS = 250;

async function main(init: AnalyticsWorkerInit): Promise<void> {
  const log = createLogger(init.logLevel, 'analytics');
  if (init.niceness > 0) lowerThreadPriority(init.niceness);
  const nc = await connectNats(init.natsUrl, 'analytics', log);
  const store = AnalyticsStore.open(init.dataDir);
  // The catalog as the main thread keeps it in LMDB: always current, upserts included.
  const state = StateStore.open(init.dataDir);
  const eventLog = await EventLog.open(nc, init.partitions, init.streamReplicas);
  const segments = new SegmentMoves({ store, log: eventLog, logger: log });
  const loop = new FoldLoop({ nc, store, log, categoryOf: (id) => state.catalog.get(id)?.category ?? '', afterBatch: (ts, oldest) => segments.observe(ts, oldest) });
  await loop.start();
  const post = (m: AnalyticsWorkerMessage) => parentPort!.postMessage(m);
  post({ type: 'ready' });
  const timer = setInterval(() => post({ type: 'progress', appliedSeq: loop.appliedSeq, lagEvents: loop.lagEvents, lastEventTs: loop.lastEventTs, foldDelayMs: loop.takeMaxDelayMs() }), PROGRESS_MS);
  parentPort!.on('message', (m: { type: string }) => {
    if (m.type !== 'stop') return;
    clearInterval(timer);
    void (async () => {
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
