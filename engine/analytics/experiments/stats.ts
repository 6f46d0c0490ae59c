/**
 * Experiment statistics over per-variant sufficient statistics (n, Σy, Σy², and for
 * CUPED Σx, Σx², Σxy of the pre-period covariate). Pure functions: the analytics
 * consumer folds the sums, the admin API and dashboard call these. Formulas and
 * their sources are in docs/experiments.md; values checked against scipy in
 * test/experiments/stats.test.ts.
 */
import { chiSquareSf, normalQuantile, normalTwoSidedP, studentTwoSidedP } from './distributions.js';

/** Sufficient statistics of one metric in one variant (one value per exposed user). */
export interface MomentSums {
  n: number;
  sum: number;
  sumSq: number;
}

/** MomentSums plus the pre-period covariate x of the same users, for CUPED. */
export interface CovariateSums extends MomentSums {
  sumX: number;
  sumXSq: number;
  sumXY: number;
}

export function mean(s: MomentSums): number {
  return s.n > 0 ? s.sum / s.n : 0;
}

/** Unbiased sample variance from the sums (clamped at 0 against rounding). */
export function variance(s: MomentSums): number {
  if (s.n < 2) return 0;
  return Math.max(0, (s.sumSq - (s.sum * s.sum) / s.n) / (s.n - 1));
}

export interface LiftResult {
  /** Means of control and treatment. */
  control: number;
  treatment: number;
  /** Relative lift treatment/control - 1. */
  lift: number;
  /** Interval on the relative lift (delta method). */
  ci: [number, number];
  /** Test statistic (t or z) of the absolute difference. */
  stat: number;
  p: number;
  /** Degrees of freedom (Welch–Satterthwaite); Infinity for z. */
  df: number;
}

/**
 * Variance of the relative lift m1/m0 - 1 by the delta method, given the variances
 * of the two (independent) means: Var ≈ V1/m0² + m1²·V0/m0⁴.
 */
export function relativeLiftVariance(m0: number, varMean0: number, m1: number, varMean1: number): number {
  return varMean1 / (m0 * m0) + (m1 * m1 * varMean0) / (m0 * m0 * m0 * m0);
}

function liftInterval(m0: number, vm0: number, m1: number, vm1: number, z: number): { lift: number; ci: [number, number] } {
  if (m0 === 0) return { lift: Number.NaN, ci: [Number.NaN, Number.NaN] };
  const lift = m1 / m0 - 1;
  const half = z * Math.sqrt(relativeLiftVariance(m0, vm0, m1, vm1));
  return { lift, ci: [lift - half, lift + half] };
}

/** Welch's unequal-variance t-test of treatment vs control; lift interval by the delta method. */
export function welchTest(control: MomentSums, treatment: MomentSums, alpha = 0.05): LiftResult {
  const m0 = mean(control), m1 = mean(treatment);
  const a = variance(control) / control.n, b = variance(treatment) / treatment.n;
  const se = Math.sqrt(a + b);
  const df = (a + b) ** 2 / ((a * a) / (control.n - 1) + (b * b) / (treatment.n - 1));
  const stat = se > 0 ? (m1 - m0) / se : 0;
  const p = se > 0 ? studentTwoSidedP(stat, df) : 1;
  const { lift, ci } = liftInterval(m0, a, m1, b, normalQuantile(1 - alpha / 2));
  return { control: m0, treatment: m1, lift, ci, stat, p, df };
}

/**
 * Two-proportion z-test (pooled standard error under H0, as scipy/statsmodels'
 * proportions_ztest); the lift interval uses the unpooled variances.
 */
export function twoProportionTest(conv0: number, n0: number, conv1: number, n1: number, alpha = 0.05): LiftResult {
  const p0 = conv0 / n0, p1 = conv1 / n1, pooled = (conv0 + conv1) / (n0 + n1);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n0 + 1 / n1));
  const stat = se > 0 ? (p1 - p0) / se : 0;
  const p = se > 0 ? normalTwoSidedP(stat) : 1;
  const { lift, ci } = liftInterval(p0, (p0 * (1 - p0)) / n0, p1, (p1 * (1 - p1)) / n1, normalQuantile(1 - alpha / 2));
  return { control: p0, treatment: p1, lift, ci, stat, p, df: Number.POSITIVE_INFINITY };
}

/**
 * Sample-ratio mismatch: Pearson chi-square goodness of fit of the observed
 * exposures to the configured weights; flagged when p < 0.001 (Statsig, GrowthBook).
 */
export const SRM_THRESHOLD = 0.001;
export function srmTest(observed: readonly number[], weights: readonly number[]): { chi2: number; p: number; flagged: boolean } {
  if (observed.length !== weights.length || observed.length < 2) throw new RangeError('srmTest: one weight per variant, at least two');
  const total = observed.reduce((s, x) => s + x, 0);
  const wsum = weights.reduce((s, x) => s + x, 0);
  if (total === 0) return { chi2: 0, p: 1, flagged: false };
  let chi2 = 0;
  for (let i = 0; i < observed.length; i++) {
    const e = (total * weights[i]!) / wsum;
    chi2 += ((observed[i]! - e) ** 2) / e;
  }
  const p = chiSquareSf(chi2, observed.length - 1);
  return { chi2, p, flagged: p < SRM_THRESHOLD };
}

/**
 * CUPED (Deng et al. 2013): θ = Cov(y, x) / Var(x) pooled over all variants, and each
 * variant's y is replaced by y - θ(x - x̄) with x̄ the pooled covariate mean. Returns
 * the adjusted sums so the same tests apply; the sum of squares is rebuilt from the
 * adjusted variance Var(y) + θ²Var(x) - 2θCov(x, y).
 */
export function cupedAdjust(variants: readonly CovariateSums[]): { theta: number; adjusted: MomentSums[] } {
  let n = 0, sy = 0, sx = 0, sxx = 0, sxy = 0;
  for (const v of variants) { n += v.n; sy += v.sum; sx += v.sumX; sxx += v.sumXSq; sxy += v.sumXY; }
  const varX = n > 1 ? (sxx - (sx * sx) / n) / (n - 1) : 0;
  const cov = n > 1 ? (sxy - (sx * sy) / n) / (n - 1) : 0;
  const theta = varX > 0 ? cov / varX : 0;
  const xbar = n > 0 ? sx / n : 0;
  const adjusted = variants.map((v) => {
    if (v.n === 0) return { n: 0, sum: 0, sumSq: 0 };
    const my = v.sum / v.n, mx = v.sumX / v.n;
    const vy = variance(v);
    const vx = v.n > 1 ? (v.sumXSq - (v.sumX * v.sumX) / v.n) / (v.n - 1) : 0;
    const cxy = v.n > 1 ? (v.sumXY - (v.sumX * v.sum) / v.n) / (v.n - 1) : 0;
    const adjMean = my - theta * (mx - xbar);
    const adjVar = Math.max(0, vy + theta * theta * vx - 2 * theta * cxy);
    return { n: v.n, sum: adjMean * v.n, sumSq: adjVar * (v.n - 1) + adjMean * adjMean * v.n };
  });
  return { theta, adjusted };
}

/**
 * Ratio metric (e.g. AOV = revenue / orders, with the user as the unit): the
 * delta-method variance of Σy/Σx, Var ≈ (Var(y) - 2R·Cov(x,y) + R²Var(x)) / (n·x̄²).
 */
export function ratioMetric(s: CovariateSums): { ratio: number; varRatio: number } {
  const mx = s.sumX / s.n, my = s.sum / s.n, r = my / mx;
  const vx = (s.sumXSq - (s.sumX * s.sumX) / s.n) / (s.n - 1);
  const vy = variance(s);
  const cxy = (s.sumXY - (s.sumX * s.sum) / s.n) / (s.n - 1);
  return { ratio: r, varRatio: (vy - 2 * r * cxy + r * r * vx) / (s.n * mx * mx) };
}

/**
 * mSPRT with a normal mixing distribution (Johari, Pekelis, Walsh 2017; Optimizely's
 * "Stats Engine"): for an estimate θ̂ with variance V and a N(θ0, τ²) mixture,
 * Λ = sqrt(V/(V+τ²)) · exp(τ²(θ̂-θ0)² / (2V(V+τ²))). Rejecting θ0 at the first look
 * where Λ ≥ 1/α keeps the type I error ≤ α however often one looks (Ville's inequality).
 * Inverting gives a confidence sequence: θ0 inside when
 * |θ̂-θ0| < sqrt(2V(V+τ²)/τ² · ln(sqrt((V+τ²)/V)/α)).
 */
export function msprt(estimate: number, varEstimate: number, tau2: number, alpha = 0.05, theta0 = 0): { lambda: number; p: number; ci: [number, number]; reject: boolean } {
  if (!(varEstimate > 0) || !(tau2 > 0)) return { lambda: 1, p: 1, ci: [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY], reject: false };
  const V = varEstimate, s = V + tau2;
  const logLambda = 0.5 * Math.log(V / s) + (tau2 * (estimate - theta0) ** 2) / (2 * V * s);
  const lambda = Math.exp(logLambda);
  const half = Math.sqrt(((2 * V * s) / tau2) * Math.log(Math.sqrt(s / V) / alpha));
  return { lambda, p: Math.min(1, 1 / lambda), ci: [estimate - half, estimate + half], reject: logLambda >= Math.log(1 / alpha) };
}

/** Default mixture variance on the relative-lift scale: a prior sd of 10 % lift. */
export const DEFAULT_TAU2_RELATIVE = 0.1 ** 2;

/**
 * Sequential test on the relative lift of two arms: mSPRT on the delta-method
 * estimate. `decision` is 'treatment' / 'control' once H0 (no lift) is rejected.
 */
export function sequentialLift(control: MomentSums, treatment: MomentSums, alpha = 0.05, tau2 = DEFAULT_TAU2_RELATIVE): { lift: number; ci: [number, number]; p: number; decision: 'treatment' | 'control' | 'none' } {
  const m0 = mean(control), m1 = mean(treatment);
  if (control.n < 2 || treatment.n < 2 || m0 === 0) return { lift: Number.NaN, ci: [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY], p: 1, decision: 'none' };
  const lift = m1 / m0 - 1;
  const v = relativeLiftVariance(m0, variance(control) / control.n, m1, variance(treatment) / treatment.n);
  const r = msprt(lift, v, tau2, alpha);
  return { lift, ci: r.ci, p: r.p, decision: r.reject ? (lift > 0 ? 'treatment' : 'control') : 'none' };
}

/** Holm step-down adjusted p-values (family-wise error control), in input order. */
export function holm(ps: readonly number[]): number[] {
  const order = ps.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(ps.length);
  let running = 0;
  order.forEach(([p, i], k) => {
    running = Math.max(running, Math.min(1, (ps.length - k) * p));
    out[i] = running;
  });
  return out;
}

/** Benjamini–Hochberg adjusted p-values (false discovery rate), in input order. */
export function benjaminiHochberg(ps: readonly number[]): number[] {
  const m = ps.length;
  const order = ps.map((p, i) => [p, i] as const).sort((a, b) => b[0] - a[0]);
  const out = new Array<number>(m);
  let running = 1;
  order.forEach(([p, i], k) => {
    const rank = m - k;
    running = Math.min(running, (p * m) / rank);
    out[i] = Math.min(1, running);
  });
  return out;
}
