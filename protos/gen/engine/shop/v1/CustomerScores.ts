// Original file: protos/shop/v1/engine.proto

import type { Long } from '@grpc/proto-loader';

export interface CustomerScores {
  'customerId'?: (string);
  'orders'?: (number | string | Long);
  'revenue'?: (number | string);
  'firstOrder'?: (string);
  'lastOrder'?: (string);
  /**
   * false: no order before as_of (the RFM fields are 0)
   */
  'scored'?: (boolean);
  'recencyDays'?: (number);
  'frequency'?: (number);
  'monetary'?: (number | string);
  'r'?: (number);
  'f'?: (number);
  'm'?: (number);
  'fm'?: (number);
  'segment'?: (string);
  /**
   * false: no BG/NBD fit (the model fields are 0)
   */
  'modeled'?: (boolean);
  'pAlive'?: (number | string);
  'expectedPurchases_90d'?: (number | string);
  'clv_12m'?: (number | string);
}

export interface CustomerScores__Output {
  'customerId': (string);
  'orders': (number);
  'revenue': (number);
  'firstOrder': (string);
  'lastOrder': (string);
  /**
   * false: no order before as_of (the RFM fields are 0)
   */
  'scored': (boolean);
  'recencyDays': (number);
  'frequency': (number);
  'monetary': (number);
  'r': (number);
  'f': (number);
  'm': (number);
  'fm': (number);
  'segment': (string);
  /**
   * false: no BG/NBD fit (the model fields are 0)
   */
  'modeled': (boolean);
  'pAlive': (number);
  'expectedPurchases_90d': (number);
  'clv_12m': (number);
}
