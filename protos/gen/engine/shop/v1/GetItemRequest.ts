// Original file: protos/shop/v1/engine.proto


export interface GetItemRequest {
  'itemId'?: (string);
}

export interface GetItemRequest__Output {
  'itemId': (string);
}
