/**
 * The second stage of the nested selection, inside one outer training set only:
 * the logistic candidate with the best inner out-of-fold (ROC-AUC + PR-AUC)/2,
 * then the weight of its margin in a blend with the chosen trees' inner
 * out-of-fold margins, from BLEND_WEIGHTS by the same score (0: trees alone).
 * The F1 threshold is the best one on the chosen blend's inner predictions.
 */
import type { IntentSession } from '../../actors/propensity/index.js';
import type { LogisticCandidate } from './logistic-candidates.js';
import { averagePrecision, bestF1Threshold, rocAuc } from './metrics.js';
import { INNER_FOLDS, INNER_SEED, outOfFoldLogistic } from './select.js';

/** Logistic weights tried; inner CV peaked at 0.1-0.2 and fell steadily past 0.3 (README.md), so the grid stops at 0.5. */
export const BLEND_WEIGHTS: readonly number[] = [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5];

export interface BlendSelection {
  logistic: LogisticCandidate;
  weight: number;
  threshold: number;
  /** inner scores: each logistic candidate alone, then each weight of the chosen one */
  scores: Record<string, { rocAuc: number; prAuc: number }>;
}

const logit = (p: number): number => Math.log(p / (1 - p));

/** Probabilities of the logit blend (1 - w) x logit(a) + w x logit(b). */
export function blendProbabilities(a: Float64Array, b: Float64Array, w: number): Float64Array {
  return Float64Array.from(a, (v, i) => 1 / (1 + Math.exp(-((1 - w) * logit(v) + w * logit(b[i] as number)))));
}

/** `treesOof`: the chosen tree candidate's inner out-of-fold probabilities of `rows` (from selectCandidate). */
export function selectBlend(sessions: readonly IntentSession[], labels: Uint8Array, rows: Int32Array, treesOof: Float64Array, candidates: readonly LogisticCandidate[]): BlendSelection {
  const y = Uint8Array.from(rows, (r) => labels[r] as number);
  const scores: BlendSelection['scores'] = {};
  const score = (p: Float64Array): { rocAuc: number; prAuc: number; v: number } => {
    const s = { rocAuc: rocAuc(y, p), prAuc: averagePrecision(y, p) };
    return { ...s, v: (s.rocAuc + s.prAuc) / 2 };
  };
  let best: { c: LogisticCandidate; v: number; p: Float64Array } | undefined;
  for (const c of candidates) {
    const p = outOfFoldLogistic(sessions, labels, rows, c, INNER_FOLDS, INNER_SEED);
    const s = score(p);
    scores[c.name] = { rocAuc: s.rocAuc, prAuc: s.prAuc };
    if (best === undefined || s.v > best.v) best = { c, v: s.v, p };
  }
  if (best === undefined) throw new RangeError('selectBlend needs at least one logistic candidate');
  let w = { w: 0, v: Number.NEGATIVE_INFINITY, p: treesOof };
  for (const weight of BLEND_WEIGHTS) {
    const p = blendProbabilities(treesOof, best.p, weight);
    const s = score(p);
    scores[`w=${weight}`] = { rocAuc: s.rocAuc, prAuc: s.prAuc };
    // strictly better only: ties keep the smaller weight (the simpler model)
    if (s.v > w.v) w = { w: weight, v: s.v, p };
  }
  return { logistic: best.c, weight: w.w, threshold: bestF1Threshold(y, w.p), scores };
}
