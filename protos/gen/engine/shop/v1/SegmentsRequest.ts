// Original file: protos/shop/v1/engine.proto


export interface SegmentsRequest {
  'asOf'?: (string);
  /**
   * default 30 days before as_of
   */
  'since'?: (string);
}

export interface SegmentsRequest__Output {
  'asOf': (string);
  /**
   * default 30 days before as_of
   */
  'since': (string);
}
