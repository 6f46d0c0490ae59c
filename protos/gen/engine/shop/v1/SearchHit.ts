// Original file: protos/shop/v1/engine.proto

import type { Item as _shop_v1_Item, Item__Output as _shop_v1_Item__Output } from '../../shop/v1/Item.js';
import type { SearchBoost as _shop_v1_SearchBoost, SearchBoost__Output as _shop_v1_SearchBoost__Output } from '../../shop/v1/SearchBoost.js';
import type { MatchSpan as _shop_v1_MatchSpan, MatchSpan__Output as _shop_v1_MatchSpan__Output } from '../../shop/v1/MatchSpan.js';

export interface SearchHit {
  /**
   * with live stock
   */
  'item'?: (_shop_v1_Item | null);
  'score'?: (number | string);
  'boosts'?: (_shop_v1_SearchBoost)[];
  'matches'?: (_shop_v1_MatchSpan)[];
  /**
   * lexical, vector, both, fallback
   */
  'source'?: (string);
}

export interface SearchHit__Output {
  /**
   * with live stock
   */
  'item': (_shop_v1_Item__Output | null);
  'score': (number);
  'boosts': (_shop_v1_SearchBoost__Output)[];
  'matches': (_shop_v1_MatchSpan__Output)[];
  /**
   * lexical, vector, both, fallback
   */
  'source': (string);
}
