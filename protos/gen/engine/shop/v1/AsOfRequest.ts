// Original file: protos/shop/v1/engine.proto


export interface AsOfRequest {
  'asOf'?: (string);
}

export interface AsOfRequest__Output {
  'asOf': (string);
}
