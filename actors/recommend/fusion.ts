/**
 * Learned fusion (fusionMode 3, the default): a re-ranker of the best
 * LEARNED_SHORTLIST candidates of the weighted sum. A candidate's score is
 * exp(w . phi), where phi are fixed transforms of its per-signal scores (each
 * signal divided by its own maximum, as in fusionMode 0), a few absolute rates
 * and the query's context, and w was fitted offline on validation splits
 * (eval/fit-fusion.ts, a conditional logit: softmax over a query's candidates,
 * the next click as the label). exp keeps scores positive, so the diversity
 * penalty in select() still multiplies them. The same transform is used by the
 * fitter and at query time, from this file.
 */

/** Candidates the learned fusion re-ranks: the best of the weighted sum (fusionMode 0). */
export const LEARNED_SHORTLIST = 60;

/** Per-candidate raw signal values, in this order (see Signal in scratch.ts). */
export const RAW_SIGNALS = 6;
/**
 * Then, read only for shortlisted candidates: the sequence weight from the
 * latest item to it over the latest item's popularity (an absolute transition
 * rate, where the sequence signal is relative to its best candidate); the same
 * from the item before; its popularity over the latest item's; its
 * co-visitation weight with the latest item over that item's popularity; its
 * rank in the weighted-sum fusion (0 = best).
 */
export const RAW_EXTRAS = 5;
export const RAW_VALUES = RAW_SIGNALS + RAW_EXTRAS;
/** Floor inside log(): a signal that did not find the candidate reads log(LOG_FLOOR). */
export const LOG_FLOOR = 1e-3;

/**
 * Per-query context, in this order: distinct session items; the best raw
 * session-kNN score; the best sequence score over the latest item's
 * popularity (how sure its successors are); the best co-visitation score; the
 * latest item's trend / the catalogue's max. All are ratios of quantities on the
 * same decay clock, so they do not drift as the clock runs.
 */
export const CONTEXT_VALUES = 5;

export const FUSION_FEATURES = [
  'knn', 'seq', 'cov', 'rep', 'extra', 'pop',
  'knnLog', 'seqLog', 'covLog', 'popLog',
  'knnLen', 'seqLen', 'covLen', 'repLen',
  'knnConf', 'seqConf', 'covConf', 'repSeqConf',
  'knnLastPop', 'seqLastPop', 'repLastPop',
  'seqLastRate', 'seqPrevRate', 'popRel', 'covLastRate', 'baseRank',
] as const;
export type FusionFeature = (typeof FUSION_FEATURES)[number];
export const FUSION_FEATURE_COUNT = FUSION_FEATURES.length;

/**
 * Weights of fusionMode 3, fitted by eval/fit-fusion.ts on the validation
 * splits of yoochoose1_64 (weight 3) and retailrocket (weight 1); see
 * benchmarks/quality/README.md stage 7. `extra` is not fitted (no embedding
 * candidates in those runs): 0.3, as weightExtra in fusionMode 0.
 */
export const DEFAULT_FUSION_WEIGHTS: Readonly<Record<FusionFeature, number>> = {
  knn: 1.2701, seq: 1.088, cov: 0.1849, rep: 1.5763, extra: 0.3, pop: -0.3264,
  knnLog: 0.7716, seqLog: -0.1098, covLog: 0.0076, popLog: -0.2676,
  knnLen: -0.389, seqLen: -0.0259, covLen: 0.0015, repLen: -1.3762,
  knnConf: -0.3433, seqConf: 0.1061, covConf: 0.09, repSeqConf: -0.2364,
  knnLastPop: 0.3771, seqLastPop: 0.1068, repLastPop: -1.3349,
  seqLastRate: 0.1275, seqPrevRate: 0.0948, popRel: 0.1622, covLastRate: -0.0119, baseRank: -0.3835,
};

/**
 * Writes the features of one candidate into out[0..FUSION_FEATURE_COUNT).
 * raw[off..off + RAW_VALUES): raw[off + signal] is the signal's score / its max (re-click: the measured
 * rate; popularity: trend / the catalogue's max); ctx: CONTEXT_VALUES numbers
 * describing the query, which let a signal's weight depend on how sure it is.
 */
export function fusionFeatures(raw: ArrayLike<number>, off: number, ctx: ArrayLike<number>, out: Float64Array): void {
  const knn = raw[off]!;
  const seq = raw[off + 1]!;
  const cov = raw[off + 2]!;
  const rep = raw[off + 3]!;
  const extra = raw[off + 4]!;
  const pop = raw[off + 5]!;
  const len = Math.log(Math.max(1, ctx[0]!));
  const knnConf = Math.log(ctx[1]! + 1e-6);
  const seqConf = Math.log(ctx[2]! + LOG_FLOOR);
  const covConf = Math.log(ctx[3]! + LOG_FLOOR);
  const lastPop = Math.log(ctx[4]! + 1e-6);
  out[0] = knn;
  out[1] = seq;
  out[2] = cov;
  out[3] = rep;
  out[4] = extra;
  out[5] = pop;
  out[6] = Math.log(knn + LOG_FLOOR);
  out[7] = Math.log(seq + LOG_FLOOR);
  out[8] = Math.log(cov + LOG_FLOOR);
  out[9] = Math.log(pop + LOG_FLOOR);
  out[10] = knn * len;
  out[11] = seq * len;
  out[12] = cov * len;
  out[13] = rep * len;
  out[14] = knn * knnConf;
  out[15] = seq * seqConf;
  out[16] = cov * covConf;
  out[17] = rep * seqConf;
  out[18] = knn * lastPop;
  out[19] = seq * lastPop;
  out[20] = rep * lastPop;
  out[21] = Math.log(raw[off + 6]! + 1e-4);
  out[22] = Math.log(raw[off + 7]! + 1e-4);
  out[23] = Math.log(Math.min(Math.max(raw[off + 8]!, 1e-4), 1e4));
  out[24] = Math.log(raw[off + 9]! + 1e-4);
  out[25] = Math.log(1 + raw[off + 10]!);
}

/** The weights as an array in FUSION_FEATURES order. */
export function weightVector(w: Readonly<Record<FusionFeature, number>>): Float64Array {
  return Float64Array.from(FUSION_FEATURES, (f) => w[f]);
}
