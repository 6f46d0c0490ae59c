// Original file: protos/shop/v1/engine.proto


export interface CategoryScore {
  'category'?: (string);
  'score'?: (number | string);
}

export interface CategoryScore__Output {
  'category': (string);
  'score': (number);
}
