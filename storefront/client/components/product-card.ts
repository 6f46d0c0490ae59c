/**
 * A product card: picture, brand, name, price and rating, linked to the product
 * page. Cards in recommendation strips also show why they were suggested.
 */
import { h } from '../dom.js';
import { categoryName, formatPrice, itemHueShift, pictureUrl } from '../format.js';

export interface CardItem {
  itemId: string;
  name: string;
  category: string;
  price: number;
  brand?: string;
  rating?: number;
  stock?: number;
}

export interface CardOptions {
  reason?: string;
  /** Called before the link navigates (e.g. to track a rec_click). */
  onOpen?: (itemId: string) => void;
  /** A sponsored entry: labelled so, always (an ad is never passed off as a suggestion). */
  sponsored?: boolean;
  /** Rendering a picture for the first row eagerly avoids a visible pop-in. */
  eager?: boolean;
}

export const productHref = (itemId: string): string => `/product/${encodeURIComponent(itemId)}`;

export function picture(category: string, itemId: string, cls: string, eager = false): HTMLElement {
  return h(
    'div',
    { class: cls },
    h('img', {
      src: pictureUrl(category), alt: '', width: 400, height: 300, decoding: 'async',
      loading: eager ? 'eager' : 'lazy', style: { '--shift': `${itemHueShift(itemId)}deg` },
    }),
  );
}

export function stars(rating: number): HTMLElement {
  return h('span', { class: 'rating', title: `Rated ${rating.toFixed(1)} out of 5` },
    h('span', { 'aria-hidden': 'true', class: 'star' }, '★'), h('span', { class: 'visually-hidden' }, 'Rated '), rating.toFixed(1),
    h('span', { class: 'visually-hidden' }, ' out of 5'));
}

function stockNote(stock: number | undefined): HTMLElement | null {
  if (stock === undefined) return null;
  if (stock <= 0) return h('p', { class: 'stock-note is-out' }, 'Out of stock');
  if (stock <= 5) return h('p', { class: 'stock-note is-low' }, `Only ${stock} left`);
  return null;
}

export function sponsoredLabel(): HTMLElement {
  return h('p', { class: 'sponsored-label', 'data-testid': 'sponsored' }, 'Sponsored');
}

export function productCard(p: CardItem, opts: CardOptions = {}): HTMLLIElement {
  const link = h('a', { class: 'card-link', href: productHref(p.itemId), 'data-item-id': p.itemId },
    h('span', { class: 'card-title' }, p.name));
  if (opts.onOpen) {
    const open = opts.onOpen;
    link.addEventListener('click', () => open(p.itemId));
  }
  const reason = opts.reason !== undefined ? h('p', { class: 'card-reason', 'data-testid': 'reason' }, opts.reason) : null;
  return h('li', { class: opts.sponsored ? 'card is-sponsored' : 'card', 'data-item-id': p.itemId, 'data-category': p.category, 'data-sponsored': opts.sponsored ? 'true' : null },
    picture(p.category, p.itemId, 'card-media', opts.eager),
    h('div', { class: 'card-body' },
      opts.sponsored ? sponsoredLabel() : null,
      h('p', { class: 'card-brand' }, p.brand ?? categoryName(p.category)),
      link,
      h('div', { class: 'card-meta' }, h('span', { class: 'price' }, formatPrice(p.price)), p.rating !== undefined ? stars(p.rating) : null),
      stockNote(p.stock),
      reason));
}

export function productGrid(items: CardItem[], label: string, opts: Omit<CardOptions, 'reason'> = {}): HTMLUListElement {
  return h('ul', { class: 'grid', 'aria-label': label }, items.map((p, i) => productCard(p, { ...opts, eager: i < 4 })));
}
