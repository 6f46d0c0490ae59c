/**
 * Scores of a ranking against outcomes: ROC-AUC (rank statistic, ties count half),
 * Brier, and a reliability table (predicted vs observed by score bin). Used for the
 * live model's prequential evaluation: every session is scored before its outcome is
 * known, by the model in force then, and judged once it is.
 */

export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const n = scores.length;
  const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => (scores[a] as number) - (scores[b] as number));
  let pos = 0;
  let rankSum = 0;
  for (let i = 0; i < n;) {
    let j = i;
    while (j + 1 < n && scores[idx[j + 1]!] === scores[idx[i]!]) j++;
    const mid = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) {
      if (labels[idx[k]!] === 1) {
        pos++;
        rankSum += mid;
      }
    }
    i = j + 1;
  }
  const neg = n - pos;
  if (pos === 0 || neg === 0) return Number.NaN;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

export function brier(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < scores.length; i++) s += ((scores[i] as number) - (labels[i] as number)) ** 2;
  return scores.length ? s / scores.length : Number.NaN;
}

import type { CalibrationBin } from '../../../protos/admin-contract.js';

export function calibration(scores: ArrayLike<number>, labels: ArrayLike<number>, bins = 10): CalibrationBin[] {
  const out: CalibrationBin[] = Array.from({ length: bins }, (_, b) => ({ from: b / bins, to: (b + 1) / bins, n: 0, predicted: 0, observed: 0 }));
  for (let i = 0; i < scores.length; i++) {
    const p = scores[i] as number;
    const bin = out[Math.min(bins - 1, Math.max(0, Math.floor(p * bins)))]!;
    bin.n++;
    bin.predicted += p;
    bin.observed += labels[i] as number;
  }
  for (const b of out) {
    if (b.n > 0) {
      b.predicted = round(b.predicted / b.n);
      b.observed = round(b.observed / b.n);
    }
  }
  return out;
}

/** Counts of scores per bin of width 1/bins. */
export function histogram(scores: Iterable<number>, bins = 10): number[] {
  const h = new Array<number>(bins).fill(0);
  for (const p of scores) h[Math.min(bins - 1, Math.max(0, Math.floor(p * bins)))]!++;
  return h;
}

export const round = (v: number): number => (Number.isFinite(v) ? Math.round(v * 1e4) / 1e4 : v);
