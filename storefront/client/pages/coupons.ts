/**
 * The shopper's coupons: live ones first, each with what it gives, where it applies
 * (scope, minimum order), when it expires, and its code to use in the cart. Used and
 * expired ones are listed below, marked. A coupon pushed while the page is open
 * appears without a reload.
 */
import { api } from '../api.js';
import type { Coupon, CouponView } from '../api-types.js';
import { h, replaceChildren } from '../dom.js';
import { categoryName, formatDate, formatPrice } from '../format.js';
import { live } from '../live.js';
import type { Page } from '../router.js';

function scopeText(c: Coupon): string {
  const s = c.scope;
  switch (s.type) {
    case 'order': return 'On your whole order';
    case 'categories': return `On ${s.categories.map(categoryName).join(', ')}`;
    case 'items': return `On ${s.items.length === 1 ? 'one item' : `${s.items.length} items`}`;
    case 'other_categories': return s.categories.length ? `On anything but ${s.categories.map(categoryName).join(', ')}` : 'On your whole order';
  }
}

const STATUS_TEXT: Record<Coupon['status'], string> = { live: 'Ready to use', held: 'In a checkout', used: 'Used', expired: 'Expired' };

function card(c: CouponView): HTMLElement {
  return h('li', { class: `coupon-card is-${c.status}`, 'data-code': c.code, 'data-status': c.status, 'data-rule': c.rule },
    h('div', { class: 'coupon-card-off' }, c.rewardText),
    h('div', { class: 'coupon-card-body' },
      h('h2', null, c.title),
      h('p', { class: 'muted' }, `${scopeText(c)}${c.minOrder > 0 ? `, from ${formatPrice(c.minOrder)}` : ''}.`),
      h('p', null, 'Code ', h('strong', { class: 'coupon-code', 'data-testid': 'coupon-code' }, c.code)),
      h('p', { class: 'muted small' }, c.status === 'live' ? `Expires ${formatDate(c.expiresAt)}` : STATUS_TEXT[c.status])),
    c.status === 'live' ? h('a', { class: 'btn btn-primary btn-small', href: `/cart?coupon=${encodeURIComponent(c.code)}` }, 'Use in cart') : h('span', { class: 'coupon-status' }, STATUS_TEXT[c.status]));
}

function render(root: HTMLElement, list: CouponView[]): void {
  const live = list.filter((c) => c.status === 'live' || c.status === 'held');
  const past = list.filter((c) => c.status === 'used' || c.status === 'expired');
  replaceChildren(root,
    h('h1', { id: 'coupons-h' }, 'Your coupons'),
    live.length === 0
      ? h('div', { class: 'empty-state' }, h('p', null, 'No coupons right now. They turn up as you shop.'), h('a', { class: 'btn btn-primary', href: '/' }, 'Start shopping'))
      : h('ul', { class: 'coupon-list', 'aria-label': 'Coupons you can use', 'data-testid': 'coupon-list' }, live.map(card)),
    past.length ? h('h2', { class: 'coupons-past-h' }, 'Used and expired') : null,
    past.length ? h('ul', { class: 'coupon-list is-past', 'aria-label': 'Used and expired coupons' }, past.map(card)) : null);
}

export const couponsPage: Page = async (ctx) => {
  const root = h('section', { class: 'coupons-page', 'data-testid': 'coupons', 'aria-labelledby': 'coupons-h' });
  const { coupons } = await api.coupons(ctx.signal);
  render(root, coupons);
  if (!ctx.show('Your coupons', root)) return;
  // A new coupon: read the list again (the engine says its status and reward text).
  return live.onCoupon(() => {
    api.coupons(ctx.signal).then((r) => { if (!ctx.signal.aborted) render(root, r.coupons); }, () => undefined);
  });
};
