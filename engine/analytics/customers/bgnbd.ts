/**
 * BG/NBD (Fader, Hardie & Lee 2005, "Counting your customers the easy way"). While
 * alive a customer buys at Poisson rate λ ~ Gamma(r, α); after each purchase they
 * drop out with probability p ~ Beta(a, b). Per customer, with x repeat transactions,
 * the last at t_x, observed for T (their eq. 6):
 *
 *   L = B(a, b+x)/B(a, b) · Γ(r+x) α^r / Γ(r) · [ (α+T)^-(r+x) + δ(x>0) · a/(b+x-1) · (α+t_x)^-(r+x) ]
 *
 * computed in log space (lgamma, log-sum-exp) and maximised by Nelder-Mead over
 * (ln r, ln α, ln a, ln b).
 */
import { nelderMead, type NelderMeadOptions } from './nelder-mead.js';
import { lgamma, log2F1, logAddExp } from './special-functions.js';

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

export interface BgNbdFit extends BgNbdParams {
  /** Total log-likelihood at the optimum. */
  logLikelihood: number;
  customers: number;
  converged: boolean;
  iterations: number;
}

/** What the model reads of one customer; time in the unit it was fitted in. */
export interface FrequencyRecency {
  x: number;
  tx: number;
  T: number;
}

function checkData(c: FrequencyRecency, i: number): void {
  if (!(Number.isInteger(c.x) && c.x >= 0 && c.tx >= 0 && c.T >= c.tx && Number.isFinite(c.T))) {
    throw new RangeError(`customer ${i}: need integer x >= 0 and 0 <= t_x <= T, got x=${c.x} t_x=${c.tx} T=${c.T}`);
  }
  if (c.x > 0 && !(c.tx > 0)) throw new RangeError(`customer ${i}: x > 0 needs t_x > 0`);
}

/** ln L of one customer. */
export function bgnbdCustomerLogLikelihood(p: BgNbdParams, c: FrequencyRecency): number {
  const { r, alpha, a, b } = p;
  const { x, tx, T } = c;
  const a1 = lgamma(r + x) - lgamma(r) + r * Math.log(alpha);
  const a2 = lgamma(a + b) + lgamma(b + x) - lgamma(b) - lgamma(a + b + x);
  const a3 = -(r + x) * Math.log(alpha + T);
  if (x === 0) return a1 + a2 + a3;
  const a4 = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
  return a1 + a2 + logAddExp(a3, a4);
}

/** Total ln L over customers. */
export function bgnbdLogLikelihood(p: BgNbdParams, data: readonly FrequencyRecency[]): number {
  let s = 0;
  for (const c of data) s += bgnbdCustomerLogLikelihood(p, c);
  return s;
}

/**
 * The fit searches ln(parameter) within ±MAX_LOG_PARAM (parameters 6e-6..1.6e5). Some
 * stores' data put the optimum on the boundary (Online Retail: a -> 0, no dropout);
 * there b is not identified and an unbounded search walks it to infinity for minutes.
 */
export const MAX_LOG_PARAM = 12;

export interface BgNbdFitOptions extends NelderMeadOptions {
  /** Starting point. @default {r: 1, alpha: 1, a: 1, b: 1} */
  start?: BgNbdParams;
}

/** Maximum-likelihood fit. Throws RangeError on invalid data or when there is none. */
export function fitBgNbd(data: readonly FrequencyRecency[], options: BgNbdFitOptions = {}): BgNbdFit {
  if (data.length === 0) throw new RangeError('fitBgNbd needs at least one customer');
  data.forEach(checkData);
  // Identical (x, t_x, T) rows share one likelihood term: CDNOW's 2,357 customers have
  // about 1,400 distinct rows, and most of a store's one-time buyers collapse likewise.
  const groups = new Map<string, { c: FrequencyRecency; n: number }>();
  for (const c of data) {
    const k = `${c.x}|${c.tx}|${c.T}`;
    const g = groups.get(k);
    if (g === undefined) groups.set(k, { c, n: 1 }); else g.n++;
  }
  const rows = [...groups.values()];
  // Terms that depend on x only are computed once per distinct x and evaluation.
  const xs = [...new Set(rows.map((g) => g.c.x))].sort((p, q) => p - q);
  const xIndex = new Map(xs.map((x, i) => [x, i]));
  const rowX = rows.map((g) => xIndex.get(g.c.x)!);
  const perX = new Float64Array(xs.length);
  const logBx = new Float64Array(xs.length);
  const start = options.start ?? { r: 1, alpha: 1, a: 1, b: 1 };
  const negLL = (v: number[]): number => {
    if (v.some((w) => Math.abs(w) > MAX_LOG_PARAM)) return Infinity;
    const [r, alpha, a, b] = v.map(Math.exp) as [number, number, number, number];
    const base = -lgamma(r) + r * Math.log(alpha) + lgamma(a + b) - lgamma(b);
    const logA = Math.log(a);
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!;
      perX[i] = lgamma(r + x) + lgamma(b + x) - lgamma(a + b + x);
      logBx[i] = x > 0 ? Math.log(b + x - 1) : 0;
    }
    let s = 0;
    for (let j = 0; j < rows.length; j++) {
      const { c, n } = rows[j]!;
      const i = rowX[j]!;
      const a3 = -(r + c.x) * Math.log(alpha + c.T);
      const tail = c.x === 0 ? a3 : logAddExp(a3, logA - logBx[i]! - (r + c.x) * Math.log(alpha + c.tx));
      s += n * (perX[i]! + tail);
    }
    return -(s + data.length * base);
  };
  const res = nelderMead(negLL, [Math.log(start.r), Math.log(start.alpha), Math.log(start.a), Math.log(start.b)], options);
  const [r, alpha, a, b] = res.x.map(Math.exp) as [number, number, number, number];
  return { r, alpha, a, b, logLikelihood: -res.value, customers: data.length, converged: res.converged, iterations: res.iterations };
}

/** P(alive at T | x, t_x, T) (FHL 2005 eq. 13); 1 for x = 0 under this model. */
export function pAlive(p: BgNbdParams, c: FrequencyRecency): number {
  if (c.x === 0) return 1;
  const logOdds = Math.log(p.a) - Math.log(p.b + c.x - 1) + (p.r + c.x) * (Math.log(p.alpha + c.T) - Math.log(p.alpha + c.tx));
  return 1 / (1 + Math.exp(logOdds));
}

/**
 * E[transactions in (T, T + t] | x, t_x, T] (FHL 2005 eq. 10), t in the model's time
 * unit. Needs a != 1 (the formula has a - 1 in a denominator).
 */
export function expectedPurchases(p: BgNbdParams, c: FrequencyRecency, t: number): number {
  if (!(t >= 0)) throw new RangeError(`horizon must be >= 0, got ${t}`);
  if (t === 0) return 0;
  const { r, alpha, a, b } = p;
  const { x, tx, T } = c;
  const z = t / (alpha + T + t);
  const logHyp = (r + x) * Math.log((alpha + T) / (alpha + T + t)) + log2F1(r + x, b + x, a + b + x - 1, z);
  const head = ((a + b + x - 1) / (a - 1)) * -Math.expm1(logHyp);
  if (x === 0) return head;
  const odds = Math.exp(Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx)));
  return head / (1 + odds);
}

/** E[X(t)]: expected transactions of a new customer in (0, t] (FHL 2005 eq. 9). */
export function expectedPurchasesNew(p: BgNbdParams, t: number): number {
  if (!(t >= 0)) throw new RangeError(`t must be >= 0, got ${t}`);
  if (t === 0) return 0;
  const { r, alpha, a, b } = p;
  const logHyp = r * Math.log(alpha / (alpha + t)) + log2F1(r, b, a + b - 1, t / (alpha + t));
  return ((a + b - 1) / (a - 1)) * -Math.expm1(logHyp);
}

/**
 * P(no transaction in (T, T + t] | x, t_x, T): the customer is dead at T, or alive with
 * no purchase in the window. Given alive, λ | data ~ Gamma(r + x, α + T), so the
 * second part is P(alive) · ((α + T) / (α + T + t))^(r + x). (A death can only follow a
 * purchase, so it cannot happen inside a purchase-free window before the first one.)
 * Unlike 1 − P(alive) it is not 0 for x = 0: one-time buyers are most of a shop's churn.
 */
export function probabilityNoPurchase(p: BgNbdParams, c: FrequencyRecency, t: number): number {
  if (!(t >= 0)) throw new RangeError(`horizon must be >= 0, got ${t}`);
  const alive = pAlive(p, c);
  return 1 - alive + alive * Math.exp((p.r + c.x) * (Math.log(p.alpha + c.T) - Math.log(p.alpha + c.T + t)));
}
