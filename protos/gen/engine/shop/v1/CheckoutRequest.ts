// Original file: protos/shop/v1/engine.proto

import type { CartLine as _shop_v1_CartLine, CartLine__Output as _shop_v1_CartLine__Output } from '../../shop/v1/CartLine.js';

export interface CheckoutRequest {
  'userId'?: (string);
  /**
   * empty: the shopper's cart
   */
  'lines'?: (_shop_v1_CartLine)[];
  /**
   * optional, up to 128 characters
   */
  'idempotencyKey'?: (string);
  /**
   * optional: a code of the shopper's coupons, or "*" for the best eligible one
   */
  'coupon'?: (string);
}

export interface CheckoutRequest__Output {
  'userId': (string);
  /**
   * empty: the shopper's cart
   */
  'lines': (_shop_v1_CartLine__Output)[];
  /**
   * optional, up to 128 characters
   */
  'idempotencyKey': (string);
  /**
   * optional: a code of the shopper's coupons, or "*" for the best eligible one
   */
  'coupon': (string);
}
