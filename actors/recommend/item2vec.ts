/**
 * item2vec (Barkan & Koenigstein 2016): skip-gram with negative sampling over
 * sessions, items as words. A pure, synchronous function with a seeded PRNG,
 * so the engine can run it in a piscina worker off the hot path and get the
 * same vectors for the same log; its HNSW neighbours of a session vector come
 * back into SessionModel.recommend as `extraCandidates`.
 */

export interface ItemEmbeddingOptions {
  /** Vector size. @default 32 */
  dim?: number;
  /** Context clicks on each side. @default 3 */
  window?: number;
  /** Negative samples per positive pair. @default 5 */
  negatives?: number;
  /** Passes over the sessions. @default 5 */
  epochs?: number;
  /** Start learning rate, decayed linearly to 1/10000 of it. @default 0.025 */
  learningRate?: number;
  /** Items clicked fewer times are left out. @default 2 */
  minCount?: number;
  /** PRNG seed: same sessions + same seed = same vectors. @default 1 */
  seed?: number;
}

export interface ItemEmbeddings {
  ids: string[];
  dim: number;
  /** ids.length x dim, row i is ids[i], L2-normalised (cosine = dot product). */
  vectors: Float32Array;
}

export const DEFAULT_EMBEDDING_OPTIONS: Readonly<Required<ItemEmbeddingOptions>> = {
  dim: 32, window: 3, negatives: 5, epochs: 5, learningRate: 0.025, minCount: 2, seed: 1,
};

/** Size of the unigram^0.75 table negatives are drawn from. */
const NEGATIVE_TABLE_SIZE = 1 << 20;

function check(o: Required<ItemEmbeddingOptions>): void {
  const ints: Array<keyof ItemEmbeddingOptions> = ['dim', 'window', 'negatives', 'epochs', 'minCount', 'seed'];
  for (const k of ints) {
    const v = o[k];
    if (!Number.isInteger(v) || v < (k === 'negatives' || k === 'seed' ? 0 : 1)) throw new RangeError(`trainItemEmbeddings option ${k} must be a positive integer, got ${v}`);
  }
  if (!(o.learningRate > 0 && o.learningRate < 1)) throw new RangeError(`trainItemEmbeddings option learningRate must be in (0, 1), got ${o.learningRate}`);
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function trainItemEmbeddings(sessions: ReadonlyArray<ReadonlyArray<string>>, options: ItemEmbeddingOptions = {}): ItemEmbeddings {
  const o = { ...DEFAULT_EMBEDDING_OPTIONS, ...options };
  check(o);
  const counts = new Map<string, number>();
  for (const s of sessions) for (const it of s) counts.set(it, (counts.get(it) ?? 0) + 1);
  const ids = [...counts.keys()].filter((k) => (counts.get(k) as number) >= o.minCount).sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const n = ids.length;
  const dim = o.dim;
  const rnd = mulberry32(o.seed);
  const emb = new Float32Array(n * dim);
  const ctx = new Float32Array(n * dim);
  for (let i = 0; i < emb.length; i++) emb[i] = (rnd() - 0.5) / dim;
  if (n === 0) return { ids, dim, vectors: emb };

  const table = new Int32Array(NEGATIVE_TABLE_SIZE);
  let z = 0;
  for (const id of ids) z += Math.pow(counts.get(id) as number, 0.75);
  let acc = 0;
  let j = 0;
  for (let i = 0; i < n; i++) {
    acc += Math.pow(counts.get(ids[i] as string) as number, 0.75) / z;
    const end = Math.min(NEGATIVE_TABLE_SIZE, Math.round(acc * NEGATIVE_TABLE_SIZE));
    for (; j < end; j++) table[j] = i;
  }
  for (; j < NEGATIVE_TABLE_SIZE; j++) table[j] = n - 1;

  const encoded = sessions.map((s) => s.map((it) => index.get(it) ?? -1).filter((x) => x >= 0));
  let total = 0;
  for (const s of encoded) total += s.length;
  const steps = Math.max(1, total * o.epochs);
  const grad = new Float32Array(dim);
  let step = 0;
  for (let e = 0; e < o.epochs; e++) {
    for (const s of encoded) {
      for (let p = 0; p < s.length; p++, step++) {
        const lr = o.learningRate * Math.max(1e-4, 1 - step / steps);
        const w = s[p] as number;
        const lo = Math.max(0, p - o.window);
        const hi = Math.min(s.length - 1, p + o.window);
        for (let q = lo; q <= hi; q++) {
          if (q === p) continue;
          const c = s[q] as number;
          if (c === w) continue;
          grad.fill(0);
          for (let k = 0; k <= o.negatives; k++) {
            const t = k === 0 ? c : (table[Math.floor(rnd() * NEGATIVE_TABLE_SIZE)] as number);
            if (k > 0 && t === c) continue;
            const label = k === 0 ? 1 : 0;
            let dot = 0;
            for (let d = 0; d < dim; d++) dot += emb[w * dim + d]! * ctx[t * dim + d]!;
            const g = (label - 1 / (1 + Math.exp(-Math.max(-30, Math.min(30, dot))))) * lr;
            for (let d = 0; d < dim; d++) {
              grad[d]! += g * ctx[t * dim + d]!;
              ctx[t * dim + d]! += g * emb[w * dim + d]!;
            }
          }
          for (let d = 0; d < dim; d++) emb[w * dim + d]! += grad[d]!;
        }
      }
    }
  }
  for (let i = 0; i < n; i++) {
    let norm = 0;
    for (let d = 0; d < dim; d++) norm += emb[i * dim + d]! ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < dim; d++) emb[i * dim + d]! /= norm;
  }
  return { ids, dim, vectors: emb };
}

/**
 * The session's query vector for the HNSW lookup: recent items weigh more
 * (weight decay^age, newest first). Undefined when no item has a vector.
 */
export function sessionVector(e: ItemEmbeddings, index: ReadonlyMap<string, number>, itemIds: readonly string[], decay = 0.5): Float32Array | undefined {
  const v = new Float32Array(e.dim);
  let w = 1;
  let any = false;
  for (let i = itemIds.length - 1; i >= 0; i--, w *= decay) {
    const row = index.get(itemIds[i] as string);
    if (row === undefined) continue;
    any = true;
    for (let d = 0; d < e.dim; d++) v[d]! += w * e.vectors[row * e.dim + d]!;
  }
  return any ? v : undefined;
}
