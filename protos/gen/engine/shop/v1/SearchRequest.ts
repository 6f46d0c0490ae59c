// Original file: protos/shop/v1/engine.proto

import type { DoubleValue as _google_protobuf_DoubleValue, DoubleValue__Output as _google_protobuf_DoubleValue__Output } from '../../google/protobuf/DoubleValue.js';
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
  /**
   * unset = no bound (wrappers: older protoc refuse proto3 `optional`)
   */
  'minPrice'?: (_google_protobuf_DoubleValue | null);
  'maxPrice'?: (_google_protobuf_DoubleValue | null);
  /**
   * true: only items that can be bought now
   */
  'inStock'?: (boolean);
  /**
   * 0..5; unset = any
   */
  'minRating'?: (_google_protobuf_DoubleValue | null);
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
  /**
   * unset = no bound (wrappers: older protoc refuse proto3 `optional`)
   */
  'minPrice': (_google_protobuf_DoubleValue__Output | null);
  'maxPrice': (_google_protobuf_DoubleValue__Output | null);
  /**
   * true: only items that can be bought now
   */
  'inStock': (boolean);
  /**
   * 0..5; unset = any
   */
  'minRating': (_google_protobuf_DoubleValue__Output | null);
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
}
