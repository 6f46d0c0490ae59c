// Original file: protos/shop/v1/engine.proto


export interface ExperimentGetRequest {
  'id'?: (string);
}

export interface ExperimentGetRequest__Output {
  'id': (string);
}
