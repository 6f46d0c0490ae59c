/**
 * Public surface of hybrid search: the lexical index (MiniSearch BM25), vector
 * retrieval over the HNSW item index, fusion, the personal re-rank, facets, "did you
 * mean", autocomplete and the search service that puts them together. Worker-safe
 * code (no NATS, no LMDB, no sockets): the engine's front doors call the service.
 */
export { analyze, foldPlural, cleanQuery, matchSpans } from './analyzer.js';
export { buildSynonyms, DEFAULT_SYNONYMS, type SynonymMap } from './synonyms.js';
export {
  LexicalIndex, type LexicalIndexOptions, type LexicalQuery, type LexicalHit, type SearchField,
  SEARCH_FIELDS, DEFAULT_FIELD_BOOSTS, DEFAULT_BM25, MIN_PREFIX_LENGTH, MAX_QUERY_TERMS, typoBudget,
} from './lexical-index.js';
export { HnswVectorRetrieval, type VectorRetrieval, DEFAULT_VECTOR_K } from './vector-retrieval.js';
export { fuse, rrf, weighted, queryTypeOf, type FusionMethod, type QueryType, type Ranked, RRF_K, DEFAULT_FUSION, DEFAULT_LEXICAL_WEIGHT, SHORT_QUERY_MAX_TERMS } from './fusion.js';
export { rerank, NO_CONTEXT, RERANK_WEIGHTS, DEFAULT_RERANK_TOP, type ShopperContext, type Boost, type RerankItem } from './rerank.js';
export { facetAndFilter, passes, type SearchFilters, type FacetFacts, PRICE_EDGES, RATING_STEPS } from './facets.js';
export { didYouMean, correctTerm, boundedDistance } from './did-you-mean.js';
export { Suggester, type HotQuerySource, SUGGEST_QUERIES, SUGGEST_PRODUCTS } from './suggest.js';
export { shopperContext, type ProfileFacts } from './shopper-context.js';
export {
  SearchService, checkSearchQuery, type SearchServiceOptions, type SearchServiceDeps, type SearchRequest,
  FUSION_DEPTH, DEFAULT_MIN_VECTOR_SIMILARITY, NAVIGATIONAL_FIELDS, SHORT_QUERY_MIN_HITS,
} from './search-service.js';
export { LiveSearchIndex, type ContentListener } from './live-index.js';
