/** Latency of /api/search and /api/suggest against a real engine, and an upsert stream's throughput. */
import * as grpc from '@grpc/grpc-js';
import { loadEngineProto } from '../../engine/grpc/index.js';
import { demoCatalog } from '../../engine/catalog/index.js';
import type { ProtoGrpcType } from '../../protos/gen/engine/engine.js';
import type { Item } from '../../protos/gen/engine/shop/v1/Item.js';
import { benchDataDir, startEngine } from '../lib/engine-process.js';
import { gradedQueries } from './graded-queries.js';

export interface Pcts {
  p50: number;
  p99: number;
  max: number;
  n: number;
}

export interface SpeedResult {
  products: number;
  readyMs: number;
  /** Every request. */
  search: Pcts;
  /** Requests whose query (and filters) were not seen before since the last catalog change: no cached match list. */
  searchFirst: Pcts;
  /** Repeats of an earlier request (the lexical match list comes from the cache). */
  searchRepeat: Pcts;
  searchServer: Pcts;
  suggest: Pcts;
  /** A gRPC UpsertItems stream of `rows` text changes: rows per second until it answered. */
  upsert: { rows: number; perSecond: number };
  /** One-row upserts (a new word in the name): upsert sent -> first search that finds it, ms. */
  visible: Pcts;
}

const KEY = 'bench-search-key-0123456789abcdef';
const UPSERT_ROWS = 5000;

function pcts(xs: number[]): Pcts {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => Math.round(s[Math.min(s.length - 1, Math.floor(q * s.length))]! * 100) / 100;
  return { p50: at(0.5), p99: at(0.99), max: Math.round(s[s.length - 1]! * 100) / 100, n: s.length };
}

export async function runSpeed(products: number, requests: number, log: (s: string) => void): Promise<SpeedResult> {
  log(`speed: starting an engine with ${products} demo products`);
  const engine = await startEngine({ dataDir: benchDataDir('search'), env: { DEMO_CATALOG_SIZE: String(products), API_KEY: KEY, SHARDS: '1' }, timeoutMs: 900_000 });
  try {
    const catalog = demoCatalog({ count: Math.min(products, 10_000) });
    const queries = gradedQueries(catalog).map((q) => q.q);
    const filters = ['', '&inStock=true', '&sort=price_asc', '&page=2', '&minPrice=20&maxPrice=500'];
    const get = async (path: string) => {
      const t0 = performance.now();
      const r = await fetch(`${engine.url}${path}`);
      const body = (await r.json()) as { took_ms?: number };
      if (r.status !== 200) throw new Error(`${path}: ${r.status} ${JSON.stringify(body).slice(0, 200)}`);
      return { ms: performance.now() - t0, took: body.took_ms ?? 0 };
    };
    for (let i = 0; i < 200; i++) await get(`/api/search?q=${encodeURIComponent(queries[i % queries.length]!)}`);
    const search: number[] = [];
    const first: number[] = [];
    const repeat: number[] = [];
    const server: number[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < requests; i++) {
      const path = `/api/search?q=${encodeURIComponent(queries[i % queries.length]!)}${filters[i % filters.length]}`;
      const r = await get(path);
      search.push(r.ms);
      server.push(r.took);
      (seen.has(path) ? repeat : first).push(r.ms);
      seen.add(path);
    }
    const suggest: number[] = [];
    for (let i = 0; suggest.length < requests; i++) {
      const q = queries[i % queries.length]!;
      for (let len = 2; len <= q.length && suggest.length < requests; len += 2) suggest.push((await get(`/api/suggest?q=${encodeURIComponent(q.slice(0, len))}`)).ms);
    }
    log(`speed ${products}: search p50 ${pcts(search).p50} p99 ${pcts(search).p99}; suggest p50 ${pcts(suggest).p50} p99 ${pcts(suggest).p99}`);

    // An upsert stream of text changes; then how long until the last row is found by search.
    const proto = grpc.loadPackageDefinition(loadEngineProto().packageDefinition) as unknown as ProtoGrpcType;
    const grpcPort = Number(/"grpcPort":(\d+)/.exec(engine.logTail(2_000_000))?.[1]);
    const client = new proto.shop.v1.Engine(`127.0.0.1:${grpcPort}`, grpc.credentials.createInsecure());
    const meta = new grpc.Metadata();
    meta.set('x-api-key', KEY);
    const stream = (rows: Item[]) => new Promise<void>((resolve, reject) => {
      const call = client.UpsertItems(meta, (err) => (err ? reject(err) : resolve()));
      for (const r of rows) call.write(r);
      call.end();
    });
    const rows: Item[] = catalog.slice(0, UPSERT_ROWS).map((p, i) => ({ itemId: p.itemId, name: `${p.name} Upsertmark${i}`, updateMask: { paths: ['name'] } }));
    const t0 = performance.now();
    await stream(rows);
    const streamMs = performance.now() - t0;
    // Let the vector updates of the burst drain before timing single upserts.
    await new Promise((r) => setTimeout(r, 3000));
    const visible: number[] = [];
    for (let i = 0; i < 20; i++) {
      const p = catalog[UPSERT_ROWS + i]!;
      const word = `visiblemark${i}x`;
      const t1 = performance.now();
      await stream([{ itemId: p.itemId, name: `${p.name} ${word}`, updateMask: { paths: ['name'] } }]);
      let found = false;
      while (!found && performance.now() - t1 < 10_000) {
        const r = await fetch(`${engine.url}/api/search?q=${word}`);
        found = ((await r.json()) as { items: Array<{ itemId: string }> }).items[0]?.itemId === p.itemId;
      }
      visible.push(found ? performance.now() - t1 : Infinity);
    }
    client.close();
    return {
      products, readyMs: engine.readyMs, search: pcts(search), searchFirst: pcts(first), searchRepeat: pcts(repeat), searchServer: pcts(server), suggest: pcts(suggest),
      upsert: { rows: UPSERT_ROWS, perSecond: Math.round(UPSERT_ROWS / (streamMs / 1000)) }, visible: pcts(visible),
    };
  } finally {
    await engine.stop();
  }
}
