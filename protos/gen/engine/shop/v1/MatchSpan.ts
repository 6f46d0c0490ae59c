// Original file: protos/shop/v1/engine.proto


export interface MatchSpan {
  /**
   * character offsets in the item name, end exclusive
   */
  'start'?: (number);
  'end'?: (number);
}

export interface MatchSpan__Output {
  /**
   * character offsets in the item name, end exclusive
   */
  'start': (number);
  'end': (number);
}
