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
 * rank in the weighted-sum fusion (0 = best). Stage 8: how often the session
 * clicked it, how many clicks ago last (0 / 0 when never); transition rate from
 * the third-latest item; co-visitation rate with the item before the latest; the
 * reverse transition rate (it -> latest, over its popularity); the best
 * transition rate from any anchor; its own measured re-click rate; sessions since
 * any session last clicked it, and the share of recent sessions that did
 * (clock-free "popularity in the last sessions").
 */
export const RAW_EXTRAS = 13;
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
  'inSess', 'cntLog', 'agoLog', 'seqAnc2Rate', 'covPrevRate', 'revRate', 'selfRep', 'rank0', 'rankLog2', 'sinceLast', 'recentShare',
] as const;
export type FusionFeature = (typeof FUSION_FEATURES)[number];
export const FUSION_FEATURE_COUNT = FUSION_FEATURES.length;

/**
 * Weights of fusionMode 3, fitted by eval/fit-fusion.ts on the validation
 * splits of yoochoose1_64 (weight 3) and retailrocket (weight 1); see
 * benchmarks/quality/README.md stages 7 and 8. `extra` is not fitted (no embedding
 * candidates in those runs): 0.3, as weightExtra in fusionMode 0.
 */
export const DEFAULT_FUSION_WEIGHTS: Readonly<Record<FusionFeature, number>> = {
  knn: 1.6131, seq: 1.8095, cov: -0.0865, rep: 1.1532, extra: 0.3, pop: -0.253,
  knnLog: 0.5408, seqLog: -0.1071, covLog: -0.0415, popLog: -0.4295,
  knnLen: -0.4663, seqLen: -0.1261, covLen: 0.0225, repLen: -0.9296,
  knnConf: -0.1382, seqConf: 0.2912, covConf: 0.0615, repSeqConf: 0.1918,
  knnLastPop: 0.3329, seqLastPop: 0.1733, repLastPop: -1.1007,
  seqLastRate: 0.1503, seqPrevRate: 0.0771, popRel: 0.1246, covLastRate: -0.0444, baseRank: -0.2487,
  inSess: 0.3189, cntLog: 1.3252, agoLog: 0.0271, seqAnc2Rate: 0.0644, covPrevRate: 0.0216, revRate: 0.0814,
  selfRep: 0.6803, rank0: -0.248, rankLog2: -0.0611, sinceLast: -0.0372, recentShare: 0.1548,
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
  const rankLog = Math.log(1 + raw[off + 10]!);
  out[25] = rankLog;
  const cnt = raw[off + 11]!;
  const inSess = cnt > 0 ? 1 : 0;
  out[26] = inSess;
  out[27] = Math.log(1 + cnt);
  out[28] = inSess * Math.log(Math.max(1, raw[off + 12]!));
  out[29] = Math.log(raw[off + 13]! + 1e-4);
  out[30] = Math.log(raw[off + 14]! + 1e-4);
  out[31] = Math.log(raw[off + 15]! + 1e-4);
  out[32] = inSess * Math.log(raw[off + 16]! + 1e-3);
  out[33] = raw[off + 10] === 0 ? 1 : 0;
  out[34] = rankLog * rankLog;
  out[35] = Math.log(Math.max(1, raw[off + 17]!));
  out[36] = Math.log(raw[off + 18]! + 1e-5);
}

/** Per-query weights (QUERY_WEIGHTS numbers) for fusionLogit. */
export const QUERY_WEIGHTS = 4;

/**
 * Folds the context features into per-query weights of the four signals they
 * multiply, so fusionLogit does no per-candidate work for them. w: the
 * weights in FUSION_FEATURES order.
 */
export function queryWeights(w: ArrayLike<number>, ctx: ArrayLike<number>, out: Float64Array): void {
  const len = Math.log(Math.max(1, ctx[0]!));
  const knnConf = Math.log(ctx[1]! + 1e-6);
  const seqConf = Math.log(ctx[2]! + LOG_FLOOR);
  const covConf = Math.log(ctx[3]! + LOG_FLOOR);
  const lastPop = Math.log(ctx[4]! + 1e-6);
  out[0] = w[0]! + w[10]! * len + w[14]! * knnConf + w[18]! * lastPop;
  out[1] = w[1]! + w[11]! * len + w[15]! * seqConf + w[19]! * lastPop;
  out[2] = w[2]! + w[12]! * len + w[16]! * covConf;
  out[3] = w[3]! + w[13]! * len + w[17]! * seqConf + w[20]! * lastPop;
}

/**
 * w . fusionFeatures(raw, off, ctx), computed faster at query time (qw from
 * queryWeights for the same ctx). Must stay the same function as fusionFeatures:
 * a unit test compares the two.
 */
export function fusionLogit(raw: ArrayLike<number>, off: number, w: ArrayLike<number>, qw: ArrayLike<number>): number {
  const knn = raw[off]!;
  const seq = raw[off + 1]!;
  const cov = raw[off + 2]!;
  const pop = raw[off + 5]!;
  const rank = raw[off + 10]!;
  const cnt = raw[off + 11]!;
  const rankLog = Math.log(1 + rank);
  let z = qw[0]! * knn + qw[1]! * seq + qw[2]! * cov + qw[3]! * raw[off + 3]! + w[4]! * raw[off + 4]! + w[5]! * pop
    + w[6]! * Math.log(knn + LOG_FLOOR) + w[7]! * Math.log(seq + LOG_FLOOR) + w[8]! * Math.log(cov + LOG_FLOOR) + w[9]! * Math.log(pop + LOG_FLOOR)
    + w[21]! * Math.log(raw[off + 6]! + 1e-4) + w[22]! * Math.log(raw[off + 7]! + 1e-4)
    + w[23]! * Math.log(Math.min(Math.max(raw[off + 8]!, 1e-4), 1e4)) + w[24]! * Math.log(raw[off + 9]! + 1e-4)
    + w[25]! * rankLog + w[29]! * Math.log(raw[off + 13]! + 1e-4) + w[30]! * Math.log(raw[off + 14]! + 1e-4)
    + w[31]! * Math.log(raw[off + 15]! + 1e-4) + w[34]! * rankLog * rankLog
    + w[35]! * Math.log(Math.max(1, raw[off + 17]!)) + w[36]! * Math.log(raw[off + 18]! + 1e-5);
  if (rank === 0) z += w[33]!;
  if (cnt > 0) {
    // only the session's own items have re-click features
    z += w[26]! + w[27]! * Math.log(1 + cnt) + w[28]! * Math.log(Math.max(1, raw[off + 12]!)) + w[32]! * Math.log(raw[off + 16]! + 1e-3);
  }
  return z;
}

/** The weights as an array in FUSION_FEATURES order. */
export function weightVector(w: Readonly<Record<FusionFeature, number>>): Float64Array {
  return Float64Array.from(FUSION_FEATURES, (f) => w[f]);
}
