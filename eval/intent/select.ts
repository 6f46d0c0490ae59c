/**
 * Nested model selection: inside one outer training set only, every candidate
 * is scored by stratified inner k-fold CV; the best mean of (ROC-AUC + PR-AUC)/2
 * wins, and the F1 threshold is the best one on that candidate's inner
 * out-of-fold predictions. The outer test fold is never seen here.
 */
import { trainIntentModel, trainLogisticModel } from '../../actors/propensity/index.js';
import type { IntentSession } from '../../actors/propensity/index.js';
import type { Candidate } from './candidates.js';
import type { LogisticCandidate } from './logistic-candidates.js';
import { splitFold, stratifiedFolds } from './folds.js';
import { toMatrix, trainingSet } from './matrix.js';
import { averagePrecision, bestF1Threshold, rocAuc } from './metrics.js';

export const INNER_FOLDS = 3;
/** Inner folds are shuffled with another seed than the outer ones (seed 0), so they do not line up. */
export const INNER_SEED = 1;

export interface Selection {
  candidate: Candidate;
  threshold: number;
  /** inner CV score of each candidate, by name */
  scores: Record<string, { rocAuc: number; prAuc: number }>;
  /** the winner's inner out-of-fold probabilities of the rows (what a blend is chosen on) */
  oof: Float64Array;
}

/** Out-of-fold probabilities of `rows` from `folds`-fold CV of one candidate. */
export function outOfFold(sessions: readonly IntentSession[], labels: Uint8Array, rows: Int32Array, c: Candidate, folds: number, seed: number, bags = 1): Float64Array {
  const y = Uint8Array.from(rows, (r) => labels[r] as number);
  const fold = stratifiedFolds(y, folds, seed);
  const p = new Float64Array(rows.length);
  const nf = c.features.length;
  for (let f = 0; f < folds; f++) {
    const { train, test } = splitFold(fold, f);
    const m = trainIntentModel(trainingSet(sessions, labels, train.map((i) => rows[i] as number), c.features), { ...c.options, bags });
    const x = toMatrix(sessions, test.map((i) => rows[i] as number), c.features);
    for (let k = 0; k < test.length; k++) p[test[k] as number] = m.score(x.subarray(k * nf, (k + 1) * nf));
  }
  return p;
}

/** Out-of-fold probabilities of `rows` from `folds`-fold CV of one logistic candidate. */
export function outOfFoldLogistic(sessions: readonly IntentSession[], labels: Uint8Array, rows: Int32Array, c: LogisticCandidate, folds: number, seed: number): Float64Array {
  const y = Uint8Array.from(rows, (r) => labels[r] as number);
  const fold = stratifiedFolds(y, folds, seed);
  const p = new Float64Array(rows.length);
  const nf = c.features.length;
  for (let f = 0; f < folds; f++) {
    const { train, test } = splitFold(fold, f);
    const m = trainLogisticModel(trainingSet(sessions, labels, train.map((i) => rows[i] as number), c.features), c.options);
    const x = toMatrix(sessions, test.map((i) => rows[i] as number), c.features);
    for (let k = 0; k < test.length; k++) p[test[k] as number] = m.score(x.subarray(k * nf, (k + 1) * nf));
  }
  return p;
}

export function selectCandidate(sessions: readonly IntentSession[], labels: Uint8Array, rows: Int32Array, candidates: readonly Candidate[]): Selection {
  const y = Uint8Array.from(rows, (r) => labels[r] as number);
  const scores: Selection['scores'] = {};
  let best: { c: Candidate; s: number; p: Float64Array } | undefined;
  for (const c of candidates) {
    const p = outOfFold(sessions, labels, rows, c, INNER_FOLDS, INNER_SEED);
    // scored per inner fold and averaged would match sklearn's cross_val_score; pooled OOF is steadier at 3 folds
    const s = { rocAuc: rocAuc(y, p), prAuc: averagePrecision(y, p) };
    scores[c.name] = s;
    const v = (s.rocAuc + s.prAuc) / 2;
    if (best === undefined || v > best.s) best = { c, s: v, p };
  }
  if (best === undefined) throw new RangeError('selectCandidate needs at least one candidate');
  return { candidate: best.c, threshold: bestF1Threshold(y, best.p), scores, oof: best.p };
}
