// Original file: protos/shop/v1/engine.proto


export interface DryRunPromotionRequest {
  'ruleJson'?: (string);
  /**
   * how far back (default 24, at most 336)
   */
  'hours'?: (number | string);
}

export interface DryRunPromotionRequest__Output {
  'ruleJson': (string);
  /**
   * how far back (default 24, at most 336)
   */
  'hours': (number);
}
