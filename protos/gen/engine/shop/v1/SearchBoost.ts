// Original file: protos/shop/v1/engine.proto


export interface SearchBoost {
  /**
   * category_affinity, brand_affinity, session_intent, price_fit, out_of_stock
   */
  'reason'?: (string);
  /**
   * the category, brand or price band
   */
  'detail'?: (string);
  /**
   * multiplier applied to the relevance
   */
  'factor'?: (number | string);
}

export interface SearchBoost__Output {
  /**
   * category_affinity, brand_affinity, session_intent, price_fit, out_of_stock
   */
  'reason': (string);
  /**
   * the category, brand or price band
   */
  'detail': (string);
  /**
   * multiplier applied to the relevance
   */
  'factor': (number);
}
