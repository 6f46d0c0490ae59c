/**
 * Entry point of a shard worker thread: opens LMDB, connects to NATS, loads the
 * catalog and the HNSW replica, then runs a Shard until told to drain.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connectNats } from '../../log/index.js';
import { EVENT_STREAM } from '../../placement/index.js';
import { createLogger } from '../../observability/index.js';
import { StateStore } from '../../store/index.js';
import type { Product } from '../../catalog/index.js';
import { loadAnnReplica } from './ann-replica.js';
import { Shard } from './shard.js';
import type { AskReply, MainToShard, ShardInit, ShardToMain } from '../protocol/messages.js';
import { ShardRecommender, type AnnLike, type CatalogFacts } from './shard-recommender.js';
import { ModelReplica } from './model-replica.js';
import { lowerThreadPriority } from './thread-priority.js';

const STATS_INTERVAL_MS = 1000;

const init = workerData as ShardInit;
const port = parentPort!;
const post = (m: ShardToMain) => port.postMessage(m);
const log = createLogger(init.logLevel, `shard${init.shardIndex}`);

/** What the recommender needs of a product: names, price, stock bookkeeping and the logistics fields. */
function factsOf(p: Product): CatalogFacts {
  return {
    itemId: p.itemId, name: p.name, category: p.category, price: p.price, stock: p.stock, soldAtStock: p.soldAtStock ?? 0,
    deliveryDays: p.deliveryDays, lateDeliveryRate: p.lateDeliveryRate, returnRate: p.returnRate,
  };
}

async function main(): Promise<void> {
  post({ type: 'state', state: 'starting', appliedSeq: 0 });
  if (init.niceness > 0 && lowerThreadPriority(init.niceness) === undefined) log.debug('cannot lower the shard thread priority here');
  const store = StateStore.open(init.dataDir);
  const catalog = new Map<string, CatalogFacts>();
  for (const { value: p } of store.catalog.getRange()) {
    catalog.set(p.itemId, factsOf(p));
  }
  let ann: AnnLike | undefined = loadAnnReplica(init.indexDir, log);
  const nc = await connectNats(init.natsUrl, `shard-${init.shardIndex}`, log);
  const js = jetstream(nc, { timeout: 5000 });
  const jsm = await jetstreamManager(nc);
  const lastSeq = (await jsm.streams.info(EVENT_STREAM)).state.last_seq;
  const model = ModelReplica.open(init.dataDir, init.shardIndex, log);
  const recommender = new ShardRecommender({
    catalog,
    ann: () => ann,
    model: () => model.model,
    trending: () => model.trending.top(),
    trendScore: (id) => model.trending.score(id),
    unitsLeft: (f) => model.unitsLeft(f.itemId, f.stock, f.soldAtStock),
    excludePurchased: init.excludePurchased,
    ...(init.logistics ? { logistics: init.logistics } : {}),
  });
  model.onSold = (id) => recommender.soldChanged(id);
  model.categoryOf = (id) => catalog.get(id)?.category;
  model.categories.setCatalog([...catalog.values()].map((f) => f.category));
  model.onRefused = (e, seq, message) => log.warn('definition refused; the previous one stays in force', { defKind: e.defKind, defId: e.defId, defVersion: e.defVersion, seq, message });
  const shard = new Shard({
    init, store, nc, js, recommender, model, log,
    catalog: (id) => catalog.get(id),
    catalogStock: (id) => catalog.get(id),
    onState: (state, appliedSeq) => post({ type: 'state', state, appliedSeq }),
  });
  // Replies that are ready in the same turn leave in one message (a postMessage costs
  // tens of microseconds of the main thread's time, more than a cached answer).
  let replies: Array<{ id: number; reply: AskReply }> = [];
  const replyLater = (id: number, reply: AskReply) => {
    if (replies.push({ id, reply }) === 1) {
      setImmediate(() => {
        const batch = replies;
        replies = [];
        post({ type: 'ask-replies', replies: batch });
      });
    }
  };
  const stats = setInterval(() => post({ type: 'stats', stats: shard.snapshotStats() }), STATS_INTERVAL_MS);
  port.on('message', (m: MainToShard) => {
    if (m.type === 'drain') {
      clearInterval(stats);
      void (async () => {
        await shard.drain();
        await nc.drain().catch(() => undefined);
        await store.close();
        process.exit(0);
      })();
    } else if (m.type === 'crash') {
      setImmediate(() => {
        throw new Error(`injected crash of shard ${init.shardIndex}`);
      });
    } else if (m.type === 'catalog-changed') {
      // The main thread wrote these rows: drop this thread's read snapshot, which lmdb-js
      // keeps until a timer resets it and may predate that commit.
      store.root.resetReadTxn();
      for (const id of m.itemIds) {
        const p = store.catalog.get(id);
        if (p) catalog.set(id, factsOf(p));
        else catalog.delete(id);
      }
      recommender.catalogChanged();
      model.categories.setCatalog([...catalog.values()].map((f) => f.category));
      shard.clearRecsCache();
      post({ type: 'applied', requestId: m.requestId });
    } else if (m.type === 'asks') {
      for (const { id, req } of m.asks) void shard.answer(req).then((reply) => replyLater(id, reply));
    } else if (m.type === 'index-changed') {
      ann = loadAnnReplica(m.indexDir, log) ?? ann;
      shard.clearRecsCache();
    }
  });
  await shard.start(lastSeq);
}

main().catch((err: unknown) => {
  post({ type: 'fatal', message: String((err as Error)?.message ?? err), stack: (err as Error)?.stack });
  log.error('shard failed', { err });
  process.exit(1);
});
