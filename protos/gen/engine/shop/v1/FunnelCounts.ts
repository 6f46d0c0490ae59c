// Original file: protos/shop/v1/engine.proto

import type { Long } from '@grpc/proto-loader';

export interface FunnelCounts {
  /**
   * empty in the total
   */
  'category'?: (string);
  'views'?: (number | string | Long);
  'cartAdds'?: (number | string | Long);
  'purchases'?: (number | string | Long);
}

export interface FunnelCounts__Output {
  /**
   * empty in the total
   */
  'category': (string);
  'views': (number);
  'cartAdds': (number);
  'purchases': (number);
}
