/**
 * Grows one regression tree on gradient/hessian histograms, best-first (the leaf
 * with the largest loss reduction splits next, as LightGBM does) under leaf,
 * depth, min-rows and min-hessian limits. The larger child's histogram is the
 * parent's minus the smaller child's, so each split scans only the smaller side.
 */
import type { Binned } from './binning.js';

export interface TreeParams {
  maxLeaves: number;
  maxDepth: number;
  minSamplesLeaf: number;
  minHessianLeaf: number;
  l2: number;
  minGain: number;
  learningRate: number;
  /** per feature: +1 the tree's output may only rise with it, -1 only fall, 0 free (LightGBM's basic method) */
  monotone?: Int8Array | undefined;
}

/** A tree in local node ids (root 0, children after parents); leaves have left = -1. */
export interface GrownTree {
  feature: number[];
  /** split bin, for updating training margins without raw values */
  bin: number[];
  threshold: number[];
  left: number[];
  right: number[];
  /** shrunken Newton value of the node (leaf value, or what the node would be as a leaf: used by explanations) */
  value: number[];
}

interface Leaf {
  node: number;
  start: number;
  end: number;
  depth: number;
  g: number;
  h: number;
  hist: Float64Array;
  gain: number;
  feature: number;
  bin: number;
  /** bounds on this leaf's raw (unshrunk) value from monotone splits above it */
  lo: number;
  hi: number;
}

/** Reusable per-training buffers: histograms (g, h, count interleaved) and the row permutation. */
export class TreeScratch {
  readonly offsets: Int32Array;
  readonly width: number;
  readonly rows: Int32Array;
  #pool: Float64Array[] = [];

  constructor(binned: Binned) {
    this.offsets = new Int32Array(binned.nFeatures + 1);
    for (let j = 0; j < binned.nFeatures; j++) this.offsets[j + 1] = (this.offsets[j] as number) + (binned.counts[j] as number);
    this.width = 3 * (this.offsets[binned.nFeatures] as number);
    this.rows = new Int32Array(binned.n);
  }

  take(): Float64Array {
    const h = this.#pool.pop();
    if (h === undefined) return new Float64Array(this.width);
    h.fill(0);
    return h;
  }

  give(h: Float64Array): void {
    this.#pool.push(h);
  }
}

function buildHist(b: Binned, s: TreeScratch, features: Int32Array, grad: Float64Array, hess: Float64Array, start: number, end: number, out: Float64Array): void {
  const { bins, n } = b;
  const rows = s.rows;
  for (let f = 0; f < features.length; f++) {
    const j = features[f] as number;
    const base = j * n;
    const off = 3 * (s.offsets[j] as number);
    for (let k = start; k < end; k++) {
      const r = rows[k] as number;
      const at = off + 3 * (bins[base + r] as number);
      out[at] = (out[at] as number) + (grad[r] as number);
      out[at + 1] = (out[at + 1] as number) + (hess[r] as number);
      out[at + 2] = (out[at + 2] as number) + 1;
    }
  }
}

const clamp = (v: number, lo: number, hi: number): number => (v < lo ? lo : v > hi ? hi : v);

function findSplit(leaf: Leaf, b: Binned, s: TreeScratch, features: Int32Array, p: TreeParams): void {
  leaf.gain = 0;
  leaf.feature = -1;
  const count = leaf.end - leaf.start;
  if (leaf.depth >= p.maxDepth || count < 2 * p.minSamplesLeaf) return;
  const parent = (leaf.g * leaf.g) / (leaf.h + p.l2);
  const hist = leaf.hist;
  const mono = p.monotone;
  for (let f = 0; f < features.length; f++) {
    const j = features[f] as number;
    const c = mono === undefined ? 0 : (mono[j] as number);
    const off = 3 * (s.offsets[j] as number);
    const nb = b.counts[j] as number;
    let gl = 0;
    let hl = 0;
    let cl = 0;
    for (let k = 0; k + 1 < nb; k++) {
      const at = off + 3 * k;
      gl += hist[at] as number;
      hl += hist[at + 1] as number;
      cl += hist[at + 2] as number;
      if (cl < p.minSamplesLeaf || hl < p.minHessianLeaf) continue;
      const cr = count - cl;
      if (cr < p.minSamplesLeaf) break;
      const gr = leaf.g - gl;
      const hr = leaf.h - hl;
      if (hr < p.minHessianLeaf) continue;
      // a split whose children would order against the constraint is not offered
      if (c !== 0 && c * (clamp(-gr / (hr + p.l2), leaf.lo, leaf.hi) - clamp(-gl / (hl + p.l2), leaf.lo, leaf.hi)) < 0) continue;
      const gain = 0.5 * ((gl * gl) / (hl + p.l2) + (gr * gr) / (hr + p.l2) - parent);
      if (gain > leaf.gain + 1e-12 && gain > p.minGain) {
        leaf.gain = gain;
        leaf.feature = j;
        leaf.bin = k;
      }
    }
  }
}

/**
 * Grows a tree on `rows` (copied into the scratch permutation) using only `features`.
 */
export function growTree(b: Binned, s: TreeScratch, sample: Int32Array, features: Int32Array, grad: Float64Array, hess: Float64Array, p: TreeParams): GrownTree {
  const t: GrownTree = { feature: [], bin: [], threshold: [], left: [], right: [], value: [] };
  const addNode = (g: number, h: number, lo = Number.NEGATIVE_INFINITY, hi = Number.POSITIVE_INFINITY): number => {
    t.feature.push(-1);
    t.bin.push(-1);
    t.threshold.push(0);
    t.left.push(-1);
    t.right.push(-1);
    t.value.push(clamp(-g / (h + p.l2), lo, hi) * p.learningRate);
    return t.value.length - 1;
  };
  s.rows.set(sample);
  let g0 = 0;
  let h0 = 0;
  for (let k = 0; k < sample.length; k++) {
    const r = sample[k] as number;
    g0 += grad[r] as number;
    h0 += hess[r] as number;
  }
  const root: Leaf = { node: addNode(g0, h0), start: 0, end: sample.length, depth: 0, g: g0, h: h0, hist: s.take(), gain: 0, feature: -1, bin: -1, lo: Number.NEGATIVE_INFINITY, hi: Number.POSITIVE_INFINITY };
  buildHist(b, s, features, grad, hess, root.start, root.end, root.hist);
  findSplit(root, b, s, features, p);
  const open: Leaf[] = [root];
  let leaves = 1;
  while (leaves < p.maxLeaves) {
    let best = -1;
    for (let i = 0; i < open.length; i++) {
      const l = open[i] as Leaf;
      if (l.feature >= 0 && (best < 0 || l.gain > (open[best] as Leaf).gain)) best = i;
    }
    if (best < 0) break;
    const leaf = open[best] as Leaf;
    open.splice(best, 1);
    // partition rows: bin <= split bin to the front
    const col = leaf.feature * b.n;
    const rows = s.rows;
    let i = leaf.start;
    let k = leaf.end - 1;
    while (i <= k) {
      if ((b.bins[col + (rows[i] as number)] as number) <= leaf.bin) i++;
      else {
        const tmp = rows[i] as number;
        rows[i] = rows[k] as number;
        rows[k] = tmp;
        k--;
      }
    }
    const mid = i;
    // the left side's sums from the histogram, exactly as the split search saw them
    const off = 3 * (s.offsets[leaf.feature] as number);
    let gl = 0;
    let hl = 0;
    for (let q = 0; q <= leaf.bin; q++) {
      gl += leaf.hist[off + 3 * q] as number;
      hl += leaf.hist[off + 3 * q + 1] as number;
    }
    // children of a monotone split are bounded at the midpoint of their values, so no later split can cross them
    const c = p.monotone === undefined ? 0 : (p.monotone[leaf.feature] as number);
    let [llo, lhi, rlo, rhi] = [leaf.lo, leaf.hi, leaf.lo, leaf.hi];
    if (c !== 0) {
      const midValue = (clamp(-gl / (hl + p.l2), leaf.lo, leaf.hi) + clamp(-(leaf.g - gl) / (leaf.h - hl + p.l2), leaf.lo, leaf.hi)) / 2;
      if (c > 0) [lhi, rlo] = [midValue, midValue];
      else [llo, rhi] = [midValue, midValue];
    }
    const left: Leaf = { node: addNode(gl, hl, llo, lhi), start: leaf.start, end: mid, depth: leaf.depth + 1, g: gl, h: hl, hist: leaf.hist, gain: 0, feature: -1, bin: -1, lo: llo, hi: lhi };
    const right: Leaf = { node: addNode(leaf.g - gl, leaf.h - hl, rlo, rhi), start: mid, end: leaf.end, depth: leaf.depth + 1, g: leaf.g - gl, h: leaf.h - hl, hist: leaf.hist, gain: 0, feature: -1, bin: -1, lo: rlo, hi: rhi };
    t.feature[leaf.node] = leaf.feature;
    t.bin[leaf.node] = leaf.bin;
    t.threshold[leaf.node] = b.upper[leaf.feature]![leaf.bin] as number;
    t.left[leaf.node] = left.node;
    t.right[leaf.node] = right.node;
    const [small, large] = mid - leaf.start <= leaf.end - mid ? [left, right] : [right, left];
    small.hist = s.take();
    buildHist(b, s, features, grad, hess, small.start, small.end, small.hist);
    const ph = leaf.hist; // becomes the large child's: parent - small
    const sh = small.hist;
    for (let f = 0; f < features.length; f++) {
      const j = features[f] as number;
      for (let q = 3 * (s.offsets[j] as number), e = 3 * (s.offsets[j + 1] as number); q < e; q++) ph[q] = (ph[q] as number) - (sh[q] as number);
    }
    large.hist = ph;
    findSplit(left, b, s, features, p);
    findSplit(right, b, s, features, p);
    open.push(left, right);
    leaves++;
  }
  for (const l of open) s.give(l.hist);
  return t;
}
