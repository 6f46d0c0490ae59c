// Original file: protos/shop/v1/engine.proto


/**
 * One reason for an intent score: a feature and its share of the log-odds.
 */
export interface IntentReason {
  'feature'?: (string);
  'value'?: (number | string);
  /**
   * + towards buying
   */
  'contribution'?: (number | string);
  /**
   * e.g. "CartAdds high (+1.20)"
   */
  'text'?: (string);
}

/**
 * One reason for an intent score: a feature and its share of the log-odds.
 */
export interface IntentReason__Output {
  'feature': (string);
  'value': (number);
  /**
   * + towards buying
   */
  'contribution': (number);
  /**
   * e.g. "CartAdds high (+1.20)"
   */
  'text': (string);
}
