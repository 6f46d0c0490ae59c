/**
 * Nelder-Mead simplex minimisation with restarts. The CLV fits run it on
 * log-parameters, so every point is a valid (positive) parameter vector and the
 * objective is smooth enough for the simplex. A restart builds a fresh simplex
 * around the best point, which frees a simplex that collapsed on a ridge; the
 * search stops when a restart no longer improves the value.
 */

export interface NelderMeadOptions {
  /** Iterations per run. @default 5000 */
  maxIterations?: number;
  /** Stop a run when the simplex values span less than this, relative to max(1, |best value|). @default 1e-11 */
  fTolerance?: number;
  /** ...and its points are this close in every coordinate. @default 1e-8 */
  xTolerance?: number;
  /** Initial simplex step per coordinate. @default 0.5 */
  step?: number;
  /** Restarts from the best point. @default 10 */
  maxRestarts?: number;
  /**
   * End a run when the best value improved by less than fTolerance (relative) over this
   * many iterations: on a flat ridge (a parameter not identified, an optimum on the
   * boundary) the simplex otherwise creeps for every allowed iteration. @default 200
   */
  stallIterations?: number;
}

export interface NelderMeadResult {
  x: number[];
  value: number;
  iterations: number;
  restarts: number;
  /** True when the last restart improved the value by less than fTolerance (relative). */
  converged: boolean;
}

export const DEFAULT_NELDER_MEAD: Required<NelderMeadOptions> = {
  maxIterations: 5000,
  fTolerance: 1e-11,
  xTolerance: 1e-8,
  step: 0.5,
  maxRestarts: 10,
  stallIterations: 200,
};

type Fn = (x: number[]) => number;

function safe(f: Fn): Fn {
  return (x) => {
    const v = f(x);
    return Number.isNaN(v) ? Infinity : v;
  };
}

function run(f: Fn, x0: number[], o: Required<NelderMeadOptions>): { x: number[]; value: number; iterations: number } {
  const n = x0.length;
  // Adaptive coefficients (Gao & Han 2012) behave better than the classic ones as n grows; for n <= 4 they are close.
  const alpha = 1;
  const beta = 1 + 2 / n;
  const gamma = 0.75 - 1 / (2 * n);
  const delta = 1 - 1 / n;
  const pts: number[][] = [x0.slice()];
  for (let i = 0; i < n; i++) {
    const p = x0.slice();
    p[i] = p[i]! + o.step;
    pts.push(p);
  }
  const vals = pts.map(f);
  let it = 0;
  const order = Array.from({ length: n + 1 }, (_, i) => i);
  let checkpoint = Infinity;
  for (; it < o.maxIterations; it++) {
    order.sort((i, j) => vals[i]! - vals[j]!);
    const best = order[0]!;
    if (it > 0 && it % o.stallIterations === 0) {
      if (checkpoint - vals[best]! <= o.fTolerance * Math.max(1, Math.abs(vals[best]!))) break;
      checkpoint = vals[best]!;
    }
    const worst = order[n]!;
    const second = order[n - 1]!;
    const fSpan = Math.abs(vals[worst]! - vals[best]!);
    let xSpan = 0;
    for (const i of order) for (let k = 0; k < n; k++) xSpan = Math.max(xSpan, Math.abs(pts[i]![k]! - pts[best]![k]!));
    if (fSpan <= o.fTolerance * Math.max(1, Math.abs(vals[best]!)) && xSpan <= o.xTolerance) break;
    const centroid = new Array<number>(n).fill(0);
    for (const i of order) if (i !== worst) for (let k = 0; k < n; k++) centroid[k]! += pts[i]![k]! / n;
    const along = (t: number): number[] => centroid.map((c, k) => c + t * (c - pts[worst]![k]!));
    const xr = along(alpha);
    const fr = f(xr);
    if (fr < vals[best]!) {
      const xe = along(alpha * beta);
      const fe = f(xe);
      if (fe < fr) { pts[worst] = xe; vals[worst] = fe; } else { pts[worst] = xr; vals[worst] = fr; }
      continue;
    }
    if (fr < vals[second]!) { pts[worst] = xr; vals[worst] = fr; continue; }
    const outside = fr < vals[worst]!;
    const xc = along(outside ? alpha * gamma : -gamma);
    const fc = f(xc);
    if (fc < (outside ? fr : vals[worst]!)) { pts[worst] = xc; vals[worst] = fc; continue; }
    for (const i of order) {
      if (i === best) continue;
      pts[i] = pts[i]!.map((v, k) => pts[best]![k]! + delta * (v - pts[best]![k]!));
      vals[i] = f(pts[i]!);
    }
  }
  let b = 0;
  for (let i = 1; i <= n; i++) if (vals[i]! < vals[b]!) b = i;
  return { x: pts[b]!, value: vals[b]!, iterations: it };
}

/** Minimises `f` from `x0`. NaN values count as +Infinity (outside the domain). */
export function nelderMead(f: Fn, x0: readonly number[], options: NelderMeadOptions = {}): NelderMeadResult {
  const o = { ...DEFAULT_NELDER_MEAD, ...options };
  if (x0.length === 0 || !x0.every(Number.isFinite)) throw new RangeError('x0 must be a non-empty vector of finite numbers');
  const g = safe(f);
  if (!Number.isFinite(g(x0.slice()))) throw new RangeError('the objective is not finite at the starting point');
  let cur = run(g, x0.slice(), o);
  let iterations = cur.iterations;
  let restarts = 0;
  let converged = false;
  while (restarts < o.maxRestarts) {
    restarts++;
    const next = run(g, cur.x, { ...o, step: o.step / 5 });
    iterations += next.iterations;
    const gain = cur.value - next.value;
    if (next.value <= cur.value) cur = next;
    if (gain <= o.fTolerance * Math.max(1, Math.abs(cur.value))) { converged = true; break; }
  }
  return { x: cur.x, value: cur.value, iterations, restarts, converged };
}
