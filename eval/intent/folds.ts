/**
 * Stratified k-fold, shuffled with a seed (the protocol of shared/data/README:
 * 5 folds, seed 0). Like scikit-learn's StratifiedKFold(shuffle=True), each
 * class is shuffled and dealt round-robin, so fold class shares match; the exact
 * rows differ from sklearn's (different PRNG), which the results file says.
 */
import { Prng } from '../../actors/propensity/index.js';

/** fold[i] = fold of row i, in 0..k-1. */
export function stratifiedFolds(y: ArrayLike<number>, k: number, seed: number): Int32Array {
  if (!Number.isInteger(k) || k < 2) throw new RangeError(`folds must be an integer >= 2, got ${k}`);
  const prng = new Prng(seed);
  const fold = new Int32Array(y.length);
  let offset = 0;
  for (const cls of [0, 1]) {
    const rows: number[] = [];
    for (let i = 0; i < y.length; i++) if (y[i] === cls) rows.push(i);
    prng.shuffle(rows);
    // continue the deal where the previous class stopped, so fold sizes stay within one row
    rows.forEach((r, j) => (fold[r] = (offset + j) % k));
    offset = (offset + rows.length) % k;
  }
  return fold;
}

/** Rows in / not in fold f. */
export function splitFold(fold: Int32Array, f: number): { train: Int32Array; test: Int32Array } {
  const train: number[] = [];
  const test: number[] = [];
  for (let i = 0; i < fold.length; i++) (fold[i] === f ? test : train).push(i);
  return { train: Int32Array.from(train), test: Int32Array.from(test) };
}
