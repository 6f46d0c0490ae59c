/**
 * `runLoad`: the main thread of a load run. Reads the catalog, splits the shoppers
 * over worker threads, starts them on one clock, merges their counters and
 * histograms into progress ticks and the final result.
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { LoadgenOptions } from './args.js';
import { loadReplaySessions } from './behaviour/replay.js';
import { fetchCatalogSample, httpCatalogPages } from './catalog-sample.js';
import { clock } from './driver.js';
import { LoadgenError } from './errors.js';
import { mergeEncoded, newHistogram, summarize, type LatencySummary } from './histogram.js';
import { grpcCatalogPages, openChannels } from './transport/index.js';
import type { MainToWorker, PicksCheck, VerifyResult, WorkerInit, WorkerResult, WorkerToMain } from './worker-protocol.js';
import { PICKS_MIN_EVENTS } from './verify.js';

const WORKER_URL = new URL('./shopper-worker.js', import.meta.url);
const START_DELAY_MS = 300;
const TICK_MS = 1000;
/** Above these the generator itself was the bottleneck and the latencies include its own delay. */
const SATURATED_LAG_P99_MS = 10;
const SATURATED_ELU = 0.9;

export interface TimelinePoint {
  /** Seconds since sending started. */
  t: number;
  sent: number;
  acked: number;
  pushes: number;
  errors: number;
  pending: number;
  /** Events sent and not yet acked (or refused) at the tick. */
  awaitingAck: number;
  /** Whether the tick fell in the sending phase (warm-up included). */
  sending: boolean;
  ackP99: number;
  pushP99: number;
}

export interface LoadResult {
  /** Scenarios with preferred categories: how the engine's category picks do (null otherwise). */
  categoryPicks: { shoppers: number; top3Share: number; popularityTop3Share: number; minEvents: number } | null;
  scenario: LoadgenOptions['scenario'];
  protocol: LoadgenOptions['protocol'];
  /** Where the shoppers went: the base URL (ws) or HOST:PORT (grpc). */
  url: string;
  startedAt: string;
  shoppers: number;
  connected: number;
  connectFailed: number;
  connectS: number;
  workers: number;
  targetRate: number;
  durationS: number;
  warmupS: number;
  /** Acked events per second over the measured window (events whose intended send time fell in it). */
  eventsPerS: number;
  sendRate: number;
  sent: number;
  acked: number;
  duplicates: number;
  pushes: number;
  pushMatched: number;
  pushCoalesced: number;
  pushUnmatched: number;
  pushMissing: number;
  coupons: number;
  ack: LatencySummary;
  push: LatencySummary;
  /** How late the generator sent, against the intended time. */
  sendLag: LatencySummary;
  errors: number;
  errorsByCode: Record<string, number>;
  verify: VerifyResult | undefined;
  /** Acked events missing from the profiles; null when not verified. */
  lost: number | null;
  loadgen: { elu: number[]; cpuS: number; loadavg: number[]; saturated: boolean };
  warnings: string[];
  timeline: TimelinePoint[];
}

export interface RunHooks {
  /** Called with a one-line status while connecting and once per second while sending. */
  onProgress?: (line: string, point?: TimelinePoint) => void;
  /** Aborts the run (the workers close their sockets). */
  signal?: AbortSignal;
}

function split(total: number, parts: number): number[] {
  const base = Math.floor(total / parts);
  return Array.from({ length: parts }, (_, i) => base + (i < total % parts ? 1 : 0));
}

function flatten(sessions: number[][]): { items: Int32Array; offsets: Int32Array } {
  const offsets = new Int32Array(sessions.length + 1);
  let n = 0;
  sessions.forEach((s, i) => {
    offsets[i] = n;
    n += s.length;
  });
  offsets[sessions.length] = n;
  const items = new Int32Array(n);
  sessions.forEach((s, i) => items.set(s, offsets[i]!));
  return { items, offsets };
}

/** Where the run's shoppers go: the base URL or the gRPC address. */
export const targetOf = (opts: LoadgenOptions): string => (opts.protocol === 'grpc' ? opts.grpcTarget : opts.url);

/** The catalog over the run's protocol; over gRPC this is also where a wrong key shows (E_UNAUTHENTICATED). */
async function readCatalog(opts: LoadgenOptions) {
  if (opts.protocol !== 'grpc') return fetchCatalogSample(httpCatalogPages(opts.url), opts.url);
  const ch = openChannels(opts.grpcTarget, opts.apiKey!, 1);
  try {
    return await fetchCatalogSample(grpcCatalogPages(ch, opts.grpcTarget), opts.grpcTarget);
  } finally {
    ch.close();
  }
}

export async function runLoad(opts: LoadgenOptions, hooks: RunHooks = {}): Promise<LoadResult> {
  const progress = hooks.onProgress ?? (() => undefined);
  const cpu0 = process.cpuUsage();
  const startedAt = new Date().toISOString();
  const target = targetOf(opts);
  progress(`reading the catalog from ${target}${opts.protocol === 'grpc' ? ` over gRPC (API key from ${opts.apiKeySource})` : ''} ...`);
  const catalog = await readCatalog(opts);
  // gRPC shoppers are user ids made here: a fresh tag per run keeps earlier runs' profiles out of the lost check.
  const runTag = randomBytes(3).toString('hex');
  let replay: WorkerInit['replay'];
  if (opts.scenario === 'replay') {
    const r = loadReplaySessions(opts.dataDir, catalog.itemIds.length, opts.seed);
    progress(`replay: ${r.sessions.length} sessions, ${r.datasetItems} data-set items from ${r.file} mapped onto ${catalog.itemIds.length} catalog items`);
    replay = flatten(r.sessions);
  }
  const sizes = split(opts.shoppers, opts.workers);
  const workers: Worker[] = [];
  const results: Array<WorkerResult | undefined> = [];
  const connecting = sizes.map(() => ({ connected: 0, failed: 0 }));
  const ready: Array<Extract<WorkerToMain, { type: 'ready' }> | undefined> = [];
  let fatal: LoadgenError | undefined;
  const acc = { sent: 0, acked: 0, pushes: 0, errors: 0, pending: new Map<number, number>(), awaitingAck: new Map<number, number>(), ack: newHistogram(), push: newHistogram() };
  let onReady: () => void = () => undefined;
  let onDone: () => void = () => undefined;
  const allReady = new Promise<void>((r) => (onReady = r));
  const allDone = new Promise<void>((r) => (onDone = r));
  const settled = () => {
    if (ready.filter(Boolean).length === sizes.length || fatal) onReady();
    if (results.filter(Boolean).length === sizes.length || fatal) onDone();
  };

  let first = 0;
  sizes.forEach((n, w) => {
    const init: WorkerInit = {
      workerIndex: w, protocol: opts.protocol, url: opts.url,
      grpc: opts.protocol === 'grpc' ? { target: opts.grpcTarget, apiKey: opts.apiKey!, channels: opts.grpcChannels, runTag } : undefined,
      firstShopper: first, shoppers: n, totalShoppers: opts.shoppers,
      rate: (opts.rate * n) / opts.shoppers, scenario: opts.scenario, inflight: opts.inflight, seed: opts.seed,
      catalog: { itemIds: catalog.itemIds, categoryOf: catalog.categoryOf, categories: catalog.categories, stock: catalog.stock },
      replay, drainMs: opts.drainS * 1000, settleMs: opts.settleMs, skipVerify: opts.skipVerify,
    };
    first += n;
    const worker = new Worker(WORKER_URL, { workerData: init, name: `loadgen-${w}` });
    workers.push(worker);
    worker.on('message', (m: WorkerToMain) => {
      switch (m.type) {
        case 'connecting':
          connecting[w] = { connected: m.connected, failed: m.failed };
          progress(`connecting shoppers: ${connecting.reduce((s, c) => s + c.connected, 0)}/${opts.shoppers} (${connecting.reduce((s, c) => s + c.failed, 0)} failed)`);
          break;
        case 'ready':
          ready[w] = m;
          break;
        case 'tick':
          acc.sent += m.tick.sent;
          acc.acked += m.tick.acked;
          acc.pushes += m.tick.pushes;
          acc.errors += m.tick.errors;
          acc.pending.set(w, m.tick.pending);
          acc.awaitingAck.set(w, m.tick.awaitingAck);
          mergeEncoded(acc.ack, m.tick.ack);
          mergeEncoded(acc.push, m.tick.push);
          break;
        case 'result':
          results[w] = m.result;
          break;
        case 'fatal':
          fatal = new LoadgenError('E_UNREACHABLE', `loadgen worker ${w} failed: ${m.message}`);
          break;
      }
      settled();
    });
    worker.on('error', (err) => {
      fatal = new LoadgenError('E_UNREACHABLE', `loadgen worker ${w} crashed: ${err.stack ?? err.message}`);
      settled();
    });
    worker.on('exit', (code) => {
      if (!results[w] && !fatal) fatal = new LoadgenError('E_UNREACHABLE', `loadgen worker ${w} exited (${code}) before reporting`);
      settled();
    });
  });
  const abortAll = () => {
    for (const w of workers) w.postMessage({ type: 'abort' } satisfies MainToWorker);
  };
  hooks.signal?.addEventListener('abort', () => {
    fatal ??= new LoadgenError('E_UNREACHABLE', 'the run was aborted');
    abortAll();
    settled();
  });

  try {
    await allReady;
    if (fatal) throw fatal;
    const connected = ready.reduce((s, r) => s + (r?.connected ?? 0), 0);
    const connectS = Math.max(...ready.map((r) => r?.connectMs ?? 0)) / 1000;
    if (connected === 0) {
      const codes = ready.map((r) => JSON.stringify(r?.errorsByCode)).join(' ');
      throw new LoadgenError('E_NO_SHOPPERS', `none of ${opts.shoppers} shoppers could connect to ${target} (${codes})`);
    }
    progress(`${connected}/${opts.shoppers} shoppers connected${opts.protocol === 'grpc' ? ' over gRPC' : ''} in ${connectS.toFixed(1)} s; ${opts.scenario} at ${opts.scenario === 'flood' ? `${opts.inflight} in flight each` : `${opts.rate} events/s`} for ${opts.warmupS ? `${opts.warmupS} s warm-up + ` : ''}${opts.durationS} s`);

    const startAt = clock() + START_DELAY_MS;
    const measureFrom = startAt + opts.warmupS * 1000;
    const sendUntil = measureFrom + opts.durationS * 1000;
    for (const w of workers) w.postMessage({ type: 'start', startAt, measureFrom, sendUntil } satisfies MainToWorker);

    const timeline: TimelinePoint[] = [];
    const ticker = setInterval(() => {
      const ack = summarize(acc.ack);
      const push = summarize(acc.push);
      const t = Math.round((clock() - startAt) / 100) / 10;
      const pending = [...acc.pending.values()].reduce((a, b) => a + b, 0);
      const awaitingAck = [...acc.awaitingAck.values()].reduce((a, b) => a + b, 0);
      const point: TimelinePoint = { t, sent: acc.sent, acked: acc.acked, pushes: acc.pushes, errors: acc.errors, pending, awaitingAck, sending: clock() <= sendUntil, ackP99: ack.p99, pushP99: push.p99 };
      const total = opts.warmupS + opts.durationS;
      const phase = clock() < measureFrom ? 'warm-up ' : clock() > sendUntil ? 'draining ' : '';
      progress(`[${phase}${Math.min(t, total).toFixed(0)}/${total}s] sent ${acc.sent}/s acked ${acc.acked}/s pushes ${acc.pushes}/s | ack p50 ${ack.p50} p99 ${ack.p99} ms | push p50 ${push.p50} p99 ${push.p99} ms | errors ${acc.errors} | in flight ${pending}`, point);
      if (clock() <= sendUntil + TICK_MS) timeline.push(point);
      acc.sent = acc.acked = acc.pushes = acc.errors = 0;
      acc.ack.reset();
      acc.push.reset();
    }, TICK_MS);
    await allDone;
    clearInterval(ticker);
    if (fatal) throw fatal;
    return merge(opts, startedAt, results as WorkerResult[], connected, connectS, timeline, process.cpuUsage(cpu0));
  } catch (err) {
    abortAll();
    throw err;
  } finally {
    acc.ack.destroy();
    acc.push.destroy();
    await Promise.all(workers.map((w) => w.terminate().catch(() => undefined)));
  }
}

/**
 * The engine's category picks against the shoppers' known preferred categories:
 * the share whose preferred category is in their top 3, next to the best any one
 * list for everyone can do (the 3 categories most shoppers prefer).
 */
export function picksSummary(p: PicksCheck | undefined): LoadResult['categoryPicks'] {
  if (!p) return null;
  const rows = Object.entries(p.byCategory);
  const shoppers = rows.reduce((n, [, v]) => n + v.shoppers, 0);
  if (shoppers === 0) return null;
  const hits = rows.reduce((n, [, v]) => n + v.top3, 0);
  const baseline = rows.map(([, v]) => v.shoppers).sort((a, b) => b - a).slice(0, 3).reduce((a, b) => a + b, 0);
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  return { shoppers, top3Share: r3(hits / shoppers), popularityTop3Share: r3(baseline / shoppers), minEvents: PICKS_MIN_EVENTS };
}

function merge(opts: LoadgenOptions, startedAt: string, rs: WorkerResult[], connected: number, connectS: number, timeline: TimelinePoint[], cpu: NodeJS.CpuUsage): LoadResult {
  const ack = newHistogram();
  const push = newHistogram();
  const lag = newHistogram();
  const errorsByCode: Record<string, number> = {};
  let verify: VerifyResult | undefined;
  const sum = (f: (r: WorkerResult) => number) => rs.reduce((s, r) => s + f(r), 0);
  for (const r of rs) {
    mergeEncoded(ack, r.ack);
    mergeEncoded(push, r.push);
    mergeEncoded(lag, r.lag);
    for (const [k, v] of Object.entries(r.errorsByCode)) errorsByCode[k] = (errorsByCode[k] ?? 0) + v;
    if (r.verify) {
      verify ??= { checked: 0, lost: 0, cartMismatch: 0, failed: 0, examples: [] };
      verify.checked += r.verify.checked;
      verify.lost += r.verify.lost;
      verify.cartMismatch += r.verify.cartMismatch;
      verify.failed += r.verify.failed;
      verify.examples.push(...r.verify.examples.slice(0, 5 - verify.examples.length));
      if (r.verify.picks) {
        const into = (verify.picks ??= { byCategory: {} }).byCategory;
        for (const [c, v] of Object.entries(r.verify.picks.byCategory)) {
          const row = (into[c] ??= { shoppers: 0, top3: 0 });
          row.shoppers += v.shoppers;
          row.top3 += v.top3;
        }
      }
    }
  }
  const ackS = summarize(ack);
  const pushS = summarize(push);
  const lagS = summarize(lag);
  [ack, push, lag].forEach((h) => h.destroy());
  const elu = rs.map((r) => Math.round(r.elu * 1000) / 1000);
  const saturated = lagS.p99 > SATURATED_LAG_P99_MS || elu.some((e) => e > SATURATED_ELU);
  const measuredAcked = sum((r) => r.measured.acked);
  const warnings: string[] = [];
  if (saturated) {
    warnings.push(`the load generator sent late (send lag p99 ${lagS.p99} ms; its threads' event-loop use ${elu.join(', ')}): latencies include that delay. High lag with low event-loop use means the CPUs are contended (engine and loadgen share the box); high event-loop use means more --workers are needed`);
  }
  if (connected < opts.shoppers) warnings.push(`${opts.shoppers - connected} of ${opts.shoppers} shoppers could not connect`);
  if (opts.protocol === 'grpc' && (errorsByCode['E_OVERLOADED'] ?? 0) > 0) {
    warnings.push(`the engine's gRPC server refused calls with E_OVERLOADED (${errorsByCode['E_OVERLOADED']}): it admits at most maxInFlight unary calls (default 256) and maxStreams streams (default 1000, one per shopper here) at once`);
  }
  if (opts.protocol === 'ws' && opts.scenario !== 'flood' && opts.rate / Math.max(1, connected) > 40) {
    warnings.push(`${(opts.rate / connected).toFixed(0)} events/s per socket is near the engine's per-socket limit (MAX_WS_MESSAGES_PER_S, default 50): expect E_RATE_LIMITED; use more shoppers`);
  }
  const pushMissing = sum((r) => r.pushMissing);
  if (pushMissing > 0) warnings.push(`${pushMissing} acked events never got their recs push within the drain window (push percentiles leave them out)`);
  const stalled = timeline.filter((p) => p.sending && p.acked === 0 && p.awaitingAck > 0).length;
  if (stalled > 0) warnings.push(`acks stalled: ${stalled} one-second tick(s) with events in flight and not one ack (the engine stopped confirming; look for a NATS slow-consumer disconnect or a blocked event loop)`);
  if (opts.scenario === 'flood') warnings.push('flood is closed loop: latencies are measured from the actual send, and only describe a saturated engine');
  if (verify && verify.failed > 0) warnings.push(`${verify.failed} shoppers' profiles could not be read at the end (engine overloaded or behind): lost counts only the ${verify.checked} read`);
  const lost = verify ? verify.lost : null;
  const errors = Object.values(errorsByCode).reduce((a, b) => a + b, 0);
  return {
    scenario: opts.scenario, protocol: opts.protocol, url: targetOf(opts), startedAt, shoppers: opts.shoppers, connected, connectFailed: sum((r) => r.connectFailed), connectS,
    workers: opts.workers, targetRate: opts.scenario === 'flood' ? 0 : opts.rate, durationS: opts.durationS, warmupS: opts.warmupS,
    eventsPerS: Math.round((measuredAcked / opts.durationS) * 10) / 10,
    sendRate: Math.round((sum((r) => r.measured.sent) / opts.durationS) * 10) / 10,
    sent: sum((r) => r.sent), acked: sum((r) => r.acked), duplicates: sum((r) => r.duplicates), pushes: sum((r) => r.pushes),
    pushMatched: sum((r) => r.pushMatched), pushCoalesced: sum((r) => r.pushCoalesced), pushUnmatched: sum((r) => r.pushUnmatched),
    pushMissing, coupons: sum((r) => r.coupons),
    ack: ackS, push: pushS, sendLag: lagS, errors, errorsByCode, verify, lost, categoryPicks: picksSummary(verify?.picks),
    loadgen: { elu, cpuS: Math.round((cpu.user + cpu.system) / 1e4) / 100, loadavg: loadavg().map((x) => Math.round(x * 100) / 100), saturated },
    warnings, timeline,
  };
}

