/**
 * An order's price: items, the coupon's discount per line, delivery, total. The one
 * place both the cart view and the user actor's checkout compute it, so what the cart
 * shows is what the order charges (delivery included: it once was left out).
 */
import type { Coupon, CouponReward, CouponScope } from '../../protos/contract.js';

/** Delivery fee below the free-delivery threshold (the storefront's "Free delivery over $50"). */
export const DELIVERY_FEE = 4.99;
export const FREE_DELIVERY_FROM = 50;
/** The basket a percent coupon's cost is estimated on when the cart is empty at issue. */
export const NOMINAL_BASKET = 50;

const r2 = (x: number) => Math.round(x * 100) / 100;

export interface PricedLine {
  itemId: string;
  qty: number;
  price: number;
  /** Taken off this line by the coupon. */
  discount: number;
}

export interface OrderPrice {
  lines: PricedLine[];
  subtotal: number;
  /** Lines' discounts plus, for free delivery, the fee. */
  discount: number;
  delivery: number;
  total: number;
  /** The coupon's gift item, if it gives one. */
  gift?: string;
}

export type CategoryOf = (itemId: string) => string | undefined;

export function inScope(scope: CouponScope, itemId: string, categoryOf: CategoryOf): boolean {
  switch (scope.type) {
    case 'order': return true;
    case 'items': return scope.items.includes(itemId);
    case 'categories': return scope.categories.includes(categoryOf(itemId) ?? '');
    case 'other_categories': return !scope.categories.includes(categoryOf(itemId) ?? '');
  }
}

export const deliveryFor = (subtotal: number) => (subtotal <= 0 || subtotal >= FREE_DELIVERY_FROM ? 0 : DELIVERY_FEE);

/** Spreads `amount` over lines in proportion to their value, in cents, the rounding on the last. */
function spread(lines: PricedLine[], idx: number[], amount: number): void {
  const base = idx.reduce((t, i) => t + lines[i]!.qty * lines[i]!.price, 0);
  if (base <= 0) return;
  let left = r2(amount);
  idx.forEach((i, k) => {
    const l = lines[i]!;
    const share = k === idx.length - 1 ? left : r2((amount * l.qty * l.price) / base);
    l.discount = r2(l.discount + share);
    left = r2(left - share);
  });
}

function applyReward(reward: CouponReward, lines: PricedLine[], idx: number[]): void {
  const scoped = idx.reduce((t, i) => t + lines[i]!.qty * lines[i]!.price, 0);
  switch (reward.type) {
    case 'percent':
      spread(lines, idx, Math.min(reward.maxDiscount ?? Infinity, r2((scoped * reward.percent) / 100)));
      break;
    case 'amount':
      spread(lines, idx, Math.min(reward.amount, scoped));
      break;
    case 'buy_x_get_y': {
      // Every group of buy+get units (dearest first): its `get` cheapest units are free.
      const units = idx.flatMap((i) => Array.from({ length: lines[i]!.qty }, () => i)).sort((a, b) => lines[b]!.price - lines[a]!.price);
      const group = reward.buy + reward.get;
      let left = reward.maxDiscount ?? Infinity;
      for (let g = 0; g + group <= units.length && left > 0; g += group) {
        for (let k = g + reward.buy; k < g + group && left > 0; k++) {
          const l = lines[units[k]!]!;
          const free = Math.min(l.price, left);
          l.discount = r2(l.discount + free);
          left = r2(left - free);
        }
      }
      break;
    }
    case 'free_delivery':
    case 'gift':
      break;
  }
}

export interface PriceCheck {
  price: OrderPrice;
  /** Why the coupon does not apply ('' = it does). */
  problem: string;
}

/** Prices lines with an optional coupon; a coupon that does not apply leaves the price as without it. */
export function priceOrder(input: ReadonlyArray<{ itemId: string; qty: number; price: number }>, coupon: Pick<Coupon, 'reward' | 'scope' | 'minOrder'> | undefined, categoryOf: CategoryOf): PriceCheck {
  const lines: PricedLine[] = input.map((l) => ({ itemId: l.itemId, qty: l.qty, price: l.price, discount: 0 }));
  const subtotal = r2(lines.reduce((t, l) => t + l.qty * l.price, 0));
  let delivery = deliveryFor(subtotal);
  let problem = '';
  let gift: string | undefined;
  let deliveryDiscount = 0;
  if (coupon) {
    const idx = lines.map((l, i) => (inScope(coupon.scope, l.itemId, categoryOf) ? i : -1)).filter((i) => i >= 0);
    const scoped = r2(idx.reduce((t, i) => t + lines[i]!.qty * lines[i]!.price, 0));
    if (idx.length === 0) problem = 'no line of the order is in the coupon\'s scope';
    else if (scoped < coupon.minOrder) problem = `the coupon needs at least $${coupon.minOrder} of items in its scope; the order has $${scoped}`;
    else if (coupon.reward.type === 'free_delivery' && delivery === 0) problem = 'delivery is already free for this order';
    else if (coupon.reward.type === 'buy_x_get_y' && idx.reduce((n, i) => n + lines[i]!.qty, 0) < coupon.reward.buy + coupon.reward.get) {
      problem = `the coupon needs ${coupon.reward.buy + coupon.reward.get} units in its scope`;
    } else {
      applyReward(coupon.reward, lines, idx);
      if (coupon.reward.type === 'free_delivery') {
        deliveryDiscount = delivery;
        delivery = 0;
      }
      if (coupon.reward.type === 'gift') gift = coupon.reward.itemId;
    }
  }
  const lineDiscount = r2(lines.reduce((t, l) => t + l.discount, 0));
  const discount = r2(lineDiscount + deliveryDiscount);
  const price: OrderPrice = { lines, subtotal, discount, delivery, total: r2(subtotal - lineDiscount + delivery) };
  if (gift) price.gift = gift;
  return { price, problem };
}

/** What a coupon is expected to cost when issued (the budget's money hold until it is redeemed or expires). */
export function estimatedCost(reward: CouponReward, scopedCartValue: number, cheapestScopedPrice: number): number {
  switch (reward.type) {
    case 'percent': return r2(Math.min(reward.maxDiscount ?? Infinity, ((scopedCartValue > 0 ? scopedCartValue : NOMINAL_BASKET) * reward.percent) / 100));
    case 'amount': return reward.amount;
    case 'free_delivery': return DELIVERY_FEE;
    case 'buy_x_get_y': return r2(cheapestScopedPrice * reward.get);
    case 'gift': return reward.value;
  }
}
