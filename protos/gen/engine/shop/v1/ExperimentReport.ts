// Original file: protos/shop/v1/engine.proto

import type { ExperimentVariant as _shop_v1_ExperimentVariant, ExperimentVariant__Output as _shop_v1_ExperimentVariant__Output } from '../../shop/v1/ExperimentVariant.js';

export interface ExperimentReport {
  'id'?: (string);
  'phase'?: (number);
  'version'?: (number);
  'status'?: (string);
  'metric'?: (string);
  'variants'?: (_shop_v1_ExperimentVariant)[];
  'srmP'?: (number | string);
  'srmFlagged'?: (boolean);
  /**
   * the better variant's name, or none
   */
  'decision'?: (string);
  /**
   * the whole HTTP report (every metric, guardrails, CUPED)
   */
  'reportJson'?: (string);
}

export interface ExperimentReport__Output {
  'id': (string);
  'phase': (number);
  'version': (number);
  'status': (string);
  'metric': (string);
  'variants': (_shop_v1_ExperimentVariant__Output)[];
  'srmP': (number);
  'srmFlagged': (boolean);
  /**
   * the better variant's name, or none
   */
  'decision': (string);
  /**
   * the whole HTTP report (every metric, guardrails, CUPED)
   */
  'reportJson': (string);
}
