/**
 * Exact nearest neighbours by brute force: the ground truth for recall checks of the
 * HNSW index, and a fallback-free reference in evaluations. O(n x dim) per query.
 */
import type { AnnHit } from './ann-index.js';

/**
 * The k items with the highest cosine similarity to `query`, best first (ties by
 * row order). `vectors` is n x dim, row i for ids[i]; rows need not be normalised.
 */
export function exactTopK(
  ids: readonly string[],
  vectors: Float32Array,
  dim: number,
  query: Float32Array | readonly number[],
  k: number,
  filter?: (itemId: string) => boolean,
): AnnHit[] {
  if (vectors.length !== ids.length * dim) throw new RangeError(`vectors has ${vectors.length} floats, expected ${ids.length} x ${dim}`);
  if (query.length !== dim) throw new RangeError(`query has ${query.length} dimensions, expected ${dim}`);
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be an integer >= 1, got ${String(k)}`);
  let qn = 0;
  for (let j = 0; j < dim; j++) qn += query[j]! * query[j]!;
  qn = Math.sqrt(qn) || 1;
  // A sorted list of the best k so far: k is small, so insertion beats a heap.
  const best: AnnHit[] = [];
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (filter !== undefined && !filter(id)) continue;
    let dot = 0;
    let vn = 0;
    const base = i * dim;
    for (let j = 0; j < dim; j++) {
      const v = vectors[base + j]!;
      dot += v * query[j]!;
      vn += v * v;
    }
    const score = dot / (qn * (Math.sqrt(vn) || 1));
    if (best.length === k && score <= best[k - 1]!.score) continue;
    let at = best.length;
    while (at > 0 && best[at - 1]!.score < score) at--;
    best.splice(at, 0, { itemId: id, score });
    if (best.length > k) best.pop();
  }
  return best;
}

/**
 * Share of the exact top-k that the approximate result found. An approximate hit
 * whose score ties the exact k-th score (within `tieEpsilon`) counts too: with
 * equal scores either item is a correct answer.
 */
export function recallAtK(approx: readonly AnnHit[], exact: readonly AnnHit[], tieEpsilon = 1e-5): number {
  if (exact.length === 0) return 1;
  const exactIds = new Set(exact.map((h) => h.itemId));
  const kth = exact[exact.length - 1]!.score;
  let found = 0;
  for (const hit of approx.slice(0, exact.length)) {
    if (exactIds.has(hit.itemId) || hit.score >= kth - tieEpsilon) found++;
  }
  return found / exact.length;
}
