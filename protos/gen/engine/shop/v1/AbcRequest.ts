// Original file: protos/shop/v1/engine.proto


export interface AbcRequest {
  'asOf'?: (string);
  /**
   * first day counted; default all history
   */
  'from'?: (string);
}

export interface AbcRequest__Output {
  'asOf': (string);
  /**
   * first day counted; default all history
   */
  'from': (string);
}
