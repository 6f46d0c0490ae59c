// Original file: protos/shop/v1/engine.proto

import type { SearchSort as _shop_v1_SearchSort, SearchSort__Output as _shop_v1_SearchSort__Output } from '../../shop/v1/SearchSort.js';

export interface SearchRequest {
  /**
   * up to 256 characters; empty = browse with facets
   */
  'query'?: (string);
  /**
   * empty = all
   */
  'category'?: (string);
  /**
   * empty = all; case-insensitive
   */
  'brand'?: (string);
  'minPrice'?: (number | string);
  'maxPrice'?: (number | string);
  /**
   * true: only items that can be bought now
   */
  'inStock'?: (boolean);
  /**
   * 0..5
   */
  'minRating'?: (number | string);
  'sort'?: (_shop_v1_SearchSort);
  /**
   * 1-based; 0 = 1; at most 1000
   */
  'page'?: (number);
  /**
   * 1..100; 0 = 24
   */
  'limit'?: (number);
  /**
   * optional: personalise for this shopper
   */
  'userId'?: (string);
  '_minPrice'?: "minPrice";
  '_maxPrice'?: "maxPrice";
  '_minRating'?: "minRating";
}

export interface SearchRequest__Output {
  /**
   * up to 256 characters; empty = browse with facets
   */
  'query': (string);
  /**
   * empty = all
   */
  'category': (string);
  /**
   * empty = all; case-insensitive
   */
  'brand': (string);
  'minPrice'?: (number);
  'maxPrice'?: (number);
  /**
   * true: only items that can be bought now
   */
  'inStock': (boolean);
  /**
   * 0..5
   */
  'minRating'?: (number);
  'sort': (_shop_v1_SearchSort__Output);
  /**
   * 1-based; 0 = 1; at most 1000
   */
  'page': (number);
  /**
   * 1..100; 0 = 24
   */
  'limit': (number);
  /**
   * optional: personalise for this shopper
   */
  'userId': (string);
  '_minPrice'?: "minPrice";
  '_maxPrice'?: "maxPrice";
  '_minRating'?: "minRating";
}
