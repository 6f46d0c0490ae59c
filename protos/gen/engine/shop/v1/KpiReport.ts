// Original file: protos/shop/v1/engine.proto

import type { KpiCounts as _shop_v1_KpiCounts, KpiCounts__Output as _shop_v1_KpiCounts__Output } from '../../shop/v1/KpiCounts.js';

export interface KpiReport {
  'granularity'?: (string);
  'from'?: (string);
  'to'?: (string);
  'buckets'?: (_shop_v1_KpiCounts)[];
  'totals'?: (_shop_v1_KpiCounts | null);
}

export interface KpiReport__Output {
  'granularity': (string);
  'from': (string);
  'to': (string);
  'buckets': (_shop_v1_KpiCounts__Output)[];
  'totals': (_shop_v1_KpiCounts__Output | null);
}
