// Original file: protos/shop/v1/engine.proto

import type { Long } from '@grpc/proto-loader';

export interface SegmentMoves {
  /**
   * "(none)" = not yet a customer at `since`
   */
  'from'?: (string);
  /**
   * customers by segment at `as_of` (unchanged ones included)
   */
  'to'?: ({[key: string]: number | string | Long});
}

export interface SegmentMoves__Output {
  /**
   * "(none)" = not yet a customer at `since`
   */
  'from': (string);
  /**
   * customers by segment at `as_of` (unchanged ones included)
   */
  'to': ({[key: string]: number});
}
