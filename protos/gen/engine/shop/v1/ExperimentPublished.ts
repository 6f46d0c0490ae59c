// Original file: protos/shop/v1/engine.proto

import type { Long } from '@grpc/proto-loader';

export interface ExperimentPublished {
  'id'?: (string);
  'version'?: (number);
  'phase'?: (number);
  /**
   * log sequence of the definition event
   */
  'seq'?: (number | string | Long);
}

export interface ExperimentPublished__Output {
  'id': (string);
  'version': (number);
  'phase': (number);
  /**
   * log sequence of the definition event
   */
  'seq': (number);
}
