/** A category: its products, sortable by price or popularity, 24 to a page. */
import { api } from '../api.js';
import { h } from '../dom.js';
import { categoryName, plural } from '../format.js';
import { listingHref, PAGE_SIZE, pager, parsePage, parseSort, sortSelect } from '../components/listing.js';
import { productGrid } from '../components/product-card.js';
import type { Page } from '../router.js';

export const category: Page = async (ctx) => {
  const slug = ctx.params[0] ?? '';
  const sort = parseSort(ctx.query.get('sort'));
  const page = parsePage(ctx.query.get('page'));
  const base = `/category/${encodeURIComponent(slug)}`;
  const list = await api.products({ category: slug, sort, page, limit: PAGE_SIZE }, ctx.signal);
  const name = categoryName(slug);
  if (list.total === 0) {
    ctx.show(name, h('section', { class: 'empty-state' },
      h('h1', null, name), h('p', null, 'There is nothing in this category yet.'), h('a', { class: 'btn btn-primary', href: '/' }, 'Back to the shop')));
    return;
  }
  const first = (page - 1) * PAGE_SIZE + 1;
  ctx.show(`${name}${page > 1 ? ` (page ${page})` : ''}`,
    h('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' }, h('ol', null, h('li', null, h('a', { href: '/' }, 'Home')), h('li', null, h('span', { 'aria-current': 'page' }, name)))),
    h('div', { class: 'listing-head' },
      h('div', null, h('h1', null, name),
        h('p', { class: 'muted', 'data-testid': 'result-count' }, `${plural(list.total, 'product')}${list.items.length ? ` · showing ${first}–${first + list.items.length - 1}` : ''}`)),
      sortSelect(sort, (s) => ctx.navigate(listingHref(base, { sort: s })))),
    list.items.length ? productGrid(list.items, `${name} products`) : h('p', { class: 'empty-state' }, 'No products on this page.'),
    pager(page, list.total, (p) => listingHref(base, { sort, page: p })));
};
