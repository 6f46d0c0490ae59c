/**
 * gRPC benchmark: starts the engine (`node dist/bin/shop-brain.js`, embedded
 * nats-server) in its own process, drives its gRPC API from this one, prints a
 * human summary (and with --json one JSON object as the last line), and appends a
 * section to results.md with the machine, the command and the date.
 *
 *   npm run build && node dist/benchmarks/grpc/main.js [--rate 2000 --duration 30 ...]
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { startEngine, removeDataDir } from '../lib/engine-process.js';
import { loadSnapshot, machineInfo, provenance } from '../lib/machine.js';
import { CpuMeter, ThreadCpuMeter } from '../lib/proc-cpu.js';
import { parseBenchArgs, USAGE, type BenchOptions } from './args.js';
import { loadEngineProto } from '../../engine/grpc/index.js';
import { FLOOR_SERVERS, type FloorServer } from './floor-server.js';
import { LeanUnaryClient } from './lean-client.js';
import { connect, itemIdsOf, recommendOpenLoop, serverBuckets, serverQuantiles, shardsCaughtUp, trackBatchLoad, userIds, type RecommendResult, type TrackBatchResult } from './load.js';

/** The performance budget of design.md for gRPC Recommend. */
const P99_BUDGET_MS = 5;

interface RecommendRun extends RecommendResult {
  /** Cores used (1.0 = one core busy) by the engine process (main + shard threads), its nats-server and this load client. */
  cpu: Record<string, number | null>;
  /** Latency inside the engine (handler in -> answer out), from its /metrics histogram buckets. */
  serverSide: Record<string, string>;
  /** The engine's CPU by thread (cores): main (gateway + gRPC), the shard workers, the rest. */
  engineThreads?: { main: number; threads: number[]; rest: number };
}

interface FloorRun extends RecommendResult {
  server: FloorServer;
  /** Cores used by the do-nothing server process and this load client. */
  cpu: Record<string, number | null>;
}

interface Result {
  shards: number;
  trackBatch?: TrackBatchResult & { cpu: Record<string, number | null> };
  recommend: RecommendRun[];
  floor: FloorRun[];
}

/**
 * The same open-loop Recommend load against servers that only answer a fixed message
 * (floor-server.ts): the part of the engine's latency and CPU that is HTTP/2 + gRPC.
 */
async function floorRuns(o: BenchOptions, users: string[]): Promise<FloorRun[]> {
  const out: FloorRun[] = [];
  const method = loadEngineProto().service.Recommend;
  for (const server of FLOOR_SERVERS) {
    const child = fork(new URL('./floor-server.js', import.meta.url), [server], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    try {
      const port = await new Promise<number>((resolve, reject) => {
        child.once('message', (m: { port: number }) => resolve(m.port));
        child.once('exit', (code) => reject(new Error(`floor server ${server} exited (${code})`)));
      });
      const recommend = new LeanUnaryClient(`127.0.0.1:${port}`, method, {});
      try {
        for (const rate of o.rates) {
          const m = new CpuMeter({ server: child.pid });
          const client0 = process.cpuUsage();
          m.start();
          const run = await recommendOpenLoop({ recommend } as Parameters<typeof recommendOpenLoop>[0], users, { ...o, rate });
          out.push({ ...run, server, cpu: { ...m.stop(), loadClient: cpuCores(process.cpuUsage(client0), o.warmupS + o.durationS) } });
        }
      } finally {
        recommend.close();
      }
    } finally {
      child.kill();
    }
  }
  return out;
}

const cpuCores = (u: NodeJS.CpuUsage, seconds: number) => Math.round(((u.user + u.system) / 1e6 / seconds) * 100) / 100;

function human(r: Result, o: BenchOptions): string {
  const lines: string[] = [];
  if (r.trackBatch) {
    const t = r.trackBatch;
    lines.push(`TrackBatch: ${t.eventsPerS} events/s (${t.acked} acked, ${t.stored} stored, ${o.streams} streams, ${t.seconds} s)` +
      (Object.keys(t.errors).length ? `, errors ${JSON.stringify(t.errors)}` : ''));
    lines.push(`  CPU (cores): ${JSON.stringify(t.cpu)}; shards had applied every event ${t.shardCatchUpS} s after the last ack`);
  }
  for (const x of r.recommend) {
    const l = x.latencyMs;
    lines.push(`Recommend @ ${x.rate}/s open loop for ${x.measuredS} s: p50 ${l.p50} ms, p90 ${l.p90} ms, p99 ${l.p99} ms, p99.9 ${l.p999} ms, max ${l.max} ms` +
      ` (${x.ok} ok of ${x.sent}, ${x.achievedPerS}/s, ${x.meanItems} items/answer, max in flight ${x.maxInFlight}` +
      (Object.keys(x.errors).length ? `, errors ${JSON.stringify(x.errors)} e.g. ${JSON.stringify(x.errorSamples)}` : '') + ')');
    lines.push(`  inside the engine (handler to answer, /metrics buckets): ${Object.entries(x.serverSide).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    lines.push(`  budget p99 <= ${P99_BUDGET_MS} ms: ${l.p99 <= P99_BUDGET_MS && x.ok === x.sent ? 'met' : 'MISSED'}; CPU (cores): ${JSON.stringify(x.cpu)}`);
    const t = x.engineThreads;
    if (t) {
      const perCall = (cores: number) => Math.round((cores / Math.max(1, x.rate)) * 1e6);
      lines.push(`  engine threads (cores): main ${t.main} (${perCall(t.main)} us/call), shard workers ${t.threads.join(' + ')} (${perCall(t.threads.reduce((a, b) => a + b, 0))} us/call), other ${t.rest}`);
    }
  }
  for (const x of r.floor) {
    const l = x.latencyMs;
    lines.push(`Floor (${x.server === 'grpcjs' ? 'do-nothing grpc-js server' : 'do-nothing node:http2 server'}) @ ${x.rate}/s: p50 ${l.p50} ms, p90 ${l.p90} ms, p99 ${l.p99} ms, max ${l.max} ms` +
      ` (${x.ok} ok of ${x.sent}${Object.keys(x.errors).length ? `, errors ${JSON.stringify(x.errors)}` : ''}); CPU (cores): ${JSON.stringify(x.cpu)}`);
  }
  return lines.join('\n');
}

function markdown(o: BenchOptions, argv: string[], r: Result, summary: string, busy: string): string {
  const m = machineInfo();
  const p = provenance(argv);
  return [
    `\n## ${new Date().toISOString()}`,
    '',
    `- command: \`npm run build && node dist/benchmarks/grpc/main.js${argv.length ? ' ' + argv.join(' ') : ''}\``,
    `- commit: ${p.commit.slice(0, 12)}${p.dirty.length ? ` (+ uncommitted changes in ${p.dirty.length} files)` : ''}`,
    `- machine: ${m.cpuModel} x ${m.cores} cores, ${m.memoryGiB} GiB, ${m.uname}, Node ${m.node}, ${m.natsServer}`,
    o.scenario === 'floor'
      ? `- setup: no engine; do-nothing servers (floor-server.ts) in a child process and this load client on the same box`
      : `- setup: \`node dist/bin/shop-brain.js\` (embedded nats-server, ${r.shards} shard workers) and this load client as separate processes on the same box; ${o.users} users, k=${o.k}` +
        (o.floor ? '; then the transport floor (floor-server.ts) with the engine stopped' : ''),
    `- box before the run: ${busy}`,
    '',
    '```',
    summary,
    '```',
    '',
  ].join('\n');
}

/** The engine's runs: TrackBatch ingest, then Recommend at each rate. */
async function engineRuns(o: BenchOptions, result: Result): Promise<void> {
  const apiKey = randomBytes(16).toString('hex');
  // The deployment as `npm start` runs it: embedded nats-server, shard workers, gRPC on a free port.
  const env: Record<string, string> = { API_KEY: apiKey, NATS_URL: '' };
  if (o.shards !== undefined) env['SHARDS'] = String(o.shards);
  const engine = await startEngine({ env });
  // Never leave the engine (and its nats-server) running behind a crashed or interrupted run.
  const abandon = (why: unknown) => {
    process.stderr.write(`benchmark stopped: ${String((why as Error)?.stack ?? why)}\n`);
    void engine.stop().finally(() => {
      removeDataDir(engine.dataDir);
      process.exit(1);
    });
  };
  process.once('uncaughtException', abandon);
  process.once('SIGINT', abandon);
  process.once('SIGTERM', abandon);
  const grpcPort = Number(/"grpcPort":(\d+)/.exec(engine.logTail(100_000))?.[1]);
  const shards = Number(/"shards":(\d+)/.exec(engine.logTail(100_000))?.[1]);
  if (!grpcPort) throw new Error(`the engine did not log its gRPC port:\n${engine.logTail()}`);
  const c = connect(`127.0.0.1:${grpcPort}`, apiKey);
  result.shards = shards;
  const meter = () => new CpuMeter({ engine: engine.enginePid(), nats: engine.natsPid() });
  try {
    const tag = Date.now().toString(36);
    const users = userIds(o.users, tag.slice(-3));
    const items = await itemIdsOf(c, 1000);
    if (o.scenario === 'all' || o.scenario === 'track-batch') {
      const m = meter();
      m.start();
      const t = await trackBatchLoad(c, users, items, o.events, o.streams, tag);
      result.trackBatch = { ...t, cpu: m.stop() };
      result.trackBatch.shardCatchUpS = await shardsCaughtUp(engine.url, t.lastSeq);
    }
    if (o.scenario !== 'track-batch' && o.scenario !== 'floor') {
      for (const rate of o.rates) {
        const m = meter();
        const b0 = await serverBuckets(engine.url, 'Recommend');
        const client0 = process.cpuUsage();
        const threads = new ThreadCpuMeter(engine.enginePid());
        m.start();
        threads.start();
        const run = await recommendOpenLoop(c, users, { ...o, rate });
        const engineThreads = threads.stop(shards);
        const cpu = { ...m.stop(), loadClient: cpuCores(process.cpuUsage(client0), o.warmupS + o.durationS) };
        result.recommend.push({ ...run, cpu, engineThreads, serverSide: serverQuantiles(b0, await serverBuckets(engine.url, 'Recommend'), [0.5, 0.9, 0.99]) });
      }
    }
  } finally {
    c.close();
    await engine.stop();
    removeDataDir(engine.dataDir);
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const o = parseBenchArgs(argv);
  if (o === 'help') {
    process.stdout.write(USAGE);
    return;
  }
  const snap = loadSnapshot();
  const busy = `load average ${snap.loadavg.join(' ')}; other processes: ${snap.busy.map((b) => `${b.command.split(' ').slice(0, 2).join(' ')} ${b.cpu}%`).join(', ') || 'none above 5%'}`;
  const result: Result = { shards: 0, recommend: [], floor: [] };
  if (o.scenario !== 'floor') await engineRuns(o, result);
  // After the engine stopped, so the floor servers have the machine the engine had.
  if (o.floor) result.floor = await floorRuns(o, userIds(o.users, 'floor'));
  const summary = human(result, o);
  process.stdout.write(summary + '\n');
  if (o.out !== undefined) {
    if (!existsSync(o.out)) writeFileSync(o.out, '# gRPC benchmark results\n\nAppended by `node dist/benchmarks/grpc/main.js`; newest last.\n');
    appendFileSync(o.out, markdown(o, argv, result, summary, busy));
  }
  if (o.json) process.stdout.write(JSON.stringify({ bench: 'grpc', options: o, ...result }) + '\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof RangeError ? `${err.message}\n\n${USAGE}` : String((err as Error)?.stack ?? err)}\n`);
  process.exit(1);
});
