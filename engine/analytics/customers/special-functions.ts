/**
 * The special functions the CLV models need, hand-rolled (they are small): log-gamma,
 * a log-space Gauss hypergeometric 2F1 for 0 <= z < 1, and log-sum-exp.
 */

// Lanczos approximation, g = 7, n = 9 (Numerical Recipes / Boost coefficients):
// relative error about 1e-15 for x > 0.
const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) for x > 0. */
export function lgamma(x: number): number {
  if (!(x > 0)) {
    if (x === 0) return Infinity;
    throw new RangeError(`lgamma is only defined here for x > 0, got ${x}`);
  }
  if (x < 0.5) {
    // Reflection: Γ(x) Γ(1 - x) = π / sin(π x)
    return Math.log(Math.PI / Math.sin(Math.PI * x)) - lgamma(1 - x);
  }
  const y = x - 1;
  let s = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS_G + 2; i++) s += LANCZOS[i]! / (y + i);
  const t = y + LANCZOS_G + 0.5;
  return HALF_LOG_2PI + (y + 0.5) * Math.log(t) - t + Math.log(s);
}

/** ln B(a, b). */
export function lbeta(a: number, b: number): number {
  return lgamma(a) + lgamma(b) - lgamma(a + b);
}

/** ln(e^a + e^b) without overflow. */
export function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  const m = Math.max(a, b);
  return m + Math.log(Math.exp(a - m) + Math.exp(b - m));
}

const RESCALE = 1e200;
const LOG_RESCALE = Math.log(RESCALE);
/** Enough for z up to about 1 - 1e-5 with the parameters CLV models see. */
export const HYP2F1_MAX_TERMS = 5_000_000;

/**
 * ln 2F1(a, b; c; z) for a, b, c > 0 and 0 <= z < 1, by its power series, summed with
 * rescaling so large terms (a, b large, z near 1) cannot overflow. Every term is
 * positive here, so there is no cancellation; the sum stops when a term no longer
 * changes it. Throws RangeError outside that domain or when it does not converge.
 */
export function log2F1(a: number, b: number, c: number, z: number): number {
  if (!(a > 0 && b > 0 && c > 0)) throw new RangeError(`log2F1 needs a, b, c > 0, got ${a}, ${b}, ${c}`);
  if (!(z >= 0 && z < 1)) throw new RangeError(`log2F1 needs 0 <= z < 1, got ${z}`);
  let term = 1;
  let sum = 1;
  let logScale = 0;
  for (let n = 0; n < HYP2F1_MAX_TERMS; n++) {
    const ratio = ((a + n) * (b + n)) / ((c + n) * (n + 1)) * z;
    term *= ratio;
    sum += term;
    // The ratio tends to z < 1 from above or below; once it is below 1 the terms only
    // shrink, and the tail is at most term * ratio / (1 - ratio).
    if (ratio < 1 && term * ratio <= (1 - ratio) * 1e-17 * sum) return Math.log(sum) + logScale;
    if (sum > RESCALE) {
      sum /= RESCALE;
      term /= RESCALE;
      logScale += LOG_RESCALE;
    }
  }
  throw new RangeError(`log2F1(${a}, ${b}; ${c}; ${z}) did not converge in ${HYP2F1_MAX_TERMS} terms`);
}
