/**
 * Gradient boosting with logistic loss: each round fits a tree to the Newton
 * step of the log-loss on a row subsample with a feature subsample, shrunk by the
 * learning rate; rounds stop when log-loss on a stratified held-out share has not
 * improved for `earlyStoppingRounds`. With `bags` > 1, boosters on different
 * seeds (and held-out shares) are averaged into one model. Deterministic: the
 * same data, options and seed give the same model, bit for bit.
 */
import { binMatrix } from './binning.js';
import type { Binned } from './binning.js';
import type { FeatureDef, IntentSession } from './features.js';
import { IntentModel } from './model.js';
import type { ModelArrays } from './model.js';
import { resolveTrainOptions } from './options.js';
import type { TrainOptions } from './options.js';
import { Prng } from './prng.js';
import { growTree, TreeScratch } from './tree.js';
import type { GrownTree, TreeParams } from './tree.js';

export interface TrainingSet<S = IntentSession> {
  /** Row-major features, n x features.length. */
  x: Float64Array;
  /** Labels, 0 or 1. */
  y: ArrayLike<number>;
  features: readonly FeatureDef<S>[];
}

const sigmoid = (m: number): number => 1 / (1 + Math.exp(-m));

/** Stratified random split of 0..n-1: `fraction` of each class held out. */
export function stratifiedHoldout(y: ArrayLike<number>, fraction: number, prng: Prng): { fit: Int32Array; held: Int32Array } {
  const pos: number[] = [];
  const neg: number[] = [];
  for (let i = 0; i < y.length; i++) (y[i] === 1 ? pos : neg).push(i);
  prng.shuffle(pos);
  prng.shuffle(neg);
  const np = Math.round(pos.length * fraction);
  const nn = Math.round(neg.length * fraction);
  const held = [...pos.slice(0, np), ...neg.slice(0, nn)].sort((a, b) => a - b);
  const fit = [...pos.slice(np), ...neg.slice(nn)].sort((a, b) => a - b);
  return { fit: Int32Array.from(fit), held: Int32Array.from(held) };
}

function checkSet<S>(d: TrainingSet<S>): number {
  const nf = d.features.length;
  if (nf === 0) throw new RangeError('intent training set has no features');
  const n = d.y.length;
  if (d.x.length !== n * nf) throw new RangeError(`intent training set: x has ${d.x.length} values, want ${n} rows x ${nf} features`);
  let pos = 0;
  for (let i = 0; i < n; i++) {
    const v = d.y[i];
    if (v !== 0 && v !== 1) throw new RangeError(`intent training set: label of row ${i} is ${String(v)}, want 0 or 1`);
    pos += v;
  }
  if (pos === 0 || pos === n) throw new RangeError(`intent training set needs both classes, has ${pos} positives of ${n}`);
  return n;
}

function quartiles(x: Float64Array, n: number, nf: number): { q25: Float64Array; q75: Float64Array } {
  const q25 = new Float64Array(nf);
  const q75 = new Float64Array(nf);
  const col = new Float64Array(n);
  for (let j = 0; j < nf; j++) {
    for (let i = 0; i < n; i++) col[i] = x[i * nf + j] as number;
    col.sort();
    q25[j] = col[Math.floor(0.25 * (n - 1))] as number;
    q75[j] = col[Math.floor(0.75 * (n - 1))] as number;
  }
  return { q25, q75 };
}

/** Adds a tree's output to margins of `rows`, routing by bins. */
function addTree(t: GrownTree, b: Binned, rows: Int32Array, margin: Float64Array): void {
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k] as number;
    let i = 0;
    while ((t.left[i] as number) >= 0) {
      i = (b.bins[(t.feature[i] as number) * b.n + r] as number) <= (t.bin[i] as number) ? (t.left[i] as number) : (t.right[i] as number);
    }
    margin[r] = (margin[r] as number) + (t.value[i] as number);
  }
}

/** The monotone option as one constraint per feature index; undefined when there is none. */
function monotoneOf<S>(features: readonly FeatureDef<S>[], o: TrainOptions): Int8Array | undefined {
  const names = Object.keys(o.monotone);
  if (names.length === 0) return undefined;
  const m = new Int8Array(features.length);
  for (const name of names) {
    const j = features.findIndex((f) => f.name === name);
    if (j < 0) throw new RangeError(`intent train option monotone names ${name}, which is not a feature of the training set`);
    m[j] = o.monotone[name] as number;
  }
  return m;
}

interface Booster {
  base: number;
  trees: GrownTree[];
  rounds: number;
  bestLoss: number;
}

function boost<S>(d: TrainingSet<S>, n: number, o: TrainOptions, seed: number): Booster {
  const nf = d.features.length;
  const prng = new Prng(seed);
  const all = Int32Array.from({ length: n }, (_, i) => i);
  const { fit, held } = o.validationFraction > 0 ? stratifiedHoldout(d.y, o.validationFraction, prng) : { fit: all, held: new Int32Array(0) };
  const b = binMatrix(d.x, n, nf, o.maxBins, fit);
  const scratch = new TreeScratch(b);
  let pos = 0;
  for (let k = 0; k < fit.length; k++) pos += d.y[fit[k] as number] as number;
  const base = Math.log(pos / (fit.length - pos));
  const margin = new Float64Array(n).fill(base);
  const grad = new Float64Array(n);
  const hess = new Float64Array(n);
  const params: TreeParams = { ...o, monotone: monotoneOf(d.features, o) };
  const sampleSize = Math.max(1, Math.round(o.subsample * fit.length));
  const featureCount = Math.max(1, Math.round(o.colsample * nf));
  const order = Int32Array.from(fit);
  const featOrder = Int32Array.from({ length: nf }, (_, j) => j);
  const trees: GrownTree[] = [];
  let bestLoss = Number.POSITIVE_INFINITY;
  let bestRounds = 0;
  for (let it = 0; it < o.maxIterations; it++) {
    for (let k = 0; k < fit.length; k++) {
      const r = fit[k] as number;
      const p = sigmoid(margin[r] as number);
      grad[r] = p - (d.y[r] as number);
      hess[r] = Math.max(p * (1 - p), 1e-16);
    }
    // partial Fisher-Yates: the first sampleSize entries are a uniform sample without replacement
    if (sampleSize < fit.length) {
      for (let k = 0; k < sampleSize; k++) {
        const j = k + prng.int(order.length - k);
        const t = order[k] as number;
        order[k] = order[j] as number;
        order[j] = t;
      }
    }
    if (featureCount < nf) {
      for (let k = 0; k < featureCount; k++) {
        const j = k + prng.int(nf - k);
        const t = featOrder[k] as number;
        featOrder[k] = featOrder[j] as number;
        featOrder[j] = t;
      }
    }
    // sorted subsets keep the histogram passes cache-friendly and the result independent of shuffle order
    const sample = order.slice(0, sampleSize).sort();
    const feats = featOrder.slice(0, featureCount).sort();
    const t = growTree(b, scratch, sample, feats, grad, hess, params);
    trees.push(t);
    addTree(t, b, fit, margin);
    if (held.length > 0) {
      addTree(t, b, held, margin);
      let loss = 0;
      for (let k = 0; k < held.length; k++) {
        const r = held[k] as number;
        const p = Math.min(Math.max(sigmoid(margin[r] as number), 1e-15), 1 - 1e-15);
        loss -= d.y[r] === 1 ? Math.log(p) : Math.log(1 - p);
      }
      loss /= held.length;
      if (loss < bestLoss - 1e-12) {
        bestLoss = loss;
        bestRounds = it + 1;
      } else if (it + 1 - bestRounds >= o.earlyStoppingRounds) break;
    } else bestRounds = it + 1;
  }
  return { base, trees: trees.slice(0, bestRounds), rounds: bestRounds, bestLoss };
}

/** Packs boosters' trees into flat arrays, each tree's values divided by the number of boosters. */
function pack(boosters: Booster[]): ModelArrays {
  let nodes = 0;
  let count = 0;
  for (const bo of boosters) for (const t of bo.trees) {
    nodes += t.value.length;
    count++;
  }
  const a: ModelArrays = {
    roots: new Int32Array(count), feature: new Int32Array(nodes), threshold: new Float64Array(nodes),
    left: new Int32Array(nodes), right: new Int32Array(nodes), value: new Float64Array(nodes),
  };
  const scale = 1 / boosters.length;
  let at = 0;
  let ti = 0;
  for (const bo of boosters) for (const t of bo.trees) {
    a.roots[ti++] = at;
    for (let i = 0; i < t.value.length; i++) {
      const leaf = (t.left[i] as number) < 0;
      a.feature[at + i] = leaf ? -1 : (t.feature[i] as number);
      a.threshold[at + i] = leaf ? 0 : (t.threshold[i] as number);
      a.left[at + i] = leaf ? -1 : at + (t.left[i] as number);
      a.right[at + i] = leaf ? -1 : at + (t.right[i] as number);
      a.value[at + i] = (t.value[i] as number) * scale;
    }
    at += t.value.length;
  }
  return a;
}

/** Trains a model on `d`. Throws RangeError/TypeError on bad options or data. */
export function trainIntentModel<S = IntentSession>(d: TrainingSet<S>, options: Partial<TrainOptions> = {}): IntentModel<S> {
  const o = resolveTrainOptions(options);
  const n = checkSet(d);
  const boosters: Booster[] = [];
  // each bag its own seed stream: different subsamples and a different held-out share
  for (let bag = 0; bag < o.bags; bag++) boosters.push(boost(d, n, o, (o.seed + Math.imul(bag, 0x3c6ef372)) | 0));
  const base = boosters.reduce((s, bo) => s + bo.base, 0) / boosters.length;
  let pos = 0;
  for (let i = 0; i < n; i++) pos += d.y[i] as number;
  return new IntentModel(d.features, base, pack(boosters), quartiles(d.x, n, d.features.length), {
    rows: n, positives: pos, rounds: boosters.map((bo) => bo.rounds), options: o,
  });
}
