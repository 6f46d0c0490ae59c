/** Pieces of a product listing: the sort control, the pager, the result count. */
import type { SortOrder } from '../api-types.js';
import { h } from '../dom.js';

export const SORTS: ReadonlyArray<readonly [SortOrder, string]> = [
  ['relevance', 'Featured'],
  ['popularity', 'Most popular'],
  ['price_asc', 'Price: low to high'],
  ['price_desc', 'Price: high to low'],
  ['name', 'Name'],
];

export const PAGE_SIZE = 24;

export function parseSort(raw: string | null): SortOrder {
  return SORTS.some(([s]) => s === raw) ? (raw as SortOrder) : 'relevance';
}

export function parsePage(raw: string | null): number {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
}

/** The "Sort by" select; changing it calls `onChange` (which updates the URL). */
export function sortSelect(current: SortOrder, onChange: (s: SortOrder) => void, label = 'Sort by'): HTMLElement {
  const select = h('select', { id: 'sort', name: 'sort' }, SORTS.map(([value, text]) => h('option', { value, selected: value === current }, text)));
  select.addEventListener('change', () => onChange(select.value as SortOrder));
  return h('div', { class: 'field-inline' }, h('label', { for: 'sort' }, label), select);
}

/** Page links around the current one: 1 … 4 5 [6] 7 8 … 20 */
export function pager(page: number, total: number, href: (p: number) => string): HTMLElement | null {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (pages <= 1) return null;
  const shown = new Set<number>([1, pages]);
  for (let p = page - 2; p <= page + 2; p++) if (p >= 1 && p <= pages) shown.add(p);
  const sorted = [...shown].sort((a, b) => a - b);
  const items: HTMLElement[] = [];
  let prev = 0;
  for (const p of sorted) {
    if (p - prev > 1) items.push(h('li', { class: 'pager-gap', 'aria-hidden': 'true' }, '…'));
    items.push(h('li', null, p === page
      ? h('a', { href: href(p), 'aria-current': 'page', 'aria-label': `Page ${p}, current page` }, String(p))
      : h('a', { href: href(p), 'aria-label': `Page ${p}` }, String(p))));
    prev = p;
  }
  return h('nav', { class: 'pager', 'aria-label': 'Pages' },
    h('ul', null,
      h('li', null, page > 1 ? h('a', { href: href(page - 1), rel: 'prev', class: 'pager-step' }, '← Previous') : h('span', { class: 'pager-step is-disabled', 'aria-hidden': 'true' }, '← Previous')),
      items,
      h('li', null, page < pages ? h('a', { href: href(page + 1), rel: 'next', class: 'pager-step' }, 'Next →') : h('span', { class: 'pager-step is-disabled', 'aria-hidden': 'true' }, 'Next →'))));
}

export function listingHref(base: string, params: Record<string, string | number | undefined>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === '' || (k === 'page' && v === 1) || (k === 'sort' && v === 'relevance')) continue;
    u.set(k, String(v));
  }
  const s = u.toString();
  return s ? `${base}?${s}` : base;
}
