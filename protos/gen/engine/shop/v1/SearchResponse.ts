// Original file: protos/shop/v1/engine.proto

import type { SearchHit as _shop_v1_SearchHit, SearchHit__Output as _shop_v1_SearchHit__Output } from '../../shop/v1/SearchHit.js';
import type { SearchFacets as _shop_v1_SearchFacets, SearchFacets__Output as _shop_v1_SearchFacets__Output } from '../../shop/v1/SearchFacets.js';

export interface SearchResponse {
  'items'?: (_shop_v1_SearchHit)[];
  'total'?: (number);
  'facets'?: (_shop_v1_SearchFacets | null);
  /**
   * empty: every word is known
   */
  'didYouMean'?: (string);
  'tookMs'?: (number | string);
  'page'?: (number);
  'limit'?: (number);
  /**
   * relaxed, did_you_mean, popular_in_category; empty = none
   */
  'fallback'?: (string);
  'fallbackCategory'?: (string);
  /**
   * rrf, weighted, lexical, vector, none
   */
  'fusion'?: (string);
  /**
   * the query after stop words and plural folding
   */
  'terms'?: (string)[];
  'personalised'?: (boolean);
}

export interface SearchResponse__Output {
  'items': (_shop_v1_SearchHit__Output)[];
  'total': (number);
  'facets': (_shop_v1_SearchFacets__Output | null);
  /**
   * empty: every word is known
   */
  'didYouMean': (string);
  'tookMs': (number);
  'page': (number);
  'limit': (number);
  /**
   * relaxed, did_you_mean, popular_in_category; empty = none
   */
  'fallback': (string);
  'fallbackCategory': (string);
  /**
   * rrf, weighted, lexical, vector, none
   */
  'fusion': (string);
  /**
   * the query after stop words and plural folding
   */
  'terms': (string)[];
  'personalised': (boolean);
}
