// Original file: protos/shop/v1/engine.proto


export interface RecommendRequest {
  /**
   * required, u-[a-z0-9]{8,40}
   */
  'userId'?: (string);
  /**
   * 1..100; 0 = 8
   */
  'k'?: (number);
  /**
   * optional context: the item being looked at (must exist)
   */
  'itemId'?: (string);
  /**
   * optional context: only this category
   */
  'category'?: (string);
  /**
   * item ids never to return (at most 500)
   */
  'exclude'?: (string)[];
}

export interface RecommendRequest__Output {
  /**
   * required, u-[a-z0-9]{8,40}
   */
  'userId': (string);
  /**
   * 1..100; 0 = 8
   */
  'k': (number);
  /**
   * optional context: the item being looked at (must exist)
   */
  'itemId': (string);
  /**
   * optional context: only this category
   */
  'category': (string);
  /**
   * item ids never to return (at most 500)
   */
  'exclude': (string)[];
}
