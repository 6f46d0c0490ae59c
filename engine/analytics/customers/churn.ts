/**
 * Churn: a customer active before `asOf` has churned when they place no order in
 * [asOf, asOf + days) (90 by default). Two BG/NBD scores, both built on P(alive):
 * `churnProbability` = P(no order in the window) = 1 − P(alive) + P(alive) · P(no order |
 * alive), the model's own probability of the label, and `deadProbability` = 1 − P(alive),
 * which is 0 for every one-time buyer (the model cannot see a dropout before a repeat
 * purchase). `rocAuc` measures how well a score ranks churners above the rest.
 */
import { pAlive, probabilityNoPurchase, type BgNbdParams } from './bgnbd.js';
import { countBefore, type CustomerHistory } from './history.js';
import type { RepeatSummary } from './repeat-summary.js';
import { assertMidnight, DAY_MS } from './time.js';

export const CHURN_DAYS = 90;

/** customerId -> churned, for every history with an order before asOf. */
export function churnLabels(histories: Iterable<CustomerHistory>, asOf: number, days = CHURN_DAYS): Map<string, boolean> {
  assertMidnight(asOf, 'asOf');
  if (!(Number.isInteger(days) && days > 0)) throw new RangeError(`days must be a positive integer, got ${days}`);
  const end = asOf + days * DAY_MS;
  const out = new Map<string, boolean>();
  for (const h of histories) {
    const i = countBefore(h, asOf);
    if (i === 0) continue;
    const next = h.orders[i];
    out.set(h.customerId, next === undefined || next.ts >= end);
  }
  return out;
}

/** P(no order in the next `horizon` model time units) under BG/NBD; higher = likelier churned. */
export function churnProbability(model: BgNbdParams, s: RepeatSummary, horizon: number): number {
  return probabilityNoPurchase(model, s, horizon);
}

/** 1 − P(alive at asOf). */
export function deadProbability(model: BgNbdParams, s: RepeatSummary): number {
  return 1 - pAlive(model, s);
}

/**
 * ROC-AUC = P(score of a random positive > score of a random negative), ties
 * counting one half (Mann-Whitney U with mid-ranks). NaN when a class is empty.
 */
export function rocAuc(scores: readonly number[], labels: readonly boolean[]): number {
  if (scores.length !== labels.length) throw new RangeError('scores and labels differ in length');
  if (!scores.every(Number.isFinite)) throw new RangeError('scores must be finite');
  const idx = scores.map((_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let rankSumPos = 0;
  let pos = 0;
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j + 1 < idx.length && scores[idx[j + 1]!] === scores[idx[i]!]) j++;
    const mid = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) if (labels[idx[k]!]) { rankSumPos += mid; pos++; }
    i = j + 1;
  }
  const neg = idx.length - pos;
  if (pos === 0 || neg === 0) return NaN;
  return (rankSumPos - (pos * (pos + 1)) / 2) / (pos * neg);
}
