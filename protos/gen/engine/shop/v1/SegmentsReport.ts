// Original file: protos/shop/v1/engine.proto

import type { SegmentMoves as _shop_v1_SegmentMoves, SegmentMoves__Output as _shop_v1_SegmentMoves__Output } from '../../shop/v1/SegmentMoves.js';
import type { Long } from '@grpc/proto-loader';

export interface SegmentsReport {
  'asOf'?: (string);
  'since'?: (string);
  'customers'?: (number | string | Long);
  'segments'?: ({[key: string]: number | string | Long});
  'moved'?: (number | string | Long);
  'transitions'?: (_shop_v1_SegmentMoves)[];
}

export interface SegmentsReport__Output {
  'asOf': (string);
  'since': (string);
  'customers': (number);
  'segments': ({[key: string]: number});
  'moved': (number);
  'transitions': (_shop_v1_SegmentMoves__Output)[];
}
