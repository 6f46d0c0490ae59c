// Original file: protos/shop/v1/engine.proto


export interface ProfileRequest {
  'userId'?: (string);
}

export interface ProfileRequest__Output {
  'userId': (string);
}
