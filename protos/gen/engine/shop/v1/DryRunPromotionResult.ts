// Original file: protos/shop/v1/engine.proto

import type { DryRunUser as _shop_v1_DryRunUser, DryRunUser__Output as _shop_v1_DryRunUser__Output } from '../../shop/v1/DryRunUser.js';
import type { Long } from '@grpc/proto-loader';

export interface DryRunPromotionResult {
  'rule'?: (string);
  'events'?: (number);
  'shoppers'?: (number);
  'issued'?: (number);
  'refusedByBudget'?: (number);
  'cost'?: (number | string);
  'users'?: (_shop_v1_DryRunUser)[];
  'from'?: (number | string | Long);
  'to'?: (number | string | Long);
}

export interface DryRunPromotionResult__Output {
  'rule': (string);
  'events': (number);
  'shoppers': (number);
  'issued': (number);
  'refusedByBudget': (number);
  'cost': (number);
  'users': (_shop_v1_DryRunUser__Output)[];
  'from': (number);
  'to': (number);
}
