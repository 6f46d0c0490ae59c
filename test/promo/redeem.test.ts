/**
 * Redemption in the user actor and order pricing: discounts per line and in the total,
 * delivery in the total, single use in log order, typed refusals (foreign, expired,
 * used, not applicable), auto-apply picks the best, budget commit on placement and
 * release on expiry.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DELIVERY_FEE, parseRule, priceOrder } from '../../actors/promo/index.js';
import { emptyUserState, foldUserEvent, type UserState } from '../../actors/user/index.js';
import type { Coupon } from '../../protos/contract.js';
import type { EventLine, ShopEvent } from '../../protos/index.js';
import { couponsOf, defaultRules, PromoWorld } from './promo-kit.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 10, 12);
let n = 0;
const ev = (s: UserState, kind: ShopEvent['kind'], ts: number, extra: Partial<ShopEvent> = {}): ShopEvent => ({ id: `e${++n}`, userId: s.userId, kind, ts, ...extra });
const cat = (id: string) => ({ tee1: 't-shirts', tee2: 't-shirts', tee3: 't-shirts', book1: 'books', laptop: 'laptops' } as Record<string, string>)[id];

function withCoupon(ruleId = 'cart_abandoned') {
  const w = new PromoWorld(defaultRules([ruleId]));
  const s = emptyUserState('u-redeem0001');
  w.fold(s, ev(s, 'cart_add', T0, { itemId: 'book1', qty: 2 }));
  const got = couponsOf(w.fireDue(s, T0 + 61_000));
  assert.equal(got.length, 1);
  return { w, s, coupon: got[0]! };
}

const checkout = (s: UserState, ts: number, lines: EventLine[], coupon?: string, id = `c${++n}`): ShopEvent =>
  ev(s, 'checkout', ts, { checkoutId: id, orderId: `o-${id}`, lines, ...(coupon ? { coupon } : {}) });

describe('promotions - pricing', () => {
  const coupon = (reward: Coupon['reward'], scope: Coupon['scope'] = { type: 'order' }, minOrder = 0) => ({ reward, scope, minOrder });
  it('promotions - percent off spreads over lines to the cent, within the cap; delivery is in the total', () => {
    const p = priceOrder([{ itemId: 'tee1', qty: 1, price: 10 }, { itemId: 'book1', qty: 2, price: 7.5 }], coupon({ type: 'percent', percent: 10 }), cat);
    assert.equal(p.problem, '');
    assert.deepEqual(p.price.lines.map((l) => l.discount), [1, 1.5]);
    assert.equal(p.price.subtotal, 25);
    assert.equal(p.price.discount, 2.5);
    assert.equal(p.price.delivery, DELIVERY_FEE);
    assert.equal(p.price.total, Math.round((25 - 2.5 + DELIVERY_FEE) * 100) / 100);
    const capped = priceOrder([{ itemId: 'laptop', qty: 1, price: 900 }], coupon({ type: 'percent', percent: 20, maxDiscount: 50 }), cat);
    assert.equal(capped.price.discount, 50);
    assert.equal(capped.price.delivery, 0, 'free from $50');
  });
  it('promotions - amount off, free delivery, buy 2 get 1 on the cheapest, gift; scope and minimum order', () => {
    assert.equal(priceOrder([{ itemId: 'book1', qty: 1, price: 3 }], coupon({ type: 'amount', amount: 5 }), cat).price.discount, 3, 'never more than the lines');
    const fd = priceOrder([{ itemId: 'book1', qty: 1, price: 20 }], coupon({ type: 'free_delivery' }), cat);
    assert.deepEqual([fd.price.discount, fd.price.delivery, fd.price.total], [DELIVERY_FEE, 0, 20]);
    assert.match(priceOrder([{ itemId: 'book1', qty: 1, price: 60 }], coupon({ type: 'free_delivery' }), cat).problem, /already free/);
    const b = priceOrder([{ itemId: 'tee1', qty: 2, price: 20 }, { itemId: 'tee2', qty: 1, price: 15 }, { itemId: 'book1', qty: 1, price: 5 }],
      coupon({ type: 'buy_x_get_y', buy: 2, get: 1 }, { type: 'categories', categories: ['t-shirts'] }), cat);
    assert.deepEqual(b.price.lines.map((l) => l.discount), [0, 15, 0], 'the cheapest tee of the three is free; the book is out of scope');
    // A money budget caps it at what it held at issue: dearer tees at checkout cannot spend more.
    const held = priceOrder([{ itemId: 'tee1', qty: 3, price: 40 }], coupon({ type: 'buy_x_get_y', buy: 2, get: 1, maxDiscount: 15 }, { type: 'categories', categories: ['t-shirts'] }), cat);
    assert.equal(held.price.discount, 15, 'capped at the held $15, not the $40 tee');
    assert.equal(held.price.total, 105);
    assert.match(priceOrder([{ itemId: 'book1', qty: 1, price: 5 }], coupon({ type: 'percent', percent: 10 }, { type: 'categories', categories: ['t-shirts'] }), cat).problem, /scope/);
    assert.match(priceOrder([{ itemId: 'book1', qty: 1, price: 5 }], coupon({ type: 'amount', amount: 5 }, { type: 'order' }, 30), cat).problem, /at least \$30/);
    const g = priceOrder([{ itemId: 'book1', qty: 1, price: 5 }], coupon({ type: 'gift', itemId: 'mug', value: 4 }), cat);
    assert.equal(g.price.gift, 'mug');
  });
});

describe('promotions - redemption in the user actor', () => {
  it('promotions - a code lowers the order by exactly the reward, per line; the order stores coupon, discount and final total; the budget is committed', () => {
    const { w, s, coupon } = withCoupon();
    w.fold(s, checkout(s, T0 + 70_000, [{ itemId: 'book1', qty: 2, price: 25 }], coupon.code));
    const o = s.orders[0]!;
    assert.equal(o.coupon, coupon.code);
    assert.equal(o.subtotal, 50);
    assert.equal(o.discount, 5);
    assert.deepEqual(o.lineDiscounts, { book1: 5 });
    assert.equal(o.delivery, 0);
    assert.equal(o.total, 45);
    assert.equal(s.coupons.find((c) => c.code === coupon.code)!.status, 'used');
    const b = w.budget('cart_abandoned');
    assert.deepEqual([b.issued, b.redeemed, b.redeemedMoney], [1, 1, 5]);
    assert.equal(b.total.money, 5, 'the hold became the real discount');
  });

  it('promotions - the same code twice: the second is refused E_COUPON_USED, nothing changed', () => {
    const { w, s, coupon } = withCoupon();
    w.fold(s, checkout(s, T0 + 70_000, [{ itemId: 'book1', qty: 1, price: 25 }], coupon.code));
    const fx = w.fold(s, checkout(s, T0 + 80_000, [{ itemId: 'book1', qty: 1, price: 25 }], coupon.code));
    const order = fx.find((f) => f.type === 'order');
    assert.ok(order && order.type === 'order');
    assert.equal(order.checkout.status, 'refused');
    assert.equal(order.checkout.couponError?.code, 'E_COUPON_USED');
    assert.equal(s.orders.length, 1);
    assert.equal(w.budget('cart_abandoned').redeemed, 1);
  });

  it('promotions - two checkouts with one code folded back to back: the first holds it, the second is refused; a refused order frees it again', () => {
    const { w, s, coupon } = withCoupon();
    // Both commands are folded before any stock decision (two concurrent checkouts in the log): fold them directly.
    const a = checkout(s, T0 + 70_000, [{ itemId: 'book1', qty: 1, price: 25 }], coupon.code);
    const b = checkout(s, T0 + 70_001, [{ itemId: 'book1', qty: 1, price: 25 }], coupon.code);
    const direct = (e: ShopEvent) => foldUserEvent(s, e, ++w.seq, w.ctx);
    direct(a);
    assert.equal(s.coupons.find((c) => c.code === coupon.code)!.status, 'held');
    const second = direct(b).find((f) => f.type === 'order');
    assert.ok(second && second.type === 'order' && second.checkout.couponError?.code === 'E_COUPON_USED');
    // The first is refused by stock: the coupon is live again.
    direct({ id: `${a.checkoutId}.d.book1`, userId: s.userId, kind: 'stock_refused', ts: a.ts, itemId: 'book1', qty: 1, checkoutId: a.checkoutId!, stockLeft: 0 });
    assert.equal(s.coupons.find((c) => c.code === coupon.code)!.status, 'live');
  });

  it('promotions - a foreign or made-up code is E_COUPON_UNKNOWN; an expired one E_COUPON_EXPIRED and its hold is released at expiry', () => {
    const { w, s, coupon } = withCoupon();
    const other = emptyUserState('u-redeem0002');
    const foreign = w.fold(other, checkout(other, T0 + 70_000, [{ itemId: 'book1', qty: 1, price: 25 }], coupon.code)).find((f) => f.type === 'order');
    assert.ok(foreign && foreign.type === 'order' && foreign.checkout.couponError?.code === 'E_COUPON_UNKNOWN');
    assert.equal(other.orders.length, 0);
    const expiredAt = coupon.expiresAt;
    const late = w.fold(s, checkout(s, expiredAt + 1, [{ itemId: 'book1', qty: 1, price: 25 }], coupon.code)).find((f) => f.type === 'order');
    assert.ok(late && late.type === 'order' && late.checkout.couponError?.code === 'E_COUPON_EXPIRED');
    w.fireDue(s, expiredAt + 10);
    assert.equal(s.coupons[0]!.status, 'expired');
    const b = w.budget('cart_abandoned');
    assert.deepEqual([b.issued, b.released, b.total.count, b.total.money], [1, 1, 0, 0], 'the budget hold was given back');
  });

  it('promotions - auto-apply picks the coupon that saves most and says so; without one the order is undiscounted', () => {
    const { w, s } = withCoupon();
    const big = parseRule({ id: 'big', title: 'Big', trigger: { type: 'event', kinds: ['view'] }, reward: { type: 'amount', amount: 20 }, stackingGroup: 'other' });
    w.setRule({ ...big, version: 1 });
    w.fold(s, ev(s, 'view', T0 + 62_000, { itemId: 'book1' }));
    assert.equal(s.coupons.length, 2);
    w.fold(s, checkout(s, T0 + 70_000, [{ itemId: 'book1', qty: 2, price: 25 }], '*'));
    assert.equal(s.orders[0]!.discount, 20);
    assert.equal(s.checkouts![0]!.autoCoupon, true);
    const none = emptyUserState('u-redeem0003');
    w.fold(none, checkout(none, T0, [{ itemId: 'book1', qty: 1, price: 25 }], '*'));
    assert.deepEqual([none.orders[0]!.discount, none.orders[0]!.total], [0, 29.99]);
  });

  it('promotions - a budget of money: a coupon that would pass it is refused, and the per-user limit is not used up by it', () => {
    const w = new PromoWorld([{ ...parseRule({ id: 'm', title: 'M', trigger: { type: 'event', kinds: ['view'] }, reward: { type: 'amount', amount: 6 }, budget: { money: { perDay: 10 } } }), version: 1 }]);
    const a = emptyUserState('u-money00001');
    const b = emptyUserState('u-money00002');
    assert.equal(couponsOf(w.fold(a, ev(a, 'view', T0, { itemId: 'book1' }))).length, 1);
    assert.equal(couponsOf(w.fold(b, ev(b, 'view', T0 + 1, { itemId: 'book1' }))).length, 0, '6 + 6 > 10');
    assert.deepEqual(w.budget('m').refusedBy, { money_day: 1 });
    assert.equal(b.promo!.perRule['m']!.n, 0);
    assert.equal(couponsOf(w.fold(b, ev(b, 'view', T0 + DAY, { itemId: 'book1' }))).length, 1, 'a new day, a new budget');
  });

  it('promotions - an idle rule re-armed by a later event waits from that event: the early reminder moves, one coupon at the end', () => {
    const w = new PromoWorld(defaultRules(['cart_abandoned']));
    const s = emptyUserState('u-idle000001');
    const fx1 = w.fold(s, ev(s, 'cart_add', T0, { itemId: 'book1' }));
    assert.equal(fx1.filter((f) => f.type === 'set-reminder').length, 1);
    const fx2 = w.fold(s, ev(s, 'cart_add', T0 + 40_000, { itemId: 'book1' }));
    assert.equal(fx2.filter((f) => f.type === 'set-reminder' || f.type === 'cancel-reminder').length, 0, 'no reminder rewrite per event');
    assert.equal(couponsOf(w.fireDue(s, T0 + 61_000)).length, 0, 'not idle for 60 s yet');
    assert.equal(s.reminders[0]!.dueAt, T0 + 100_000, 'moved to 60 s after the last cart add');
    assert.equal(couponsOf(w.fireDue(s, T0 + 100_000)).length, 1);
  });
});
