// Original file: protos/shop/v1/engine.proto


export interface StreamRequest {
  'userId'?: (string);
  /**
   * do not start with the current recommendations
   */
  'skipCurrent'?: (boolean);
  /**
   * also deliver coupon pushes
   */
  'includeCoupons'?: (boolean);
}

export interface StreamRequest__Output {
  'userId': (string);
  /**
   * do not start with the current recommendations
   */
  'skipCurrent': (boolean);
  /**
   * also deliver coupon pushes
   */
  'includeCoupons': (boolean);
}
