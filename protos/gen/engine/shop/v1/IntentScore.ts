// Original file: protos/shop/v1/engine.proto

import type { IntentReason as _shop_v1_IntentReason, IntentReason__Output as _shop_v1_IntentReason__Output } from '../../shop/v1/IntentReason.js';
import type { Long } from '@grpc/proto-loader';

export interface IntentScore {
  /**
   * probability that the session ends with a purchase
   */
  'score'?: (number | string);
  /**
   * "low", "medium", "high" (INTENT_BANDS)
   */
  'band'?: (string);
  /**
   * model version (a definition event on the log)
   */
  'version'?: (number);
  /**
   * time of the event it was scored at (ms)
   */
  'scoredAt'?: (number | string | Long);
  'top'?: (_shop_v1_IntentReason)[];
}

export interface IntentScore__Output {
  /**
   * probability that the session ends with a purchase
   */
  'score': (number);
  /**
   * "low", "medium", "high" (INTENT_BANDS)
   */
  'band': (string);
  /**
   * model version (a definition event on the log)
   */
  'version': (number);
  /**
   * time of the event it was scored at (ms)
   */
  'scoredAt': (number);
  'top': (_shop_v1_IntentReason__Output)[];
}
