/** gRPC Search and Suggest: the HTTP search's validation and service, fields in proto form. */
import type { SearchRequest__Output } from '../../protos/gen/engine/shop/v1/SearchRequest.js';
import type { SearchResponse as SearchResponseProto } from '../../protos/gen/engine/shop/v1/SearchResponse.js';
import type { SuggestRequest__Output } from '../../protos/gen/engine/shop/v1/SuggestRequest.js';
import type { SuggestResponse as SuggestResponseProto } from '../../protos/gen/engine/shop/v1/SuggestResponse.js';
import { BadRequestError, EngineError } from '../errors/index.js';
import type { EngineServices } from '../services/index.js';
import type { SearchSort } from '../../protos/search-contract.js';
import { checkUserId } from './event-input.js';
import { fieldError, protoFieldName } from './status-error.js';
import { itemToProto } from './unary-handlers.js';

const SORTS: Record<string, SearchSort> = {
  SEARCH_SORT_UNSPECIFIED: 'relevance', SEARCH_RELEVANCE: 'relevance', SEARCH_PRICE_ASC: 'price_asc', SEARCH_PRICE_DESC: 'price_desc',
  SEARCH_RATING: 'rating', SEARCH_POPULARITY: 'popularity', SEARCH_NAME: 'name',
};
const spans = (m: Array<[number, number]>) => m.map(([start, end]) => ({ start, end }));

/** The search's field names (q, minPrice) as the proto spells them (query, min_price). */
function protoField(err: unknown): never {
  if (err instanceof BadRequestError && err.field !== undefined) throw fieldError(err.field === 'q' ? 'query' : protoFieldName(err.field), err.message);
  throw err;
}

export function searchHandlers(services: EngineServices) {
  const front = () => {
    if (services.search === undefined) throw new EngineError('E_UNAVAILABLE', 'search is not configured on this engine');
    return services.search;
  };
  return {
    async search(req: SearchRequest__Output): Promise<SearchResponseProto> {
      const sort: unknown = req.sort;
      const order = typeof sort === 'string' ? SORTS[sort] : undefined;
      if (order === undefined) throw fieldError('sort', `unknown sort ${String(sort)}`);
      if (req.userId) checkUserId(req.userId);
      const query: Record<string, unknown> = { q: req.query, category: req.category, brand: req.brand, sort: order, page: req.page || 1, limit: req.limit || undefined };
      if (req.minPrice) query['minPrice'] = req.minPrice.value;
      if (req.maxPrice) query['maxPrice'] = req.maxPrice.value;
      if (req.minRating) query['minRating'] = req.minRating.value;
      if (req.inStock) query['inStock'] = true;
      let r;
      try {
        r = await front().search(query, req.userId || undefined);
      } catch (err) {
        protoField(err);
      }
      return {
        items: r.items.map((i) => ({ item: itemToProto(i), score: i.score, boosts: i.boosts, matches: spans(i.matches), source: i.source })),
        total: r.total,
        facets: {
          category: r.facets.category, brand: r.facets.brand,
          price: r.facets.price.map((p) => (p.max === null ? { min: p.min, count: p.count } : { min: p.min, max: { value: p.max }, count: p.count })),
          rating: r.facets.rating, inStock: r.facets.availability.inStock, outOfStock: r.facets.availability.outOfStock,
        },
        didYouMean: r.didYouMean ?? '', tookMs: r.took_ms, page: r.page, limit: r.limit,
        fallback: r.fallback ?? '', fallbackCategory: r.fallbackCategory ?? '', fusion: r.fusion, terms: r.terms, personalised: r.personalised,
      };
    },

    suggest(req: SuggestRequest__Output): SuggestResponseProto {
      let r;
      try {
        r = front().suggest({ q: req.query, category: req.category });
      } catch (err) {
        protoField(err);
      }
      return { queries: r.queries, products: r.products.map((p) => ({ ...p, matches: spans(p.matches) })), tookMs: r.took_ms };
    },
  };
}
