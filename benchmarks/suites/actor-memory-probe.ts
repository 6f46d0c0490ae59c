/**
 * Child process of the actors suite (run with --expose-gc): activates `--users`
 * user actors exactly as a shard does (ActorCache, state read from LMDB through
 * the StateStore) and prints the heap they hold, per actor, as one JSON line.
 *
 *   node --expose-gc dist/benchmarks/suites/actor-memory-probe.js --users 20000 --events 20
 */
import { parseArgs } from 'node:util';
import { rmSync } from 'node:fs';
import { emptyUserState, type UserState } from '../../actors/user/index.js';
import { demoCatalog } from '../../engine/catalog/index.js';
// ActorCache is not on engine/runtime's public surface; the probe measures the real class.
import { ActorCache } from '../../engine/shards/worker/actor-cache.js';
import { StateStore } from '../../engine/store/index.js';
import { benchDataDir } from '../lib/engine-process.js';
import { syntheticUserState } from './user-states.js';

const gc = (globalThis as { gc?: () => void }).gc;

function settle(): number {
  if (!gc) throw new Error('run with node --expose-gc');
  for (let i = 0; i < 4; i++) gc();
  return process.memoryUsage().heapUsed;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { users: { type: 'string' }, events: { type: 'string' } } });
  const users = Number(values.users ?? 20_000);
  const events = Number(values.events ?? 20);
  const dir = benchDataDir('actor-mem');
  const store = StateStore.open(dir);
  try {
    const products = demoCatalog({ count: 10_000 });
    const facts = new Map(products.map((p) => [p.itemId, { category: p.category, price: p.price }]));
    const ids: string[] = [];
    let stateBytes = 0;
    await store.root.transaction(() => {
      for (let u = 0; u < users; u++) {
        const s = syntheticUserState(u, events, products, (id) => facts.get(id));
        ids.push(s.userId);
        if (u < 100) stateBytes += JSON.stringify(s).length;
        store.users.put(s.userId, s);
      }
    });
    const cache = new ActorCache<UserState>({ cap: users + 1, idleMs: 3600_000, load: (id) => store.users.get(id), create: emptyUserState });
    // Warm the code paths (and LMDB's read buffers) before the baseline.
    cache.get(ids[0]!);
    const before = settle();
    const rss0 = process.memoryUsage().rss;
    for (const id of ids) cache.get(id);
    const after = settle();
    const rss1 = process.memoryUsage().rss;
    // Keep the cache alive until after the measurement.
    if (cache.size !== users) throw new Error(`cache holds ${cache.size} actors, expected ${users}`);
    const sample = cache.peek(ids[ids.length - 1]!)!;
    process.stdout.write(`${JSON.stringify({
      users, events, heapBytesPerActor: Math.round((after - before) / users), rssBytesPerActor: Math.round((rss1 - rss0) / users),
      recent: sample.recent.length, session: sample.session.length, cart: sample.cart.length, orders: sample.orders.length,
      jsonBytesPerState: Math.round(stateBytes / Math.min(users, 100)),
    })}\n`);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error)?.stack ?? String(err)}\n`);
  process.exit(1);
});
