// Original file: protos/shop/v1/engine.proto


export interface SuggestRequest {
  'query'?: (string);
  /**
   * optional: hot queries of this category
   */
  'category'?: (string);
}

export interface SuggestRequest__Output {
  'query': (string);
  /**
   * optional: hot queries of this category
   */
  'category': (string);
}
