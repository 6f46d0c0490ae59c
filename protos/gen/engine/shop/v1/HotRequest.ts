// Original file: protos/shop/v1/engine.proto


export interface HotRequest {
  /**
   * products | queries; default products
   */
  'kind'?: (string);
  /**
   * 1..500; default 20
   */
  'limit'?: (number);
}

export interface HotRequest__Output {
  /**
   * products | queries; default products
   */
  'kind': (string);
  /**
   * 1..500; default 20
   */
  'limit': (number);
}
