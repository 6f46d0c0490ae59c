/** The last hour per minute (live): revenue on the left axis, orders and sessions on the right. */
import type { KpiPoint } from '../../../protos/admin-contract.js';
import { h } from '../../../storefront/client/dom.js';
import { TimeChart } from '../charts.js';
import { formatMoney } from '../format.js';

export class MinuteChart {
  readonly el: HTMLElement;
  readonly #chart = new TimeChart([
    { label: 'revenue', format: (v) => formatMoney(v) },
    { label: 'orders', axis: 'right' },
    { label: 'sessions', axis: 'right' },
  ], 240, 'revenue, orders and sessions per minute over the last hour');

  constructor() {
    this.el = h('section', { class: 'panel wide', 'aria-labelledby': 'minutes-h', 'data-testid': 'minutes' },
      h('h2', { id: 'minutes-h', class: 'panel-title' }, 'Last hour, per minute'), this.#chart.el);
  }

  update(points: KpiPoint[]): void {
    const x = points.map((p) => Date.parse(`${p.start}:00Z`) / 1000);
    this.#chart.set(x, [points.map((p) => p.revenue), points.map((p) => p.orders), points.map((p) => p.sessions)]);
  }
}
