// Original file: protos/shop/v1/engine.proto


export interface PutPromotionRequest {
  'ruleJson'?: (string);
  /**
   * false: create (the id must be new); true: the next version of an existing rule
   */
  'update'?: (boolean);
}

export interface PutPromotionRequest__Output {
  'ruleJson': (string);
  /**
   * false: create (the id must be new); true: the next version of an existing rule
   */
  'update': (boolean);
}
