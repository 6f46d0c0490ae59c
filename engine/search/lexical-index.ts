/**
 * The lexical half of hybrid search: MiniSearch (BM25 over per-field postings in a
 * radix tree) with the shop's field boosts, prefix matching of the last word, typo
 * tolerance by word length, plural folding, synonyms and stop words. Implements the
 * catalog's `TextSearch`, so the catalog keeps it current on every upsert and delete:
 * a changed product is searchable with its new text as soon as `upsert` returns.
 *
 * Why MiniSearch (docs/dependencies.md): incremental add/replace/discard, BM25 with
 * configurable k1/b/d, fuzzy and prefix per term, nested AND/OR queries; Orama 3.1 was
 * 6x slower to search and removes ~10 documents/s at 100k (measured).
 */
import MiniSearch, { type Query, type SearchOptions, type SearchResult } from 'minisearch';
import type { Product, TextSearch } from '../catalog/index.js';
import { analyze, foldPlural, searchTokens } from './analyzer.js';
import { buildSynonyms, DEFAULT_SYNONYMS, type SynonymMap } from './synonyms.js';

export const SEARCH_FIELDS = ['name', 'brand', 'category', 'tags', 'description'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

/** Where a word appears says how much it tells about the product. */
export const DEFAULT_FIELD_BOOSTS: Readonly<Record<SearchField, number>> = { name: 3, brand: 2.5, category: 2, tags: 1.5, description: 1 };
/** Robertson's BM25 (d = 0; d > 0 is BM25+). */
export const DEFAULT_BM25 = { k1: 1.2, b: 0.75, d: 0 } as const;
/** Last-word prefixes shorter than this would expand to most of the vocabulary. */
export const MIN_PREFIX_LENGTH = 2;
/** Query terms looked at; the rest of a very long query is ignored (bounded latency). */
export const MAX_QUERY_TERMS = 12;
/** Recent match lists kept, by total hits (about 100 B each): hot queries repeat, and MiniSearch scores every posting of every query term. */
export const MATCH_CACHE_HITS = 200_000;

/** Typos allowed in a query word of `length` letters (Meilisearch's and Typesense's spirit): none under 4, 1 up to 8, 2 from 9. */
export function typoBudget(length: number): number {
  return length < 4 ? 0 : length < 9 ? 1 : 2;
}

export interface LexicalIndexOptions {
  /** @default DEFAULT_FIELD_BOOSTS */
  boosts?: Partial<Record<SearchField, number>>;
  /** BM25 parameters. @default DEFAULT_BM25 */
  bm25?: { k1?: number; b?: number; d?: number };
  /** Synonym groups. @default DEFAULT_SYNONYMS */
  synonyms?: readonly (readonly string[])[];
  /** Typo tolerance on (fuzzy matching by word length). @default true */
  typos?: boolean;
}

export interface LexicalQuery {
  /** `and`: every word (or a synonym) must match; `or`: any word (relaxed matching). @default 'and' */
  mode?: 'and' | 'or';
  /** Match the last word as a prefix (type-ahead): `true` always, default only when it is not a known word. */
  prefix?: boolean;
  /** Restrict to some fields (suggestions search names only). */
  fields?: readonly SearchField[];
  /** Apply typo tolerance. @default the index's `typos` */
  typos?: boolean;
}

export interface LexicalHit {
  itemId: string;
  score: number;
  /** The indexed terms that matched (after folding): what to highlight. */
  terms: string[];
  /** The query terms that found this item. */
  queryTerms: string[];
}

/** The searchable text of a product, field by field. */
function fieldOf(p: Product, field: string): string {
  switch (field) {
    case 'category':
      return p.category.replace(/-/g, ' ');
    case 'tags':
      return (p.tags ?? []).join(' ');
    case 'itemId':
      return p.itemId;
    default:
      return (p as unknown as Record<string, string>)[field] ?? '';
  }
}

function positive(name: string, v: number | undefined, dflt: number, max: number): number {
  if (v === undefined) return dflt;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > max) throw new RangeError(`${name} must be a number from 0 to ${max}, got ${String(v)}`);
  return v;
}

export class LexicalIndex implements TextSearch {
  readonly boosts: Readonly<Record<SearchField, number>>;
  readonly bm25: { readonly k1: number; readonly b: number; readonly d: number };
  readonly typos: boolean;
  #ms: MiniSearch<Product>;
  #synonyms: SynonymMap;
  /** Indexed products (the catalog's frozen objects): what to un-count when one changes. */
  #docs = new Map<string, Product>();
  /** term -> number of products with it in name, brand, category or tags: "did you mean" and completions. */
  #vocab = new Map<string, number>();
  #vocabVersion = 0;
  /** Bumped on every change: cached match lists are only valid for the version they were made at. */
  #version = 0;
  #cache = new Map<string, LexicalHit[]>();
  #cachedHits = 0;
  #cacheStats = { hits: 0, misses: 0 };

  constructor(options: LexicalIndexOptions = {}) {
    const boosts = { ...DEFAULT_FIELD_BOOSTS };
    for (const [field, v] of Object.entries(options.boosts ?? {})) {
      if (!(SEARCH_FIELDS as readonly string[]).includes(field)) throw new RangeError(`boosts.${field} is not a search field (${SEARCH_FIELDS.join(', ')})`);
      boosts[field as SearchField] = positive(`boosts.${field}`, v, 1, 100);
    }
    this.boosts = Object.freeze(boosts);
    this.bm25 = Object.freeze({
      k1: positive('bm25.k1', options.bm25?.k1, DEFAULT_BM25.k1, 10),
      b: positive('bm25.b', options.bm25?.b, DEFAULT_BM25.b, 1),
      d: positive('bm25.d', options.bm25?.d, DEFAULT_BM25.d, 10),
    });
    this.typos = options.typos ?? true;
    this.#synonyms = buildSynonyms(options.synonyms ?? DEFAULT_SYNONYMS);
    // MiniSearch 7 normalises by the number of *distinct* words in a field, not by its
    // length as Robertson's BM25 does (found by test/search/bm25.test.ts: a description
    // repeating "camera" scored 3% high). Its add() tokenizes a field and then records
    // that field's length, so the tokenizer notes the real length and the length hook uses it.
    let lastLength = 0;
    const tokenize = (text: string): string[] => {
      const tokens = searchTokens(text);
      lastLength = tokens.length;
      return tokens;
    };
    this.#ms = new MiniSearch<Product>({
      idField: 'itemId',
      fields: [...SEARCH_FIELDS],
      storeFields: [],
      extractField: fieldOf,
      tokenize,
      processTerm: foldPlural,
      searchOptions: { bm25: { k: this.bm25.k1, b: this.bm25.b, d: this.bm25.d } },
    });
    type LengthHook = (doc: number, field: number, count: number, length: number) => void;
    const internals = this.#ms as unknown as { addFieldLength: LengthHook; removeFieldLength: LengthHook };
    if (typeof internals.addFieldLength !== 'function' || typeof internals.removeFieldLength !== 'function') {
      throw new Error('minisearch internals changed: addFieldLength/removeFieldLength are gone (see lexical-index.ts)');
    }
    const addFieldLength = internals.addFieldLength.bind(this.#ms);
    const removeFieldLength = internals.removeFieldLength.bind(this.#ms);
    internals.addFieldLength = (doc, field, count) => addFieldLength(doc, field, count, lastLength);
    internals.removeFieldLength = (doc, field, count) => removeFieldLength(doc, field, count, lastLength);
  }

  get size(): number {
    return this.#docs.size;
  }

  /** Bumped on every change of the index. */
  get version(): number {
    return this.#version;
  }

  /** Bumped when the vocabulary changes (completion lists cache on it). */
  get vocabVersion(): number {
    return this.#vocabVersion;
  }

  /** Match-list cache hits and misses since start (a hit returns the same array: never mutate it). */
  get cacheStats(): { hits: number; misses: number; entries: number } {
    return { ...this.#cacheStats, entries: this.#cache.size };
  }

  #changed(): void {
    this.#version++;
    if (this.#cache.size > 0) {
      this.#cache.clear();
      this.#cachedHits = 0;
    }
  }

  add(product: Product): void {
    this.#changed();
    const previous = this.#docs.get(product.itemId);
    if (previous !== undefined) {
      this.#count(previous, -1);
      // remove(), not replace()/discard(): MiniSearch 7 scores with a document frequency that
      // still counts discarded documents until it meets them in a posting list (until a
      // vacuum), so an item found before them scored 4x too low in our test. remove() takes
      // them out of the postings at once; it needs the old document, which we keep.
      this.#ms.remove(previous);
    }
    this.#ms.add(product);
    this.#docs.set(product.itemId, product);
    this.#count(product, 1);
  }

  /** Many products at once (start-up): MiniSearch's bulk add. */
  addAll(products: Iterable<Product>): void {
    for (const p of products) this.add(p);
  }

  remove(itemId: string): void {
    const previous = this.#docs.get(itemId);
    if (previous === undefined) return;
    this.#changed();
    this.#count(previous, -1);
    this.#ms.remove(previous);
    this.#docs.delete(itemId);
  }

  /** Documents containing `term` (folded) in name, brand, category or tags. */
  docFrequency(term: string): number {
    return this.#vocab.get(term) ?? 0;
  }

  /** The vocabulary with document frequencies (a live view: do not keep it across changes). */
  vocabulary(): ReadonlyMap<string, number> {
    return this.#vocab;
  }

  /** `TextSearch`: every match (AND, last word as prefix, typos) with its score. */
  search(query: string): Map<string, number> {
    const out = new Map<string, number>();
    for (const hit of this.match(query)) out.set(hit.itemId, hit.score);
    return out;
  }

  /**
   * Matches, best first. Repeated queries are answered from a cache that any change of
   * the index empties, so a cached answer is always the one a fresh search would give.
   * The array is shared with the cache: read it, do not change it.
   */
  match(query: string, options: LexicalQuery = {}): readonly LexicalHit[] {
    const tree = this.queryTree(query, options);
    if (tree === undefined) return [];
    const key = `${options.fields?.join(',') ?? ''}|${JSON.stringify(tree)}`;
    const cached = this.#cache.get(key);
    if (cached !== undefined) {
      this.#cacheStats.hits++;
      // Most recently used last (Map order): eviction takes the oldest first.
      this.#cache.delete(key);
      this.#cache.set(key, cached);
      return cached;
    }
    this.#cacheStats.misses++;
    const opts: SearchOptions = { boost: this.boosts };
    if (options.fields) opts.fields = [...options.fields];
    const results = this.#ms.search(tree, opts);
    const hits: LexicalHit[] = new Array(results.length);
    for (let i = 0; i < results.length; i++) {
      const r = results[i] as SearchResult;
      hits[i] = { itemId: r.id as string, score: r.score, terms: r.terms, queryTerms: r.queryTerms };
    }
    if (hits.length <= MATCH_CACHE_HITS / 4) {
      this.#cache.set(key, hits);
      this.#cachedHits += hits.length;
      for (const [k, v] of this.#cache) {
        if (this.#cachedHits <= MATCH_CACHE_HITS) break;
        this.#cache.delete(k);
        this.#cachedHits -= v.length;
      }
    }
    return hits;
  }

  /**
   * The MiniSearch query for `text`: each word an OR of itself and its synonyms, the
   * words combined by `mode`; undefined when no word is left (only stop words).
   */
  queryTree(text: string, options: LexicalQuery = {}): Query | undefined {
    const terms = [...new Set(analyze(text))].slice(0, MAX_QUERY_TERMS);
    if (terms.length === 0) return undefined;
    const typos = options.typos ?? this.typos;
    const prefix = options.prefix ?? true;
    const combineWith = options.mode === 'or' ? 'OR' : 'AND';
    // A word the catalog knows (names, brands, categories, tags) is taken as typed: typo and
    // prefix expansion of a known word mostly adds noise ("head" -> "dead") and costs 2x at
    // 100k products (benchmarks). An unknown word gets both: it is a typo, or still being typed.
    const word = (term: string, last: boolean): Query => {
      const known = this.#vocab.has(term);
      return {
        queries: [term],
        fuzzy: typos && !known ? typoBudget(term.length) : false,
        prefix: prefix && last && term.length >= MIN_PREFIX_LENGTH && (!known || options.prefix === true),
      };
    };
    const parts = terms.map((term, i): Query => {
      const last = i === terms.length - 1;
      const alternatives = this.#synonyms.get(term);
      if (alternatives === undefined || alternatives.length === 0) return word(term, last);
      return {
        combineWith: 'OR',
        queries: [word(term, last), ...alternatives.map((alt): Query => ({ combineWith: 'AND', queries: alt.map((t) => ({ queries: [t], fuzzy: false, prefix: false })) }))],
      };
    });
    return parts.length === 1 ? parts[0]! : { combineWith, queries: parts };
  }

  #count(p: Product, delta: 1 | -1): void {
    const seen = new Set<string>();
    for (const field of ['name', 'brand', 'category', 'tags']) for (const t of analyze(fieldOf(p, field))) seen.add(t);
    for (const t of seen) {
      const n = (this.#vocab.get(t) ?? 0) + delta;
      if (n > 0) this.#vocab.set(t, n);
      else this.#vocab.delete(t);
      if (n === 0 || (n === 1 && delta === 1)) this.#vocabVersion++;
    }
  }
}
