// Original file: protos/shop/v1/engine.proto


export interface FunnelRequest {
  /**
   * default `to` minus 7 days
   */
  'from'?: (string);
  /**
   * default now
   */
  'to'?: (string);
}

export interface FunnelRequest__Output {
  /**
   * default `to` minus 7 days
   */
  'from': (string);
  /**
   * default now
   */
  'to': (string);
}
