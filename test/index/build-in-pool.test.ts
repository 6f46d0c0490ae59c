import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { Piscina } from 'piscina';
import { CatalogError, EngineError } from '../../engine/errors/index.js';
import { contentEmbeddings, demoCatalog, catalogFingerprint, type Product } from '../../engine/catalog/index.js';
import {
  AnnIndex,
  BUILD_TASK_URL,
  buildIndexInPool,
  exactTopK,
  readVectors,
  recallAtK,
  type BuildIndexResult,
} from '../../engine/index/index.js';

const dir = mkdtempSync(join(tmpdir(), 'index-build-'));
const pool = new Piscina({ filename: BUILD_TASK_URL.href, maxThreads: 1 });
const products = demoCatalog();
const byId = new Map(products.map((p) => [p.itemId, p]));
let built: BuildIndexResult;
const progress: Array<[number, number]> = [];

before(async () => {
  built = await buildIndexInPool(pool, { source: { kind: 'demo' }, outPath: join(dir, 'demo', 'items.hnsw') }, { onProgress: (a, t) => progress.push([a, t]) });
});

test('index build - progress comes back from the worker while the graph is built, ending at the total', () => {
  assert.ok(progress.length >= 4, `several progress reports for 10k points, got ${progress.length}`);
  assert.deepEqual(progress.at(-1), [10_000, 10_000]);
  for (let i = 1; i < progress.length; i++) assert.ok(progress[i]![0] > progress[i - 1]![0], 'increasing');
});
after(async () => {
  await pool.destroy();
  rmSync(dir, { recursive: true, force: true });
});

test('index build - a real piscina worker builds and saves the demo catalog index', () => {
  assert.equal(built.ids.length, 10_000);
  assert.deepEqual(built.ids, products.map((p) => p.itemId));
  assert.equal(built.dim, 64);
  assert.equal(built.fingerprint, catalogFingerprint(products));
  assert.ok(built.timings.totalMs > 0 && built.timings.buildMs > 0);
  const vectors = readVectors(built.vectorsPath, built.dim, built.ids.length);
  assert.deepEqual(Buffer.from(vectors.buffer), Buffer.from(contentEmbeddings(products).buffer), 'same vectors as on the main thread');
  const index = AnnIndex.load(built.indexPath, built.ids, built.dim);
  assert.equal(index.size, 10_000);
  assert.deepEqual(index.info, { fingerprint: built.fingerprint, embedding: { dim: 64, seed: built.seed } });
});

test('index build - HNSW recall@10 is >= 0.95 against exact search on the demo catalog', () => {
  const index = AnnIndex.load(built.indexPath, built.ids, built.dim);
  const vectors = readVectors(built.vectorsPath, built.dim);
  const dim = built.dim;
  const queries: Float32Array[] = [];
  for (let q = 0; q < 100; q++) {
    // Item vectors, and session-like mixes of three items, as the user actor will query.
    const a = (q * 7919) % 10_000;
    if (q % 2 === 0) {
      queries.push(vectors.slice(a * dim, (a + 1) * dim));
    } else {
      const mix = new Float32Array(dim);
      for (const i of [a, (a * 31 + 7) % 10_000, (a * 17 + 3) % 10_000]) for (let k = 0; k < dim; k++) mix[k]! += vectors[i * dim + k]!;
      queries.push(mix);
    }
  }
  let recall = 0;
  for (const query of queries) recall += recallAtK(index.search(query, 10), exactTopK(built.ids, vectors, dim, query, 10));
  recall /= queries.length;
  assert.ok(recall >= 0.95, `recall@10 = ${recall}`);
});

test('index build - search with a filter returns only items that pass it', () => {
  const index = AnnIndex.load(built.indexPath, built.ids, built.dim);
  const vectors = readVectors(built.vectorsPath, built.dim);
  const query = vectors.subarray(0, built.dim);
  const inStockCoffee = (id: string): boolean => byId.get(id)!.category === 'coffee' && byId.get(id)!.stock > 0;
  const hits = index.search(query, 10, inStockCoffee);
  assert.equal(hits.length, 10);
  assert.ok(hits.every((h) => inStockCoffee(h.itemId)));
  const exact = exactTopK(built.ids, vectors, built.dim, query, 10, inStockCoffee);
  assert.ok(recallAtK(hits, exact) >= 0.9);
});

test('index build - builds from a catalog file in a pool created for the build', async () => {
  const rows: (Product | string)[] = products.slice(0, 300);
  rows.splice(5, 0, '{"itemId": "broken"}');
  const path = join(dir, 'small.jsonl');
  writeFileSync(path, rows.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n'));
  const result = await buildIndexInPool({ maxThreads: 1 }, { source: { kind: 'file', path }, outPath: join(dir, 'small.hnsw'), dim: 32, M: 8 });
  assert.equal(result.ids.length, 300);
  assert.equal(result.rejectedRows, 1);
  const index = AnnIndex.load(result.indexPath, result.ids, 32);
  assert.equal(index.M, 8);
  const first = readVectors(result.vectorsPath, 32).subarray(0, 32);
  assert.equal(index.search(first, 1)[0]!.itemId, products[0]!.itemId);
});

test('index build - worker errors come back typed', async () => {
  await assert.rejects(
    buildIndexInPool(pool, { source: { kind: 'file', path: join(dir, 'missing.csv') }, outPath: join(dir, 'x.hnsw') }),
    (e: unknown) => e instanceof EngineError && e.code === 'E_BAD_CATALOG' && /ENOENT/.test(e.message),
  );
  const bad = join(dir, 'bad.jsonl');
  writeFileSync(bad, '\n{"itemId": 1}\n');
  await assert.rejects(
    buildIndexInPool(pool, { source: { kind: 'file', path: bad }, outPath: join(dir, 'y.hnsw') }),
    (e: unknown) => e instanceof CatalogError && e.line === 2 && /"itemId"/.test(e.message),
  );
  await assert.rejects(buildIndexInPool(pool, { source: { kind: 'demo', count: 50 }, outPath: join(dir, 'z.hnsw'), dim: 3 }), RangeError);
  await assert.rejects(buildIndexInPool(pool, { source: { kind: 'nope' } as never, outPath: 'x' }), TypeError);
});
