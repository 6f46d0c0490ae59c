/**
 * Restart with many users in LMDB: writes `users` user states straight into the
 * engine's StateStore, starts the engine, sends events from live shoppers (acked,
 * not necessarily applied), kill -9s it and times the restart: to "engine ready",
 * to /health 200 and to serving profiles, then checks nothing acked was lost.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import WebSocket from 'ws';
import { demoCatalog } from '../../engine/catalog/index.js';
import { parseLogLine, type LogRecord } from '../../engine/observability/index.js';
import { SessionTokens } from '../../engine/services/index.js';
import { StateStore } from '../../engine/store/index.js';
import { BENCH_SESSION_SECRET, benchDataDir, removeDataDir, startEngine } from '../lib/engine-process.js';
import { syntheticUserId, syntheticUserState } from './user-states.js';

export interface RestartResult {
  scenario: string;
  users: number;
  events_per_user: number;
  write_s: number;
  lmdb_mib: number;
  /** Events acked to live shoppers just before the kill -9 (replayed from the log on restart). */
  acked_before_kill: number;
  ready_s: number;
  health_s: number;
  profile_s: number;
  /** When the engine served again: /health 200 and a profile answered. */
  serving_s: number;
  lost: number;
  profile_ok: boolean;
  rss_mib_after: number | null;
  /** Seconds from spawn to each start-up step, from the engine's own log. */
  phases: Record<string, number>;
}

/** Start-up steps as the engine logs them (first occurrence; `last` = last occurrence). */
const PHASES: Array<{ name: string; is: (r: LogRecord) => boolean; last?: boolean }> = [
  { name: 'first log line', is: () => true },
  { name: 'left-over nats-server stopped', is: (r) => r.msg.startsWith('stopping a nats-server left behind') },
  { name: 'nats-server ready', is: (r) => r.msg === 'embedded nats-server ready' },
  { name: 'catalog loaded', is: (r) => /^catalog (loaded from LMDB|imported)$/.test(r.msg) },
  { name: 'index ready', is: (r) => /^ANN index (found|built)/.test(r.msg) },
  { name: 'shards starting', is: (r) => r.msg === 'shard starting' },
  { name: 'shards serving', is: (r) => r['state'] === 'serving', last: true },
  { name: 'gateway listening', is: (r) => r.msg === 'gateway listening' },
  { name: 'engine ready', is: (r) => r.msg === 'engine ready' },
];

/** Offsets (s since spawn) of the start-up steps found in a JSON-lines log. */
export function startupPhases(log: string, spawnedAt: number): Record<string, number> {
  const records = log.split('\n').map(parseLogLine).filter((r): r is LogRecord => r !== undefined);
  const out: Record<string, number> = {};
  for (const p of PHASES) {
    const hits = records.filter(p.is);
    const rec = p.last ? hits[hits.length - 1] : hits[0];
    const t = rec ? Date.parse(rec.time) : NaN;
    if (Number.isFinite(t)) out[p.name] = Math.round((t - spawnedAt) / 10) / 100;
  }
  return out;
}

export interface RestartPlan {
  users: number;
  eventsPerUser: number;
  liveShoppers: number;
  eventsPerShopper: number;
}

export const FULL_RESTART: RestartPlan = { users: 1_000_000, eventsPerUser: 12, liveShoppers: 50, eventsPerShopper: 40 };
export const QUICK_RESTART: RestartPlan = { users: 50_000, eventsPerUser: 12, liveShoppers: 10, eventsPerShopper: 20 };
const BATCH = 10_000;
const POLL_MS = 20;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** A shopper that sends `n` views and resolves with how many were acked. */
async function liveShopper(url: string, itemIds: readonly string[], n: number): Promise<{ token: string; acked: number }> {
  const r = await fetch(`${url}/api/session`, { method: 'POST' });
  const { token } = (await r.json()) as { token: string };
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/ws?token=${encodeURIComponent(token)}`);
  let acked = 0;
  await new Promise<void>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('live shopper timed out')), 30_000);
    ws.on('message', (d: Buffer) => {
      const m = JSON.parse(d.toString()) as { type: string };
      if (m.type === 'hello') for (let i = 0; i < n; i++) ws.send(JSON.stringify({ type: 'event', id: `k${i}`, kind: 'view', itemId: itemIds[i % itemIds.length] }));
      else if (m.type === 'ack' && ++acked === n) {
        clearTimeout(t);
        resolve();
      }
    });
    ws.on('error', reject);
  });
  ws.terminate();
  return { token, acked };
}

async function profileEvents(url: string, token: string): Promise<number | undefined> {
  try {
    const r = await fetch(`${url}/api/profile`, { headers: { authorization: `Bearer ${token}` } });
    if (r.status !== 200) return undefined;
    return ((await r.json()) as { events: number }).events;
  } catch {
    return undefined;
  }
}

function rssMiB(pid: number | undefined): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

function lmdbMiB(store: StateStore): number {
  const s = store.root.getStats() as { treeBranchPageCount?: number; pageSize?: number; lastPageNumber?: number };
  return Math.round(((s.lastPageNumber ?? 0) * (s.pageSize ?? 4096)) / 1024 ** 2);
}

export async function runRestart(plan: RestartPlan, log: (s: string) => void): Promise<RestartResult> {
  const dataDir = benchDataDir('restart');
  try {
    const products = demoCatalog({ count: 10_000 });
    const facts = new Map(products.map((p) => [p.itemId, { category: p.category, price: p.price }]));
    const tw = performance.now();
    const store = StateStore.open(dataDir);
    for (let b = 0; b < plan.users; b += BATCH) {
      store.root.transactionSync(() => {
        for (let u = b; u < Math.min(plan.users, b + BATCH); u++) {
          const s = syntheticUserState(u, plan.eventsPerUser, products, (id) => facts.get(id));
          store.users.put(s.userId, s);
        }
      });
      if ((b / BATCH) % 20 === 0) log(`  wrote ${b + BATCH} / ${plan.users} user states`);
    }
    const writeS = Math.round((performance.now() - tw) / 100) / 10;
    const lmdb = lmdbMiB(store);
    await store.close();
    log(`  ${plan.users} user states written in ${writeS} s (LMDB ~${lmdb} MiB); first start (catalog import, index build) ...`);

    const port = await freePort();
    const env = { PORT: String(port) };
    const first = await startEngine({ dataDir, env });
    const itemIds = products.slice(0, 500).map((p) => p.itemId);
    const live = await Promise.all(Array.from({ length: plan.liveShoppers }, () => liveShopper(first.url, itemIds, plan.eventsPerShopper)));
    const ackedBeforeKill = live.reduce((s, l) => s + l.acked, 0);
    await first.kill9();
    log(`  ${ackedBeforeKill} events acked to ${plan.liveShoppers} live shoppers, then kill -9; restarting ...`);

    const url = `http://127.0.0.1:${port}`;
    const t0 = performance.now();
    const starting = startEngine({ dataDir, env });
    starting.catch(() => undefined);
    let healthMs = -1;
    while (performance.now() - t0 < 120_000) {
      try {
        const r = await fetch(`${url}/health`);
        if (r.status === 200) {
          healthMs = performance.now() - t0;
          break;
        }
      } catch {
        /* not listening yet */
      }
      await sleep(POLL_MS);
    }
    const probeUser = syntheticUserId(Math.floor(plan.users / 2));
    const token = new SessionTokens(BENCH_SESSION_SECRET, 3600).issue(probeUser).token;
    let events: number | undefined;
    while (events === undefined && performance.now() - t0 < 120_000) {
      events = await profileEvents(url, token);
      if (events === undefined) await sleep(POLL_MS);
    }
    const profileMs = performance.now() - t0;
    const engine = await starting;
    let lost = 0;
    for (const l of live) lost += Math.max(0, l.acked - ((await profileEvents(url, l.token)) ?? 0));
    const rss = rssMiB(engine.enginePid());
    await engine.stop();
    const s = (ms: number) => Math.round(ms / 10) / 100;
    const result: RestartResult = {
      scenario: `restart-${plan.users >= 1e6 ? `${plan.users / 1e6}m` : `${plan.users / 1000}k`}`,
      users: plan.users, events_per_user: plan.eventsPerUser, write_s: writeS, lmdb_mib: lmdb, acked_before_kill: ackedBeforeKill,
      ready_s: s(engine.readyMs), health_s: healthMs < 0 ? -1 : s(healthMs), profile_s: s(profileMs),
      serving_s: healthMs < 0 ? -1 : s(Math.max(healthMs, profileMs)),
      lost, profile_ok: events === plan.eventsPerUser, rss_mib_after: rss, phases: startupPhases(engine.logTail(100_000), engine.spawnedAt),
    };
    log(`  restart: ready ${result.ready_s} s, /health 200 ${result.health_s} s, profile ${result.profile_s} s; lost ${lost}; engine RSS ${rss} MiB`);
    log(`  start-up steps (s since spawn): ${Object.entries(result.phases).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    return result;
  } finally {
    removeDataDir(dataDir);
  }
}
