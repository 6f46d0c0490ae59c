// Original file: protos/shop/v1/engine.proto


export interface QuerySuggestion {
  'query'?: (string);
  /**
   * hot, catalog
   */
  'source'?: (string);
}

export interface QuerySuggestion__Output {
  'query': (string);
  /**
   * hot, catalog
   */
  'source': (string);
}
