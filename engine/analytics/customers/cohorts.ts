/**
 * Monthly acquisition cohorts as of a date (docs/analytics-models.md):
 *
 * - Only orders with ts < asOf count. A customer's cohort is the UTC calendar month
 *   of their first such order; `size` = customers in it.
 * - Month k (0..12) of a cohort is the calendar month k months after the cohort's.
 *   Months that start at or after asOf are not reported, so a cohort's arrays hold
 *   min(13, months started before asOf) entries; the month that contains asOf is
 *   partial (orders before asOf only).
 * - `active[k]`: customers of the cohort with at least one order in month k;
 *   `retention[k] = active[k] / size` (so retention[0] = 1).
 * - `revenue[k]`: the cohort's revenue in month k, in currency units rounded to cents;
 *   `revenueRetention[k] = revenue[k] / revenue[0]` on whole cents (0 when revenue[0] is 0).
 *   It compares a cohort's spend with its first month's, so it can exceed 1.
 */
import { countBefore, type CustomerHistory } from './history.js';
import { toCents } from './money.js';
import { assertMidnight, monthKey, utcMonthIndex } from './time.js';

export const COHORT_MONTHS = 13;

export interface Cohort {
  /** `YYYY-MM` */
  cohort: string;
  size: number;
  active: number[];
  retention: number[];
  revenue: number[];
  revenueRetention: number[];
}

export interface CohortTable {
  asOf: number;
  /** Sorted by month. */
  cohorts: Cohort[];
}

export interface CohortOptions {
  /** Months reported, month 0 included. @default 13 (months 0..12) */
  months?: number;
}

interface Acc {
  size: number;
  active: number[];
  cents: number[];
}

export function cohorts(histories: Iterable<CustomerHistory>, asOf: number, options: CohortOptions = {}): CohortTable {
  assertMidnight(asOf, 'asOf');
  const months = options.months ?? COHORT_MONTHS;
  if (!Number.isInteger(months) || months < 1 || months > 120) throw new RangeError(`months must be an integer 1..120, got ${months}`);
  // The month holding the last instant before asOf is the last one that has started.
  const lastMonth = utcMonthIndex(asOf - 1);
  const byMonth = new Map<number, Acc>();
  for (const h of histories) {
    const n = countBefore(h, asOf);
    if (n === 0) continue;
    const first = utcMonthIndex(h.orders[0]!.ts);
    const width = Math.min(months, lastMonth - first + 1);
    let acc = byMonth.get(first);
    if (acc === undefined) {
      acc = { size: 0, active: new Array<number>(width).fill(0), cents: new Array<number>(width).fill(0) };
      byMonth.set(first, acc);
    }
    acc.size++;
    // Revenue per month of this customer, summed in float then rounded once per cell of the customer.
    const seen = new Set<number>();
    const spend = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const o = h.orders[i]!;
      const k = utcMonthIndex(o.ts) - first;
      if (k >= width) break;
      seen.add(k);
      spend.set(k, (spend.get(k) ?? 0) + o.revenue);
    }
    for (const k of seen) acc.active[k]! += 1;
    for (const [k, v] of spend) acc.cents[k]! += toCents(v);
  }
  const out: Cohort[] = [...byMonth.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([month, acc]) => ({
      cohort: monthKey(month),
      size: acc.size,
      active: acc.active,
      retention: acc.active.map((a) => a / acc.size),
      revenue: acc.cents.map((c) => c / 100),
      revenueRetention: acc.cents.map((c) => (acc.cents[0] === 0 ? 0 : c / acc.cents[0]!)),
    }));
  return { asOf, cohorts: out };
}
