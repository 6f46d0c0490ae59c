// Original file: protos/shop/v1/engine.proto

import type { AbcProduct as _shop_v1_AbcProduct, AbcProduct__Output as _shop_v1_AbcProduct__Output } from '../../shop/v1/AbcProduct.js';
import type { Long } from '@grpc/proto-loader';

export interface AbcReport {
  'asOf'?: (string);
  'from'?: (string);
  /**
   * A, B, C -> products
   */
  'classes'?: ({[key: string]: number | string | Long});
  /**
   * A, B, C -> revenue
   */
  'revenue'?: ({[key: string]: number | string});
  'totalRevenue'?: (number | string);
  /**
   * the 50 with the most revenue
   */
  'top'?: (_shop_v1_AbcProduct)[];
}

export interface AbcReport__Output {
  'asOf': (string);
  'from': (string);
  /**
   * A, B, C -> products
   */
  'classes': ({[key: string]: number});
  /**
   * A, B, C -> revenue
   */
  'revenue': ({[key: string]: number});
  'totalRevenue': (number);
  /**
   * the 50 with the most revenue
   */
  'top': (_shop_v1_AbcProduct__Output)[];
}
