// Original file: protos/shop/v1/engine.proto

import type { Long } from '@grpc/proto-loader';

export interface PromotionSummary {
  'id'?: (string);
  'version'?: (number);
  /**
   * active | paused
   */
  'status'?: (string);
  'title'?: (string);
  'reward'?: (string);
  'publishedAt'?: (number | string | Long);
  /**
   * the rule in force
   */
  'ruleJson'?: (string);
  'issued'?: (number);
  'refusedByBudget'?: (number);
  'redeemed'?: (number);
  'released'?: (number);
  'redeemedMoney'?: (number | string);
  /**
   * held + committed money today (UTC)
   */
  'spendToday'?: (number | string);
  'spendTotal'?: (number | string);
}

export interface PromotionSummary__Output {
  'id': (string);
  'version': (number);
  /**
   * active | paused
   */
  'status': (string);
  'title': (string);
  'reward': (string);
  'publishedAt': (number);
  /**
   * the rule in force
   */
  'ruleJson': (string);
  'issued': (number);
  'refusedByBudget': (number);
  'redeemed': (number);
  'released': (number);
  'redeemedMoney': (number);
  /**
   * held + committed money today (UTC)
   */
  'spendToday': (number);
  'spendTotal': (number);
}
