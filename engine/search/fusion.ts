/**
 * Fusing the lexical and the vector ranking into one. Pure functions over ranked
 * lists; which one a query gets is decided per query type (short navigational vs
 * long descriptive) by measurement: benchmarks/suites/search-relevance.ts.
 */

export type FusionMethod = 'rrf' | 'weighted' | 'lexical' | 'vector';
export type QueryType = 'short' | 'long';

export interface Ranked {
  itemId: string;
  score: number;
}

/** RRF's constant: 60 as in Cormack, Clarke and Buettcher (SIGIR 2009). */
export const RRF_K = 60;
/** Weight of the lexical score in weighted fusion (the vector score gets the rest). */
export const DEFAULT_LEXICAL_WEIGHT = 0.7;
/** Queries of at most this many words are navigational ("sony tv"); longer ones descriptive. */
export const SHORT_QUERY_MAX_TERMS = 2;
/**
 * Per query type, the method with the higher NDCG@10 on the graded demo-catalog set
 * (`npm run bench:search`; 10k products, 2026-12-03): short queries weighted 0.893 vs RRF
 * 0.889, long queries RRF 0.903 vs weighted 0.900. The margins are small: re-measure
 * when retrieval changes (benchmarks/results/*-search-*.md).
 */
export const DEFAULT_FUSION: Readonly<Record<QueryType, FusionMethod>> = { short: 'weighted', long: 'rrf' };

export function queryTypeOf(termCount: number): QueryType {
  return termCount <= SHORT_QUERY_MAX_TERMS ? 'short' : 'long';
}

/** Reciprocal rank fusion: sum of 1 / (k + rank) over the lists an item is in (rank from 1). */
export function rrf(lists: ReadonlyArray<readonly Ranked[]>, k = RRF_K): Map<string, number> {
  const out = new Map<string, number>();
  for (const list of lists) {
    for (let i = 0; i < list.length; i++) {
      const id = list[i]!.itemId;
      out.set(id, (out.get(id) ?? 0) + 1 / (k + i + 1));
    }
  }
  return out;
}

/** Scores scaled to 0..1 by the list's own min and max (a lone item scores 1). */
function minMax(list: readonly Ranked[]): Map<string, number> {
  const out = new Map<string, number>();
  if (list.length === 0) return out;
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of list) {
    if (r.score < lo) lo = r.score;
    if (r.score > hi) hi = r.score;
  }
  const span = hi - lo;
  for (const r of list) out.set(r.itemId, span > 0 ? (r.score - lo) / span : 1);
  return out;
}

/** Weighted score fusion: w x lexical + (1 - w) x vector, each min-max scaled; missing counts 0. */
export function weighted(lexical: readonly Ranked[], vector: readonly Ranked[], lexicalWeight = DEFAULT_LEXICAL_WEIGHT): Map<string, number> {
  if (!(lexicalWeight >= 0 && lexicalWeight <= 1)) throw new RangeError(`lexicalWeight must be 0..1, got ${lexicalWeight}`);
  const l = minMax(lexical);
  const v = minMax(vector);
  const out = new Map<string, number>();
  for (const [id, s] of l) out.set(id, lexicalWeight * s);
  for (const [id, s] of v) out.set(id, (out.get(id) ?? 0) + (1 - lexicalWeight) * s);
  return out;
}

/** One fused ranking, best first (ties: lexical order first, then vector order). */
export function fuse(method: FusionMethod, lexical: readonly Ranked[], vector: readonly Ranked[], lexicalWeight = DEFAULT_LEXICAL_WEIGHT): Ranked[] {
  let scores: Map<string, number>;
  switch (method) {
    case 'lexical':
      return [...lexical];
    case 'vector':
      return [...vector];
    case 'rrf':
      scores = rrf([lexical, vector]);
      break;
    case 'weighted':
      scores = weighted(lexical, vector, lexicalWeight);
      break;
  }
  const order = new Map<string, number>();
  for (const r of lexical) if (!order.has(r.itemId)) order.set(r.itemId, order.size);
  for (const r of vector) if (!order.has(r.itemId)) order.set(r.itemId, order.size);
  return [...scores].map(([itemId, score]) => ({ itemId, score })).sort((a, b) => b.score - a.score || order.get(a.itemId)! - order.get(b.itemId)!);
}
