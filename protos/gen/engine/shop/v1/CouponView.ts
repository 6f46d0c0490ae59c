// Original file: protos/shop/v1/engine.proto

import type { Long } from '@grpc/proto-loader';

export interface CouponView {
  'code'?: (string);
  'rule'?: (string);
  'ruleVersion'?: (number);
  'title'?: (string);
  /**
   * "10% off", "$5 off", "free delivery", ...
   */
  'rewardText'?: (string);
  /**
   * the reward as JSON ({type, percent|amount|buy,get|itemId,value})
   */
  'rewardJson'?: (string);
  /**
   * where it applies, JSON ({type, categories|items})
   */
  'scopeJson'?: (string);
  'minOrder'?: (number | string);
  'ts'?: (number | string | Long);
  'expiresAt'?: (number | string | Long);
  /**
   * live | held | used | expired (as of now)
   */
  'status'?: (string);
  /**
   * the order that used it
   */
  'orderId'?: (string);
  'causedBy'?: (string);
}

export interface CouponView__Output {
  'code': (string);
  'rule': (string);
  'ruleVersion': (number);
  'title': (string);
  /**
   * "10% off", "$5 off", "free delivery", ...
   */
  'rewardText': (string);
  /**
   * the reward as JSON ({type, percent|amount|buy,get|itemId,value})
   */
  'rewardJson': (string);
  /**
   * where it applies, JSON ({type, categories|items})
   */
  'scopeJson': (string);
  'minOrder': (number);
  'ts': (number);
  'expiresAt': (number);
  /**
   * live | held | used | expired (as of now)
   */
  'status': (string);
  /**
   * the order that used it
   */
  'orderId': (string);
  'causedBy': (string);
}
