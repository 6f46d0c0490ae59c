/**
 * ANN: the engine's HNSW index (engine/index AnnIndex, its default M and
 * efConstruction) over the demo catalog's content embeddings, against exact
 * search. Queries are what the recommender asks: an item's vector ("more like
 * this") and a session vector (the normalised sum of a few viewed items).
 * Single thread, as a shard searches.
 */
import { AnnIndex, DEFAULT_EF_CONSTRUCTION, DEFAULT_EF_SEARCH, DEFAULT_M, exactTopK, recallAtK } from '../../engine/index/index.js';
import { ContentEmbedder, demoCatalog, DEFAULT_EMBEDDING_DIM } from '../../engine/catalog/index.js';
import { Rng } from '../../loadgen/rng.js';

export interface AnnRow {
  scenario: string;
  items: number;
  dim: number;
  M: number;
  ef_construction: number;
  ef: number;
  queries: number;
  recall_at_10: number;
  qps: number;
  exact_qps: number;
  build_s: number;
}

export interface AnnPlan {
  sizes: number[];
  efs: number[];
  queries: number;
}

export const FULL_ANN: AnnPlan = { sizes: [10_000, 100_000], efs: [16, 32, 64, 128], queries: 1000 };
export const QUICK_ANN: AnnPlan = { sizes: [10_000], efs: [32, 64], queries: 200 };
const K = 10;
const MIN_TIMED_MS = 700;
/** Best of this many timed rounds: other processes on a shared box only ever slow a round down. */
const ROUNDS = 3;

const sizeName = (n: number) => (n % 1000 === 0 ? `${n / 1000}k` : String(n));

function queries(vectors: Float32Array, n: number, dim: number, count: number, seed: number): Float32Array[] {
  const rng = new Rng(seed);
  const out: Float32Array[] = [];
  for (let q = 0; q < count; q++) {
    const v = new Float32Array(dim);
    // Half item-to-item, half session-like (3 viewed items).
    const parts = q % 2 === 0 ? 1 : 3;
    for (let p = 0; p < parts; p++) {
      const row = rng.int(n) * dim;
      for (let j = 0; j < dim; j++) v[j]! += vectors[row + j]!;
    }
    let norm = 0;
    for (let j = 0; j < dim; j++) norm += v[j]! * v[j]!;
    norm = Math.sqrt(norm) || 1;
    for (let j = 0; j < dim; j++) v[j]! /= norm;
    out.push(v);
  }
  return out;
}

/** Queries per second of `fn` over the query set: the best of ROUNDS rounds of at least MIN_TIMED_MS each. */
function timeQps(qs: readonly Float32Array[], fn: (q: Float32Array) => void): number {
  let best = 0;
  for (let r = 0; r < ROUNDS; r++) {
    let done = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < MIN_TIMED_MS) {
      for (const q of qs) fn(q);
      done += qs.length;
    }
    best = Math.max(best, done / ((performance.now() - t0) / 1000));
  }
  return Math.round(best);
}

export async function runAnn(plan: AnnPlan, log: (s: string) => void): Promise<AnnRow[]> {
  const rows: AnnRow[] = [];
  for (const n of plan.sizes) {
    const t0 = performance.now();
    const products = demoCatalog({ count: n });
    const { vectors } = ContentEmbedder.embedCatalog(products, {});
    const dim = DEFAULT_EMBEDDING_DIM;
    const ids = products.map((p) => p.itemId);
    log(`ann-${sizeName(n)}: ${n} demo products embedded (${dim} dims) in ${((performance.now() - t0) / 1000).toFixed(1)} s; building HNSW (M ${DEFAULT_M}, efConstruction ${DEFAULT_EF_CONSTRUCTION}) ...`);
    const tb = performance.now();
    const index = AnnIndex.build(ids, vectors, dim);
    const buildS = Math.round((performance.now() - tb) / 100) / 10;
    const qs = queries(vectors, n, dim, plan.queries, n);
    const truth = qs.map((q) => exactTopK(ids, vectors, dim, q, K));
    const exactSample = qs.slice(0, Math.min(qs.length, 100));
    const exactQps = timeQps(exactSample, (q) => exactTopK(ids, vectors, dim, q, K));
    for (const ef of plan.efs) {
      index.setEf(ef);
      let recall = 0;
      qs.forEach((q, i) => (recall += recallAtK(index.search(q, K), truth[i]!)));
      const qps = timeQps(qs, (q) => index.search(q, K));
      const row: AnnRow = {
        scenario: `ann-${sizeName(n)}${ef === DEFAULT_EF_SEARCH ? '' : `-ef${ef}`}`,
        items: n, dim, M: DEFAULT_M, ef_construction: DEFAULT_EF_CONSTRUCTION, ef, queries: qs.length,
        recall_at_10: Math.round((recall / qs.length) * 10000) / 10000, qps, exact_qps: exactQps, build_s: buildS,
      };
      log(`  ef ${ef}: recall@10 ${row.recall_at_10}, ${qps} queries/s (exact ${exactQps}/s), build ${buildS} s`);
      rows.push(row);
    }
  }
  return rows;
}
