// Original file: protos/shop/v1/engine.proto

import type { OrderLine as _shop_v1_OrderLine, OrderLine__Output as _shop_v1_OrderLine__Output } from '../../shop/v1/OrderLine.js';
import type { Long } from '@grpc/proto-loader';

export interface CheckoutResult {
  'orderId'?: (string);
  /**
   * discount: what the coupon took off each line
   */
  'lines'?: (_shop_v1_OrderLine)[];
  /**
   * what the shopper pays: subtotal - discount + delivery
   */
  'total'?: (number | string);
  /**
   * log sequence of the event that placed the order
   */
  'seq'?: (number | string | Long);
  'subtotal'?: (number | string);
  'discount'?: (number | string);
  'delivery'?: (number | string);
  /**
   * the code applied ("" = none)
   */
  'coupon'?: (string);
  /**
   * the engine picked it (coupon "*")
   */
  'couponAuto'?: (boolean);
}

export interface CheckoutResult__Output {
  'orderId': (string);
  /**
   * discount: what the coupon took off each line
   */
  'lines': (_shop_v1_OrderLine__Output)[];
  /**
   * what the shopper pays: subtotal - discount + delivery
   */
  'total': (number);
  /**
   * log sequence of the event that placed the order
   */
  'seq': (number);
  'subtotal': (number);
  'discount': (number);
  'delivery': (number);
  /**
   * the code applied ("" = none)
   */
  'coupon': (string);
  /**
   * the engine picked it (coupon "*")
   */
  'couponAuto': (boolean);
}
