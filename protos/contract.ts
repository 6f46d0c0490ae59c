/** PLACEHOLDER until the contract branch lands: the push messages a shard publishes. */
export interface RecsPush { type: 'recs'; items: Array<{ itemId: string; score: number; reason: string; name: string; price: number; category: string }>; causedBy: string; seq: number; ts: number }
export interface CouponPush { type: 'coupon'; coupon: { code: string; rule: string; percentOff: number; ts: number; causedBy: string }; causedBy: string; ts: number }
export interface OrderPush {
  type: 'order'; checkoutId: string; orderId: string; status: 'placed' | 'refused';
  lines: Array<{ itemId: string; qty: number; price: number }>; total: number;
  refused?: { itemId: string; requested: number; left: number }; causedBy: string; seq: number; ts: number;
}
export type PushMessage = RecsPush | CouponPush | OrderPush;
