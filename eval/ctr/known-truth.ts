/**
 * The CTR model on known truth: simulated shoppers see ads of N products at positions
 * 1..P with an affinity to the product's category, and click with a probability the
 * scenario sets per (product, position, affinity):
 *   p = base(product) x decay^(position-1) x (1 + lift x affinity)
 * The model sees only (features, click) in the order they happen, as in the engine
 * (adFeatures, FtrlModel.indexHashes and learnIdx). After N impressions it is scored on fresh contexts:
 * calibration error = mean |mean predicted - mean true| over deciles of prediction,
 * and AUC of the predictions against the true probabilities' clicks (drawn), besides
 * the correlation with the true probabilities.
 */
import { adFeatures, FtrlModel, type FtrlOptions } from '../../actors/ads/index.js';
import { mulberry32 } from './prng.js';

export interface KnownTruthOptions {
  products: number;
  positions: number;
  impressions: number;
  seed: number;
  ftrl?: Partial<FtrlOptions>;
}

export interface KnownTruthResult {
  impressions: number;
  clicks: number;
  calibrationError: number;
  deciles: Array<{ predicted: number; truth: number; n: number }>;
  /** AUC of predictions vs clicks drawn from the truth on the scoring set, and the same for the truth itself (the ceiling). */
  auc: number;
  aucOfTruth: number;
  progressiveLogloss: number;
}

const CATEGORIES = ['shoes', 'phones', 'books', 'garden', 'toys'];

export function auc(scores: readonly number[], labels: readonly boolean[]): number {
  const idx = scores.map((s, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let rank = 0;
  let pos = 0;
  let sumPos = 0;
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j < idx.length && scores[idx[j]!] === scores[idx[i]!]) j++;
    const avg = (i + 1 + j) / 2; // ties share the mean rank
    for (let k = i; k < j; k++) if (labels[idx[k]!]) { sumPos += avg; pos++; }
    rank = j;
    i = j;
  }
  const neg = rank - pos;
  return pos === 0 || neg === 0 ? Number.NaN : (sumPos - (pos * (pos + 1)) / 2) / (pos * neg);
}

export function runKnownTruth(o: KnownTruthOptions): KnownTruthResult {
  const rnd = mulberry32(o.seed);
  const base = Array.from({ length: o.products }, () => 0.01 + 0.14 * rnd());
  const cat = Array.from({ length: o.products }, (_, i) => CATEGORIES[i % CATEGORIES.length]!);
  const truth = (item: number, position: number, affinity: number) => Math.min(0.95, base[item]! * 0.8 ** (position - 1) * (1 + 1.5 * affinity));
  const draw = () => {
    const item = Math.floor(rnd() * o.products);
    const position = 1 + Math.floor(rnd() * o.positions);
    const affinity = rnd() < 0.5 ? 0 : rnd();
    const features = adFeatures({ slot: 'search', position, itemId: `p${item}`, category: cat[item]!, campaignId: `c${item % 7}`, queryTerms: [], affinity, hour: 12 });
    return { features, p: truth(item, position, affinity) };
  };
  const model = new FtrlModel(o.ftrl ?? { alpha: 0.05, beta: 1, lambda1: 0.1, lambda2: 1 });
  let clicks = 0;
  let loss = 0;
  for (let i = 0; i < o.impressions; i++) {
    const x = draw();
    const y = rnd() < x.p;
    if (y) clicks++;
    const q = Math.min(1 - 1e-15, Math.max(1e-15, model.learnIdx(model.indexHashes(x.features), y)));
    loss += y ? -Math.log(q) : -Math.log(1 - q);
  }
  const scoring = Array.from({ length: 20_000 }, draw);
  const preds = scoring.map((x) => model.predictIdx(model.indexHashes(x.features)));
  const order = preds.map((_, i) => i).sort((a, b) => preds[a]! - preds[b]!);
  const deciles: KnownTruthResult['deciles'] = [];
  for (let d = 0; d < 10; d++) {
    const part = order.slice(Math.floor((order.length * d) / 10), Math.floor((order.length * (d + 1)) / 10));
    const mp = part.reduce((s, i) => s + preds[i]!, 0) / part.length;
    const mt = part.reduce((s, i) => s + scoring[i]!.p, 0) / part.length;
    deciles.push({ predicted: mp, truth: mt, n: part.length });
  }
  const labels = scoring.map((x) => rnd() < x.p);
  return {
    impressions: o.impressions, clicks, deciles,
    calibrationError: deciles.reduce((s, d) => s + Math.abs(d.predicted - d.truth), 0) / deciles.length,
    auc: auc(preds, labels), aucOfTruth: auc(scoring.map((x) => x.p), labels),
    progressiveLogloss: loss / o.impressions,
  };
}
