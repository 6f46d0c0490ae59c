// Original file: protos/shop/v1/engine.proto

import type { Long } from '@grpc/proto-loader';

export interface RfmReport {
  'asOf'?: (string);
  'customers'?: (number | string | Long);
  'segments'?: ({[key: string]: number | string | Long});
}

export interface RfmReport__Output {
  'asOf': (string);
  'customers': (number);
  'segments': ({[key: string]: number});
}
