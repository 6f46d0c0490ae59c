// Original file: protos/shop/v1/engine.proto

import type { Item as _shop_v1_Item, Item__Output as _shop_v1_Item__Output } from '../../shop/v1/Item.js';

export interface ListItemsResponse {
  'items'?: (_shop_v1_Item)[];
  /**
   * matching products over all pages
   */
  'total'?: (number);
  'page'?: (number);
  'limit'?: (number);
}

export interface ListItemsResponse__Output {
  'items': (_shop_v1_Item__Output)[];
  /**
   * matching products over all pages
   */
  'total': (number);
  'page': (number);
  'limit': (number);
}
