// Original file: protos/shop/v1/engine.proto


export interface FacetValue {
  'value'?: (string);
  'count'?: (number);
}

export interface FacetValue__Output {
  'value': (string);
  'count': (number);
}
