/**
 * The two evaluation modes. Cross-validation: stratified k folds shuffled with
 * the seed; for each fold, selection and threshold come from the training rows
 * alone (select.ts), the final model is trained on all of them, and the test
 * fold is scored once. Test file: the same, with all of DIR as training set.
 */
import { performance } from 'node:perf_hooks';
import { trainIntentModel } from '../../actors/propensity/index.js';
import type { IntentModel, IntentSession } from '../../actors/propensity/index.js';
import { CANDIDATES, FINAL_BAGS } from './candidates.js';
import type { Candidate } from './candidates.js';
import { splitFold, stratifiedFolds } from './folds.js';
import { toMatrix, trainingSet } from './matrix.js';
import { atThreshold, averagePrecision, bestF1Threshold, brier, rocAuc } from './metrics.js';
import { INNER_FOLDS, INNER_SEED, outOfFold, selectCandidate } from './select.js';
import type { Selection } from './select.js';
import type { SessionsFile } from './sessions-csv.js';

export interface FoldResult {
  fold: number;
  n: number;
  positives: number;
  chosen: string;
  threshold: number;
  rocAuc: number;
  prAuc: number;
  brier: number;
  f1: number;
  precision: number;
  recall: number;
  trees: number;
  trainMs: number;
}

export interface RunOptions {
  /** Use this candidate instead of selecting one (still no test-fold data). */
  fixed?: Candidate;
  /** Progress lines (to stderr), one per fold. */
  progress?: (line: string) => void;
}

/** Selection (or the fixed candidate with its inner-OOF threshold) on `rows`, then the final bagged model. */
export function fitOn(data: SessionsFile, rows: Int32Array, o: RunOptions): { model: IntentModel; sel: Selection } {
  let sel: Selection;
  if (o.fixed === undefined) sel = selectCandidate(data.sessions, data.labels, rows, CANDIDATES);
  else {
    const y = Uint8Array.from(rows, (r) => data.labels[r] as number);
    sel = { candidate: o.fixed, threshold: bestF1Threshold(y, outOfFold(data.sessions, data.labels, rows, o.fixed, INNER_FOLDS, INNER_SEED)), scores: {} };
  }
  const model = trainIntentModel(trainingSet(data.sessions, data.labels, rows, sel.candidate.features), { ...sel.candidate.options, bags: FINAL_BAGS });
  return { model, sel };
}

export function scoreRows(model: IntentModel, sessions: readonly IntentSession[], rows: ArrayLike<number>): Float64Array {
  const nf = model.features.length;
  const x = toMatrix(sessions, rows, model.features);
  const p = new Float64Array(rows.length);
  for (let k = 0; k < rows.length; k++) p[k] = model.score(x.subarray(k * nf, (k + 1) * nf));
  return p;
}

function evaluate(fold: number, y: Uint8Array, p: Float64Array, sel: Selection, model: IntentModel, trainMs: number): FoldResult {
  const at = atThreshold(y, p, sel.threshold);
  return {
    fold, n: y.length, positives: y.reduce((a, b) => a + b, 0), chosen: sel.candidate.name, threshold: sel.threshold,
    rocAuc: rocAuc(y, p), prAuc: averagePrecision(y, p), brier: brier(y, p),
    f1: at.f1, precision: at.precision, recall: at.recall, trees: model.treeCount, trainMs,
  };
}

export function crossValidate(data: SessionsFile, folds: number, seed: number, o: RunOptions = {}): FoldResult[] {
  const fold = stratifiedFolds(data.labels, folds, seed);
  const out: FoldResult[] = [];
  for (let f = 0; f < folds; f++) {
    const { train, test } = splitFold(fold, f);
    const t0 = performance.now();
    const { model, sel } = fitOn(data, train, o);
    const trainMs = performance.now() - t0;
    const y = Uint8Array.from(test, (r) => data.labels[r] as number);
    const r = evaluate(f, y, scoreRows(model, data.sessions, test), sel, model, trainMs);
    o.progress?.(`fold ${f + 1}/${folds}: chose ${r.chosen} (${r.trees} trees) in ${(trainMs / 1000).toFixed(1)} s; ROC-AUC ${r.rocAuc.toFixed(4)} PR-AUC ${r.prAuc.toFixed(4)}`);
    out.push(r);
  }
  return out;
}

/** Trains on all of `train`, scores every row of `test` once. */
export function trainTest(train: SessionsFile, test: SessionsFile, o: RunOptions = {}): { result: FoldResult; model: IntentModel } {
  const t0 = performance.now();
  const { model, sel } = fitOn(train, Int32Array.from({ length: train.labels.length }, (_, i) => i), o);
  const trainMs = performance.now() - t0;
  const p = scoreRows(model, test.sessions, Array.from({ length: test.labels.length }, (_, i) => i));
  return { result: evaluate(0, test.labels, p, sel, model, trainMs), model };
}
