/**
 * Binary classification metrics, computed the way scikit-learn does so our
 * numbers compare with the published ones: ROC-AUC with tied scores counted
 * half (rank statistic), PR-AUC as average precision (step-wise, no
 * interpolation; `average_precision_score`), Brier score, and F1 at a threshold.
 */

/** Indices sorted by score, highest first (ties in index order: the sums below treat ties as groups anyway). */
function byScoreDesc(score: ArrayLike<number>): number[] {
  return Array.from({ length: score.length }, (_, i) => i).sort((a, b) => (score[b] as number) - (score[a] as number) || a - b);
}

export function rocAuc(y: ArrayLike<number>, score: ArrayLike<number>): number {
  const order = byScoreDesc(score);
  let pos = 0;
  for (let i = 0; i < y.length; i++) pos += y[i] as number;
  const neg = y.length - pos;
  if (pos === 0 || neg === 0) return Number.NaN;
  // sum over tie groups: positives above each negative, ties count half
  let tp = 0;
  let area = 0;
  for (let k = 0; k < order.length; ) {
    const s = score[order[k] as number];
    let gp = 0;
    let gn = 0;
    while (k < order.length && score[order[k] as number] === s) {
      if (y[order[k] as number] === 1) gp++;
      else gn++;
      k++;
    }
    area += gn * (tp + gp / 2);
    tp += gp;
  }
  return area / (pos * neg);
}

export function averagePrecision(y: ArrayLike<number>, score: ArrayLike<number>): number {
  const order = byScoreDesc(score);
  let pos = 0;
  for (let i = 0; i < y.length; i++) pos += y[i] as number;
  if (pos === 0) return Number.NaN;
  let tp = 0;
  let seen = 0;
  let prevRecall = 0;
  let ap = 0;
  for (let k = 0; k < order.length; ) {
    const s = score[order[k] as number];
    while (k < order.length && score[order[k] as number] === s) {
      tp += y[order[k] as number] as number;
      seen++;
      k++;
    }
    const recall = tp / pos;
    ap += (recall - prevRecall) * (tp / seen);
    prevRecall = recall;
  }
  return ap;
}

export function brier(y: ArrayLike<number>, p: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) s += ((p[i] as number) - (y[i] as number)) ** 2;
  return s / y.length;
}

export interface AtThreshold {
  threshold: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Precision, recall and F1 when p >= threshold counts as "will buy". */
export function atThreshold(y: ArrayLike<number>, p: ArrayLike<number>, threshold: number): AtThreshold {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < y.length; i++) {
    const hit = (p[i] as number) >= threshold;
    if (hit && y[i] === 1) tp++;
    else if (hit) fp++;
    else if (y[i] === 1) fn++;
  }
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  return { threshold, precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

/** The threshold with the best F1 on (y, p): meant for out-of-fold predictions of training data only. */
export function bestF1Threshold(y: ArrayLike<number>, p: ArrayLike<number>): number {
  const order = byScoreDesc(p);
  let pos = 0;
  for (let i = 0; i < y.length; i++) pos += y[i] as number;
  let tp = 0;
  let seen = 0;
  let best = 0;
  let bestT = 0.5;
  for (let k = 0; k < order.length; ) {
    const s = p[order[k] as number] as number;
    while (k < order.length && p[order[k] as number] === s) {
      tp += y[order[k] as number] as number;
      seen++;
      k++;
    }
    const f1 = (2 * tp) / (seen + pos);
    if (f1 > best) {
      best = f1;
      // halfway to the next lower score: a new row scoring between them is treated as the tie group above
      const next = k < order.length ? (p[order[k] as number] as number) : 0;
      bestT = (s + next) / 2;
    }
  }
  return bestT;
}

export function meanStd(xs: readonly number[]): { mean: number; std: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  // population std over folds, as numpy's default (and sklearn's cross_validate reports)
  const std = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
  return { mean, std };
}
