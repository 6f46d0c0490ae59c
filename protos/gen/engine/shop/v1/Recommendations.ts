// Original file: protos/shop/v1/engine.proto

import type { RecommendedItem as _shop_v1_RecommendedItem, RecommendedItem__Output as _shop_v1_RecommendedItem__Output } from '../../shop/v1/RecommendedItem.js';
import type { Coupon as _shop_v1_Coupon, Coupon__Output as _shop_v1_Coupon__Output } from '../../shop/v1/Coupon.js';
import type { Long } from '@grpc/proto-loader';

export interface Recommendations {
  'userId'?: (string);
  'items'?: (_shop_v1_RecommendedItem)[];
  /**
   * The event that triggered this push (its id); empty for answers to a request.
   */
  'causedBy'?: (string);
  /**
   * when they were computed, ms since the epoch
   */
  'ts'?: (number | string | Long);
  /**
   * StreamRecommendations with include_coupons: set on a coupon push (items is then empty).
   */
  'coupon'?: (_shop_v1_Coupon | null);
}

export interface Recommendations__Output {
  'userId': (string);
  'items': (_shop_v1_RecommendedItem__Output)[];
  /**
   * The event that triggered this push (its id); empty for answers to a request.
   */
  'causedBy': (string);
  /**
   * when they were computed, ms since the epoch
   */
  'ts': (number);
  /**
   * StreamRecommendations with include_coupons: set on a coupon push (items is then empty).
   */
  'coupon': (_shop_v1_Coupon__Output | null);
}
