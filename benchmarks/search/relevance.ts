/** NDCG@10 and MRR of BM25 alone, vectors alone and the fusions on the graded demo-catalog set (in process). */
import { Catalog, demoCatalog, type Product } from '../../engine/catalog/index.js';
import { HnswVectorRetrieval, LiveSearchIndex, queryTypeOf, SearchService, analyze, type FusionMethod } from '../../engine/search/index.js';
import { factsOf, gradedQueries, ndcgAt, reciprocalRank } from './graded-queries.js';

export const METHODS: FusionMethod[] = ['lexical', 'vector', 'rrf', 'weighted'];

export interface RelevanceRow {
  method: string;
  slice: string;
  queries: number;
  ndcg10: number;
  mrr: number;
}

export interface RelevanceResult {
  catalog: number;
  queries: number;
  byNoise: Record<string, number>;
  rows: RelevanceRow[];
  /** Per query type, the fusion with the higher NDCG@10 (what DEFAULT_FUSION should say). */
  best: Record<string, string>;
}

const r4 = (x: number) => Math.round(x * 10000) / 10000;

export function runRelevance(count: number, log: (s: string) => void): RelevanceResult {
  const products: Product[] = demoCatalog({ count });
  const index = new LiveSearchIndex();
  const catalog = new Catalog(products, { search: () => index });
  const vectors = HnswVectorRetrieval.build(products);
  const deps = { catalog, lexical: index.lexical, vectors, stockOf: (id: string) => catalog.get(id)?.stock ?? 0, popularity: () => 0 };
  const service = new SearchService(deps);
  // The same with short queries over every field (descriptions too): what NAVIGATIONAL_FIELDS costs or gains.
  const allFields = new SearchService(deps, { shortQueryFields: 'all' });
  const facts = new Map(products.map((p) => [p.itemId, factsOf(p)]));
  const queries = gradedQueries(products);
  log(`relevance: ${queries.length} graded queries over ${count} products`);
  const acc = new Map<string, { n: number; ndcg: number; mrr: number }>();
  const bump = (key: string, ndcg: number, mrr: number) => {
    const a = acc.get(key) ?? { n: 0, ndcg: 0, mrr: 0 };
    a.n++;
    a.ndcg += ndcg;
    a.mrr += mrr;
    acc.set(key, a);
  };
  const byNoise: Record<string, number> = {};
  for (const q of queries) {
    byNoise[q.noise] = (byNoise[q.noise] ?? 0) + 1;
    const all = products.map((p) => q.grade(facts.get(p.itemId)!));
    const type = queryTypeOf(analyze(q.q).length);
    const rankings: Array<[string, string[]]> = METHODS.map((m) => [m, service.rank(q.q, m).slice(0, 10)]);
    // The whole pipeline as /api/search runs it (defaults, relaxed matching, did-you-mean), no shopper.
    rankings.push(['search (defaults)', service.search({ q: q.q, limit: 10 }).items.map((i) => i.itemId)]);
    rankings.push(['search (short queries over all fields)', allFields.search({ q: q.q, limit: 10 }).items.map((i) => i.itemId)]);
    rankings.push(['lexical (short queries over all fields)', allFields.rank(q.q, 'lexical').slice(0, 10)]);
    for (const [method, ids] of rankings) {
      const grades = ids.map((id) => q.grade(facts.get(id)!));
      const ndcg = ndcgAt(10, grades, all);
      const mrr = reciprocalRank(grades);
      for (const slice of ['all', `type:${type}`, `noise:${q.noise}`, `template:${q.template}`]) bump(`${method}|${slice}`, ndcg, mrr);
    }
  }
  const rows: RelevanceRow[] = [...acc].map(([key, a]) => {
    const [method, slice] = key.split('|') as [string, string];
    return { method, slice, queries: a.n, ndcg10: r4(a.ndcg / a.n), mrr: r4(a.mrr / a.n) };
  });
  const best: Record<string, string> = {};
  for (const type of ['short', 'long']) {
    const candidates = rows.filter((r) => r.slice === `type:${type}` && (r.method === 'rrf' || r.method === 'weighted'));
    candidates.sort((a, b) => b.ndcg10 - a.ndcg10);
    if (candidates[0]) best[type] = candidates[0].method;
  }
  return { catalog: count, queries: queries.length, byNoise, rows, best };
}
