// Original file: protos/shop/v1/engine.proto

import type { FunnelCounts as _shop_v1_FunnelCounts, FunnelCounts__Output as _shop_v1_FunnelCounts__Output } from '../../shop/v1/FunnelCounts.js';

export interface FunnelReport {
  'from'?: (string);
  'to'?: (string);
  'total'?: (_shop_v1_FunnelCounts | null);
  'categories'?: (_shop_v1_FunnelCounts)[];
}

export interface FunnelReport__Output {
  'from': (string);
  'to': (string);
  'total': (_shop_v1_FunnelCounts__Output | null);
  'categories': (_shop_v1_FunnelCounts__Output)[];
}
