/**
 * The CTR model on real samples (Criteo display ads, Avazu mobile ads: a few hundred
 * rows each in ../shared/data/ctr_samples): a smoke test of feature hashing and
 * FTRL-Proximal learning, not a benchmark. The model's logloss is
 * compared with a constant predictor at the learning rows' click rate, by 5-fold
 * cross-validation (a single 70/30 split scores only 30 Avazu rows: too noisy).
 */
import { readFileSync } from 'node:fs';
import { FtrlModel, type FtrlOptions } from '../../actors/ads/index.js';

export interface CtrSampleResult {
  dataset: string;
  rows: number;
  folds: number;
  /** Mean rows learned from per fold. */
  trainRows: number;
  trainCtr: number;
  logloss: number;
  baselineLogloss: number;
}

export interface Example {
  features: string[];
  clicked: boolean;
}

/** Criteo: label, 13 integer features (log-squared buckets, the competition winners' transform), 26 hashed categoricals. */
export function criteoRows(text: string): Example[] {
  const lines = text.trim().split(/\r?\n/).slice(1);
  return lines.map((line) => {
    const f = line.split(',');
    const features: string[] = [];
    for (let i = 1; i <= 13; i++) {
      const v = f[i] ?? '';
      if (v === '') continue;
      const x = Number(v);
      features.push(`I${i}=${x > 2 ? Math.floor(Math.log(x) ** 2) : `s${Math.round(x)}`}`);
    }
    for (let i = 14; i < 40; i++) if (f[i]) features.push(`C${i - 13}=${f[i]}`);
    return { features, clicked: f[0] === '1' };
  });
}

/** Avazu: id, click, hour (YYMMDDHH: hour of day kept), then categoricals; id is dropped. */
export function avazuRows(text: string): Example[] {
  const lines = text.trim().split(/\r?\n/);
  const head = lines[0]!.split(',');
  return lines.slice(1).map((line) => {
    const f = line.split(',');
    const features: string[] = [];
    for (let i = 2; i < head.length; i++) {
      const v = head[i] === 'hour' ? (f[i] ?? '').slice(-2) : f[i];
      if (v) features.push(`${head[i]}=${v}`);
    }
    features.push(`site_app=${f[5]}|${f[8]}`, `pos_dev=${f[4]}|${f[14]}`);
    return { features, clicked: f[1] === '1' };
  });
}

const ll = (p: number, y: boolean) => {
  const q = Math.min(1 - 1e-15, Math.max(1e-15, p));
  return y ? -Math.log(q) : -Math.log(1 - q);
};

/** K-fold cross-validation (folds in row order): each fold scored by a model learned on the others, `passes` times over. */
export function evaluateSample(dataset: string, rows: Example[], opts: Partial<FtrlOptions> = CTR_SAMPLE_FTRL, passes = 3, folds = 5): CtrSampleResult {
  let loss = 0;
  let base = 0;
  let trainRows = 0;
  let rateSum = 0;
  for (let k = 0; k < folds; k++) {
    const lo = Math.floor((rows.length * k) / folds);
    const hi = Math.floor((rows.length * (k + 1)) / folds);
    const train = [...rows.slice(0, lo), ...rows.slice(hi)];
    const test = rows.slice(lo, hi);
    const model = new FtrlModel(opts);
    for (let p = 0; p < passes; p++) for (const r of train) model.learn(r.features, r.clicked);
    const rate = Math.min(1 - 1e-6, Math.max(1e-6, train.filter((r) => r.clicked).length / train.length));
    for (const r of test) {
      loss += ll(model.predict(r.features), r.clicked);
      base += ll(rate, r.clicked);
    }
    trainRows += train.length;
    rateSum += rate;
  }
  return { dataset, rows: rows.length, folds, trainRows: trainRows / folds, trainCtr: rateSum / folds, logloss: loss / rows.length, baselineLogloss: base / rows.length };
}

/** The settings the smoke test uses (chosen once, not tuned per dataset). */
export const CTR_SAMPLE_FTRL: Partial<FtrlOptions> = { alpha: 0.05, beta: 1, lambda1: 0.5, lambda2: 1 };

export function loadSample(dir: string, dataset: 'criteo' | 'avazu'): Example[] {
  const text = readFileSync(`${dir}/${dataset}_sample.txt`, 'utf8');
  return dataset === 'criteo' ? criteoRows(text) : avazuRows(text);
}
