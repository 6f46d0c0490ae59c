// Original file: protos/shop/v1/engine.proto

import type { CartLine as _shop_v1_CartLine, CartLine__Output as _shop_v1_CartLine__Output } from '../../shop/v1/CartLine.js';
import type { Order as _shop_v1_Order, Order__Output as _shop_v1_Order__Output } from '../../shop/v1/Order.js';
import type { CategoryScore as _shop_v1_CategoryScore, CategoryScore__Output as _shop_v1_CategoryScore__Output } from '../../shop/v1/CategoryScore.js';
import type { Coupon as _shop_v1_Coupon, Coupon__Output as _shop_v1_Coupon__Output } from '../../shop/v1/Coupon.js';
import type { IntentScore as _shop_v1_IntentScore, IntentScore__Output as _shop_v1_IntentScore__Output } from '../../shop/v1/IntentScore.js';
import type { CategoryPick as _shop_v1_CategoryPick, CategoryPick__Output as _shop_v1_CategoryPick__Output } from '../../shop/v1/CategoryPick.js';
import type { Long } from '@grpc/proto-loader';

export interface Profile {
  'userId'?: (string);
  /**
   * viewed items, most recent first
   */
  'recent'?: (string)[];
  'cart'?: (_shop_v1_CartLine)[];
  'orders'?: (_shop_v1_Order)[];
  /**
   * most recent first
   */
  'purchased'?: (string)[];
  'searches'?: (string)[];
  'topCategories'?: (_shop_v1_CategoryScore)[];
  'coupons'?: (_shop_v1_Coupon)[];
  'events'?: (number | string | Long);
  'dwellMs'?: (number | string | Long);
  'firstTs'?: (number | string | Long);
  'lastTs'?: (number | string | Long);
  /**
   * log sequence of the last event folded in
   */
  'lastSeq'?: (number | string | Long);
  /**
   * RFM segment as analytics last moved it ('' = not a customer yet)
   */
  'segment'?: (string);
  /**
   * the current session's purchase intent; unset until a model is live
   */
  'intent'?: (_shop_v1_IntentScore | null);
  /**
   * categories for this shopper, best first
   */
  'categoryPicks'?: (_shop_v1_CategoryPick)[];
}

export interface Profile__Output {
  'userId': (string);
  /**
   * viewed items, most recent first
   */
  'recent': (string)[];
  'cart': (_shop_v1_CartLine__Output)[];
  'orders': (_shop_v1_Order__Output)[];
  /**
   * most recent first
   */
  'purchased': (string)[];
  'searches': (string)[];
  'topCategories': (_shop_v1_CategoryScore__Output)[];
  'coupons': (_shop_v1_Coupon__Output)[];
  'events': (number);
  'dwellMs': (number);
  'firstTs': (number);
  'lastTs': (number);
  /**
   * log sequence of the last event folded in
   */
  'lastSeq': (number);
  /**
   * RFM segment as analytics last moved it ('' = not a customer yet)
   */
  'segment': (string);
  /**
   * the current session's purchase intent; unset until a model is live
   */
  'intent': (_shop_v1_IntentScore__Output | null);
  /**
   * categories for this shopper, best first
   */
  'categoryPicks': (_shop_v1_CategoryPick__Output)[];
}
