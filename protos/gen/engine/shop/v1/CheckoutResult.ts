// Original file: protos/shop/v1/engine.proto

import type { OrderLine as _shop_v1_OrderLine, OrderLine__Output as _shop_v1_OrderLine__Output } from '../../shop/v1/OrderLine.js';
import type { Long } from '@grpc/proto-loader';

export interface CheckoutResult {
  'orderId'?: (string);
  'lines'?: (_shop_v1_OrderLine)[];
  'total'?: (number | string);
  /**
   * log sequence of the event that placed the order
   */
  'seq'?: (number | string | Long);
}

export interface CheckoutResult__Output {
  'orderId': (string);
  'lines': (_shop_v1_OrderLine__Output)[];
  'total': (number);
  /**
   * log sequence of the event that placed the order
   */
  'seq': (number);
}
