/**
 * Customer lifetime value from BG/NBD (how many purchases) and Gamma-Gamma (how much
 * each), discounted per period, as lifetimes' `customer_lifetime_value` does:
 *
 *   CLV = margin · E[M | x, z̄] · Σ_{k=1..K} ( E[Y(kΔ)] − E[Y((k−1)Δ)] ) / (1 + d)^k
 *
 * with E[Y(t)] the expected purchases in (T, T+t] given (x, t_x, T) (bgnbd.ts),
 * Δ the period length in the model's time unit, K the number of periods and d the
 * discount rate per period (purchases in period k are discounted as if at its end).
 * With d = 0 it is margin · E[M] · E[Y(KΔ)].
 */
import { expectedPurchases, type BgNbdParams, type FrequencyRecency } from './bgnbd.js';
import { expectedMeanSpend, type GammaGammaParams } from './gamma-gamma.js';

/** A month in weeks (365.25 / 12 / 7), the period length when the model's unit is weeks. */
export const WEEKS_PER_MONTH = 365.25 / 12 / 7;

export interface ClvOptions {
  /** Period length in the model's time unit. @default WEEKS_PER_MONTH */
  periodLength?: number;
  /** Number of periods. @default 12 */
  periods?: number;
  /** Discount rate per period. @default 0.01 (about 12.7 % a year with monthly periods) */
  discountRate?: number;
  /** Share of revenue that is profit. @default 1 (CLV in revenue) */
  margin?: number;
}

export const DEFAULT_CLV_OPTIONS: Required<ClvOptions> = { periodLength: WEEKS_PER_MONTH, periods: 12, discountRate: 0.01, margin: 1 };

export interface ClvCustomer extends FrequencyRecency {
  meanRepeatSpend: number;
}

export function checkClvOptions(options: ClvOptions): Required<ClvOptions> {
  const o = { ...DEFAULT_CLV_OPTIONS, ...options };
  if (!(o.periodLength > 0 && Number.isFinite(o.periodLength))) throw new RangeError(`periodLength must be > 0, got ${o.periodLength}`);
  if (!(Number.isInteger(o.periods) && o.periods >= 1 && o.periods <= 1200)) throw new RangeError(`periods must be an integer 1..1200, got ${o.periods}`);
  if (!(o.discountRate >= 0 && o.discountRate < 10)) throw new RangeError(`discountRate must be in [0, 10), got ${o.discountRate}`);
  if (!(o.margin >= 0 && o.margin <= 1)) throw new RangeError(`margin must be in [0, 1], got ${o.margin}`);
  return o;
}

export function clv(bg: BgNbdParams, gg: GammaGammaParams, c: ClvCustomer, options: ClvOptions = {}): number {
  const o = checkClvOptions(options);
  const spend = expectedMeanSpend(gg, c.x, c.meanRepeatSpend);
  let prev = 0;
  let total = 0;
  for (let k = 1; k <= o.periods; k++) {
    const cum = expectedPurchases(bg, c, k * o.periodLength);
    total += (cum - prev) / Math.pow(1 + o.discountRate, k);
    prev = cum;
  }
  return o.margin * spend * total;
}
