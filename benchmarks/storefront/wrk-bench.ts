/**
 * Storefront HTTP under wrk: the page shell, a hashed script, and two API routes
 * (a catalog listing, and personal recommendations that ask the shopper's actor
 * in a shard worker). Starts the engine as `npm start` would (child process,
 * embedded nats-server), writes a markdown report and its JSON beside it.
 *
 *   npm run build && node dist/benchmarks/storefront/wrk-bench.js [--duration 15] [--connections 64] [--json]
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { benchDataDir, removeDataDir, startEngine } from '../lib/engine-process.js';
import { loadSnapshot, machineInfo, type LoadSnapshot, type MachineInfo } from '../lib/machine.js';
import { parseWrkArgs, type WrkArgs } from './wrk-args.js';
import { parseWrk, type WrkResult } from './wrk-output.js';

interface Target {
  name: string;
  path: string;
  headers: Record<string, string>;
  what: string;
}

interface Row extends Target {
  command: string;
  result: WrkResult;
  loadBefore: LoadSnapshot;
}

async function json<T>(url: string, init?: RequestInit): Promise<T> {
  const r = await fetch(url, init);
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status} ${await r.text()}`);
  return (await r.json()) as T;
}

/** A shopper with some history, so personal recommendations do real work. */
async function warmShopper(base: string): Promise<string> {
  const { token } = await json<{ token: string }>(`${base}/api/session`, { method: 'POST' });
  const { items } = await json<{ items: Array<{ itemId: string }> }>(`${base}/api/products?category=headphones&limit=5`);
  for (const it of items) {
    await json(`${base}/api/events`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'view', itemId: it.itemId }) });
  }
  return token;
}

function runWrk(a: WrkArgs, base: string, t: Target, mine: number[]): Row {
  const args = [`-t${a.threads}`, `-c${a.connections}`, `-d${a.duration}s`, '--latency'];
  for (const [k, v] of Object.entries(t.headers)) args.push('-H', `${k}: ${v}`);
  args.push(`${base}${t.path}`);
  const loadBefore = loadSnapshot(mine);
  const out = execFileSync('wrk', args, { encoding: 'utf8' });
  const shown = args.map((x) => (x.startsWith('authorization') ? "'authorization: Bearer <token>'" : /\s/.test(x) ? `'${x}'` : x));
  return { ...t, command: `wrk ${shown.join(' ')}`, result: parseWrk(out), loadBefore };
}

function report(a: WrkArgs, m: MachineInfo, rows: Row[], meta: { date: string; commit: string; engine: string }): string {
  const lines = [
    '# Storefront under wrk',
    '',
    `Run ${meta.date} on commit \`${meta.commit.slice(0, 12)}\`, by \`node dist/benchmarks/storefront/wrk-bench.js --duration ${a.duration} --connections ${a.connections} --threads ${a.threads} --catalog ${a.catalog}\`.`,
    '',
    `Machine: ${m.cpuModel}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.uname}, Node ${m.node}, ${m.natsServer}.`,
    `Engine: ${meta.engine}. wrk runs on the same box, so it takes CPU from the engine (2 cores in all): the numbers are a floor, not a ceiling.`,
    '',
    '| target | what | req/s | p50 ms | p90 ms | p99 ms | max ms | non-2xx | socket errors | transfer/s |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...rows.map((r) => `| \`${r.path.length > 48 ? `${r.path.slice(0, 45)}...` : r.path}\` | ${r.what} | ${r.result.requestsPerS} | ${r.result.latencyMs.p50} | ${r.result.latencyMs.p90} | ${r.result.latencyMs.p99} | ${r.result.latencyMs.max} | ${r.result.non2xx} | ${r.result.socketErrors} | ${r.result.transferPerS} |`),
    '',
    '## Commands',
    '',
    ...rows.map((r) => `- ${r.name}: \`${r.command}\``),
    '',
    '## Box load before each target',
    '',
    'Other engineers build and test on this machine; processes above 5% CPU that were not this run:',
    '',
    ...rows.map((r) => `- ${r.name}: load ${r.loadBefore.loadavg.join(' / ')}; ${r.loadBefore.busy.length ? r.loadBefore.busy.map((b) => `${b.command.split(' ').slice(0, 3).join(' ')} ${b.cpu}%`).join(', ') : 'nothing else busy'}`),
    '',
  ];
  return lines.join('\n');
}

async function main(): Promise<void> {
  const a = parseWrkArgs(process.argv.slice(2));
  const dataDir = benchDataDir('wrk');
  const engine = await startEngine({ dataDir, env: { DEMO_CATALOG_SIZE: String(a.catalog) } });
  try {
    const base = engine.url;
    const shell = await (await fetch(`${base}/`)).text();
    const script = /<script type="module" src="([^"]+)"/.exec(shell)?.[1];
    if (!script) throw new Error('the storefront is not mounted: the shell names no script (is dist/storefront built?)');
    const token = await warmShopper(base);
    const br = { 'accept-encoding': 'br, gzip' };
    const targets: Target[] = [
      { name: 'page', path: '/product/sku-000042', headers: br, what: 'page shell (HTML, brotli)' },
      { name: 'asset', path: script, headers: br, what: 'hashed script bundle (brotli)' },
      { name: 'products', path: '/api/products?category=headphones&sort=popularity&limit=24', headers: br, what: 'API: category listing, 24 items, live stock' },
      { name: 'recommendations', path: '/api/recommendations?k=8', headers: { authorization: `Bearer ${token}` }, what: "API: personal recs (NATS ask to the shopper's actor)" },
    ];
    const mine = [engine.enginePid(), engine.natsPid()].filter((x): x is number => x !== undefined);
    const rows: Row[] = [];
    for (const t of targets) {
      const r = runWrk(a, base, t, mine);
      rows.push(r);
      process.stdout.write(`${t.name.padEnd(16)} ${String(r.result.requestsPerS).padStart(7)} req/s  p50 ${r.result.latencyMs.p50} ms  p99 ${r.result.latencyMs.p99} ms  non-2xx ${r.result.non2xx}\n`);
    }
    const meta = { date: new Date().toISOString(), commit: execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim(), engine: `node dist/bin/shop-brain.js, DEMO_CATALOG_SIZE=${a.catalog}, embedded nats-server, default shards` };
    const m = machineInfo();
    writeFileSync(a.out, report(a, m, rows, meta));
    const result = { schema: 'shop-brain-storefront-wrk/1', ...meta, machine: m, args: a, rows };
    writeFileSync(a.out.replace(/\.md$/, '') + '.json', JSON.stringify(result, null, 2) + '\n');
    process.stdout.write(`report: ${a.out}\n`);
    if (a.json) process.stdout.write(JSON.stringify(result) + '\n');
  } finally {
    await engine.stop();
    removeDataDir(dataDir);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
