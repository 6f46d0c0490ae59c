/**
 * The coupon area: shows the newest coupon the engine pushed (or one already in
 * the profile when the page loads) until the shopper dismisses it.
 */
import { api } from '../api.js';
import type { Coupon } from '../api-types.js';
import { h, qs, replaceChildren } from '../dom.js';
import { live } from '../live.js';

const DISMISSED_KEY = 'shop.coupons.dismissed';
/** Coupons older than this are not advertised again on page load. */
const SHOW_FOR_MS = 7 * 24 * 3600_000;


function dismissed(): Set<string> {
  try {
    return new Set(JSON.parse(localStorage.getItem(DISMISSED_KEY) ?? '[]') as string[]);
  } catch {
    return new Set();
  }
}

function dismiss(code: string): void {
  const d = [...dismissed(), code].slice(-50);
  try {
    localStorage.setItem(DISMISSED_KEY, JSON.stringify(d));
  } catch {
    // storage blocked: dismissed for this page only
  }
}

function rewardShort(c: Coupon): string {
  const r = c.reward;
  if (!r) return `${c.percentOff}% off`;
  switch (r.type) {
    case 'percent': return `${r.percent}% off`;
    case 'amount': return `$${r.amount} off`;
    case 'free_delivery': return 'Free delivery';
    case 'buy_x_get_y': return `${r.buy}+${r.get} free`;
    case 'gift': return 'Free gift';
  }
}

function show(c: Coupon): void {
  if (dismissed().has(c.code)) return;
  const area = qs('[data-testid="coupon-banner"]');
  area.dataset['code'] = c.code;
  replaceChildren(area,
    h('div', { class: 'coupon', role: 'status' },
      h('span', { class: 'coupon-off' }, rewardShort(c)),
      h('p', { class: 'coupon-text' }, c.title ? `${c.title}.` : 'A coupon just for you.', ' Use code ', h('strong', { class: 'coupon-code' }, c.code), ' in your cart. ',
        h('a', { href: '/coupons', 'data-testid': 'coupon-banner-link' }, 'See your coupons')),
      h('button', { type: 'button', class: 'btn btn-small btn-ghost', 'aria-label': `Dismiss coupon ${c.code}`, onclick: () => {
        dismiss(c.code);
        area.hidden = true;
      } }, 'Dismiss')));
  area.hidden = false;
}

export function initCoupons(): void {
  live.onCoupon(show);
  api.profile().then((p) => {
    const c = p.coupons?.find((x) => x.status === 'live' && x.expiresAt > Date.now());
    if (c && (c.ts === undefined || Date.now() - c.ts < SHOW_FOR_MS)) show(c);
  }, () => undefined);
}
