/**
 * A trained logistic purchase-intent model on engineered terms of the same
 * features the trees use: per numeric feature a linear spline (log1p first when
 * the feature is a non-negative count or amount) with an "is zero" indicator;
 * per category feature one weight per code; per crossed pair of categories one
 * weight per pair of codes. Scoring walks typed arrays and allocates nothing.
 * Explanations are exact: every term's value minus its training mean is its
 * feature's share (a cross is split half and half), and the bias is the
 * intercept plus the means, so bias + the shares = the margin.
 */
import type { Contribution } from './model.js';
import type { FeatureDef, IntentSession } from './features.js';
import { featureVector } from './features.js';

/** A numeric feature's spline: w = linear slope, then one slope change per knot. */
export interface SplineTerm {
  feature: number;
  /** z = log1p(x) when true, else z = x */
  log: boolean;
  knots: Float64Array;
  linear: number;
  /** weight of max(0, z - knots[k]) */
  hinge: Float64Array;
  /** weight of (x === 0); 0 when the feature has no indicator */
  zero: number;
  /** mean of the term over the training rows (explanations are relative to it) */
  mean: number;
}

export interface CategoryTerm {
  feature: number;
  /** codes seen often enough in training; any other code weighs 0 */
  levels: Float64Array;
  weights: Float64Array;
  mean: number;
}

export interface CrossTerm {
  a: number;
  b: number;
  /** pair k is (levelsA[k], levelsB[k]) */
  levelsA: Float64Array;
  levelsB: Float64Array;
  weights: Float64Array;
  mean: number;
}

export interface LogisticTerms {
  intercept: number;
  splines: SplineTerm[];
  categories: CategoryTerm[];
  crosses: CrossTerm[];
}

/** A missing (NaN) value scores as the training mean, so it moves nothing (the trees send NaN right instead). */
export function splineValue(t: SplineTerm, x: number): number {
  if (Number.isNaN(x)) return t.mean;
  const z = t.log ? Math.log1p(x) : x;
  let s = t.linear * z + (x === 0 ? t.zero : 0);
  const k = t.knots;
  for (let i = 0; i < k.length; i++) {
    const d = z - (k[i] as number);
    if (d > 0) s += (t.hinge[i] as number) * d;
  }
  return s;
}

export function categoryValue(t: CategoryTerm, x: number): number {
  const l = t.levels;
  for (let i = 0; i < l.length; i++) if (l[i] === x) return t.weights[i] as number;
  return 0;
}

export function crossValue(t: CrossTerm, a: number, b: number): number {
  for (let i = 0; i < t.weights.length; i++) if (t.levelsA[i] === a && t.levelsB[i] === b) return t.weights[i] as number;
  return 0;
}

export class LogisticIntentModel<S = IntentSession> {
  readonly features: readonly FeatureDef<S>[];
  readonly terms: LogisticTerms;
  readonly stats: { q25: Float64Array; q75: Float64Array };
  readonly info: Record<string, unknown>;
  readonly #bias: number;
  readonly #x: Float64Array;
  readonly #c: Float64Array;

  constructor(features: readonly FeatureDef<S>[], terms: LogisticTerms, stats: { q25: Float64Array; q75: Float64Array }, info: Record<string, unknown> = {}) {
    this.features = features;
    this.terms = terms;
    this.stats = stats;
    this.info = info;
    let bias = terms.intercept;
    for (const t of terms.splines) bias += t.mean;
    for (const t of terms.categories) bias += t.mean;
    for (const t of terms.crosses) bias += t.mean;
    this.#bias = bias;
    this.#x = new Float64Array(features.length);
    this.#c = new Float64Array(features.length);
  }

  /** Log-odds of a purchase for a feature vector in `features` order. */
  margin(x: ArrayLike<number>): number {
    const t = this.terms;
    let m = t.intercept;
    for (let i = 0; i < t.splines.length; i++) {
      const s = t.splines[i] as SplineTerm;
      m += splineValue(s, x[s.feature] as number);
    }
    for (let i = 0; i < t.categories.length; i++) {
      const c = t.categories[i] as CategoryTerm;
      m += categoryValue(c, x[c.feature] as number);
    }
    for (let i = 0; i < t.crosses.length; i++) {
      const c = t.crosses[i] as CrossTerm;
      m += crossValue(c, x[c.a] as number, x[c.b] as number);
    }
    return m;
  }

  score(x: ArrayLike<number>): number {
    return 1 / (1 + Math.exp(-this.margin(x)));
  }

  /** Score of a session; reuses one internal vector (not re-entrant). */
  scoreSession(s: S): number {
    return this.score(featureVector(this.features, s, this.#x));
  }

  /** out[j] = feature j's share of the margin; returns the bias: bias + sum(out) = margin(x). */
  contributions(x: ArrayLike<number>, out: Float64Array): number {
    const t = this.terms;
    out.fill(0);
    for (const s of t.splines) out[s.feature] = (out[s.feature] as number) + splineValue(s, x[s.feature] as number) - s.mean;
    for (const c of t.categories) out[c.feature] = (out[c.feature] as number) + categoryValue(c, x[c.feature] as number) - c.mean;
    for (const c of t.crosses) {
      const half = (crossValue(c, x[c.a] as number, x[c.b] as number) - c.mean) / 2;
      out[c.a] = (out[c.a] as number) + half;
      out[c.b] = (out[c.b] as number) + half;
    }
    return this.#bias;
  }

  explain(x: ArrayLike<number>, k = 3): Contribution[] {
    this.contributions(x, this.#c);
    return explainFrom(this.features, this.stats, x, this.#c, k);
  }

  explainSession(s: S, k = 3): Contribution[] {
    return this.explain(featureVector(this.features, s, this.#x), k);
  }
}

/** The `k` largest shares as text ("PageValues high (+1.80)"), as IntentModel words them. */
export function explainFrom<S>(features: readonly FeatureDef<S>[], stats: { q25: Float64Array; q75: Float64Array }, x: ArrayLike<number>, c: Float64Array, k: number): Contribution[] {
  const order: number[] = [];
  for (let j = 0; j < c.length; j++) if (c[j] !== 0) order.push(j);
  order.sort((a, b) => Math.abs(c[b] as number) - Math.abs(c[a] as number) || a - b);
  return order.slice(0, k).map((j) => {
    const def = features[j] as FeatureDef<S>;
    const v = x[j] as number;
    const contribution = c[j] as number;
    let level: string;
    if (def.kind === 'category') level = def.show === undefined ? String(v) : def.show(v);
    else if (v === 0) level = 'zero';
    else if (v > (stats.q75[j] as number)) level = 'high';
    else if (v < (stats.q25[j] as number)) level = 'low';
    else level = 'typical';
    return { feature: def.name, value: v, contribution, text: `${def.name} ${level} (${contribution >= 0 ? '+' : '-'}${Math.abs(contribution).toFixed(2)})` };
  });
}
