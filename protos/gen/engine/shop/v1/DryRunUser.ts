// Original file: protos/shop/v1/engine.proto

import type { Long } from '@grpc/proto-loader';

export interface DryRunUser {
  'userId'?: (string);
  'code'?: (string);
  'cost'?: (number | string);
  'ts'?: (number | string | Long);
  'causedBy'?: (string);
}

export interface DryRunUser__Output {
  'userId': (string);
  'code': (string);
  'cost': (number);
  'ts': (number);
  'causedBy': (string);
}
