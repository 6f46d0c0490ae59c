/**
 * The static header made live: category links, the cart count, the search box,
 * and the connection state (a pill, plus a banner while offline).
 */
import { api } from '../api.js';
import { cart } from '../cart.js';
import { h, qs, replaceChildren } from '../dom.js';
import { categoryName, plural } from '../format.js';
import { live, type LiveState } from '../live.js';
import { initSearchSuggest } from './search-suggest.js';
import { toast } from './toast.js';

export function initHeader(navigate: (url: string) => void): void {
  const count = qs('[data-testid="cart-count"]');
  // The name is the visible "Cart" plus hidden ", N items" (WCAG 2.5.3: the visible label is part of the name).
  const countLabel = qs('[data-testid="cart-count-label"]');
  cart.subscribe(() => {
    const n = cart.count;
    count.textContent = String(n);
    count.dataset['count'] = String(n);
    countLabel.textContent = `, ${plural(n, 'item')}`;
  });

  const form = qs<HTMLFormElement>('form.search');
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const q = qs<HTMLInputElement>('#search-q', form).value.trim();
    if (q) navigate(`/search?q=${encodeURIComponent(q)}`);
  });
  initSearchSuggest(qs<HTMLInputElement>('#search-q', form), navigate);

  initConnection();
  void loadCategories();
}

async function loadCategories(): Promise<void> {
  const list = qs('.category-list');
  try {
    const { categories } = await api.categories();
    replaceChildren(list, categories.map((c) => h('li', null, h('a', { href: `/category/${encodeURIComponent(c.category)}`, 'data-category': c.category }, categoryName(c.category)))));
    markCategory(location.pathname);
  } catch {
    // The nav is a convenience; pages still link to categories.
  }
}

/** Highlights the current category in the nav. */
export function markCategory(path: string): void {
  const m = /^\/category\/([^/]+)$/.exec(path);
  const current = m ? decodeURIComponent(m[1]!) : undefined;
  for (const a of document.querySelectorAll<HTMLAnchorElement>('.category-list a')) {
    if (a.dataset['category'] === current) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

export function syncSearchBox(q: string): void {
  const input = document.querySelector<HTMLInputElement>('#search-q');
  if (input && document.activeElement !== input) input.value = q;
}

const LABEL: Record<LiveState, string> = { connecting: 'Connecting', live: 'Live', offline: 'Offline' };

function initConnection(): void {
  const pill = qs('[data-testid="connection"]');
  const text = qs('.conn-text', pill);
  const banner = qs('[data-testid="offline-banner"]');
  let tick: ReturnType<typeof setInterval> | undefined;
  let wasDown = false;

  const paintBanner = () => {
    const secs = Math.max(0, Math.ceil((live.retryAt - Date.now()) / 1000));
    const msg = live.state === 'connecting'
      ? 'You are offline. Reconnecting…'
      : `You are offline. Suggestions and your cart will update when the connection is back. Retrying in ${secs} s.`;
    const label = banner.querySelector('.offline-text');
    if (label) label.textContent = msg;
    else {
      replaceChildren(banner, h('span', { class: 'offline-text' }, msg),
        h('button', { type: 'button', class: 'btn btn-small btn-light', onclick: () => live.reconnectNow() }, 'Retry now'));
    }
  };

  live.onState((s) => {
    pill.dataset['state'] = s;
    document.documentElement.dataset['live'] = s;
    text.textContent = LABEL[s];
    pill.title = s === 'live' ? 'Live: suggestions update as you browse' : LABEL[s];
    clearInterval(tick);
    if (s === 'live') {
      banner.hidden = true;
      if (wasDown) toast('Back online: live suggestions resumed');
      wasDown = false;
      return;
    }
    // A first connect is not "offline"; only say so once a connection was lost or failed.
    if (s === 'offline') wasDown = true;
    if (!wasDown) return;
    banner.hidden = false;
    paintBanner();
    tick = setInterval(paintBanner, 1000);
  });
}
