/**
 * ABC product classes (docs/analytics-models.md): products ranked by revenue over
 * the order lines with from <= ts < asOf (no lower bound without `from`), in whole
 * cents, descending, ties by product id ascending (UTF-16 code units). With c the
 * cumulative share of total revenue including the product: A if c <= 0.80, B if
 * c <= 0.95, else C. The comparisons are on integers (100 x cumulative cents vs
 * 80 x total cents), so a product exactly on a boundary is classed the same by
 * every implementation.
 *
 * `productRevenue` sums lines; the live consumer can instead keep revenue per
 * product and day and pass the window's totals to `abcClasses`.
 */
import type { CustomerHistory } from './history.js';
import { toCents } from './money.js';
import { assertMidnight } from './time.js';

export type AbcClass = 'A' | 'B' | 'C';

/** Class boundaries in percent of total revenue, cumulative share including the product. */
export const ABC_A_PERCENT = 80;
export const ABC_B_PERCENT = 95;

export interface AbcProduct {
  itemId: string;
  /** Currency units, rounded to cents. */
  revenue: number;
  /** Cumulative share of total revenue including this product, 0..1. */
  cumulativeShare: number;
  class: AbcClass;
}

export interface AbcResult {
  /** Descending revenue, ties by id. */
  products: AbcProduct[];
  classes: Record<AbcClass, number>;
  /** Revenue per class, currency units. */
  revenue: Record<AbcClass, number>;
  totalRevenue: number;
}

export interface SaleLine {
  itemId: string;
  ts: number;
  /** qty x price, currency units. */
  revenue: number;
}

export interface AbcWindow {
  asOf: number;
  /** Inclusive lower bound (a UTC midnight). */
  from?: number;
}

function checkWindow(w: AbcWindow): void {
  assertMidnight(w.asOf, 'asOf');
  if (w.from !== undefined) {
    assertMidnight(w.from, 'from');
    if (w.from > w.asOf) throw new RangeError('from must not be after asOf');
  }
}

/** Revenue per product over the window. */
export function productRevenue(lines: Iterable<SaleLine>, window: AbcWindow): Map<string, number> {
  checkWindow(window);
  const from = window.from ?? -Infinity;
  const out = new Map<string, number>();
  for (const l of lines) {
    if (l.ts < from || l.ts >= window.asOf) continue;
    out.set(l.itemId, (out.get(l.itemId) ?? 0) + l.revenue);
  }
  return out;
}

/** The sale lines of order histories (orders without lines contribute nothing). */
export function* saleLinesOf(histories: Iterable<CustomerHistory>): Generator<SaleLine> {
  for (const h of histories) {
    for (const o of h.orders) {
      if (o.lines === undefined) continue;
      for (const l of o.lines) yield { itemId: l.itemId, ts: o.ts, revenue: l.qty * l.price };
    }
  }
}

/** Classes from revenue totals per product. */
export function abcClasses(revenueByItem: ReadonlyMap<string, number>): AbcResult {
  const rows = [...revenueByItem].map(([itemId, rev]) => ({ itemId, cents: toCents(rev) }));
  rows.sort((a, b) => b.cents - a.cents || (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0));
  let total = 0;
  for (const r of rows) total += r.cents;
  const classes: Record<AbcClass, number> = { A: 0, B: 0, C: 0 };
  const cents: Record<AbcClass, number> = { A: 0, B: 0, C: 0 };
  let cum = 0;
  const products = rows.map((r): AbcProduct => {
    cum += r.cents;
    const cls: AbcClass = 100 * cum <= ABC_A_PERCENT * total ? 'A' : 100 * cum <= ABC_B_PERCENT * total ? 'B' : 'C';
    classes[cls]++;
    cents[cls] += r.cents;
    return { itemId: r.itemId, revenue: r.cents / 100, cumulativeShare: total === 0 ? 0 : cum / total, class: cls };
  });
  return { products, classes, revenue: { A: cents.A / 100, B: cents.B / 100, C: cents.C / 100 }, totalRevenue: total / 100 };
}

/** ABC of order histories over a window. */
export function abc(histories: Iterable<CustomerHistory>, window: AbcWindow): AbcResult {
  return abcClasses(productRevenue(saleLinesOf(histories), window));
}
