// Original file: protos/shop/v1/engine.proto

import type { CouponView as _shop_v1_CouponView, CouponView__Output as _shop_v1_CouponView__Output } from '../../shop/v1/CouponView.js';

export interface CouponList {
  'coupons'?: (_shop_v1_CouponView)[];
}

export interface CouponList__Output {
  'coupons': (_shop_v1_CouponView__Output)[];
}
