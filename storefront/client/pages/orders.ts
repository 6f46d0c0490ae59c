/** Order history, newest first; right after checkout the new order is announced and highlighted. */
import { api } from '../api.js';
import type { Order, Product } from '../api-types.js';
import { h } from '../dom.js';
import { formatDate, formatPrice, plural } from '../format.js';
import { picture, productHref } from '../components/product-card.js';
import type { Page } from '../router.js';

async function productsOf(orders: Order[], signal: AbortSignal): Promise<Map<string, Product>> {
  const ids = [...new Set(orders.flatMap((o) => o.lines.map((l) => l.itemId)))];
  const out = new Map<string, Product>();
  await Promise.all(ids.map((id) => api.productForDisplay(id, signal).then((p) => void out.set(id, p), () => undefined)));
  return out;
}

export const orders: Page = async (ctx) => {
  const placed = ctx.query.get('placed');
  const { orders: list } = await api.orders(ctx.signal);
  const products = await productsOf(list, ctx.signal);
  const notice = placed && list.some((o) => o.orderId === placed)
    ? h('div', { class: 'notice', role: 'status', 'data-testid': 'order-placed' }, h('strong', null, 'Thank you! Your order is placed.'), ' We will email you when it ships.')
    : null;
  const content = list.length === 0
    ? h('div', { class: 'empty-state' }, h('p', null, 'You have not ordered anything yet.'), h('a', { class: 'btn btn-primary', href: '/' }, 'Start shopping'))
    : h('ol', { class: 'orders', 'aria-label': 'Your orders' }, list.map((o) =>
      h('li', { class: `order${o.orderId === placed ? ' is-new' : ''}`, 'data-order-id': o.orderId },
        h('div', { class: 'order-head' },
          h('h2', null, `Order ${o.orderId.slice(2, 10).toUpperCase()}`),
          h('p', { class: 'muted' }, `${formatDate(o.ts)} · ${plural(o.lines.reduce((n, l) => n + l.qty, 0), 'item')}`),
          h('p', { class: 'order-total', 'data-testid': 'order-total' }, formatPrice(o.total))),
        o.discount || o.delivery ? h('p', { class: 'order-price muted', 'data-testid': 'order-price' },
          `Items ${formatPrice(o.subtotal ?? o.total)}`,
          o.discount ? h('span', { class: 'order-discount', 'data-testid': 'order-discount' }, ` · coupon ${o.coupon ?? ''} −${formatPrice(o.discount)}`) : null,
          ` · delivery ${o.delivery ? formatPrice(o.delivery) : 'free'}`) : null,
        h('ul', { class: 'order-lines' }, o.lines.map((l) => {
          const p = products.get(l.itemId);
          return h('li', { class: 'order-line' },
            picture(p?.category ?? 'misc', l.itemId, 'order-media'),
            h('a', { href: productHref(l.itemId), 'data-item-id': l.itemId }, p?.name ?? l.itemId),
            h('span', { class: 'muted' }, `${l.qty} × ${formatPrice(l.price)}`),
            o.lineDiscounts?.[l.itemId] ? h('span', { class: 'line-discount' }, ` −${formatPrice(o.lineDiscounts[l.itemId]!)}`) : null);
        })))));
  ctx.show('Your orders', h('section', { class: 'orders-page', 'data-testid': 'orders' }, h('h1', null, 'Your orders'), notice, content));
};
