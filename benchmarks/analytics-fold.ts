/**
 * `node dist/benchmarks/analytics-fold.js`: the analytics consumer's cost per event
 * on the main thread: the pure fold (an in-memory view) and the fold plus its LMDB
 * commit (batches of 1000, a temporary DATA_DIR), on a shopper-like event mix
 * (rec impressions and attributed purchases included).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AnalyticsStore } from '../engine/analytics/analytics-store.js';
import { emptyBucket, foldShopEvent, type AnalyticsView, type CustomerOrder, type FunnelCounts, type HotScore, type KpiBucket, type VisitorState } from '../engine/analytics/index.js';
import type { ShopEvent } from '../protos/index.js';

const N = 200_000;
const KINDS: ShopEvent['kind'][] = ['view', 'view', 'view', 'view', 'rec_impression', 'cart_add', 'search', 'rec_click', 'dwell', 'purchase'];

function events(): ShopEvent[] {
  const out: ShopEvent[] = [];
  let t = Date.UTC(2026, 11, 1);
  for (let i = 0; i < N; i++) {
    const kind = KINDS[i % KINDS.length]!;
    t += 5;
    const e: ShopEvent = { id: `e${i}`, userId: `u-bench${(i * 7919) % 20_000}`, kind, ts: t, itemId: `item-${(i * 31) % 5000}` };
    if (kind === 'search') e.query = `query ${i % 300}`;
    if (kind === 'rec_impression') {
      delete e.itemId;
      e.itemIds = Array.from({ length: 8 }, (_, k) => `item-${(i * 31 + k * 97) % 5000}`);
    }
    // Every tenth purchase is of an item the shopper clicked in a rec strip just before (attribution).
    if (kind === 'purchase' && i % 100 < 10) e.itemId = out[i - 2]?.itemId ?? e.itemId;
    if (kind === 'purchase') Object.assign(e, { qty: 1, price: 19.99, orderId: `o${i}`, checkoutId: `c${i}`, source: 'engine' });
    out.push(e);
  }
  return out;
}

function memoryView(): AnalyticsView {
  const b = new Map<string, KpiBucket>(), v = new Map<string, VisitorState>(), o = new Map<string, CustomerOrder[]>(), f = new Map<string, FunnelCounts>(), h = new Map<string, HotScore>();
  return {
    bucket: (k) => b.get(k) ?? (b.set(k, emptyBucket()), b.get(k)!),
    visitor: (u) => v.get(u), setVisitor: (u, x) => void v.set(u, x),
    orders: (u) => o.get(u) ?? [], setOrders: (u, x) => void o.set(u, x),
    funnel: (k) => f.get(k) ?? (f.set(k, { views: 0, cartAdds: 0, purchases: 0 }), f.get(k)!),
    hot: (k) => h.get(k), setHot: (k, x) => void h.set(k, x),
    categoryOf: (id) => `c${id.length % 20}`,
  };
}

const evs = events();
const view = memoryView();
let t0 = performance.now();
for (const e of evs) foldShopEvent(view, e);
const foldUs = ((performance.now() - t0) * 1000) / N;

const dir = mkdtempSync(join(tmpdir(), 'analytics-bench-'));
const store = AnalyticsStore.open(dir);
t0 = performance.now();
for (let i = 0; i < N; i += 1000) {
  const w = { buckets: new Map<string, KpiBucket>(), visitors: new Map<string, VisitorState>(), orders: new Map<string, CustomerOrder[]>(), funnel: new Map<string, FunnelCounts>(), hot: new Map<string, HotScore>() };
  const bv: AnalyticsView = {
    bucket: (k) => w.buckets.get(k) ?? (w.buckets.set(k, { ...emptyBucket(), ...store.buckets.get(k) }), w.buckets.get(k)!),
    visitor: (u) => w.visitors.get(u) ?? store.visitors.get(u), setVisitor: (u, x) => void w.visitors.set(u, x),
    orders: (u) => w.orders.get(u) ?? structuredClone(store.orders.get(u) ?? []), setOrders: (u, x) => void w.orders.set(u, x),
    funnel: (k) => w.funnel.get(k) ?? (w.funnel.set(k, { views: 0, cartAdds: 0, purchases: 0, ...store.funnel.get(k) }), w.funnel.get(k)!),
    hot: (k) => w.hot.get(k) ?? store.hot.get(k), setHot: (k, x) => void w.hot.set(k, x),
    categoryOf: (id) => `c${id.length % 20}`,
  };
  for (let j = i; j < i + 1000; j++) foldShopEvent(bv, evs[j]!);
  store.root.transactionSync(() => {
    for (const [k, x] of w.buckets) store.buckets.put(k, x);
    for (const [k, x] of w.visitors) store.visitors.put(k, x);
    for (const [k, x] of w.orders) store.orders.put(k, x);
    for (const [k, x] of w.funnel) store.funnel.put(k, x);
    for (const [k, x] of w.hot) store.hot.put(k, x);
  });
}
const commitUs = ((performance.now() - t0) * 1000) / N;
await store.close();
rmSync(dir, { recursive: true, force: true });
process.stdout.write(`analytics fold: ${foldUs.toFixed(2)} us/event in memory; ${commitUs.toFixed(2)} us/event with LMDB batches of 1000 (${N} events, 20k shoppers)\n`);
