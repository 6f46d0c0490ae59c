/** Home: a short welcome, the live "for you" strip, what is trending, and every category. */
import { api } from '../api.js';
import { h } from '../dom.js';
import { categoryName, pictureUrl, plural } from '../format.js';
import { forYouStrip, primeForYou, RecStrip } from '../components/rec-strip.js';
import { live } from '../live.js';
import type { CategoryPick } from '../api-types.js';
import type { Page } from '../router.js';

const PICKS_SHOWN = 4;
const REASON: Record<CategoryPick['reason'], string> = {
  affinity: 'Because you looked',
  'bought-together': 'Goes with your picks',
  popular: 'Popular right now',
};

/** "Categories for you": the engine's live picks, re-drawn whenever it pushes new ones. */
function categoryPicksSection(signal: AbortSignal): { el: HTMLElement; show(picks: CategoryPick[]): void } {
  const list = h('ul', { class: 'category-tiles picks', 'data-testid': 'category-picks', 'aria-live': 'polite' });
  const el = h('section', { class: 'strip', 'aria-labelledby': 'picks-h' },
    h('div', { class: 'strip-head' }, h('h2', { id: 'picks-h' }, 'Categories for you'), h('p', { class: 'strip-sub' }, 'Follows what you look at, live')),
    list);
  let last = '';
  const show = (picks: CategoryPick[]) => {
    const top = picks.slice(0, PICKS_SHOWN);
    const key = top.map((p) => p.category).join('|');
    if (key === last) return;
    last = key;
    list.replaceChildren(...top.map((p) => h('li', null,
      h('a', { class: 'category-tile', href: `/category/${encodeURIComponent(p.category)}`, 'data-category': p.category },
        h('img', { src: pictureUrl(p.category), alt: '', width: 400, height: 300 }),
        h('span', { class: 'tile-name' }, categoryName(p.category)),
        h('span', { class: 'tile-count' }, REASON[p.reason] ?? '')))));
  };
  const off = live.onCategoryPicks(show);
  signal.addEventListener('abort', off, { once: true });
  return { el, show };
}

export const home: Page = async (ctx) => {
  const forYou = forYouStrip(ctx.signal, 'Re-ranked live with every product you look at');
  const trending = new RecStrip({ id: 'trending', title: 'Trending now', subtitle: 'What shoppers are looking at', testId: 'trending' });
  const categories = h('ul', { class: 'category-tiles', 'aria-label': 'All categories' });
  const picks = categoryPicksSection(ctx.signal);

  ctx.show('Home',
    h('section', { class: 'hero' },
      h('div', { class: 'hero-text' },
        h('p', { class: 'eyebrow' }, 'Live personal shopping'),
        h('h1', null, 'A shop that keeps up with you'),
        h('p', { class: 'hero-sub' }, 'Look at a few products and watch the “For you” row re-rank itself, within a blink, with a reason for every suggestion.'),
        h('div', { class: 'hero-actions' },
          h('a', { class: 'btn btn-primary', href: '#for-you-h' }, 'See your picks'),
          h('a', { class: 'btn btn-light', href: '#cats-h' }, 'Shop by category'))),
      h('div', { class: 'hero-art', 'aria-hidden': 'true' },
        ['headphones', 'running-shoes', 'coffee'].map((c, i) => h('img', { src: pictureUrl(c), alt: '', class: `hero-img hero-img-${i}`, width: 400, height: 300 })))),
    forYou.el,
    picks.el,
    trending.el,
    h('section', { class: 'strip', 'aria-labelledby': 'cats-h' },
      h('div', { class: 'strip-head' }, h('h2', { id: 'cats-h' }, 'Shop by category')),
      categories));

  await primeForYou(forYou, ctx.signal, () => api.recommendations({ k: 8 }, true, ctx.signal));
  await Promise.all([
    api.profile(ctx.signal).then((p) => picks.show(p.categoryPicks ?? []), () => undefined),
    // Trending leaves out what "for you" already shows, so a newcomer does not see one list twice.
    api.recommendations({ k: 16 }, false, ctx.signal).then((r) => {
      const shown = new Set(forYou.itemIds);
      trending.show({ ...r, items: r.items.filter((it) => !shown.has(it.itemId)).slice(0, 8) });
    }, () => trending.showError('Trending items are unavailable right now.')),
    api.categories(ctx.signal).then(({ categories: cats }) => {
      for (const c of cats) {
        categories.appendChild(h('li', null,
          h('a', { class: 'category-tile', href: `/category/${encodeURIComponent(c.category)}` },
            h('img', { src: pictureUrl(c.category), alt: '', width: 400, height: 300 }),
            h('span', { class: 'tile-name' }, categoryName(c.category)),
            h('span', { class: 'tile-count' }, plural(c.count, 'product')))));
      }
    }, () => undefined),
  ]);
};
