// Original file: protos/shop/v1/engine.proto

import type { DoubleValue as _google_protobuf_DoubleValue, DoubleValue__Output as _google_protobuf_DoubleValue__Output } from '../../google/protobuf/DoubleValue.js';

export interface PriceFacet {
  'min'?: (number | string);
  /**
   * exclusive; unset = no upper bound
   */
  'max'?: (_google_protobuf_DoubleValue | null);
  'count'?: (number);
}

export interface PriceFacet__Output {
  'min': (number);
  /**
   * exclusive; unset = no upper bound
   */
  'max': (_google_protobuf_DoubleValue__Output | null);
  'count': (number);
}
