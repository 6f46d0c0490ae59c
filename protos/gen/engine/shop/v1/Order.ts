// Original file: protos/shop/v1/engine.proto

import type { OrderLine as _shop_v1_OrderLine, OrderLine__Output as _shop_v1_OrderLine__Output } from '../../shop/v1/OrderLine.js';
import type { Long } from '@grpc/proto-loader';

export interface Order {
  'orderId'?: (string);
  'ts'?: (number | string | Long);
  'lines'?: (_shop_v1_OrderLine)[];
  'total'?: (number | string);
}

export interface Order__Output {
  'orderId': (string);
  'ts': (number);
  'lines': (_shop_v1_OrderLine__Output)[];
  'total': (number);
}
