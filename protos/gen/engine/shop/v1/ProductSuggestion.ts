// Original file: protos/shop/v1/engine.proto

import type { MatchSpan as _shop_v1_MatchSpan, MatchSpan__Output as _shop_v1_MatchSpan__Output } from '../../shop/v1/MatchSpan.js';

export interface ProductSuggestion {
  'itemId'?: (string);
  'name'?: (string);
  'category'?: (string);
  'price'?: (number | string);
  'matches'?: (_shop_v1_MatchSpan)[];
}

export interface ProductSuggestion__Output {
  'itemId': (string);
  'name': (string);
  'category': (string);
  'price': (number);
  'matches': (_shop_v1_MatchSpan__Output)[];
}
