/**
 * The two evaluation modes. Cross-validation: stratified k folds shuffled with
 * the seed; for each fold, selection and threshold come from the training rows
 * alone (select.ts, blend-select.ts), the final models are trained on all of them, and the test
 * fold is scored once. Test file: the same, with all of DIR as training set.
 */
import { performance } from 'node:perf_hooks';
import { BlendedIntentModel, trainIntentModel, trainLogisticModel } from '../../actors/propensity/index.js';
import type { IntentScorer, IntentSession } from '../../actors/propensity/index.js';
import { selectBlend } from './blend-select.js';
import type { BlendSelection } from './blend-select.js';
import { BLEND_CANDIDATES } from './logistic-candidates.js';
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
  /** Trees only: no logistic model, no blend (the eval before blending). @default false */
  noBlend?: boolean;
}

export interface Fitted {
  model: IntentScorer;
  sel: Selection;
  /** undefined with `noBlend` */
  blend: BlendSelection | undefined;
  /** e.g. "wide/raw + 0.15 lr-all-x-l30", or the tree candidate alone */
  chosen: string;
  threshold: number;
}

/** The trees alone, or the blend with the logistic model when its weight is above 0. */
function chosenName(sel: Selection, blend: BlendSelection | undefined): string {
  return blend === undefined || blend.weight === 0 ? sel.candidate.name : `${sel.candidate.name} + ${blend.weight} ${blend.logistic.name}`;
}

/**
 * Selection on `rows` (tree candidate, then logistic candidate and blend weight;
 * or the fixed tree candidate), all by inner CV of `rows`, then the final models
 * trained on all of `rows`.
 */
export function fitOn(data: SessionsFile, rows: Int32Array, o: RunOptions): Fitted {
  let sel: Selection;
  if (o.fixed === undefined) sel = selectCandidate(data.sessions, data.labels, rows, CANDIDATES);
  else {
    const y = Uint8Array.from(rows, (r) => data.labels[r] as number);
    const oof = outOfFold(data.sessions, data.labels, rows, o.fixed, INNER_FOLDS, INNER_SEED);
    sel = { candidate: o.fixed, threshold: bestF1Threshold(y, oof), scores: {}, oof };
  }
  const blend = o.noBlend === true ? undefined : selectBlend(data.sessions, data.labels, rows, sel.oof, BLEND_CANDIDATES);
  const trees = trainIntentModel(trainingSet(data.sessions, data.labels, rows, sel.candidate.features), { ...sel.candidate.options, bags: FINAL_BAGS });
  let model: IntentScorer = trees;
  if (blend !== undefined && blend.weight > 0) {
    const lr = trainLogisticModel(trainingSet(data.sessions, data.labels, rows, blend.logistic.features), blend.logistic.options);
    model = new BlendedIntentModel(trees, lr, blend.weight, { trees: sel.candidate.name, logistic: blend.logistic.name });
  }
  return { model, sel, blend, chosen: chosenName(sel, blend), threshold: blend === undefined ? sel.threshold : blend.threshold };
}

/** Tree count of a served model (the blend's trees), for people. */
export function treeCountOf(m: IntentScorer): number {
  return m instanceof BlendedIntentModel ? m.trees.treeCount : (m as { treeCount?: number }).treeCount ?? 0;
}

export function scoreRows(model: IntentScorer, sessions: readonly IntentSession[], rows: ArrayLike<number>): Float64Array {
  const nf = model.features.length;
  const x = toMatrix(sessions, rows, model.features);
  const p = new Float64Array(rows.length);
  for (let k = 0; k < rows.length; k++) p[k] = model.score(x.subarray(k * nf, (k + 1) * nf));
  return p;
}

function evaluate(fold: number, y: Uint8Array, p: Float64Array, fit: Fitted, trainMs: number): FoldResult {
  const at = atThreshold(y, p, fit.threshold);
  return {
    fold, n: y.length, positives: y.reduce((a, b) => a + b, 0), chosen: fit.chosen, threshold: fit.threshold,
    rocAuc: rocAuc(y, p), prAuc: averagePrecision(y, p), brier: brier(y, p),
    f1: at.f1, precision: at.precision, recall: at.recall, trees: treeCountOf(fit.model), trainMs,
  };
}

export function crossValidate(data: SessionsFile, folds: number, seed: number, o: RunOptions = {}): FoldResult[] {
  const fold = stratifiedFolds(data.labels, folds, seed);
  const out: FoldResult[] = [];
  for (let f = 0; f < folds; f++) {
    const { train, test } = splitFold(fold, f);
    const t0 = performance.now();
    const fit = fitOn(data, train, o);
    const trainMs = performance.now() - t0;
    const y = Uint8Array.from(test, (r) => data.labels[r] as number);
    const r = evaluate(f, y, scoreRows(fit.model, data.sessions, test), fit, trainMs);
    o.progress?.(`fold ${f + 1}/${folds}: chose ${r.chosen} (${r.trees} trees) in ${(trainMs / 1000).toFixed(1)} s; ROC-AUC ${r.rocAuc.toFixed(4)} PR-AUC ${r.prAuc.toFixed(4)}`);
    out.push(r);
  }
  return out;
}

/** Trains on all of `train`, scores every row of `test` once. */
export function trainTest(train: SessionsFile, test: SessionsFile, o: RunOptions = {}): { result: FoldResult; model: IntentScorer } {
  const t0 = performance.now();
  const fit = fitOn(train, Int32Array.from({ length: train.labels.length }, (_, i) => i), o);
  const trainMs = performance.now() - t0;
  const p = scoreRows(fit.model, test.sessions, Array.from({ length: test.labels.length }, (_, i) => i));
  return { result: evaluate(0, test.labels, p, fit, trainMs), model: fit.model };
}
