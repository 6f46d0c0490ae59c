/**
 * Gamma-Gamma spend model (Fader & Hardie 2013, "The Gamma-Gamma Model of Monetary
 * Value"; Colombo & Jiang 1999). A customer's transaction values are Gamma(p, ν) with
 * ν ~ Gamma(q, γ) across customers (γ is `v` here). The mean z̄ of x transactions has
 *
 *   f(z̄ | x) = Γ(px+q) / (Γ(px) Γ(q)) · γ^q · z̄^(px-1) · x^(px) / (γ + x z̄)^(px+q)
 *
 * fitted on customers with x >= 1 repeat transactions and their mean repeat spend
 * (repeat-summary.ts), by Nelder-Mead over (ln p, ln q, ln v). The model assumes spend
 * is independent of frequency; check that on the data before trusting CLV.
 */
import { nelderMead, type NelderMeadOptions } from './nelder-mead.js';
import { lgamma } from './special-functions.js';

export interface GammaGammaParams {
  p: number;
  q: number;
  v: number;
}

export interface GammaGammaFit extends GammaGammaParams {
  logLikelihood: number;
  customers: number;
  converged: boolean;
  iterations: number;
}

export interface SpendSummary {
  /** Transactions the mean is over (>= 1). */
  x: number;
  /** Their mean value, > 0. */
  meanSpend: number;
}

export function gammaGammaCustomerLogLikelihood(g: GammaGammaParams, s: SpendSummary): number {
  const { p, q, v } = g;
  const px = p * s.x;
  return lgamma(px + q) - lgamma(px) - lgamma(q) + q * Math.log(v) + (px - 1) * Math.log(s.meanSpend)
    + px * Math.log(s.x) - (px + q) * Math.log(v + s.x * s.meanSpend);
}

export function gammaGammaLogLikelihood(g: GammaGammaParams, data: readonly SpendSummary[]): number {
  let sum = 0;
  for (const s of data) sum += gammaGammaCustomerLogLikelihood(g, s);
  return sum;
}

export interface GammaGammaFitOptions extends NelderMeadOptions {
  /** @default {p: 1, q: 1, v: 1} */
  start?: GammaGammaParams;
}

/** Maximum-likelihood fit on customers with x >= 1 (others are a RangeError: filter them first). */
export function fitGammaGamma(data: readonly SpendSummary[], options: GammaGammaFitOptions = {}): GammaGammaFit {
  if (data.length === 0) throw new RangeError('fitGammaGamma needs at least one customer with x >= 1');
  for (const [i, s] of data.entries()) {
    if (!(Number.isInteger(s.x) && s.x >= 1 && s.meanSpend > 0 && Number.isFinite(s.meanSpend))) {
      throw new RangeError(`customer ${i}: need integer x >= 1 and mean spend > 0, got x=${s.x} spend=${s.meanSpend}`);
    }
  }
  const start = options.start ?? { p: 1, q: 1, v: 1 };
  const negLL = (w: number[]): number => -gammaGammaLogLikelihood({ p: Math.exp(w[0]!), q: Math.exp(w[1]!), v: Math.exp(w[2]!) }, data);
  const res = nelderMead(negLL, [Math.log(start.p), Math.log(start.q), Math.log(start.v)], options);
  const [p, q, v] = res.x.map(Math.exp) as [number, number, number];
  return { p, q, v, logLikelihood: -res.value, customers: data.length, converged: res.converged, iterations: res.iterations };
}

/**
 * E[mean transaction value | x, z̄] = (p (v + x z̄)) / (p x + q - 1): a weighted mean of
 * the population mean p v / (q - 1) and the customer's own z̄. With x = 0 it is the
 * population mean. Needs q > 1 (else the population mean is infinite).
 */
export function expectedMeanSpend(g: GammaGammaParams, x: number, meanSpend: number): number {
  if (!(g.q > 1)) throw new RangeError(`expected spend needs q > 1, got q=${g.q}`);
  if (x === 0) return (g.p * g.v) / (g.q - 1);
  return (g.p * (g.v + x * meanSpend)) / (g.p * x + g.q - 1);
}
