/**
 * Hybrid search: lexical (BM25) and vector (HNSW) retrieval, fused per query type,
 * re-ranked for the shopper and the business, filtered and faceted with exact counts,
 * sorted and paged; with "did you mean", relaxed matching and a popular-in-category
 * fallback when the query as typed finds nothing. One service behind HTTP and gRPC.
 */
import type { Catalog, Product } from '../catalog/index.js';
import { BadRequestError } from '../errors/index.js';
import {
  DEFAULT_SEARCH_LIMIT, MAX_SEARCH_LIMIT, MAX_SEARCH_PAGE, MAX_SEARCH_QUERY_LENGTH, SEARCH_SORTS,
  type SearchItem, type SearchQuery, type SearchResponse, type SearchSort,
} from '../../protos/search-contract.js';
import { analyze, cleanQuery, matchSpans } from './analyzer.js';
import { didYouMean } from './did-you-mean.js';
import { facetAndFilter, hasFilters, passes, type FacetFacts, type SearchFilters } from './facets.js';
import { DEFAULT_FUSION, fuse, queryTypeOf, type FusionMethod, type QueryType, type Ranked } from './fusion.js';
import { MAX_QUERY_TERMS, type LexicalHit, type LexicalIndex } from './lexical-index.js';
import { DEFAULT_RERANK_TOP, NO_CONTEXT, rerank, type Boost, type ShopperContext } from './rerank.js';
import { DEFAULT_VECTOR_K, type VectorRetrieval } from './vector-retrieval.js';
import { CATEGORY_PATTERN, MAX_PRICE } from '../catalog/index.js';

/** Lexical hits that enter fusion (the rest follow in lexical order). */
export const FUSION_DEPTH = 200;
/**
 * Vector hits at least this similar join the result set even without a lexical match
 * (they are counted in total and facets). Below it they only re-order lexical matches.
 */
export const DEFAULT_MIN_VECTOR_SIMILARITY = 0.55;

/**
 * What a short (navigational) query searches first: without descriptions, whose long
 * templated text ("ideal for gaming") holds most postings. Fewer than
 * SHORT_QUERY_MIN_HITS matches there, and all fields are searched.
 */
export const NAVIGATIONAL_FIELDS = ['name', 'brand', 'category', 'tags'] as const;
export const SHORT_QUERY_MIN_HITS = 24;

export interface SearchServiceOptions {
  /** Short queries search NAVIGATIONAL_FIELDS first (`navigational`) or every field (`all`). @default 'navigational' */
  shortQueryFields?: 'navigational' | 'all';
  /** Fusion per query type. @default DEFAULT_FUSION */
  fusion?: Partial<Record<QueryType, FusionMethod>>;
  /** @default DEFAULT_MIN_VECTOR_SIMILARITY */
  minVectorSimilarity?: number;
  /** @default DEFAULT_VECTOR_K */
  vectorK?: number;
  /** @default DEFAULT_RERANK_TOP */
  rerankTop?: number;
}

export interface SearchServiceDeps {
  catalog: Catalog;
  lexical: LexicalIndex;
  /** Absent: lexical only (the response says `fusion: 'lexical'`). */
  vectors?: VectorRetrieval | undefined;
  /** Live units available. */
  stockOf: (itemId: string) => number;
  popularity: (itemId: string) => number;
  /** The logistics x stock multiplier of an in-stock item in the re-ranked head (absent = none). */
  business?: ((itemId: string, stock: number) => number) | undefined;
}

interface Candidate extends FacetFacts {
  product: Product;
  lexical: number;
  vector: number;
  score: number;
  terms: string[] | undefined;
}

/** What a validated request holds. */
export interface SearchRequest {
  q: string;
  filters: SearchFilters;
  sort: SearchSort;
  page: number;
  limit: number;
}

function bad(field: string, message: string): BadRequestError {
  return new BadRequestError(message, field);
}

function num(name: string, v: unknown, min: number, max: number): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const n = typeof v === 'string' ? (/^\d{1,12}(\.\d{1,6})?$/.test(v.trim()) ? Number(v) : NaN) : v;
  if (typeof n !== 'number' || !Number.isFinite(n) || n < min || n > max) throw bad(name, `"${name}" must be a number from ${min} to ${max}`);
  return n;
}

function int(name: string, v: unknown, dflt: number, min: number, max: number): number {
  if (v === undefined || v === null || v === '') return dflt;
  const n = typeof v === 'string' ? (/^-?\d{1,16}$/.test(v.trim()) ? Number(v) : NaN) : v;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < min || n > max) throw bad(name, `"${name}" must be an integer from ${min} to ${max}`);
  return n;
}

/** Checks a query (HTTP strings or gRPC/typed values alike); throws E_BAD_REQUEST naming the field. */
export function checkSearchQuery(input: SearchQuery | Record<string, unknown>): SearchRequest {
  const o = input as Record<string, unknown>;
  const rawQ = o['q'] ?? '';
  if (typeof rawQ !== 'string') throw bad('q', '"q" must be a string');
  if (rawQ.length > MAX_SEARCH_QUERY_LENGTH) throw bad('q', `"q" must be at most ${MAX_SEARCH_QUERY_LENGTH} characters, got ${rawQ.length}`);
  const q = cleanQuery(rawQ);
  const filters: SearchFilters = {};
  const category = o['category'];
  if (category !== undefined && category !== null && category !== '') {
    if (typeof category !== 'string' || !CATEGORY_PATTERN.test(category)) throw bad('category', '"category" must be a slug of a-z, 0-9 and "-"');
    filters.category = category;
  }
  const brand = o['brand'];
  if (brand !== undefined && brand !== null && brand !== '') {
    if (typeof brand !== 'string' || brand.length > 100) throw bad('brand', '"brand" must be a string of at most 100 characters');
    filters.brand = brand.trim();
  }
  const minPrice = num('minPrice', o['minPrice'], 0, MAX_PRICE);
  const maxPrice = num('maxPrice', o['maxPrice'], 0, MAX_PRICE);
  if (minPrice !== undefined && maxPrice !== undefined && minPrice > maxPrice) throw bad('minPrice', '"minPrice" must not be above "maxPrice"');
  if (minPrice !== undefined) filters.minPrice = minPrice;
  if (maxPrice !== undefined) filters.maxPrice = maxPrice;
  const minRating = num('minRating', o['minRating'], 0, 5);
  if (minRating !== undefined) filters.minRating = minRating;
  const inStock = o['inStock'];
  if (inStock !== undefined && inStock !== null && inStock !== '') {
    if (inStock === true || inStock === 'true' || inStock === '1') filters.inStock = true;
    else if (inStock === false || inStock === 'false' || inStock === '0') filters.inStock = false;
    else throw bad('inStock', '"inStock" must be true or false');
  }
  const sort = o['sort'] === undefined || o['sort'] === null || o['sort'] === '' ? 'relevance' : o['sort'];
  if (typeof sort !== 'string' || !(SEARCH_SORTS as readonly string[]).includes(sort)) throw bad('sort', `"sort" must be one of ${SEARCH_SORTS.join(', ')}`);
  return {
    q, filters, sort: sort as SearchSort,
    page: int('page', o['page'], 1, 1, MAX_SEARCH_PAGE),
    limit: int('limit', o['limit'], DEFAULT_SEARCH_LIMIT, 1, MAX_SEARCH_LIMIT),
  };
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

export class SearchService {
  readonly #catalog: Catalog;
  readonly #lexical: LexicalIndex;
  #vectors: VectorRetrieval | undefined;
  readonly #stockOf: (itemId: string) => number;
  readonly #business: ((itemId: string, stock: number) => number) | undefined;
  readonly #popularity: (itemId: string) => number;
  readonly #fusion: Record<QueryType, FusionMethod>;
  readonly #minSim: number;
  readonly #vectorK: number;
  readonly #rerankTop: number;
  readonly #shortFields: 'navigational' | 'all';

  constructor(deps: SearchServiceDeps, options: SearchServiceOptions = {}) {
    this.#catalog = deps.catalog;
    this.#lexical = deps.lexical;
    this.#vectors = deps.vectors;
    this.#stockOf = deps.stockOf;
    this.#business = deps.business;
    this.#popularity = deps.popularity;
    this.#fusion = { ...DEFAULT_FUSION, ...options.fusion };
    const minSim = options.minVectorSimilarity ?? DEFAULT_MIN_VECTOR_SIMILARITY;
    if (!(minSim >= -1 && minSim <= 1)) throw new RangeError(`minVectorSimilarity must be -1..1, got ${minSim}`);
    this.#minSim = minSim;
    this.#vectorK = options.vectorK ?? DEFAULT_VECTOR_K;
    if (!Number.isInteger(this.#vectorK) || this.#vectorK < 1 || this.#vectorK > 1000) throw new RangeError(`vectorK must be 1..1000, got ${this.#vectorK}`);
    this.#shortFields = options.shortQueryFields ?? 'navigational';
    if (this.#shortFields !== 'navigational' && this.#shortFields !== 'all') throw new RangeError(`shortQueryFields must be "navigational" or "all", got ${String(this.#shortFields)}`);
    this.#rerankTop = options.rerankTop ?? DEFAULT_RERANK_TOP;
    if (!Number.isInteger(this.#rerankTop) || this.#rerankTop < 0 || this.#rerankTop > 1000) throw new RangeError(`rerankTop must be 0..1000, got ${this.#rerankTop}`);
  }

  get vectors(): VectorRetrieval | undefined {
    return this.#vectors;
  }

  /** The catalog changed: keep the vector side current (the lexical index is the catalog's own). */
  productChanged(product: Product | undefined, itemId: string): void {
    if (this.#vectors === undefined) return;
    if (product === undefined) this.#vectors.remove(itemId);
    else this.#vectors.upsert(product);
  }

  /** The two rankings alone, for the relevance benchmark: every candidate id, best first. */
  rank(q: string, method: FusionMethod): string[] {
    const { lexical, vector } = this.#retrieve(q);
    return fuse(method, lexical.map((h) => ({ itemId: h.itemId, score: h.score })), vector).map((r) => r.itemId);
  }

  search(input: SearchQuery | Record<string, unknown>, ctx: ShopperContext = NO_CONTEXT): SearchResponse {
    const t0 = performance.now();
    const req = checkSearchQuery(input);
    const terms = [...new Set(analyze(req.q))].slice(0, MAX_QUERY_TERMS);
    let fallback: SearchResponse['fallback'];
    let fallbackCategory: string | undefined;
    let fusion: SearchResponse['fusion'] = 'none';
    let correction: string | undefined;
    let candidates: Candidate[];
    let ranked: Candidate[];

    if (terms.length === 0) {
      // Browsing (or a query of stop words only): the whole catalog, most popular first.
      candidates = [];
      for (const p of this.#catalog.values()) candidates.push(this.#candidate(p, 0, 0, undefined));
      for (const c of candidates) c.score = this.#popularity(c.itemId);
      ranked = candidates;
    } else {
      correction = didYouMean(terms, this.#lexical.vocabulary());
      let { lexical, vector } = this.#retrieve(req.q);
      if (lexical.length === 0 && terms.length > 1) {
        lexical = this.#lexical.match(req.q, { mode: 'or' });
        if (lexical.length > 0) fallback = 'relaxed';
      }
      if (lexical.length === 0 && correction !== undefined) {
        const corrected = this.#retrieve(correction);
        if (corrected.lexical.length > 0) ({ lexical, vector } = { lexical: corrected.lexical, vector: corrected.vector });
        if (lexical.length > 0) fallback = 'did_you_mean';
      }
      const method = vector.length === 0 ? 'lexical' : lexical.length === 0 ? 'vector' : this.#fusion[queryTypeOf(terms.length)];
      ({ candidates, ranked, fusion } = this.#fuse(lexical, vector, method, req.filters));
      if (candidates.length === 0) {
        // Nothing matched: the most popular items of the closest category (the best vector hit's, else the most popular item's).
        const near = vector[0] ?? this.#anyVectorHit(req.q);
        fallbackCategory = near ? this.#catalog.get(near.itemId)?.category : this.#mostPopularCategory();
        if (fallbackCategory !== undefined) {
          fallback = 'popular_in_category';
          for (const p of this.#catalog.values()) if (p.category === fallbackCategory) candidates.push(this.#candidate(p, 0, 0, undefined));
          for (const c of candidates) c.score = this.#popularity(c.itemId);
          candidates.sort((a, b) => b.score - a.score);
          ranked = candidates;
          fusion = 'none';
        }
      }
    }

    const { facets, kept } = facetAndFilter(candidates, req.filters);
    const keptIds = new Set<string>();
    for (const c of kept) keptIds.add(c.itemId);
    let ordered = ranked.filter((c) => keptIds.has(c.itemId));
    const boosts = new Map<string, Boost[]>();
    if (req.sort === 'relevance') {
      if (terms.length === 0 || fallback === 'popular_in_category') {
        ordered.sort((a, b) => b.score - a.score);
      } else {
        const head = ordered.slice(0, this.#rerankTop);
        const business = this.#business;
        const rr = rerank(head, ctx, business ? (it) => business(it.itemId, it.stock) : undefined);
        for (const r of rr) {
          r.item.score = r.score;
          if (r.boosts.length > 0) boosts.set(r.item.itemId, r.boosts);
        }
        ordered = [...rr.map((r) => r.item), ...ordered.slice(this.#rerankTop)];
      }
    } else {
      ordered = this.#sorted(kept, req.sort);
    }
    const start = (req.page - 1) * req.limit;
    const pageItems = ordered.slice(start, start + req.limit);
    const highlight = new Set(terms);
    const items = pageItems.map((c): SearchItem => {
      const { soldAtStock: _internal, ...view } = c.product;
      const matchTerms = c.terms ? new Set([...highlight, ...c.terms]) : highlight;
      return {
        ...view,
        stock: c.stock,
        score: req.sort === 'relevance' ? Math.round(c.score * 1e6) / 1e6 : 0,
        boosts: boosts.get(c.itemId) ?? [],
        matches: matchSpans(c.product.name, matchTerms),
        source: fallback === 'popular_in_category' || terms.length === 0 ? 'fallback' : c.lexical > 0 && c.vector > 0 ? 'both' : c.lexical > 0 ? 'lexical' : 'vector',
      };
    });
    const out: SearchResponse = { items, total: kept.length, facets, took_ms: 0, page: req.page, limit: req.limit, fusion, terms, personalised: ctx !== NO_CONTEXT };
    if (correction !== undefined) out.didYouMean = correction;
    if (fallback !== undefined) out.fallback = fallback;
    if (fallbackCategory !== undefined && fallback === 'popular_in_category') out.fallbackCategory = fallbackCategory;
    out.took_ms = Math.round((performance.now() - t0) * 1000) / 1000;
    return out;
  }

  #retrieve(q: string): { lexical: readonly LexicalHit[]; vector: Ranked[] } {
    let lexical: readonly LexicalHit[] | undefined;
    if (this.#shortFields === 'navigational' && queryTypeOf(new Set(analyze(q)).size) === 'short') {
      lexical = this.#lexical.match(q, { fields: NAVIGATIONAL_FIELDS });
      if (lexical.length < SHORT_QUERY_MIN_HITS) lexical = undefined;
    }
    lexical ??= this.#lexical.match(q);
    const vector = this.#vectors?.search(q, this.#vectorK) ?? [];
    return { lexical, vector };
  }

  /** With no word of the query known, the closest category is the shop's largest (no per-item reads: bounded time). */
  #mostPopularCategory(): string | undefined {
    let best: { category: string; count: number } | undefined;
    for (const c of this.#catalog.categories()) if (best === undefined || c.count > best.count) best = c;
    return best?.category;
  }

  #anyVectorHit(q: string): Ranked | undefined {
    return this.#vectors?.search(q, 1)[0];
  }

  #candidate(p: Product, lexical: number, vector: number, terms: string[] | undefined): Candidate {
    return { itemId: p.itemId, product: p, category: p.category, brand: p.brand, price: p.price, rating: p.rating, stock: this.#stockOf(p.itemId), lexical, vector, score: 0, terms };
  }

  /** The result set (every lexical match, plus vector hits similar enough) and its relevance order. */
  #fuse(lexical: readonly LexicalHit[], vector: Ranked[], method: FusionMethod, filters: SearchFilters): { candidates: Candidate[]; ranked: Candidate[]; fusion: SearchResponse['fusion'] } {
    const byId = new Map<string, Candidate>();
    for (const h of lexical) {
      const p = this.#catalog.get(h.itemId);
      if (p !== undefined) byId.set(h.itemId, this.#candidate(p, h.score, 0, h.terms));
    }
    for (const h of vector) {
      const c = byId.get(h.itemId);
      if (c !== undefined) c.vector = h.score;
      else if (h.score >= this.#minSim) {
        const p = this.#catalog.get(h.itemId);
        if (p !== undefined) byId.set(h.itemId, this.#candidate(p, 0, h.score, undefined));
      }
    }
    const candidates = [...byId.values()];
    // Fusion sees the filtered lists, so a filter does not empty the fused head.
    const filtering = hasFilters(filters);
    const lexTop: Ranked[] = [];
    for (const h of lexical) {
      if (lexTop.length >= FUSION_DEPTH) break;
      const c = byId.get(h.itemId);
      if (c !== undefined && (!filtering || passes(c, filters))) lexTop.push({ itemId: h.itemId, score: h.score });
    }
    const vecTop = vector.filter((h) => {
      const c = byId.get(h.itemId);
      return c !== undefined && (!filtering || passes(c, filters));
    });
    const fused = fuse(method, lexTop, vecTop);
    const ranked: Candidate[] = [];
    const seen = new Set<string>();
    for (const r of fused) {
      const c = byId.get(r.itemId);
      if (c === undefined) continue;
      c.score = r.score;
      ranked.push(c);
      seen.add(r.itemId);
    }
    // Beyond the fused head: the remaining lexical matches in BM25 order, scored below it.
    const floor = ranked.length > 0 ? Math.min(...ranked.map((c) => c.score)) : 1;
    const maxLex = lexical[0]?.score ?? 1;
    for (const h of lexical) {
      if (seen.has(h.itemId)) continue;
      const c = byId.get(h.itemId);
      if (c === undefined) continue;
      c.score = floor * 0.5 * (h.score / maxLex);
      ranked.push(c);
      seen.add(h.itemId);
    }
    for (const c of candidates) if (!seen.has(c.itemId)) ranked.push(c);
    return { candidates, ranked, fusion: method };
  }

  #sorted(items: Candidate[], sort: SearchSort): Candidate[] {
    const out = [...items];
    switch (sort) {
      case 'price_asc':
        return out.sort((a, b) => a.price - b.price);
      case 'price_desc':
        return out.sort((a, b) => b.price - a.price);
      case 'rating':
        return out.sort((a, b) => (b.rating ?? 0) - (a.rating ?? 0));
      case 'name':
        return out.sort((a, b) => collator.compare(a.product.name, b.product.name));
      case 'popularity': {
        const pop = new Map(out.map((c) => [c.itemId, this.#popularity(c.itemId)]));
        return out.sort((a, b) => pop.get(b.itemId)! - pop.get(a.itemId)!);
      }
      default:
        return out;
    }
  }
}
