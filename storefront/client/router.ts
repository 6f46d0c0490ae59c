/**
 * Client-side navigation between the shop's pages, so the live socket and the
 * suggestions it brought stay across pages. Each page gets an AbortSignal that
 * fires when the shopper leaves it (cancelling fetches and running its cleanup).
 */
import { ApiError } from './api.js';
import { h, replaceChildren } from './dom.js';
import { markCategory, syncSearchBox } from './components/header.js';
import { SHOP } from './pages/shop-name.js';

export interface PageContext {
  params: string[];
  query: URLSearchParams;
  signal: AbortSignal;
  navigate: (url: string, opts?: { replace?: boolean }) => void;
  /** Puts the page's content in <main> (ignored if the shopper already left), and sets the title. */
  show: (title: string, ...content: Array<Node | null>) => boolean;
}

/** A page renders into <main> and may return a cleanup run when the shopper leaves. */
export type Page = (ctx: PageContext) => Promise<void | (() => void)>;

interface Route {
  pattern: RegExp;
  page: Page;
}

let routes: Route[] = [];
let controller: AbortController | undefined;
let cleanup: (() => void) | undefined;
let firstRender = true;
let notFound: Page;

export function defineRoutes(r: Route[], fallback: Page): void {
  routes = r;
  notFound = fallback;
}

export function navigate(url: string, opts: { replace?: boolean } = {}): void {
  const target = new URL(url, location.href);
  if (target.origin !== location.origin) {
    location.href = target.href;
    return;
  }
  history.replaceState({ ...(history.state as object), scrollY: window.scrollY }, '');
  if (opts.replace) history.replaceState({ scrollY: 0 }, '', target.pathname + target.search);
  else history.pushState({ scrollY: 0 }, '', target.pathname + target.search);
  void render(false);
}

function leave(): void {
  controller?.abort();
  try {
    cleanup?.();
  } catch (err) {
    console.warn('page cleanup failed', err);
  }
  cleanup = undefined;
}

export async function render(restoreScroll: boolean): Promise<void> {
  leave();
  const ctl = new AbortController();
  controller = ctl;
  const main = document.getElementById('main')!;
  const path = location.pathname;
  const query = new URLSearchParams(location.search);
  markCategory(path);
  syncSearchBox(path === '/search' ? query.get('q') ?? '' : '');
  main.setAttribute('aria-busy', 'true');

  let params: string[] = [];
  let page: Page = notFound;
  for (const r of routes) {
    const m = r.pattern.exec(path);
    if (m) {
      params = m.slice(1).map((p) => decodeURIComponent(p));
      page = r.page;
      break;
    }
  }
  const wasFirst = firstRender;
  firstRender = false;
  const ctx: PageContext = {
    params, query, signal: ctl.signal, navigate,
    show: (title, ...content) => {
      if (ctl.signal.aborted) return false;
      document.title = `${title} · ${SHOP}`;
      replaceChildren(main, content);
      main.removeAttribute('aria-busy');
      if (!wasFirst) {
        const h1 = main.querySelector<HTMLElement>('h1');
        if (h1) {
          h1.tabIndex = -1;
          h1.focus({ preventScroll: true });
        }
      }
      const y = restoreScroll ? Number((history.state as { scrollY?: number } | null)?.scrollY ?? 0) : 0;
      window.scrollTo(0, y);
      return true;
    },
  };
  try {
    const c = await page(ctx);
    if (ctl.signal.aborted) c?.();
    else if (c) cleanup = c;
  } catch (err) {
    if (ctl.signal.aborted || (err as Error).name === 'AbortError') return;
    if (err instanceof ApiError && (err.code === 'E_NOT_FOUND' || err.code === 'E_UNKNOWN_ITEM')) {
      await notFound(ctx);
      return;
    }
    console.warn('page failed', err);
    ctx.show('Something went wrong',
      h('section', { class: 'empty-state' },
        h('h1', null, 'This page could not load'),
        h('p', null, err instanceof ApiError ? err.message : 'An unexpected error happened.'),
        h('button', { type: 'button', class: 'btn btn-primary', onclick: () => void render(false) }, 'Try again')));
  }
}

function sameOriginLink(ev: MouseEvent): HTMLAnchorElement | undefined {
  if (ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return undefined;
  const a = (ev.target as Element | null)?.closest?.('a');
  if (!a || !a.href || a.target || a.hasAttribute('download')) return undefined;
  const u = new URL(a.href);
  if (u.origin !== location.origin || u.pathname.startsWith('/api/')) return undefined;
  if (u.pathname === location.pathname && u.search === location.search && u.hash) return undefined;
  return a;
}

export function startRouter(): void {
  history.scrollRestoration = 'manual';
  document.addEventListener('click', (ev) => {
    const a = sameOriginLink(ev);
    if (!a) return;
    ev.preventDefault();
    navigate(a.href);
  });
  window.addEventListener('popstate', () => void render(true));
  // Leaving the site: give the current page a chance to flush (e.g. dwell time).
  window.addEventListener('pagehide', () => leave());
  window.addEventListener('pageshow', (ev) => {
    if (ev.persisted) void render(true);
  });
  void render(false);
}
