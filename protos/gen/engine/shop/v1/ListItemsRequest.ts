// Original file: protos/shop/v1/engine.proto

import type { ListSort as _shop_v1_ListSort, ListSort__Output as _shop_v1_ListSort__Output } from '../../shop/v1/ListSort.js';

export interface ListItemsRequest {
  /**
   * empty = all
   */
  'category'?: (string);
  /**
   * keyword query over name, brand, category, tags, description
   */
  'query'?: (string);
  'sort'?: (_shop_v1_ListSort);
  /**
   * 1-based; 0 = 1
   */
  'page'?: (number);
  /**
   * 1..100; 0 = 24
   */
  'limit'?: (number);
}

export interface ListItemsRequest__Output {
  /**
   * empty = all
   */
  'category': (string);
  /**
   * keyword query over name, brand, category, tags, description
   */
  'query': (string);
  'sort': (_shop_v1_ListSort__Output);
  /**
   * 1-based; 0 = 1
   */
  'page': (number);
  /**
   * 1..100; 0 = 24
   */
  'limit': (number);
}
