/**
 * Autocomplete as the shopper types: hot queries that start with what was typed
 * (decayed counts of real searches, per category when one is given), completions of
 * the last word from the catalog's vocabulary, and the products whose name matches.
 */
import type { Catalog } from '../catalog/index.js';
import { BadRequestError } from '../errors/index.js';
import { MAX_SEARCH_QUERY_LENGTH, type SuggestQuery, type SuggestResponse } from '../../protos/search-contract.js';
import { analyze, cleanQuery, matchSpans } from './analyzer.js';
import type { LexicalIndex } from './lexical-index.js';
import { CATEGORY_PATTERN } from '../catalog/index.js';

export const SUGGEST_QUERIES = 8;
export const SUGGEST_PRODUCTS = 5;
/** Vocabulary words looked at per completion (a one-letter prefix would otherwise scan thousands). */
const MAX_COMPLETION_SCAN = 2000;

/** Hot queries with their decayed scores, best first; `category` narrows to searches made in it. */
export type HotQuerySource = (category: string | undefined) => ReadonlyArray<{ query: string; score: number }>;

export class Suggester {
  readonly #lexical: LexicalIndex;
  readonly #catalog: Catalog;
  readonly #hot: HotQuerySource;
  #sortedVocab: string[] = [];
  #sortedVersion = -1;

  constructor(deps: { lexical: LexicalIndex; catalog: Catalog; hot?: HotQuerySource }) {
    this.#lexical = deps.lexical;
    this.#catalog = deps.catalog;
    this.#hot = deps.hot ?? (() => []);
  }

  suggest(input: SuggestQuery | Record<string, unknown>): SuggestResponse {
    const t0 = performance.now();
    const o = input as Record<string, unknown>;
    const raw = o['q'] ?? '';
    if (typeof raw !== 'string') throw new BadRequestError('"q" must be a string', 'q');
    if (raw.length > MAX_SEARCH_QUERY_LENGTH) throw new BadRequestError(`"q" must be at most ${MAX_SEARCH_QUERY_LENGTH} characters, got ${raw.length}`, 'q');
    const category = o['category'];
    if (category !== undefined && category !== '' && (typeof category !== 'string' || !CATEGORY_PATTERN.test(category))) {
      throw new BadRequestError('"category" must be a slug of a-z, 0-9 and "-"', 'category');
    }
    const typed = cleanQuery(raw).toLowerCase();
    const queries: SuggestResponse['queries'] = [];
    const seen = new Set<string>();
    const push = (query: string, source: 'hot' | 'catalog') => {
      const key = analyze(query).join(' ');
      if (key.length === 0 || seen.has(key) || queries.length >= SUGGEST_QUERIES) return;
      seen.add(key);
      queries.push({ query, source });
    };
    const cat = typeof category === 'string' && category !== '' ? category : undefined;
    for (const h of this.#hot(cat)) {
      if (queries.length >= Math.ceil(SUGGEST_QUERIES / 2)) break;
      if (typed.length === 0 || h.query.startsWith(typed)) push(h.query, 'hot');
    }
    const products: SuggestResponse['products'] = [];
    const words = typed.split(' ').filter((w) => w.length > 0);
    if (words.length > 0) {
      const last = analyze(words[words.length - 1]!)[0];
      const head = words.slice(0, -1).join(' ');
      if (last !== undefined) for (const word of this.#complete(last)) push(head ? `${head} ${word}` : word, 'catalog');
      if (typed.length >= 2) {
        // Prefix matches first; typo-tolerant matching only when they are too few (a typo outscores a prefix in BM25 weights).
        let hits = this.#lexical.match(typed, { fields: ['name', 'brand'], typos: false, prefix: true });
        if (hits.length < SUGGEST_PRODUCTS && typed.length >= 4) hits = [...hits, ...this.#lexical.match(typed, { fields: ['name', 'brand'], prefix: true })];
        const terms = new Set(analyze(typed));
        const shown = new Set<string>();
        for (const h of hits) {
          if (products.length >= SUGGEST_PRODUCTS) break;
          const p = this.#catalog.get(h.itemId);
          if (p === undefined || shown.has(p.itemId) || (cat !== undefined && p.category !== cat)) continue;
          shown.add(p.itemId);
          products.push({ itemId: p.itemId, name: p.name, category: p.category, price: p.price, matches: matchSpans(p.name, new Set([...terms, ...h.terms])) });
        }
      }
    }
    return { queries, products, took_ms: Math.round((performance.now() - t0) * 1000) / 1000 };
  }

  /** Known words starting with `prefix`, most common first. */
  #complete(prefix: string): string[] {
    const vocab = this.#lexical.vocabulary();
    if (this.#sortedVersion !== this.#lexical.vocabVersion) {
      this.#sortedVocab = [...vocab.keys()].sort();
      this.#sortedVersion = this.#lexical.vocabVersion;
    }
    const sorted = this.#sortedVocab;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const found: Array<[string, number]> = [];
    for (let i = lo; i < sorted.length && i - lo < MAX_COMPLETION_SCAN && sorted[i]!.startsWith(prefix); i++) {
      const w = sorted[i]!;
      found.push([w, vocab.get(w) ?? 0]);
    }
    return found.sort((a, b) => b[1] - a[1]).slice(0, SUGGEST_QUERIES).map(([w]) => w);
  }
}
