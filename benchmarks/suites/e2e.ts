/**
 * End to end: browse shoppers over real WebSockets against a fresh engine (its
 * embedded nats-server, default settings), at fixed open-loop rates; then the
 * ingest ceiling (closed-loop flood) next to a bare JetStream publisher's ceiling
 * measured in the same run on the same machine.
 */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { DEFAULT_DATA_DIR } from '../../loadgen/args.js';
import { findSessionsFile, parseLoadgenArgs, runLoad, type LoadResult } from '../../loadgen/index.js';
import { loadSnapshot, waitForQuiet, type QuietWait } from '../lib/machine.js';
import { AnalyticsWatch, type AnalyticsLag } from '../lib/analytics-watch.js';
import { CpuMeter } from '../lib/proc-cpu.js';
import { best5s } from '../lib/windows.js';
import { removeDataDir, startEngine, type EngineProcess } from '../lib/engine-process.js';
import { bareJetStreamCeiling, type BareResult } from './bare-jetstream.js';

export interface E2eRow {
  scenario: string;
  shoppers: number;
  target_rate: number;
  duration_s: number;
  events_per_s: number;
  ack_p50: number;
  ack_p99: number;
  push_p50: number;
  push_p95: number;
  push_p99: number;
  push_max: number;
  errors: number;
  errors_by_code: Record<string, number>;
  lost: number | null;
  /** Shoppers whose profile could not be read for the lost check. */
  unverified: number | null;
  push_missing: number;
  send_lag_p99: number;
  /** Cores used during the measured run (1.0 = one core). */
  engine_cpu: number | null;
  nats_cpu: number | null;
  loadgen_cpu: number | null;
  /** Highest acked events/s over any 5 consecutive seconds of the run. */
  best_5s_events_per_s: number;
  loadavg: number[];
  /** Other processes busy on the machine when the step ended (CPU %, command). */
  busy_others: string[];
  /** How long the step waited for a quiet machine, and how busy it was (0..1 of all cores) when it started. */
  quiet_wait: QuietWait | undefined;
  warnings: string[];
  /** Per-second counts and p99s while sending. */
  timeline: LoadResult['timeline'];
  /** The analytics consumer's lag over the measured run (log store -> fold commit), read from /admin/ws. */
  analytics_lag: AnalyticsLag | null;
}

export interface E2eResult {
  /** Latency at fixed rates (suite e2e); empty when only the ingest suite ran. */
  rows: E2eRow[];
  /** `e2e-replay@<rate>`: real sessions; undefined with `replaySkipped` when ../shared/data is absent. */
  replay?: E2eRow;
  replaySkipped?: string;
  /** The ingest suite: absent when only the latency rows ran. */
  ceiling?: E2eRow;
  bare?: BareResult;
  /** The same publisher without nats.js async traces: what that client setting costs. */
  bareNoTraces?: BareResult;
  /**
   * Engine / the better bare publisher, each side's best sustained 5 s (other work on
   * a shared machine only ever slows a window down, so the best window is the fairest
   * estimate of each capacity).
   */
  ingestRatio?: number;
  /** The same over the whole measured window (mean), for reference. */
  ingestRatioMean?: number;
  /** Engine / the bare publisher connected exactly as the engine connects (best 5 s). */
  ingestRatioSameClient?: number;
}

export interface E2ePlan {
  shoppers: number;
  rates: number[];
  durationS: number;
  warmupS: number;
  ceilingShoppers: number;
  ceilingInflight: number;
  ceilingDurationS: number;
  bareWindow: number;
  /** Real sessions from ../shared/data (skipped when absent). */
  replayRate: number;
}

export const FULL_E2E: E2ePlan = { shoppers: 5000, rates: [1000, 5000, 10000], durationS: 30, warmupS: 5, ceilingShoppers: 250, ceilingInflight: 4, ceilingDurationS: 20, bareWindow: 1000, replayRate: 1000 };
export const QUICK_E2E: E2ePlan = { shoppers: 500, rates: [200, 500, 1000], durationS: 5, warmupS: 2, ceilingShoppers: 100, ceilingInflight: 4, ceilingDurationS: 5, bareWindow: 400, replayRate: 200 };

const rateName = (r: number) => (r >= 1000 && r % 1000 === 0 ? `${r / 1000}k` : String(r));

function row(scenario: string, r: LoadResult, cpu: Record<string, number | null>, engine: EngineProcess, analyticsLag: AnalyticsLag | null = null): E2eRow {
  const mine = [engine.enginePid(), engine.natsPid()].filter((p): p is number => p !== undefined);
  return {
    scenario, shoppers: r.connected, target_rate: r.targetRate, duration_s: r.durationS, events_per_s: r.eventsPerS,
    ack_p50: r.ack.p50, ack_p99: r.ack.p99, push_p50: r.push.p50, push_p95: r.push.p95, push_p99: r.push.p99, push_max: r.push.max,
    errors: r.errors, errors_by_code: r.errorsByCode, lost: r.lost, unverified: r.verify?.failed ?? null, push_missing: r.pushMissing, send_lag_p99: r.sendLag.p99,
    engine_cpu: cpu['engine'] ?? null, nats_cpu: cpu['nats'] ?? null, loadgen_cpu: cpu['loadgen'] ?? null,
    best_5s_events_per_s: best5s(r.timeline.map((p) => p.acked)),
    loadavg: r.loadgen.loadavg, busy_others: loadSnapshot(mine).busy.map((b) => `${b.cpu}% ${b.command.slice(0, 80)}`),
    quiet_wait: lastQuiet, warnings: r.warnings, timeline: r.timeline, analytics_lag: analyticsLag,
  };
}

/** Set before each step: how quiet the machine was when it started. */
let lastQuiet: QuietWait | undefined;

async function withEngine<T>(env: Record<string, string>, log: (s: string) => void, fn: (e: EngineProcess) => Promise<T>): Promise<T> {
  lastQuiet = await waitForQuiet();
  log(`  machine ${Math.round(lastQuiet.busy * 100)}% busy with other work${lastQuiet.waitedS ? ` after waiting ${lastQuiet.waitedS} s for it to calm down` : ''}`);
  const engine = await startEngine({ env });
  log(`  engine ready at ${engine.url} in ${(engine.readyMs / 1000).toFixed(1)} s (data ${engine.dataDir})`);
  try {
    return await fn(engine);
  } finally {
    await engine.stop();
    removeDataDir(engine.dataDir);
  }
}

async function measuredLoad(engine: EngineProcess, args: string[], log: (s: string) => void): Promise<{ result: LoadResult; cpu: Record<string, number | null>; analyticsLag: AnalyticsLag | null }> {
  const opts = parseLoadgenArgs(['--url', engine.url, '--quiet', ...args], availableParallelism())!;
  const meter = new CpuMeter({ engine: engine.enginePid(), nats: engine.natsPid(), loadgen: process.pid });
  const watch = await AnalyticsWatch.open(engine.url, engine.dataDir).catch((err: unknown) => {
    log(`    (analytics lag not measured: ${(err as Error).message})`);
    return undefined;
  });
  let lastLog = 0;
  let started = false;
  const result = await runLoad(opts, {
    onProgress: (line, point) => {
      if (point && !started) {
        started = true;
        meter.start();
        watch?.start();
      }
      if (!point || Date.now() - lastLog > 10_000) {
        lastLog = Date.now();
        log(`    ${line}`);
      }
    },
  });
  return { result, cpu: meter.stop(), analyticsLag: watch?.stop() ?? null };
}

/** Suite e2e: push latency at fixed open-loop rates, and the replay row. */
export async function runLatency(plan: E2ePlan, log: (s: string) => void): Promise<Pick<E2eResult, 'rows' | 'replay' | 'replaySkipped'>> {
  const rows: E2eRow[] = [];
  for (const rate of plan.rates) {
    const scenario = `e2e-push@${rateName(rate)}`;
    log(`${scenario}: ${plan.shoppers} browse shoppers, ${rate} events/s open loop, ${plan.warmupS} s warm-up + ${plan.durationS} s (box: load ${loadSnapshot().loadavg.join(' ')})`);
    // A fresh engine per rate: no backlog or warm actors carried over from the previous step.
    const r = await withEngine({}, log, async (engine) => {
      const { result, cpu, analyticsLag } = await measuredLoad(engine, [
        '--shoppers', String(plan.shoppers), '--rate', String(rate), '--duration', String(plan.durationS), '--warmup', String(plan.warmupS), '--json',
      ], log);
      return row(scenario, result, cpu, engine, analyticsLag);
    });
    const al = r.analytics_lag;
    log(`  -> ${r.events_per_s} ev/s, push p50 ${r.push_p50} p95 ${r.push_p95} p99 ${r.push_p99} ms, ack p99 ${r.ack_p99} ms, errors ${r.errors}, lost ${r.lost}, engine ${r.engine_cpu} cores, nats ${r.nats_cpu} cores`
      + (al ? `; analytics lag p50 ${al.p50Ms} p99 ${al.p99Ms} max ${al.maxMs} ms` : ''));
    rows.push(r);
  }

  let replay: E2eRow | undefined;
  let replaySkipped: string | undefined;
  const dataDir = resolve(DEFAULT_DATA_DIR);
  const sessions = findSessionsFile(dataDir);
  const replayName = `e2e-replay@${rateName(plan.replayRate)}`;
  if (!sessions) {
    replaySkipped = `no session data under ${dataDir}`;
    log(`${replayName}: skipped (${replaySkipped})`);
  } else {
    log(`${replayName}: ${plan.shoppers} shoppers replaying ${sessions}, ${plan.replayRate} events/s`);
    replay = await withEngine({}, log, async (engine) => {
      const { result, cpu } = await measuredLoad(engine, [
        '--scenario', 'replay', '--data', dataDir, '--shoppers', String(plan.shoppers), '--rate', String(plan.replayRate),
        '--duration', String(plan.durationS), '--warmup', String(plan.warmupS),
      ], log);
      return row(replayName, result, cpu, engine);
    });
    log(`  -> ${replay.events_per_s} ev/s, push p50 ${replay.push_p50} p95 ${replay.push_p95} p99 ${replay.push_p99} ms, lost ${replay.lost}`);
  }
  return replay ? { rows, replay } : { rows, replaySkipped: replaySkipped! };
}

/** Suite ingest: the engine's ceiling (flood) and a bare JetStream publisher's, in the same run. */
export async function runIngest(plan: E2ePlan, log: (s: string) => void): Promise<Omit<E2eResult, 'rows' | 'replay' | 'replaySkipped'>> {
  log(`e2e-ceiling: flood, ${plan.ceilingShoppers} shoppers x ${plan.ceilingInflight} in flight, ${plan.ceilingDurationS} s`);
  const ceiling = await withEngine({ MAX_WS_MESSAGES_PER_S: '100000' }, log, async (engine) => {
    const { result, cpu } = await measuredLoad(engine, [
      '--scenario', 'flood', '--shoppers', String(plan.ceilingShoppers), '--inflight', String(plan.ceilingInflight),
      '--duration', String(plan.ceilingDurationS), '--warmup', '3',
    ], log);
    return row('e2e-ceiling', result, cpu, engine);
  });
  log(`  -> ${ceiling.events_per_s} ev/s acked (best 5 s ${ceiling.best_5s_events_per_s}/s; ack p50 ${ceiling.ack_p50} ms), engine ${ceiling.engine_cpu} cores, nats ${ceiling.nats_cpu} cores`);

  log(`jetstream-bare-ceiling: one connection, ${plan.bareWindow} async publishes in flight, ${plan.ceilingDurationS} s`);
  lastQuiet = await waitForQuiet();
  const bare = await bareJetStreamCeiling({ durationS: plan.ceilingDurationS, window: plan.bareWindow, partitions: 32 });
  log(`  -> ${bare.msgsPerS} msg/s (best 5 s ${bare.best5sMsgsPerS}/s; ${bare.messageBytes} B, ack p50 ${bare.ackP50Ms} ms), nats ${bare.cpu['nats']} cores`);
  const bareNoTraces = await bareJetStreamCeiling({ durationS: plan.ceilingDurationS, window: plan.bareWindow, partitions: 32, noAsyncTraces: true });
  log(`  -> with noAsyncTraces: ${bareNoTraces.msgsPerS} msg/s (best 5 s ${bareNoTraces.best5sMsgsPerS}/s; ${bareNoTraces.messageBytes} B, ack p50 ${bareNoTraces.ackP50Ms} ms)`);
  const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 1000) / 1000 : 0);
  return {
    ceiling, bare, bareNoTraces,
    ingestRatio: ratio(ceiling.best_5s_events_per_s, Math.max(bare.best5sMsgsPerS, bareNoTraces.best5sMsgsPerS)),
    ingestRatioMean: ratio(ceiling.events_per_s, Math.max(bare.msgsPerS, bareNoTraces.msgsPerS)),
    ingestRatioSameClient: ratio(ceiling.best_5s_events_per_s, bare.best5sMsgsPerS),
  };
}
