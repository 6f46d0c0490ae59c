// Original file: protos/shop/v1/engine.proto


export interface CategoryCount {
  'category'?: (string);
  'count'?: (number);
}

export interface CategoryCount__Output {
  'category': (string);
  'count': (number);
}
