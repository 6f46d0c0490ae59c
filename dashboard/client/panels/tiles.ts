/** Today's KPI tiles, from the live summary; a tile whose number changed flashes once. */
import type { KpiTotals } from '../../../protos/admin-contract.js';
import { h } from '../../../storefront/client/dom.js';
import { formatInt, formatMoney, formatPercent } from '../format.js';

interface Tile {
  key: keyof KpiTotals;
  label: string;
  format: (v: number) => string;
  hint: string;
}

const TILES: Tile[] = [
  { key: 'revenue', label: 'Revenue', format: formatMoney, hint: 'order lines placed today' },
  { key: 'orders', label: 'Orders', format: formatInt, hint: 'distinct orders today' },
  { key: 'aov', label: 'Avg order value', format: formatMoney, hint: 'revenue / orders' },
  { key: 'sessions', label: 'Sessions', format: formatInt, hint: 'visits started today' },
  { key: 'conversionRate', label: 'Conversion', format: (v) => formatPercent(v), hint: 'sessions with an order' },
  { key: 'cartAbandonmentRate', label: 'Cart abandonment', format: (v) => formatPercent(v), hint: 'carts without an order' },
  { key: 'units', label: 'Units sold', format: formatInt, hint: 'items in today\'s orders' },
  { key: 'newCustomers', label: 'New customers', format: formatInt, hint: 'first orders today' },
  { key: 'recCtr', label: 'Rec CTR', format: (v) => formatPercent(v, 2), hint: 'rec clicks / items shown' },
  { key: 'recRevenueShare', label: 'Revenue from recs', format: (v) => formatPercent(v), hint: 'lines bought after a rec click' },
];

export class KpiTiles {
  readonly el: HTMLElement;
  readonly #values = new Map<string, HTMLElement>();

  constructor() {
    this.el = h('section', { class: 'panel tiles-panel', 'aria-labelledby': 'tiles-h' },
      h('h2', { id: 'tiles-h', class: 'panel-title' }, 'Today (UTC), live'),
      h('ul', { class: 'tiles' }, TILES.map((t) => {
        const value = h('span', { class: 'tile-value', 'data-testid': `kpi-${t.key}` }, '–');
        this.#values.set(t.key, value);
        return h('li', { class: 'tile' }, h('span', { class: 'tile-label' }, t.label), value, h('span', { class: 'tile-hint' }, t.hint));
      })));
  }

  update(today: KpiTotals): void {
    for (const t of TILES) {
      const el = this.#values.get(t.key)!;
      const v = today[t.key];
      if (el.dataset['value'] === String(v)) continue;
      const first = el.dataset['value'] === undefined;
      el.dataset['value'] = String(v);
      el.textContent = t.format(v);
      if (!first && !matchMedia('(prefers-reduced-motion: reduce)').matches) el.animate([{ backgroundColor: '#fde68a' }, { backgroundColor: 'transparent' }], { duration: 900, easing: 'ease-out' });
    }
  }
}
