// Original file: protos/shop/v1/engine.proto


export interface ItemChange {
  /**
   * 0-based position of the row in the request stream
   */
  'index'?: (number);
  'itemId'?: (string);
  'created'?: (boolean);
  /**
   * snake_case; empty = the row changed nothing
   */
  'changedFields'?: (string)[];
}

export interface ItemChange__Output {
  /**
   * 0-based position of the row in the request stream
   */
  'index': (number);
  'itemId': (string);
  'created': (boolean);
  /**
   * snake_case; empty = the row changed nothing
   */
  'changedFields': (string)[];
}
