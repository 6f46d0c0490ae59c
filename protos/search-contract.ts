/**
 * The search contract (v1): `GET /api/search`, `GET /api/suggest` and what the
 * storefront, the SDK and tests read of them. gRPC Search/Suggest carry the same
 * fields (protos/shop/v1/engine.proto). Types and constants only: no engine code.
 */
import type { ProductView } from './contract.js';

export const SEARCH_SORTS = ['relevance', 'price_asc', 'price_desc', 'rating', 'popularity', 'name'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/** Longest `q` accepted (the longest query a search event carries). */
export const MAX_SEARCH_QUERY_LENGTH = 256;
export const DEFAULT_SEARCH_LIMIT = 24;
export const MAX_SEARCH_LIMIT = 100;
/** Pages beyond this are refused: nobody reads page 10,000 and deep pages cost a full sort. */
export const MAX_SEARCH_PAGE = 1000;

/** The query of `GET /api/search`; every field optional (no `q`: browse with facets). */
export interface SearchQuery {
  q?: string;
  category?: string;
  brand?: string;
  minPrice?: number;
  maxPrice?: number;
  /** true: only items that can be bought now. */
  inStock?: boolean;
  /** Only items rated at least this (0..5). */
  minRating?: number;
  /** @default 'relevance' */
  sort?: SearchSort;
  /** 1-based. @default 1 */
  page?: number;
  /** 1..100. @default 24 */
  limit?: number;
}

export interface SearchBoost {
  reason: 'category_affinity' | 'brand_affinity' | 'session_intent' | 'price_fit' | 'out_of_stock';
  /** The category, brand or price band it is about. */
  detail: string;
  /** Multiplier applied to the item's relevance. */
  factor: number;
}

/** [start, end) character offsets in the item's `name` of words that matched the query. */
export type MatchSpan = [start: number, end: number];

export interface SearchItem extends ProductView {
  /** Final relevance (after fusion and re-rank); 0 when sorted by something else. */
  score: number;
  /** Why this item moved: empty for a shopper without history. */
  boosts: SearchBoost[];
  /** Words of `name` to highlight. */
  matches: MatchSpan[];
  /** Which retrieval found it. */
  source: 'lexical' | 'vector' | 'both' | 'fallback';
  /** What logistics or stock says about it ("ships in 1 day", "only 2 left"), when worth saying. */
  note?: string;
  /** A sponsored entry (an ad won this slot): its campaign, and the impression a click names in `ad_click`. */
  sponsored?: true;
  campaignId?: string;
  impressionId?: string;
}

export interface FacetValue {
  value: string;
  count: number;
}

export interface PriceFacet {
  min: number;
  /** Exclusive; null = no upper bound. */
  max: number | null;
  count: number;
}

/**
 * Exact counts over the result set. Each facet counts with every filter applied
 * except its own, so a shopper sees what choosing another value of it would give.
 */
export interface SearchFacets {
  category: FacetValue[];
  brand: FacetValue[];
  price: PriceFacet[];
  /** Items rated at least `min` (4, 3, 2). */
  rating: Array<{ min: number; count: number }>;
  availability: { inStock: number; outOfStock: number };
}

export interface SearchResponse {
  items: SearchItem[];
  /** Matching items over all pages. */
  total: number;
  facets: SearchFacets;
  /** A corrected query when some words are not in the catalog's vocabulary. */
  didYouMean?: string;
  took_ms: number;
  page: number;
  limit: number;
  /** What happened when the query as typed found nothing: `relaxed` (any word), `did_you_mean` (the correction's results), `popular_in_category`. */
  fallback?: 'relaxed' | 'did_you_mean' | 'popular_in_category';
  /** With `popular_in_category`: the category shown. */
  fallbackCategory?: string;
  /** How the lexical and vector rankings were combined for this query. */
  fusion: 'rrf' | 'weighted' | 'lexical' | 'vector' | 'none';
  /** The query as analysed: its terms after stop words and plural folding. */
  terms: string[];
  /** Re-ranked for this shopper (a session token was sent and the profile was read in time). */
  personalised: boolean;
}

export interface SuggestQuery {
  q: string;
  category?: string;
}

export interface SuggestResponse {
  /** Completed queries: hot queries first (decayed counts from search events), then catalog words. */
  queries: Array<{ query: string; source: 'hot' | 'catalog' }>;
  /** Products whose name matches what was typed so far. */
  products: Array<{ itemId: string; name: string; category: string; price: number; matches: MatchSpan[] }>;
  took_ms: number;
}
