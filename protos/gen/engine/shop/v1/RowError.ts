// Original file: protos/shop/v1/engine.proto

import type { ErrorDetail as _shop_v1_ErrorDetail, ErrorDetail__Output as _shop_v1_ErrorDetail__Output } from '../../shop/v1/ErrorDetail.js';

export interface RowError {
  'index'?: (number);
  /**
   * as sent (may be empty or invalid)
   */
  'itemId'?: (string);
  'error'?: (_shop_v1_ErrorDetail | null);
}

export interface RowError__Output {
  'index': (number);
  /**
   * as sent (may be empty or invalid)
   */
  'itemId': (string);
  'error': (_shop_v1_ErrorDetail__Output | null);
}
