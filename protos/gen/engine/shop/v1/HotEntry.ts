// Original file: protos/shop/v1/engine.proto


export interface HotEntry {
  /**
   * kind products
   */
  'itemId'?: (string);
  /**
   * kind products ('' when no longer in the catalog)
   */
  'name'?: (string);
  /**
   * kind queries
   */
  'query'?: (string);
  'score'?: (number | string);
}

export interface HotEntry__Output {
  /**
   * kind products
   */
  'itemId': (string);
  /**
   * kind products ('' when no longer in the catalog)
   */
  'name': (string);
  /**
   * kind queries
   */
  'query': (string);
  'score': (number);
}
