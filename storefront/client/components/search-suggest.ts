/**
 * Suggestions while typing in the header's search box: an ARIA combobox (WAI-ARIA
 * APG "list autocomplete"): arrow keys move through queries and products, Enter opens
 * the active one (or searches what was typed), Escape closes, the mouse works too.
 */
import { api } from '../api.js';
import type { MatchSpan, SuggestResponse } from '../api-types.js';
import { h, replaceChildren } from '../dom.js';
import { categoryName, formatPrice } from '../format.js';
import { productHref } from './product-card.js';

/** Keystrokes closer together than this make one request. */
const DEBOUNCE_MS = 90;

/** `text` with the spans wrapped in <mark> (text nodes only: never HTML from the server). */
export function highlighted(text: string, spans: readonly MatchSpan[]): Array<Node | string> {
  const out: Array<Node | string> = [];
  let at = 0;
  for (const [start, end] of [...spans].sort((a, b) => a[0] - b[0])) {
    if (start < at || end > text.length) continue;
    if (start > at) out.push(text.slice(at, start));
    out.push(h('mark', null, text.slice(start, end)));
    at = end;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

export function initSearchSuggest(input: HTMLInputElement, navigate: (url: string) => void): void {
  const list = h('ul', { id: 'search-suggest', role: 'listbox', class: 'suggest', 'aria-label': 'Suggestions', hidden: true });
  input.after(list);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', 'search-suggest');
  input.setAttribute('aria-expanded', 'false');
  let options: Array<{ el: HTMLElement; href: string }> = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inflight: AbortController | undefined;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const setActive = (i: number) => {
    options[active]?.el.removeAttribute('aria-selected');
    active = i;
    const o = options[i];
    if (!o) {
      input.removeAttribute('aria-activedescendant');
      return;
    }
    o.el.setAttribute('aria-selected', 'true');
    input.setAttribute('aria-activedescendant', o.el.id);
    o.el.scrollIntoView({ block: 'nearest' });
  };
  const render = (s: SuggestResponse) => {
    options = [];
    const rows: HTMLElement[] = [];
    const option = (href: string, ...content: Array<Node | string | null>) => {
      const el = h('li', { id: `suggest-${options.length}`, role: 'option', class: 'suggest-option', 'data-href': href }, ...content);
      el.addEventListener('mousedown', (ev) => {
        ev.preventDefault(); // keep focus in the input until we navigate
        close();
        navigate(href);
      });
      options.push({ el, href });
      return el;
    };
    for (const q of s.queries) rows.push(option(`/search?q=${encodeURIComponent(q.query)}`, h('span', { class: 'suggest-query' }, q.query), q.source === 'hot' ? h('span', { class: 'suggest-tag' }, 'popular') : null));
    for (const p of s.products) {
      rows.push(option(productHref(p.itemId), h('span', { class: 'suggest-name' }, ...highlighted(p.name, p.matches)),
        h('span', { class: 'suggest-meta' }, `${categoryName(p.category)} · ${formatPrice(p.price)}`)));
    }
    replaceChildren(list, rows);
    active = -1;
    if (rows.length === 0) close();
    else {
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < 2) {
      close();
      return;
    }
    timer = setTimeout(() => {
      inflight?.abort();
      inflight = new AbortController();
      api.suggest(q, inflight.signal).then((s) => {
        if (input.value.trim() === q && document.activeElement === input) render(s);
      }, () => undefined);
    }, DEBOUNCE_MS);
  });
  input.addEventListener('keydown', (ev) => {
    if (list.hidden || options.length === 0) return;
    if (ev.key === 'ArrowDown') {
      ev.preventDefault();
      setActive((active + 1) % options.length);
    } else if (ev.key === 'ArrowUp') {
      ev.preventDefault();
      setActive(active <= 0 ? options.length - 1 : active - 1);
    } else if (ev.key === 'Enter' && active >= 0) {
      ev.preventDefault();
      const href = options[active]!.href;
      close();
      navigate(href);
    } else if (ev.key === 'Escape') {
      ev.preventDefault();
      close();
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 0));
  // A submitted search closes the list too.
  input.form?.addEventListener('submit', close);
}
