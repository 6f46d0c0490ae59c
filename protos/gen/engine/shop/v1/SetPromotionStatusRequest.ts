// Original file: protos/shop/v1/engine.proto


export interface SetPromotionStatusRequest {
  'id'?: (string);
  'paused'?: (boolean);
}

export interface SetPromotionStatusRequest__Output {
  'id': (string);
  'paused': (boolean);
}
