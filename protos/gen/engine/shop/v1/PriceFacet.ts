// Original file: protos/shop/v1/engine.proto


export interface PriceFacet {
  'min'?: (number | string);
  /**
   * exclusive; unset = no upper bound
   */
  'max'?: (number | string);
  'count'?: (number);
  '_max'?: "max";
}

export interface PriceFacet__Output {
  'min': (number);
  /**
   * exclusive; unset = no upper bound
   */
  'max'?: (number);
  'count': (number);
  '_max'?: "max";
}
