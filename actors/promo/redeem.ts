/**
 * Redemption, in the user actor (the one owner of its coupons): a checkout names a code
 * (or '*': the best eligible one). The code is checked and held for that checkout in
 * log order, so of two concurrent checkouts with one code the first folded wins and the
 * second is refused (E_COUPON_USED). When the order is placed the coupon is used and
 * the rule's owner commits the budget; when it is refused the coupon is live again.
 */
import type { Coupon, ErrorCode } from '../../protos/contract.js';
import type { EventLine, ShopEvent } from '../../protos/index.js';
import type { UserState } from '../user/state.js';
import { expiryReminder, releaseCommand, type PromoSink } from './evaluate.js';
import { priceOrder, type CategoryOf, type OrderPrice } from './pricing.js';

export const AUTO_COUPON = '*';

export interface CouponRefusal {
  code: Extract<ErrorCode, 'E_COUPON_UNKNOWN' | 'E_COUPON_EXPIRED' | 'E_COUPON_USED' | 'E_COUPON_NOT_APPLICABLE'>;
  message: string;
}

export interface Redemption {
  price: OrderPrice;
  /** The coupon applied (held for this checkout), if any. */
  coupon?: Coupon;
  /** Auto-apply: true when the engine picked it. */
  auto?: boolean;
  refusal?: CouponRefusal;
}

/** Why `c` cannot be used at `ts` ('' = it can). */
function unusable(c: Coupon, ts: number): CouponRefusal | undefined {
  if (c.status === 'used') return { code: 'E_COUPON_USED', message: `coupon ${c.code} was already used by order ${c.orderId ?? ''}` };
  if (c.status === 'held') return { code: 'E_COUPON_USED', message: `coupon ${c.code} is being used by another checkout` };
  if (c.status === 'expired' || ts >= c.expiresAt) return { code: 'E_COUPON_EXPIRED', message: `coupon ${c.code} expired at ${new Date(c.expiresAt).toISOString()}` };
  return undefined;
}

/**
 * Prices lines with the coupon asked for (a code, or AUTO_COUPON: the best eligible), without
 * changing anything: the cart's quote and the checkout's decision are the same computation.
 */
export function quoteCoupon(coupons: readonly Coupon[], asked: string, ts: number, lines: readonly EventLine[], categoryOf: CategoryOf): Redemption {
  const none = () => priceOrder(lines, undefined, categoryOf).price;
  if (!asked) return { price: none() };
  if (asked === AUTO_COUPON) {
    let best: { coupon: Coupon; price: OrderPrice } | undefined;
    for (const c of coupons) {
      if (unusable(c, ts)) continue;
      const p = priceOrder(lines, c, categoryOf);
      if (p.problem || (p.price.discount <= 0 && !p.price.gift)) continue;
      if (!best || p.price.discount > best.price.discount || (p.price.discount === best.price.discount && c.priority > best.coupon.priority)) best = { coupon: c, price: p.price };
    }
    return best ? { price: best.price, coupon: best.coupon, auto: true } : { price: none(), auto: true };
  }
  const c = coupons.find((x) => x.code === asked);
  // Another shopper's code looks the same as a made-up one: this shopper has no such coupon.
  if (!c) return { price: none(), refusal: { code: 'E_COUPON_UNKNOWN', message: `you have no coupon ${asked.slice(0, 40)}` } };
  const bad = unusable(c, ts);
  if (bad) return { price: none(), refusal: bad };
  const p = priceOrder(lines, c, categoryOf);
  if (p.problem) return { price: none(), refusal: { code: 'E_COUPON_NOT_APPLICABLE', message: `coupon ${c.code}: ${p.problem}` } };
  return { price: p.price, coupon: c };
}

/** Prices a checkout's lines with the coupon it asks for; holds the coupon when it applies. */
export function redeemAtCheckout(s: UserState, e: ShopEvent, lines: readonly EventLine[], categoryOf: CategoryOf): Redemption {
  const r = quoteCoupon(s.coupons, e.coupon ?? '', e.ts, lines, categoryOf);
  if (r.coupon) hold(r.coupon, e);
  return r;
}

function hold(c: Coupon, e: ShopEvent): void {
  c.status = 'held';
  c.orderId = e.orderId || e.checkoutId || '';
}

/** The checkout holding `code` was decided: used (budget committed) or live again. */
export function settleCoupon(s: UserState, code: string, placed: boolean, discount: number, orderId: string, ts: number, sink: PromoSink): void {
  const c = s.coupons.find((x) => x.code === code);
  if (!c || c.status !== 'held') return;
  if (placed) {
    c.status = 'used';
    c.orderId = orderId;
    sink.cancelReminder(expiryReminder(c));
    sink.command({ id: `cc.${code}`, userId: s.userId, kind: 'coupon_commit', ts, defId: c.rule, coupon: code, discount, orderId, source: 'engine' });
    return;
  }
  delete c.orderId;
  if (ts >= c.expiresAt) {
    // It expired while the checkout was decided: its expiry reminder found it held.
    c.status = 'expired';
    sink.command(releaseCommand(s.userId, c.rule, code, ts));
  } else c.status = 'live';
}
