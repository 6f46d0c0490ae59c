// Original file: protos/shop/v1/engine.proto

import type { QuerySuggestion as _shop_v1_QuerySuggestion, QuerySuggestion__Output as _shop_v1_QuerySuggestion__Output } from '../../shop/v1/QuerySuggestion.js';
import type { ProductSuggestion as _shop_v1_ProductSuggestion, ProductSuggestion__Output as _shop_v1_ProductSuggestion__Output } from '../../shop/v1/ProductSuggestion.js';

export interface SuggestResponse {
  'queries'?: (_shop_v1_QuerySuggestion)[];
  'products'?: (_shop_v1_ProductSuggestion)[];
  'tookMs'?: (number | string);
}

export interface SuggestResponse__Output {
  'queries': (_shop_v1_QuerySuggestion__Output)[];
  'products': (_shop_v1_ProductSuggestion__Output)[];
  'tookMs': (number);
}
