/** The report panels: funnel, segments, cohorts, ABC, lifetime value (admin HTTP API). */
import { h } from '../../../storefront/client/dom.js';
import { barList, heat } from '../charts.js';
import { formatInt, formatMoney, formatPercent } from '../format.js';

interface FunnelCounts { views: number; cartAdds: number; purchases: number }
export interface FunnelReport { from: string; to: string; total: FunnelCounts; categories: Array<FunnelCounts & { category: string }> }

const rate = (a: number, b: number) => (b > 0 ? formatPercent(a / b) : '–');

export function renderFunnel(f: FunnelReport): Node {
  const t = f.total;
  if (t.views === 0 && t.purchases === 0) return h('p', { class: 'empty' }, `No views or purchases from ${f.from} to ${f.to}.`);
  return h('div', null,
    h('p', { class: 'caption' }, `${f.from} to ${f.to} (UTC days)`),
    barList([
      { label: 'Views', value: t.views, text: formatInt(t.views), testId: 'funnel-views' },
      { label: 'Cart adds', value: t.cartAdds, text: `${formatInt(t.cartAdds)} (${rate(t.cartAdds, t.views)} of views)`, testId: 'funnel-carts' },
      { label: 'Purchases', value: t.purchases, text: `${formatInt(t.purchases)} (${rate(t.purchases, t.cartAdds)} of cart adds)`, testId: 'funnel-purchases' },
    ], 'funnel'),
    table(['Category', 'Views', 'View → cart', 'Cart → purchase'], f.categories.slice(0, 8).map((c) => [c.category || '(unknown)', formatInt(c.views), rate(c.cartAdds, c.views), rate(c.purchases, c.cartAdds)])));
}

const SEGMENT_ORDER = ['Champions', 'Loyal Customers', 'Potential Loyalist', 'New Customers', 'Promising', 'Need Attention', 'About To Sleep', "Can't Lose Them", 'At Risk', 'Hibernating', 'Lost'];
export interface SegmentReport { asOf: string; since: string; customers: number; segments: Record<string, number>; moved: number; transitions: Record<string, Record<string, number>> }

export function renderSegments(s: SegmentReport): Node {
  if (s.customers === 0) return h('p', { class: 'empty' }, `No customers with an order before ${s.asOf}.`);
  const names = [...SEGMENT_ORDER.filter((n) => n in s.segments), ...Object.keys(s.segments).filter((n) => !SEGMENT_ORDER.includes(n))];
  const moves: Array<[string, string, number]> = [];
  for (const [from, row] of Object.entries(s.transitions)) for (const [to, n] of Object.entries(row)) if (from !== to) moves.push([from, to, n]);
  moves.sort((a, b) => b[2] - a[2]);
  return h('div', null,
    h('p', { class: 'caption' }, `${formatInt(s.customers)} customers as of ${s.asOf}`),
    barList(names.map((n) => ({ label: n, value: s.segments[n] ?? 0, text: `${formatInt(s.segments[n] ?? 0)} (${formatPercent((s.segments[n] ?? 0) / s.customers)})`, testId: `segment-${n.toLowerCase().replace(/[^a-z]+/g, '-')}` })), 'customers per segment'),
    h('h3', { class: 'sub' }, `Moves since ${s.since}: ${formatInt(s.moved)}`),
    moves.length ? table(['From', 'To', 'Customers'], moves.slice(0, 8).map(([f, t, n]) => [f === '(none)' ? 'new customer' : f, t, formatInt(n)])) : h('p', { class: 'empty' }, 'Nobody moved.'));
}

export interface CohortReport { asOf: string; cohorts: Array<{ cohort: string; size: number; retention: number[]; revenueRetention: number[] }> }

export function renderCohorts(c: CohortReport): Node {
  const rows = c.cohorts.slice(-12);
  if (rows.length === 0) return h('p', { class: 'empty' }, `No customers with an order before ${c.asOf}.`);
  const months = Math.max(...rows.map((r) => r.retention.length));
  return h('div', { class: 'scroll' },
    h('p', { class: 'caption', id: 'cohort-caption' }, `Share of each monthly cohort (customers by month of first order) with an order in each month since; hover a cell for revenue retention. As of ${c.asOf}.`),
    h('table', { class: 'heat', 'data-testid': 'cohort-table', 'aria-describedby': 'cohort-caption' },
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Cohort'), h('th', { scope: 'col' }, 'Size'), Array.from({ length: months }, (_, m) => h('th', { scope: 'col' }, `M${m}`)))),
      h('tbody', null, rows.map((r) => h('tr', null,
        h('th', { scope: 'row' }, r.cohort), h('td', null, formatInt(r.size)),
        Array.from({ length: months }, (_, m) => {
          const v = r.retention[m];
          return v === undefined ? h('td', { class: 'na' }, '') : h('td', { style: heat(v), title: `revenue retention ${formatPercent(r.revenueRetention[m] ?? 0)}` }, formatPercent(v, 0));
        }))))));
}

export interface AbcReport { asOf: string; classes: Record<'A' | 'B' | 'C', number>; revenue?: Record<'A' | 'B' | 'C', number>; totalRevenue: number; top: Array<{ itemId: string; name?: string; revenue: number; cumulativeShare: number; class: string }> }

export function renderAbc(a: AbcReport): Node {
  const n = a.classes.A + a.classes.B + a.classes.C;
  if (n === 0) return h('p', { class: 'empty' }, `No sales before ${a.asOf}.`);
  return h('div', null,
    h('p', { class: 'caption' }, `${formatInt(n)} products, ${formatMoney(a.totalRevenue)} revenue before ${a.asOf}`),
    barList((['A', 'B', 'C'] as const).map((k) => ({ label: `Class ${k}`, value: a.classes[k], text: `${formatInt(a.classes[k])} products${a.revenue ? `, ${formatMoney(a.revenue[k])}` : ''}`, testId: `abc-${k}` })), 'products per ABC class'),
    table(['Product', 'Revenue', 'Cumulative', 'Class'], a.top.slice(0, 10).map((p) => [p.name || p.itemId, formatMoney(p.revenue), formatPercent(p.cumulativeShare), p.class])));
}

export interface ClvReport {
  asOf: string; customers: number; totalClv12m?: number; error?: string;
  model: { bgnbd: { r: number; alpha: number; a: number; b: number } } | null;
  distribution: Array<{ from: number; to: number | null; customers: number }>;
  top: Array<{ customerId: string; clv12m: number; pAlive: number; orders: number; revenue: number; segment: string | null }>;
}

export function renderClv(c: ClvReport): Node {
  if (c.error) return h('p', { class: 'empty' }, `The model could not be fitted: ${c.error}`);
  if (!c.model || c.customers === 0) return h('p', { class: 'empty' }, `No customers with an order before ${c.asOf}.`);
  const b = c.model.bgnbd;
  return h('div', null,
    h('p', { class: 'caption' }, `Expected value of the next 12 months, BG/NBD + Gamma-Gamma fitted on ${formatInt(c.customers)} customers as of ${c.asOf} (r ${b.r.toFixed(3)}, α ${b.alpha.toFixed(2)}, a ${b.a.toFixed(3)}, b ${b.b.toFixed(2)}); total ${formatMoney(c.totalClv12m ?? 0)}`),
    barList(c.distribution.map((d) => ({ label: d.to === 1 ? 'under $1' : `$${formatInt(d.from)}–${formatInt(d.to ?? 0)}`, value: d.customers, text: formatInt(d.customers) })), 'customers by 12-month CLV'),
    table(['Customer', 'CLV 12m', 'P(alive)', 'Orders', 'Segment'], c.top.slice(0, 10).map((t) => [t.customerId, formatMoney(t.clv12m), formatPercent(t.pAlive, 0), formatInt(t.orders), t.segment ?? '–'])));
}

/** A table that scrolls sideways inside its panel on a narrow screen, never the page. */
function table(head: string[], rows: string[][]): HTMLElement {
  return h('div', { class: 'scroll' }, h('table', { class: 'table' },
    h('thead', null, h('tr', null, head.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', null, rows.map((r) => h('tr', null, r.map((c) => h('td', null, c)))))));
}
