/**
 * gRPC benchmark: starts benchmarks/grpc/server.js (engine + GrpcServer) in its
 * own process, drives it from this one, prints a human summary (and with --json
 * one JSON object as the last line), and appends a section to results.md with
 * the machine, the command and the date.
 *
 *   npm run build && node dist/benchmarks/grpc/main.js [--rate 2000 --duration 30 ...]
 */
import { spawn, execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseBenchArgs, USAGE, type BenchOptions } from './args.js';
import { connect, itemIdsOf, recommendOpenLoop, trackBatchLoad, userIds, type RecommendResult, type TrackBatchResult } from './load.js';

const SERVER = fileURLToPath(new URL('./server.js', import.meta.url));
/** The performance budget of design.md for gRPC Recommend. */
const P99_BUDGET_MS = 5;

interface Ready {
  port: number;
  apiKey: string;
  pid: number;
  shards: number;
}

function sh(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

/** CPU seconds (user + system) the process and all its threads used so far. */
function cpuSeconds(pid: number): number {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const rest = f.slice(f.lastIndexOf(')') + 2).split(' ');
  return (Number(rest[11]) + Number(rest[12])) / 100;
}

async function startServer(o: BenchOptions) {
  const env: Record<string, string | undefined> = { ...process.env, NATS_URL: '' };
  if (o.shards !== undefined) env['SHARDS'] = String(o.shards);
  const child = spawn(process.execPath, [SERVER], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-20_000)));
  let out = '';
  let statsLine: unknown;
  const ready = await new Promise<Ready>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`server not ready in 180 s:\n${err}`)), 180_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      let nl;
      while ((nl = out.indexOf('\n')) >= 0) {
        const line = out.slice(0, nl);
        out = out.slice(nl + 1);
        const m = JSON.parse(line) as Ready & { ready?: boolean; stats?: unknown };
        if (m.ready) {
          clearTimeout(t);
          resolve(m);
        } else if (m.stats) statsLine = m.stats;
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited ${code}:\n${err}`)));
  });
  return {
    ready,
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      return statsLine;
    },
  };
}

function human(o: BenchOptions, r: { trackBatch?: TrackBatchResult; recommend?: RecommendResult; engineCpuPct?: number }): string {
  const lines: string[] = [];
  if (r.trackBatch) {
    const t = r.trackBatch;
    lines.push(`TrackBatch: ${t.eventsPerS} events/s (${t.acked} acked, ${t.stored} stored, ${o.streams} streams, ${t.seconds} s)` +
      (Object.keys(t.errors).length ? `, errors ${JSON.stringify(t.errors)}` : ''));
  }
  if (r.recommend) {
    const x = r.recommend;
    const l = x.latencyMs;
    lines.push(`Recommend @ ${x.rate}/s open loop for ${x.measuredS} s: p50 ${l.p50} ms, p90 ${l.p90} ms, p99 ${l.p99} ms, p99.9 ${l.p999} ms, max ${l.max} ms` +
      ` (${x.ok} ok, ${x.achievedPerS}/s, ${x.meanItems} items/answer, max in flight ${x.maxInFlight}` +
      (Object.keys(x.errors).length ? `, errors ${JSON.stringify(x.errors)} e.g. ${JSON.stringify(x.errorSamples)}` : '') + ')');
    lines.push(`  budget p99 <= ${P99_BUDGET_MS} ms: ${l.p99 <= P99_BUDGET_MS ? 'met' : 'MISSED'}; engine process CPU during it: ${r.engineCpuPct}% of one core`);
  }
  return lines.join('\n');
}

function markdown(o: BenchOptions, argv: string[], r: Record<string, unknown> & { trackBatch?: TrackBatchResult; recommend?: RecommendResult }, summary: string, busy: string): string {
  const c = cpus();
  return [
    `\n## ${new Date().toISOString()}`,
    '',
    `- command: \`npm run build && node dist/benchmarks/grpc/main.js${argv.length ? ' ' + argv.join(' ') : ''}\``,
    `- commit: ${sh('git', ['rev-parse', '--short', 'HEAD'])}`,
    `- machine: ${c[0]?.model.trim()} x ${c.length} cores, ${Math.round(totalmem() / 1024 ** 3)} GiB, ${sh('uname', ['-sr'])}, Node ${process.version}, ${sh('nats-server', ['--version'])}`,
    `- setup: engine + embedded nats-server + ${String(r['shards'])} shard workers in one process tree, load client in another process, same box; ${o.users} users, k=${o.k}`,
    `- load average at start: ${busy}`,
    '',
    '```',
    summary,
    '```',
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const o = parseBenchArgs(argv);
  if (o === 'help') {
    process.stdout.write(USAGE);
    return;
  }
  const busy = `${loadavg().map((x) => x.toFixed(2)).join(' ')} (other processes: ${sh('sh', ['-c', "ps -eo pcpu=,comm= --sort=-pcpu | awk '$1>=20{printf \"%s %s%%, \", $2, $1}'"]) || 'none above 20%'})`;
  const server = await startServer(o);
  const c = connect(`127.0.0.1:${server.ready.port}`, server.ready.apiKey);
  const result: Record<string, unknown> & { trackBatch?: TrackBatchResult; recommend?: RecommendResult; engineCpuPct?: number } = { shards: server.ready.shards };
  try {
    const tag = Date.now().toString(36);
    const users = userIds(o.users, tag.slice(-3));
    const items = await itemIdsOf(c, 1000);
    if (o.scenario !== 'recommend') result.trackBatch = await trackBatchLoad(c, users, items, o.events, o.streams, tag);
    if (o.scenario !== 'track-batch') {
      const cpu0 = cpuSeconds(server.ready.pid);
      const t0 = performance.now();
      result.recommend = await recommendOpenLoop(c, users, o);
      result.engineCpuPct = Math.round(((cpuSeconds(server.ready.pid) - cpu0) / ((performance.now() - t0) / 1000)) * 100);
    }
  } finally {
    c.close();
    result['serverStats'] = await server.stop();
  }
  const summary = human(o, result);
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
