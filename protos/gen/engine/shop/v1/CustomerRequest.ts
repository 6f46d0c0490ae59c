// Original file: protos/shop/v1/engine.proto


export interface CustomerRequest {
  /**
   * the engine user id
   */
  'customerId'?: (string);
  'asOf'?: (string);
}

export interface CustomerRequest__Output {
  /**
   * the engine user id
   */
  'customerId': (string);
  'asOf': (string);
}
