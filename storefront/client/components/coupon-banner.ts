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

const RULES: Record<string, string> = {
  cart_abandoned: 'Still thinking it over? Here is something for the items in your cart.',
};

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

function show(c: Coupon): void {
  if (dismissed().has(c.code)) return;
  const area = qs('[data-testid="coupon-banner"]');
  area.dataset['code'] = c.code;
  replaceChildren(area,
    h('div', { class: 'coupon', role: 'status' },
      h('span', { class: 'coupon-off' }, `${c.percentOff}% off`),
      h('p', { class: 'coupon-text' }, RULES[c.rule] ?? 'A coupon just for you.', ' Use code ', h('strong', { class: 'coupon-code' }, c.code), ' at checkout.'),
      h('button', { type: 'button', class: 'btn btn-small btn-ghost', 'aria-label': `Dismiss coupon ${c.code}`, onclick: () => {
        dismiss(c.code);
        area.hidden = true;
      } }, 'Dismiss')));
  area.hidden = false;
}

export function initCoupons(): void {
  live.onCoupon(show);
  api.profile().then((p) => {
    const c = p.coupons?.[0];
    if (c && (c.ts === undefined || Date.now() - c.ts < SHOW_FOR_MS)) show(c);
  }, () => undefined);
}
