// Original file: protos/shop/v1/engine.proto


export interface RatingFacet {
  'min'?: (number | string);
  'count'?: (number);
}

export interface RatingFacet__Output {
  'min': (number);
  'count': (number);
}
