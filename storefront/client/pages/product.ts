/**
 * A product: details with live stock, add to cart, "often viewed together" and
 * the live "for you" strip. Opening it sends `view`; leaving it sends `dwell`
 * with the time the page was visible.
 */
import { api, ApiError } from '../api.js';
import type { Product } from '../api-types.js';
import { cart } from '../cart.js';
import { h } from '../dom.js';
import { categoryName, formatPrice } from '../format.js';
import { live } from '../live.js';
import { picture, stars } from '../components/product-card.js';
import { forYouStrip, primeForYou, RecStrip } from '../components/rec-strip.js';
import { toast } from '../components/toast.js';
import type { Page } from '../router.js';

/** Shorter visits are glances, not dwell. */
const MIN_DWELL_MS = 300;
const MAX_QTY = 10;

function stockLine(stock: number): HTMLElement {
  if (stock <= 0) return h('p', { class: 'stock is-out', 'data-testid': 'stock' }, 'Out of stock');
  if (stock <= 5) return h('p', { class: 'stock is-low', 'data-testid': 'stock' }, `Only ${stock} left: order soon`);
  return h('p', { class: 'stock is-in', 'data-testid': 'stock' }, 'In stock, ships in 1–2 days');
}

/** Time the page was visible, sent as one `dwell` when the shopper leaves. */
function dwellTracker(itemId: string): () => void {
  let visibleSince = document.visibilityState === 'visible' ? performance.now() : undefined;
  let total = 0;
  const pause = () => {
    if (visibleSince !== undefined) total += performance.now() - visibleSince;
    visibleSince = undefined;
  };
  const onVis = () => {
    if (document.visibilityState === 'visible') visibleSince = performance.now();
    else pause();
  };
  document.addEventListener('visibilitychange', onVis);
  return () => {
    document.removeEventListener('visibilitychange', onVis);
    pause();
    const dwellMs = Math.round(total);
    if (dwellMs < MIN_DWELL_MS) return;
    // When the whole page is going away the socket may not get the frame out: use a keepalive request.
    const unloading = document.visibilityState === 'hidden';
    void live.track({ kind: 'dwell', itemId, dwellMs }, { keepalive: unloading }).catch(() => undefined);
  };
}

function buyBox(p: Product): HTMLElement {
  const out = p.stock <= 0;
  const max = Math.max(1, Math.min(MAX_QTY, p.stock));
  const qty = h('select', { id: 'qty', name: 'qty', disabled: out },
    Array.from({ length: max }, (_, i) => h('option', { value: String(i + 1) }, String(i + 1))));
  const button = h('button', { type: 'submit', class: 'btn btn-primary btn-wide', 'data-testid': 'add-to-cart', disabled: out },
    out ? 'Out of stock' : 'Add to cart');
  const form = h('form', { class: 'buy-box', 'aria-label': `Buy ${p.name}` },
    out ? null : h('div', { class: 'field-inline' }, h('label', { for: 'qty' }, 'Quantity'), qty),
    button);
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (out) return;
    const n = Number(qty.value);
    button.disabled = true;
    button.textContent = 'Adding…';
    cart.add(p.itemId, n).then(
      () => toast(`Added ${n} × ${p.name} to your cart`),
      (err: unknown) => toast(err instanceof ApiError ? `Could not add to cart: ${err.message}` : 'Could not add to cart', 'error'),
    ).finally(() => {
      button.disabled = false;
      button.textContent = 'Add to cart';
    });
  });
  return form;
}

export const product: Page = async (ctx) => {
  const itemId = ctx.params[0] ?? '';
  const p = await api.product(itemId, ctx.signal);
  const together = new RecStrip({ id: 'together', title: 'Often viewed together', subtitle: `Shoppers who looked at this also looked at`, testId: 'viewed-together' });
  const forYou = forYouStrip(ctx.signal);
  const cat = categoryName(p.category);
  const catHref = `/category/${encodeURIComponent(p.category)}`;

  const main = h('article', { class: 'product', 'data-item-id': p.itemId, 'data-category': p.category },
    picture(p.category, p.itemId, 'product-media', true),
    h('div', { class: 'product-info' },
      h('p', { class: 'product-brand' }, p.brand),
      h('h1', { class: 'product-name' }, p.name),
      p.rating !== undefined ? stars(p.rating) : null,
      h('p', { class: 'product-price' }, formatPrice(p.price)),
      stockLine(p.stock),
      buyBox(p),
      h('ul', { class: 'perks' }, h('li', null, 'Free delivery over $50'), h('li', null, '30-day free returns')),
      h('h2', { class: 'visually-hidden' }, 'Description'),
      h('p', { class: 'product-desc' }, p.description),
      p.tags?.length ? h('ul', { class: 'tags', 'aria-label': 'Tags' }, p.tags.map((t) => h('li', null, t))) : null));

  if (!ctx.show(p.name,
    h('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' }, h('ol', null,
      h('li', null, h('a', { href: '/' }, 'Home')),
      h('li', null, h('a', { href: catHref }, cat)),
      h('li', null, h('span', { 'aria-current': 'page' }, p.name)))),
    main, together.el, forYou.el)) return;

  // The view goes out first, so the push it causes is what the "for you" strip shows next.
  const view = live.track({ kind: 'view', itemId: p.itemId });
  view.then((ack) => {
    if (ack) {
      main.dataset['viewSeq'] = String(ack.seq);
      main.dataset['viewEventId'] = ack.id;
    }
  }, () => undefined);
  const stopDwell = dwellTracker(p.itemId);

  await Promise.all([
    api.recommendations({ k: 4, itemId: p.itemId }, false, ctx.signal).then(
      (r) => together.show(r),
      (err: unknown) => {
        if ((err as Error).name !== 'AbortError') together.showError('No suggestions for this product right now.');
      }),
    primeForYou(forYou, ctx.signal, () => api.recommendations({ k: 8 }, true, ctx.signal)),
  ]);
  return stopDwell;
};
