// Original file: protos/shop/v1/engine.proto


export interface CategoryPick {
  'category'?: (string);
  'score'?: (number | string);
  /**
   * "affinity", "bought-together" or "popular"
   */
  'reason'?: (string);
}

export interface CategoryPick__Output {
  'category': (string);
  'score': (number);
  /**
   * "affinity", "bought-together" or "popular"
   */
  'reason': (string);
}
