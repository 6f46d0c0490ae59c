// Original file: protos/shop/v1/engine.proto


export interface RecommendedItem {
  'itemId'?: (string);
  'score'?: (number | string);
  /**
   * e.g. "covisit", "similar", "trending"
   */
  'reason'?: (string);
  'name'?: (string);
  'price'?: (number | string);
  'category'?: (string);
}

export interface RecommendedItem__Output {
  'itemId': (string);
  'score': (number);
  /**
   * e.g. "covisit", "similar", "trending"
   */
  'reason': (string);
  'name': (string);
  'price': (number);
  'category': (string);
}
