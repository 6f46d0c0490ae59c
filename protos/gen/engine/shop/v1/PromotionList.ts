// Original file: protos/shop/v1/engine.proto

import type { PromotionSummary as _shop_v1_PromotionSummary, PromotionSummary__Output as _shop_v1_PromotionSummary__Output } from '../../shop/v1/PromotionSummary.js';

export interface PromotionList {
  'rules'?: (_shop_v1_PromotionSummary)[];
}

export interface PromotionList__Output {
  'rules': (_shop_v1_PromotionSummary__Output)[];
}
