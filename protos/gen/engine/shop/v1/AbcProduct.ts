// Original file: protos/shop/v1/engine.proto


export interface AbcProduct {
  'itemId'?: (string);
  'name'?: (string);
  'revenue'?: (number | string);
  'cumulativeShare'?: (number | string);
  /**
   * A, B or C
   */
  'abcClass'?: (string);
}

export interface AbcProduct__Output {
  'itemId': (string);
  'name': (string);
  'revenue': (number);
  'cumulativeShare': (number);
  /**
   * A, B or C
   */
  'abcClass': (string);
}
