/**
 * Trains the logistic model: builds the terms from the training rows only
 * (knots at quantiles, category levels seen at least `minLevelCount` times),
 * scales every column by its standard deviation, and minimises the summed
 * log-loss plus l2/2 times the squared scaled weights (intercept free) by
 * Newton's method on sparse rows (a spline of a zero is zero, a one-hot has one
 * entry), solved by Cholesky. Deterministic; no randomness at all.
 */
import type { FeatureDef, IntentSession } from './features.js';
import { LogisticIntentModel } from './logistic-model.js';
import type { CategoryTerm, CrossTerm, LogisticTerms, SplineTerm } from './logistic-model.js';
import { categoryValue, crossValue, splineValue } from './logistic-model.js';
import type { TrainingSet } from './train.js';

export const DEFAULT_LOGISTIC_L2 = 10;
export const DEFAULT_LOGISTIC_KNOTS = 5;
export const DEFAULT_LOGISTIC_MIN_LEVEL_COUNT = 10;
export const DEFAULT_LOGISTIC_MAX_ITERATIONS = 50;

export interface LogisticOptions {
  /** Ridge penalty on the standardised weights (in units of summed log-loss). @default 10 */
  l2: number;
  /** Interior knots of each numeric spline, at equal quantile steps. @default 5 */
  knots: number;
  /** Fewest training rows a category code (or pair of codes) needs for its own weight. @default 10 */
  minLevelCount: number;
  /** Category features crossed pairwise, by name (each a category feature of the set). @default [] */
  crosses: readonly (readonly [string, string])[];
  /** Newton steps at most. @default 50 */
  maxIterations: number;
}

export const DEFAULT_LOGISTIC_OPTIONS: Readonly<LogisticOptions> = Object.freeze({
  l2: DEFAULT_LOGISTIC_L2,
  knots: DEFAULT_LOGISTIC_KNOTS,
  minLevelCount: DEFAULT_LOGISTIC_MIN_LEVEL_COUNT,
  crosses: [],
  maxIterations: DEFAULT_LOGISTIC_MAX_ITERATIONS,
});

export function resolveLogisticOptions(o: Partial<LogisticOptions> = {}): LogisticOptions {
  if (typeof o !== 'object' || o === null) throw new TypeError('logistic options must be an object');
  const out: LogisticOptions = { ...DEFAULT_LOGISTIC_OPTIONS, ...Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) };
  for (const k of Object.keys(o)) if (!(k in DEFAULT_LOGISTIC_OPTIONS)) throw new RangeError(`logistic option ${k} is not a known option`);
  const num = (name: keyof LogisticOptions, min: number, max: number, int: boolean): void => {
    const v = out[name];
    if (typeof v !== 'number' || Number.isNaN(v)) throw new TypeError(`logistic option ${name} must be a number, got ${String(v)}`);
    if ((int && !Number.isInteger(v)) || v < min || v > max) throw new RangeError(`logistic option ${name} must be ${int ? 'an integer ' : ''}in [${min}, ${max}], got ${v}`);
  };
  num('l2', 1e-6, 1e9, false);
  num('knots', 0, 50, true);
  num('minLevelCount', 1, 1e9, true);
  num('maxIterations', 1, 1000, true);
  if (!Array.isArray(out.crosses)) throw new TypeError('logistic option crosses must be an array of [name, name] pairs');
  return out;
}

/** log1p for a feature that is never negative and goes above 1 (counts, seconds, page value); rates stay as they are. */
function wantsLog(col: Float64Array): boolean {
  let min = Infinity;
  let max = -Infinity;
  for (const v of col) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min >= 0 && max > 1;
}

function quantileKnots(z: number[], k: number): Float64Array {
  if (z.length === 0 || k === 0) return new Float64Array(0);
  z.sort((a, b) => a - b);
  const lo = z[0] as number;
  const hi = z[z.length - 1] as number;
  const out: number[] = [];
  for (let i = 1; i <= k; i++) {
    const q = z[Math.floor((i / (k + 1)) * (z.length - 1))] as number;
    if (q > lo && q < hi && out[out.length - 1] !== q) out.push(q);
  }
  return Float64Array.from(out);
}

/** Builds the terms (weights zero) from the training rows. */
function layout<S>(d: TrainingSet<S>, n: number, o: LogisticOptions): LogisticTerms {
  const nf = d.features.length;
  const col = (j: number): Float64Array => Float64Array.from({ length: n }, (_, i) => d.x[i * nf + j] as number);
  const splines: SplineTerm[] = [];
  const categories: CategoryTerm[] = [];
  const counts = (j: number): Map<number, number> => {
    const m = new Map<number, number>();
    for (let i = 0; i < n; i++) m.set(d.x[i * nf + j] as number, (m.get(d.x[i * nf + j] as number) ?? 0) + 1);
    return m;
  };
  d.features.forEach((f, j) => {
    const c = col(j);
    if (f.kind === 'numeric') {
      const log = wantsLog(c);
      let zeros = 0;
      for (const v of c) if (v === 0) zeros++;
      // an indicator only where zero is a real mass point with both sides populated
      const zero = zeros >= o.minLevelCount && n - zeros >= o.minLevelCount;
      const z: number[] = [];
      for (const v of c) if (!zero || v !== 0) z.push(log ? Math.log1p(v) : v);
      const knots = quantileKnots(z, o.knots);
      splines.push({ feature: j, log, knots, linear: 0, hinge: new Float64Array(knots.length), zero: zero ? 1 : 0, mean: 0 });
    } else {
      const levels = [...counts(j)].filter(([, k]) => k >= o.minLevelCount).map(([v]) => v).sort((a, b) => a - b);
      categories.push({ feature: j, levels: Float64Array.from(levels), weights: new Float64Array(levels.length), mean: 0 });
    }
  });
  const crosses: CrossTerm[] = o.crosses.map(([an, bn]) => {
    const a = d.features.findIndex((f) => f.name === an);
    const b = d.features.findIndex((f) => f.name === bn);
    for (const [name, at] of [[an, a], [bn, b]] as const) {
      if (at < 0) throw new RangeError(`logistic cross: ${name} is not a feature of the training set`);
      if ((d.features[at] as FeatureDef<S>).kind !== 'category') throw new RangeError(`logistic cross: ${name} is not a category feature`);
    }
    const m = new Map<string, [number, number, number]>();
    for (let i = 0; i < n; i++) {
      const va = d.x[i * nf + a] as number;
      const vb = d.x[i * nf + b] as number;
      const key = `${va}|${vb}`;
      const e = m.get(key);
      if (e === undefined) m.set(key, [va, vb, 1]);
      else e[2]++;
    }
    const pairs = [...m.values()].filter((e) => e[2] >= o.minLevelCount).sort((p, q) => p[0] - q[0] || p[1] - q[1]);
    return { a, b, levelsA: Float64Array.from(pairs, (p) => p[0]), levelsB: Float64Array.from(pairs, (p) => p[1]), weights: new Float64Array(pairs.length), mean: 0 };
  });
  return { intercept: 0, splines, categories, crosses };
}

interface Sparse {
  /** row i's entries are ptr[i]..ptr[i+1] of idx/val */
  ptr: Int32Array;
  idx: Int32Array;
  val: Float64Array;
  cols: number;
}

/** The design matrix; column 0 is the intercept. Column order: splines (linear, hinges, zero), categories, crosses. */
function design<S>(d: TrainingSet<S>, n: number, t: LogisticTerms): Sparse {
  const nf = d.features.length;
  const ptr = new Int32Array(n + 1);
  const idx: number[] = [];
  const val: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = (j: number): number => d.x[i * nf + j] as number;
    let c = 0;
    const put = (v: number): void => {
      if (v !== 0) {
        idx.push(c);
        val.push(v);
      }
      c++;
    };
    put(1);
    for (const s of t.splines) {
      const v = x(s.feature);
      const z = s.log ? Math.log1p(v) : v;
      put(z);
      for (const k of s.knots) put(Math.max(0, z - k));
      if (s.zero !== 0) put(v === 0 ? 1 : 0);
    }
    for (const g of t.categories) {
      const v = x(g.feature);
      for (const l of g.levels) put(v === l ? 1 : 0);
    }
    for (const g of t.crosses) {
      const a = x(g.a);
      const b = x(g.b);
      for (let k = 0; k < g.weights.length; k++) put(a === g.levelsA[k] && b === g.levelsB[k] ? 1 : 0);
    }
    ptr[i + 1] = idx.length;
    if (i === 0) ptr[0] = 0;
    if (i === n - 1) return { ptr, idx: Int32Array.from(idx), val: Float64Array.from(val), cols: c };
  }
  throw new RangeError('logistic design needs at least one row');
}

/** Solves A x = b for symmetric positive definite A (p x p, row-major), in place of a copy. */
function cholSolve(A: Float64Array, b: Float64Array, p: number): Float64Array {
  const L = Float64Array.from(A);
  for (let j = 0; j < p; j++) {
    let s = L[j * p + j] as number;
    for (let k = 0; k < j; k++) s -= (L[j * p + k] as number) ** 2;
    if (!(s > 0)) throw new RangeError('logistic Newton step: Hessian not positive definite');
    const dj = Math.sqrt(s);
    L[j * p + j] = dj;
    for (let i = j + 1; i < p; i++) {
      let v = L[i * p + j] as number;
      for (let k = 0; k < j; k++) v -= (L[i * p + k] as number) * (L[j * p + k] as number);
      L[i * p + j] = v / dj;
    }
  }
  const x = Float64Array.from(b);
  for (let i = 0; i < p; i++) {
    let v = x[i] as number;
    for (let k = 0; k < i; k++) v -= (L[i * p + k] as number) * (x[k] as number);
    x[i] = v / (L[i * p + i] as number);
  }
  for (let i = p - 1; i >= 0; i--) {
    let v = x[i] as number;
    for (let k = i + 1; k < p; k++) v -= (L[k * p + i] as number) * (x[k] as number);
    x[i] = v / (L[i * p + i] as number);
  }
  return x;
}

function objective(X: Sparse, y: ArrayLike<number>, beta: Float64Array, l2: number, margin: Float64Array): number {
  const n = y.length;
  let loss = 0;
  for (let i = 0; i < n; i++) {
    let m = 0;
    for (let e = X.ptr[i] as number; e < (X.ptr[i + 1] as number); e++) m += (X.val[e] as number) * (beta[X.idx[e] as number] as number);
    margin[i] = m;
    // log(1 + e^m) - y m, stable on both sides
    loss += (m > 0 ? m + Math.log1p(Math.exp(-m)) : Math.log1p(Math.exp(m))) - (y[i] as number) * m;
  }
  for (let c = 1; c < beta.length; c++) loss += 0.5 * l2 * (beta[c] as number) ** 2;
  return loss;
}

/** Trains the logistic model on `d`. Throws RangeError/TypeError on bad options or data. */
export function trainLogisticModel<S = IntentSession>(d: TrainingSet<S>, options: Partial<LogisticOptions> = {}): LogisticIntentModel<S> {
  const o = resolveLogisticOptions(options);
  const nf = d.features.length;
  const n = d.y.length;
  if (nf === 0 || d.x.length !== n * nf) throw new RangeError(`logistic training set: x has ${d.x.length} values, want ${n} rows x ${nf} features`);
  let pos = 0;
  for (let i = 0; i < n; i++) {
    if (d.y[i] !== 0 && d.y[i] !== 1) throw new RangeError(`logistic training set: label of row ${i} is ${String(d.y[i])}, want 0 or 1`);
    pos += d.y[i] as number;
  }
  if (pos === 0 || pos === n) throw new RangeError(`logistic training set needs both classes, has ${pos} positives of ${n}`);
  for (let i = 0; i < d.x.length; i++) {
    if (!Number.isFinite(d.x[i] as number)) throw new RangeError(`logistic training set: row ${Math.floor(i / nf)}, feature ${(d.features[i % nf] as FeatureDef<S>).name} is ${d.x[i]} (the logistic model needs finite values)`);
  }
  const terms = layout(d, n, o);
  const X = design(d, n, terms);
  const p = X.cols;
  // scale columns to unit standard deviation so one l2 fits all terms
  const sum = new Float64Array(p);
  const sq = new Float64Array(p);
  for (let e = 0; e < X.idx.length; e++) {
    sum[X.idx[e] as number] = (sum[X.idx[e] as number] as number) + (X.val[e] as number);
    sq[X.idx[e] as number] = (sq[X.idx[e] as number] as number) + (X.val[e] as number) ** 2;
  }
  const scale = new Float64Array(p).fill(1);
  for (let c = 1; c < p; c++) {
    const mean = (sum[c] as number) / n;
    const sd = Math.sqrt(Math.max((sq[c] as number) / n - mean * mean, 0));
    scale[c] = sd > 1e-12 ? sd : 1;
  }
  for (let e = 0; e < X.idx.length; e++) X.val[e] = (X.val[e] as number) / (scale[X.idx[e] as number] as number);
  const beta = new Float64Array(p);
  beta[0] = Math.log(pos / (n - pos));
  const margin = new Float64Array(n);
  let loss = objective(X, d.y, beta, o.l2, margin);
  let iterations = 0;
  const H = new Float64Array(p * p);
  const g = new Float64Array(p);
  for (; iterations < o.maxIterations; iterations++) {
    H.fill(0);
    g.fill(0);
    for (let i = 0; i < n; i++) {
      const pr = 1 / (1 + Math.exp(-(margin[i] as number)));
      const w = Math.max(pr * (1 - pr), 1e-12);
      const r = pr - (d.y[i] as number);
      const s = X.ptr[i] as number;
      const e = X.ptr[i + 1] as number;
      for (let a = s; a < e; a++) {
        const ca = X.idx[a] as number;
        const va = X.val[a] as number;
        g[ca] = (g[ca] as number) + r * va;
        const wa = w * va;
        const row = ca * p;
        for (let b = s; b <= a; b++) H[row + (X.idx[b] as number)] = (H[row + (X.idx[b] as number)] as number) + wa * (X.val[b] as number);
      }
    }
    // the loop filled the lower triangle (idx ascending within a row); mirror it, add the ridge
    for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) H[b * p + a] = H[a * p + b] as number;
    for (let c = 1; c < p; c++) {
      H[c * p + c] = (H[c * p + c] as number) + o.l2;
      g[c] = (g[c] as number) + o.l2 * (beta[c] as number);
    }
    const step = cholSolve(H, g, p);
    let t = 1;
    const next = new Float64Array(p);
    let nextLoss = Infinity;
    const trial = new Float64Array(n);
    for (let halvings = 0; halvings < 30; halvings++, t /= 2) {
      for (let c = 0; c < p; c++) next[c] = (beta[c] as number) - t * (step[c] as number);
      nextLoss = objective(X, d.y, next, o.l2, trial);
      if (nextLoss <= loss) break;
    }
    if (!(nextLoss <= loss)) break;
    beta.set(next);
    margin.set(trial);
    const done = loss - nextLoss < 1e-10 * Math.max(1, Math.abs(loss));
    loss = nextLoss;
    if (done) {
      iterations++;
      break;
    }
  }
  // back to raw units, then the terms' training means for explanations
  let c = 0;
  terms.intercept = (beta[c++] as number) / (scale[0] as number);
  const w = (): number => {
    const v = (beta[c] as number) / (scale[c] as number);
    c++;
    return v;
  };
  for (const s of terms.splines) {
    s.linear = w();
    for (let k = 0; k < s.knots.length; k++) s.hinge[k] = w();
    if (s.zero !== 0) s.zero = w();
  }
  for (const t of terms.categories) for (let k = 0; k < t.levels.length; k++) t.weights[k] = w();
  for (const t of terms.crosses) for (let k = 0; k < t.weights.length; k++) t.weights[k] = w();
  for (const s of terms.splines) s.mean = meanOf(n, (i) => splineValue(s, d.x[i * nf + s.feature] as number));
  for (const t of terms.categories) t.mean = meanOf(n, (i) => categoryValue(t, d.x[i * nf + t.feature] as number));
  for (const t of terms.crosses) t.mean = meanOf(n, (i) => crossValue(t, d.x[i * nf + t.a] as number, d.x[i * nf + t.b] as number));
  return new LogisticIntentModel(d.features, terms, quartiles(d.x, n, nf), {
    rows: n, positives: pos, iterations, columns: p, loss: loss / n, options: { ...o, crosses: o.crosses.map((x) => [...x]) },
  });
}

function meanOf(n: number, f: (i: number) => number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += f(i);
  return s / n;
}

function quartiles(x: Float64Array, n: number, nf: number): { q25: Float64Array; q75: Float64Array } {
  const q25 = new Float64Array(nf);
  const q75 = new Float64Array(nf);
  const col = new Float64Array(n);
  for (let j = 0; j < nf; j++) {
    for (let i = 0; i < n; i++) col[i] = x[i * nf + j] as number;
    col.sort();
    q25[j] = col[Math.floor(0.25 * (n - 1))] as number;
    q75[j] = col[Math.floor(0.75 * (n - 1))] as number;
  }
  return { q25, q75 };
}
