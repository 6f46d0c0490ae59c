/**
 * Search results for `?q=` with facets (category, brand, price, rating, availability)
 * as links that narrow or widen the list, exact counts, sort and pages, highlighted
 * matches, "did you mean", and why an item was ranked up for this shopper. The search
 * (with its result count) and each result click (with its position) are events.
 */
import { api } from '../api.js';
import type { SearchBoost, SearchItem, SearchQuery, SearchResponse, SearchSort } from '../api-types.js';
import { h } from '../dom.js';
import { categoryName, formatPrice, plural } from '../format.js';
import { live } from '../live.js';
import { pager, PAGE_SIZE } from '../components/listing.js';
import { picture, sponsoredLabel, productHref, stars } from '../components/product-card.js';
import { highlighted } from '../components/search-suggest.js';
import type { Page } from '../router.js';

const SAME_SEARCH_MS = 60_000;
let lastSearch = { key: '', at: 0 };

const SORTS: ReadonlyArray<readonly [SearchSort, string]> = [
  ['relevance', 'Best match'], ['popularity', 'Most popular'], ['price_asc', 'Price: low to high'],
  ['price_desc', 'Price: high to low'], ['rating', 'Top rated'], ['name', 'Name'],
];
const FILTERS = ['category', 'brand', 'minPrice', 'maxPrice', 'inStock', 'minRating', 'sort', 'page'] as const;

function readQuery(params: URLSearchParams): SearchQuery & { q: string } {
  const out: Record<string, string | number> = { q: (params.get('q') ?? '').trim().slice(0, 200) };
  for (const k of FILTERS) {
    const v = params.get(k);
    if (v !== null && v !== '') out[k] = v;
  }
  return out as unknown as SearchQuery & { q: string };
}

/** The URL of this search with `changes` applied (undefined removes a filter; any change resets the page). */
function hrefWith(current: SearchQuery & { q: string }, changes: Record<string, string | number | undefined>): string {
  const u = new URLSearchParams();
  const next: Record<string, unknown> = { ...current, page: undefined, ...changes };
  for (const [k, v] of Object.entries(next)) if (v !== undefined && v !== '' && !(k === 'sort' && v === 'relevance') && !(k === 'page' && Number(v) === 1)) u.set(k, String(v));
  return `/search?${u.toString()}`;
}

const BOOST_TEXT: Record<SearchBoost['reason'], (d: string) => string> = {
  category_affinity: (d) => `You often browse ${categoryName(d)}`,
  brand_affinity: (d) => `You like ${d}`,
  session_intent: (d) => `Matches what you are looking at (${categoryName(d)})`,
  price_fit: () => 'In your usual price range',
  out_of_stock: () => 'Out of stock: shown lower',
};

function resultCard(item: SearchItem, position: number, q: string, category: string | undefined): HTMLLIElement {
  const link = h('a', { class: 'card-link', href: productHref(item.itemId), 'data-item-id': item.itemId },
    h('span', { class: 'card-title' }, ...highlighted(item.name, item.matches)));
  const ad = item.sponsored && item.impressionId && item.campaignId ? { impressionId: item.impressionId, campaignId: item.campaignId } : undefined;
  link.addEventListener('click', () => {
    if (ad) void live.track({ kind: 'ad_click', ...ad }).catch(() => undefined);
    else void live.track({ kind: 'search_click', query: q, itemId: item.itemId, position, ...(category && { category }) }).catch(() => undefined);
  });
  const reasons = item.boosts.filter((b) => b.reason !== 'price_fit' || item.boosts.length === 1).map((b) => BOOST_TEXT[b.reason](b.detail));
  return h('li', { class: ad ? 'card is-sponsored' : 'card', 'data-item-id': item.itemId, 'data-category': item.category, 'data-position': position, 'data-sponsored': ad ? 'true' : null },
    picture(item.category, item.itemId, 'card-media', position <= 4),
    h('div', { class: 'card-body' },
      ad ? sponsoredLabel() : null,
      h('p', { class: 'card-brand' }, item.brand),
      link,
      h('div', { class: 'card-meta' }, h('span', { class: 'price' }, formatPrice(item.price)), item.rating !== undefined ? stars(item.rating) : null),
      item.stock <= 0 ? h('p', { class: 'stock-note is-out' }, 'Out of stock') : item.stock <= 5 ? h('p', { class: 'stock-note is-low' }, `Only ${item.stock} left`) : null,
      item.note && item.stock > 5 ? h('p', { class: 'stock-note', 'data-testid': 'note' }, item.note) : null,
      reasons.length > 0 ? h('p', { class: 'card-reason', 'data-testid': 'boost' }, reasons[0]!) : null));
}

function facetGroup(title: string, entries: Array<{ label: string; count: number; href: string; selected: boolean; value: string }>, testid: string): HTMLElement | null {
  if (entries.length === 0) return null;
  return h('section', { class: 'facet', 'aria-label': title, 'data-testid': `facet-${testid}` },
    h('h2', { class: 'facet-title' }, title),
    h('ul', { class: 'facet-list' }, entries.map((e) => h('li', null,
      h('a', { href: e.href, class: e.selected ? 'facet-link is-selected' : 'facet-link', 'aria-current': e.selected ? 'true' : null, 'data-value': e.value, 'data-count': e.count },
        h('span', { class: 'facet-check', 'aria-hidden': 'true' }, e.selected ? '✓' : ''),
        h('span', { class: 'facet-label' }, e.label),
        h('span', { class: 'facet-count' }, h('span', { class: 'visually-hidden' }, ', '), String(e.count), h('span', { class: 'visually-hidden' }, e.count === 1 ? ' product' : ' products')))))));
}

function facets(r: SearchResponse, cur: SearchQuery & { q: string }): HTMLElement {
  const priceLabel = (min: number, max: number | null) => (max === null ? `${formatPrice(min)} and up` : `${formatPrice(min)} – ${formatPrice(max)}`);
  const filtered = FILTERS.some((k) => k !== 'sort' && k !== 'page' && cur[k] !== undefined);
  return h('aside', { class: 'facets', 'aria-label': 'Filters' },
    filtered ? h('a', { class: 'facet-clear', href: hrefWith(cur, { category: undefined, brand: undefined, minPrice: undefined, maxPrice: undefined, inStock: undefined, minRating: undefined }), 'data-testid': 'clear-filters' }, 'Clear all filters') : null,
    facetGroup('Category', r.facets.category.map((c) => ({ label: categoryName(c.value), value: c.value, count: c.count, selected: cur.category === c.value, href: hrefWith(cur, { category: cur.category === c.value ? undefined : c.value }) })), 'category'),
    facetGroup('Brand', r.facets.brand.map((b) => ({ label: b.value, value: b.value, count: b.count, selected: (cur.brand ?? '').toLowerCase() === b.value.toLowerCase(), href: hrefWith(cur, { brand: (cur.brand ?? '').toLowerCase() === b.value.toLowerCase() ? undefined : b.value }) })), 'brand'),
    facetGroup('Price', r.facets.price.map((p) => {
      const selected = Number(cur.minPrice) === p.min && (p.max === null ? cur.maxPrice === undefined : Number(cur.maxPrice) === p.max);
      return { label: priceLabel(p.min, p.max), value: String(p.min), count: p.count, selected, href: hrefWith(cur, selected ? { minPrice: undefined, maxPrice: undefined } : { minPrice: p.min, maxPrice: p.max ?? undefined }) };
    }), 'price'),
    facetGroup('Rating', r.facets.rating.filter((x) => x.count > 0).map((x) => ({ label: `${x.min} stars and up`, value: String(x.min), count: x.count, selected: Number(cur.minRating) === x.min, href: hrefWith(cur, { minRating: Number(cur.minRating) === x.min ? undefined : x.min }) })), 'rating'),
    facetGroup('Availability', [{ label: 'In stock only', value: 'true', count: r.facets.availability.inStock, selected: String(cur.inStock) === 'true', href: hrefWith(cur, { inStock: String(cur.inStock) === 'true' ? undefined : 'true' }) }], 'stock'));
}

export const search: Page = async (ctx) => {
  const cur = readQuery(ctx.query);
  const { q } = cur;
  if (!q && !cur.category && !cur.brand) {
    ctx.show('Search', h('section', { class: 'empty-state' }, h('h1', null, 'Search the shop'), h('p', null, 'Type what you are looking for in the search box above.')));
    return;
  }
  const r = await api.search({ ...cur, limit: PAGE_SIZE }, ctx.signal);
  // Re-sorting or paging the same results is not a new search; a new filter is.
  const key = JSON.stringify({ ...cur, sort: undefined, page: undefined });
  if (q && (key !== lastSearch.key || Date.now() - lastSearch.at > SAME_SEARCH_MS)) {
    void live.track({ kind: 'search', query: q, resultCount: r.total, ...(cur.category && { category: cur.category }) }).catch(() => undefined);
  }
  lastSearch = { key, at: Date.now() };
  const title = q ? `Results for “${q}”` : 'Products';
  const notes: HTMLElement[] = [];
  if (r.didYouMean && r.fallback !== undefined) notes.push(h('p', { class: 'search-note', 'data-testid': 'did-you-mean' }, 'Showing results for ', h('a', { href: hrefWith(cur, { q: r.didYouMean }) }, r.didYouMean)));
  else if (r.didYouMean) notes.push(h('p', { class: 'search-note', 'data-testid': 'did-you-mean' }, 'Did you mean ', h('a', { href: hrefWith(cur, { q: r.didYouMean }) }, r.didYouMean), '?'));
  if (r.fallback === 'relaxed') notes.push(h('p', { class: 'search-note' }, 'No product matches every word; showing products that match some of them.'));
  if (r.fallback === 'popular_in_category' && r.fallbackCategory) notes.push(h('p', { class: 'search-note', 'data-testid': 'fallback' }, `Nothing matches “${q}”. Popular in ${categoryName(r.fallbackCategory)}:`));
  const select = h('select', { id: 'search-sort', name: 'sort' }, SORTS.map(([value, text]) => h('option', { value, selected: value === (cur.sort ?? 'relevance') }, text)));
  select.addEventListener('change', () => ctx.navigate(hrefWith(cur, { sort: select.value })));
  const page = Number(cur.page ?? 1);
  const body = r.total === 0
    ? h('section', { class: 'empty-state' }, h('p', { 'data-testid': 'result-count' }, 'No products match. Try fewer filters or a different word.'), h('a', { class: 'btn btn-primary', href: '/' }, 'Browse the shop'))
    : h('div', null,
      h('ul', { class: 'grid', 'aria-label': title, 'data-testid': 'results' }, r.items.map((item, i) => resultCard(item, (page - 1) * PAGE_SIZE + i + 1, q, cur.category))),
      pager(page, Math.min(r.total, 1000 * PAGE_SIZE), (p) => hrefWith(cur, { page: p })));
  ctx.show(q ? `Search: ${q}` : 'Search',
    h('div', { class: 'listing-head' },
      h('div', null, h('h1', null, title), h('p', { class: 'muted', 'data-testid': 'result-count' }, plural(r.total, 'product')), ...notes),
      h('div', { class: 'field-inline' }, h('label', { for: 'search-sort' }, 'Sort by'), select)),
    // Results before the filters in the document (keyboard and screen-reader order); the grid puts the filters on the left.
    h('div', { class: 'search-layout' }, h('div', { class: 'search-results' }, body), facets(r, cur)));
};
