/** Search results for `?q=`: a `search` event tells the engine what the shopper looks for. */
import { api } from '../api.js';
import { h } from '../dom.js';
import { plural } from '../format.js';
import { live } from '../live.js';
import { listingHref, PAGE_SIZE, pager, parsePage, parseSort, sortSelect } from '../components/listing.js';
import { productGrid } from '../components/product-card.js';
import type { Page } from '../router.js';

const SAME_SEARCH_MS = 60_000;
let lastSearch = { q: '', at: 0 };

export const search: Page = async (ctx) => {
  const q = (ctx.query.get('q') ?? '').trim().slice(0, 200);
  const sort = parseSort(ctx.query.get('sort'));
  const page = parsePage(ctx.query.get('page'));
  if (!q) {
    ctx.show('Search', h('section', { class: 'empty-state' }, h('h1', null, 'Search the shop'), h('p', null, 'Type what you are looking for in the search box above.')));
    return;
  }
  // Re-sorting or paging the same results is not a new search.
  if (q !== lastSearch.q || Date.now() - lastSearch.at > SAME_SEARCH_MS) void live.track({ kind: 'search', query: q }).catch(() => undefined);
  lastSearch = { q, at: Date.now() };
  const list = await api.products({ q, sort, page, limit: PAGE_SIZE }, ctx.signal);
  const title = `Results for “${q}”`;
  if (list.total === 0) {
    ctx.show(`Search: ${q}`, h('section', { class: 'empty-state' },
      h('h1', null, title), h('p', { 'data-testid': 'result-count' }, 'No products match. Try a shorter or different word, or browse a category.'),
      h('a', { class: 'btn btn-primary', href: '/' }, 'Browse the shop')));
    return;
  }
  ctx.show(`Search: ${q}`,
    h('div', { class: 'listing-head' },
      h('div', null, h('h1', null, title), h('p', { class: 'muted', 'data-testid': 'result-count' }, plural(list.total, 'product'))),
      sortSelect(sort, (s) => ctx.navigate(listingHref('/search', { q, sort: s })))),
    productGrid(list.items, `Results for ${q}`),
    pager(page, list.total, (p) => listingHref('/search', { q, sort, page: p })));
};
