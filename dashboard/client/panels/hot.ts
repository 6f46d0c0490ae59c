/** Hot products and search queries now (decayed scores, live). */
import type { AnalyticsLiveMessage } from '../../../protos/admin-contract.js';
import { h, replaceChildren } from '../../../storefront/client/dom.js';

export class HotLists {
  readonly el: HTMLElement;
  readonly #products = h('ol', { class: 'rank', 'data-testid': 'hot-products' });
  readonly #queries = h('ol', { class: 'rank', 'data-testid': 'hot-queries' });

  constructor() {
    this.el = h('section', { class: 'panel', 'aria-labelledby': 'hot-h' },
      h('h2', { id: 'hot-h', class: 'panel-title' }, 'Hot right now'),
      h('div', { class: 'two-col' },
        h('div', null, h('h3', { class: 'sub' }, 'Products'), this.#products),
        h('div', null, h('h3', { class: 'sub' }, 'Searches'), this.#queries)));
  }

  update(hot: AnalyticsLiveMessage['hot']): void {
    const row = (label: string, score: number) => h('li', null, h('span', { class: 'rank-label', title: label }, label), h('span', { class: 'rank-score' }, score.toFixed(1)));
    replaceChildren(this.#products, hot.products.length ? hot.products.map((p) => row(p.name || p.itemId, p.score)) : h('li', { class: 'empty' }, 'No product activity yet'));
    replaceChildren(this.#queries, hot.queries.length ? hot.queries.map((q) => row(q.query, q.score)) : h('li', { class: 'empty' }, 'No searches yet'));
  }
}
