/** A small synthetic purchase problem with an interaction and noise features, for the model tests. */
import { Prng, RAW_FEATURES } from '../../actors/propensity/index.js';
import type { FeatureDef, TrainingSet } from '../../actors/propensity/index.js';

/** ProductRelated, ProductRelated_Duration, PageValues, ExitRates, Region (the last two are noise). */
export const FEATURES: readonly FeatureDef[] = ['ProductRelated', 'ProductRelated_Duration', 'PageValues', 'ExitRates', 'Region'].map(
  (n) => RAW_FEATURES.find((f) => f.name === n) as FeatureDef,
);

/** Buys when page value is high, or when many product pages meet long dwell (an interaction no single split finds); 5 % labels flipped. */
export function synthetic(n: number, seed: number): TrainingSet {
  const r = new Prng(seed);
  const nf = FEATURES.length;
  const x = new Float64Array(n * nf);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const pages = Math.floor(r.next() * 40);
    const dwell = r.next() * 2000;
    const value = r.next() < 0.7 ? 0 : r.next() * 100;
    x.set([pages, dwell, value, r.next() * 0.2, 1 + r.int(9)], i * nf);
    let buy = value > 40 || (pages > 20 && dwell > 1200);
    if (r.next() < 0.05) buy = !buy;
    y[i] = buy ? 1 : 0;
  }
  return { x, y, features: FEATURES };
}

export function row(d: TrainingSet, i: number): Float64Array {
  const nf = d.features.length;
  return d.x.subarray(i * nf, (i + 1) * nf);
}
