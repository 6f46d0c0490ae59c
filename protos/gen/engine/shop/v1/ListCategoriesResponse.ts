// Original file: protos/shop/v1/engine.proto

import type { CategoryCount as _shop_v1_CategoryCount, CategoryCount__Output as _shop_v1_CategoryCount__Output } from '../../shop/v1/CategoryCount.js';

export interface ListCategoriesResponse {
  'categories'?: (_shop_v1_CategoryCount)[];
}

export interface ListCategoriesResponse__Output {
  'categories': (_shop_v1_CategoryCount__Output)[];
}
