// Original file: protos/shop/v1/engine.proto

import type { Long } from '@grpc/proto-loader';

export interface Coupon {
  'code'?: (string);
  'rule'?: (string);
  'percentOff'?: (number | string);
  'ts'?: (number | string | Long);
  'causedBy'?: (string);
}

export interface Coupon__Output {
  'code': (string);
  'rule': (string);
  'percentOff': (number);
  'ts': (number);
  'causedBy': (string);
}
