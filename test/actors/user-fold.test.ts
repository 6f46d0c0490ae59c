import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CART_ABANDONED, emptyUserState, foldUserEvent, profileOf, SESSION_GAP_MS, type FoldContext } from '../../actors/user/index.js';
import { PROMO_REMINDER, PromoRuleSet } from '../../actors/promo/index.js';
import { defaultRules } from '../promo/promo-kit.js';
import { emptyItemState, foldItemEvent, effectiveStock } from '../../actors/item/index.js';
import type { ShopEvent } from '../../protos/index.js';

const rules = new PromoRuleSet(defaultRules(['cart_abandoned']));
const ABANDONED = PROMO_REMINDER + CART_ABANDONED;
const ctx: FoldContext = {
  cartAbandonMs: 1000,
  promoRules: () => rules,
  item: (id) => ({ 'a': { category: 'books', price: 10 }, 'b': { category: 'books', price: 5 }, 'c': { category: 'toys', price: 2.5 } })[id],
};
let seq = 0;
const ev = (e: Partial<ShopEvent> & Pick<ShopEvent, 'kind'>): ShopEvent => ({ id: `e${++seq}`, userId: 'u-test0001', ts: 1_000_000 + seq * 1000, ...e });

describe('actors - user fold', () => {
  it('actors - views keep recent items most-recent-first without repeats and build category affinity', () => {
    const s = emptyUserState('u-test0001');
    for (const id of ['a', 'b', 'a', 'c']) foldUserEvent(s, ev({ kind: 'view', itemId: id }), ++seq, ctx);
    assert.deepEqual(s.recent, ['c', 'a', 'b']);
    assert.deepEqual(s.session.map((x) => x.itemId), ['a', 'b', 'a', 'c']);
    const p = profileOf(s);
    assert.equal(p.topCategories[0]!.category, 'books');
    assert.equal(p.events, 4);
  });

  it('actors - cart add/remove and purchase keep the cart and orders right and arm/cancel the abandonment reminder', () => {
    const s = emptyUserState('u-test0001');
    let fx = foldUserEvent(s, ev({ kind: 'cart_add', itemId: 'a', qty: 2 }), 1, ctx);
    const cart = () => s.cart.map(({ itemId, qty }) => ({ itemId, qty }));
    assert.deepEqual(cart(), [{ itemId: 'a', qty: 2 }]);
    assert.equal(s.cart[0]!.price, 10, 'the price when added (a later drop is a promotion trigger)');
    assert.ok(fx.some((f) => f.type === 'set-reminder' && f.name === ABANDONED));
    foldUserEvent(s, ev({ kind: 'cart_add', itemId: 'b' }), 2, ctx);
    foldUserEvent(s, ev({ kind: 'cart_remove', itemId: 'a', qty: 1 }), 3, ctx);
    assert.deepEqual(cart(), [{ itemId: 'a', qty: 1 }, { itemId: 'b', qty: 1 }]);
    foldUserEvent(s, ev({ kind: 'purchase', itemId: 'a', qty: 1, price: 10, orderId: 'o1' }), 4, ctx);
    fx = foldUserEvent(s, ev({ kind: 'purchase', itemId: 'b', qty: 1, price: 5, orderId: 'o1' }), 5, ctx);
    assert.deepEqual(s.cart, []);
    assert.equal(s.orders.length, 1);
    assert.equal(s.orders[0]!.total, 15);
    assert.deepEqual(s.purchased, ['b', 'a']);
    // An emptied cart leaves the reminder armed; the rule's condition (cartItems >= 1) refuses it when it fires.
    assert.equal(s.reminders.length, 1);
    assert.equal(s.lastSeq, 5);
  });

  it('actors - a due reminder asks the rule\'s budget owner once, with a deterministic code; a stale one is ignored', () => {
    const s = emptyUserState('u-test0001');
    foldUserEvent(s, ev({ kind: 'cart_add', itemId: 'c' }), 1, ctx);
    const due = s.reminders[0]!.dueAt;
    const stale = foldUserEvent(s, ev({ kind: 'reminder', reminder: ABANDONED, dueAt: due - 1 }), 2, ctx);
    assert.equal(stale.length, 0);
    const fx = foldUserEvent(s, ev({ kind: 'reminder', reminder: ABANDONED, dueAt: due }), 3, ctx);
    const ask = fx.find((f) => f.type === 'command');
    assert.ok(ask && ask.type === 'command' && ask.event.kind === 'coupon_reserve');
    assert.equal(ask.event.defId, CART_ABANDONED);
    assert.match(ask.event.coupon!, /^COMEBACK10-/);
    assert.equal(s.coupons.length, 0, 'not the shopper\'s until the owner grants it');
    const again = emptyUserState('u-test0001');
    foldUserEvent(again, { ...ev({ kind: 'cart_add', itemId: 'c' }), ts: due - 1000 }, 1, ctx);
    const fx2 = foldUserEvent(again, ev({ kind: 'reminder', reminder: ABANDONED, dueAt: due }), 2, ctx).find((f) => f.type === 'command');
    assert.equal(fx2 && fx2.type === 'command' ? fx2.event.coupon : '', ask.event.coupon, 'the same trigger gives the same code');
    assert.equal(s.events, 1, 'reminders are not shopper events');
    // Replaying the same fire again does nothing: the reminder is gone.
    assert.equal(foldUserEvent(s, ev({ kind: 'reminder', reminder: ABANDONED, dueAt: due }), 4, ctx).length, 0);
  });

  it('actors - a long gap starts a new session', () => {
    const s = emptyUserState('u-test0001');
    foldUserEvent(s, { ...ev({ kind: 'view', itemId: 'a' }), ts: 1 }, 1, ctx);
    foldUserEvent(s, { ...ev({ kind: 'view', itemId: 'b' }), ts: 2 + SESSION_GAP_MS }, 2, ctx);
    assert.deepEqual(s.session.map((x) => x.itemId), ['b']);
    assert.deepEqual(s.recent, ['b', 'a']);
  });

  it('actors - the fold is deterministic: the same events give the same state', () => {
    const events = [ev({ kind: 'view', itemId: 'a' }), ev({ kind: 'cart_add', itemId: 'b', qty: 3 }), ev({ kind: 'search', query: 'lego' }), ev({ kind: 'dwell', itemId: 'a', dwellMs: 400 })];
    const run = () => {
      const s = emptyUserState('u-test0001');
      events.forEach((e, i) => foldUserEvent(s, e, i + 1, ctx));
      return s;
    };
    assert.deepEqual(run(), run());
    assert.equal(run().dwellMs, 400);
  });
});

describe('actors - item fold', () => {
  it('actors - purchases reduce effective stock; views and carts count', () => {
    const s = emptyItemState('a');
    foldItemEvent(s, ev({ kind: 'view', itemId: 'a' }), 1);
    foldItemEvent(s, ev({ kind: 'cart_add', itemId: 'a' }), 2);
    foldItemEvent(s, ev({ kind: 'purchase', itemId: 'a', qty: 3 }), 3);
    assert.equal(foldItemEvent(s, ev({ kind: 'search', query: 'x' }), 4), false);
    assert.deepEqual([s.views, s.cartAdds, s.purchases, s.sold], [1, 1, 1, 3]);
    assert.equal(effectiveStock(5, s), 2);
    assert.equal(effectiveStock(2, s), 0);
    assert.ok(s.trend > 0);
  });
});
