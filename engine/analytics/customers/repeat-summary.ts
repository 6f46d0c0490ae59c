/**
 * The (x, t_x, T) summary and mean repeat spend that BG/NBD and Gamma-Gamma are fitted
 * on, the way Fader, Hardie & Lee prepared CDNOW (docs/analytics-models.md):
 *
 * - Time is cut into UTC days; all of a customer's orders on one day are one
 *   transaction whose spend is their total. Only orders with ts < asOf count; the
 *   calibration period's last day is the day before asOf.
 * - x = transaction days after the first (repeat transactions);
 *   t_x = (last day - first day) / unitDays; T = (last calibration day - first day) / unitDays.
 *   (CDNOW: asOf 1997-10-01, a customer first buying on 1997-01-01 has T = 272/7 = 38.86 weeks.)
 * - meanRepeatSpend = mean spend of the x repeat transactions (the first is left out,
 *   as in Fader & Hardie's Gamma-Gamma note; 0 when x = 0).
 */
import { countBefore, type CustomerHistory } from './history.js';
import { assertMidnight, utcDay } from './time.js';

export interface RepeatSummary {
  customerId: string;
  x: number;
  tx: number;
  T: number;
  meanRepeatSpend: number;
}

export interface RepeatSummaryOptions {
  /** UTC midnight; orders before it form the calibration period. */
  asOf: number;
  /** Days per model time unit. @default 7 (weeks, as CDNOW is published) */
  unitDays?: number;
}

export const DEFAULT_UNIT_DAYS = 7;

/** The summary of one history, or undefined when it has no order before asOf. */
export function repeatSummary(h: CustomerHistory, options: RepeatSummaryOptions): RepeatSummary | undefined {
  assertMidnight(options.asOf, 'asOf');
  const unit = options.unitDays ?? DEFAULT_UNIT_DAYS;
  if (!(unit > 0)) throw new RangeError(`unitDays must be > 0, got ${unit}`);
  const n = countBefore(h, options.asOf);
  if (n === 0) return undefined;
  const lastCalibrationDay = utcDay(options.asOf) - 1;
  const first = utcDay(h.orders[0]!.ts);
  let last = first;
  let x = 0;
  let repeatSpend = 0;
  for (let i = 0; i < n; i++) {
    const o = h.orders[i]!;
    const day = utcDay(o.ts);
    if (day !== last) {
      x++;
      last = day;
    }
    if (day !== first) repeatSpend += o.revenue;
  }
  return {
    customerId: h.customerId,
    x,
    tx: (last - first) / unit,
    T: (lastCalibrationDay - first) / unit,
    meanRepeatSpend: x > 0 ? repeatSpend / x : 0,
  };
}

/** Summaries of every history with an order before asOf. */
export function repeatSummaries(histories: Iterable<CustomerHistory>, options: RepeatSummaryOptions): RepeatSummary[] {
  const out: RepeatSummary[] = [];
  for (const h of histories) {
    const s = repeatSummary(h, options);
    if (s !== undefined) out.push(s);
  }
  return out;
}

/** Transaction days (distinct UTC days with an order) in [from, to). */
export function transactionDays(h: CustomerHistory, from: number, to: number): number {
  let count = 0;
  let last = NaN;
  for (const o of h.orders) {
    if (o.ts < from) continue;
    if (o.ts >= to) break;
    const day = utcDay(o.ts);
    if (day !== last) {
      count++;
      last = day;
    }
  }
  return count;
}
