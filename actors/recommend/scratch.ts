/**
 * Per-model scratch arrays reused by every query, so scoring allocates almost
 * nothing. A query only touches the entries it lists and clears them after, so
 * cost follows the candidates, not the catalogue size. Not part of snapshots.
 */

import { CONTEXT_VALUES, RAW_SIGNALS, weightVector } from './fusion.js';
import type { ResolvedOptions } from './options.js';

/** Signal codes: which signal explains a fused score best, and so the reason text. */
export const Signal = { Knn: 0, Sequence: 1, CoVisit: 2, Repeat: 3, Extra: 4, Popularity: 5 } as const;
export type Signal = (typeof Signal)[keyof typeof Signal];

/** A sparse accumulator over item ids: values, the best anchor per item, and the touched list. */
export class SparseScores {
  val = new Float64Array(0);
  anchor = new Int32Array(0);
  anchorW = new Float64Array(0);
  touched: number[] = [];

  ensure(n: number): void {
    if (n <= this.val.length) return;
    const cap = Math.max(n, this.val.length * 2, 1024);
    const v = new Float64Array(cap);
    v.set(this.val);
    const a = new Int32Array(cap).fill(-1);
    a.set(this.anchor);
    const w = new Float64Array(cap);
    w.set(this.anchorW);
    this.val = v;
    this.anchor = a;
    this.anchorW = w;
  }

  add(item: number, v: number, anchor: number): void {
    if (!(v > 0)) return;
    const old = this.val[item]!;
    if (old === 0 && this.anchor[item] === -1) this.touched.push(item);
    this.val[item] = old + v;
    if (v > this.anchorW[item]!) {
      this.anchorW[item] = v;
      this.anchor[item] = anchor;
    }
  }

  max(): number {
    let m = 0;
    for (const i of this.touched) if (this.val[i]! > m) m = this.val[i]!;
    return m;
  }

  sum(): number {
    let m = 0;
    for (const i of this.touched) m += this.val[i]!;
    return m;
  }

  clear(): void {
    for (const i of this.touched) {
      this.val[i] = 0;
      this.anchor[i] = -1;
      this.anchorW[i] = 0;
    }
    this.touched.length = 0;
  }
}

export interface Scratch {
  /** One signal at a time. */
  signal: SparseScores;
  /** The fused score; `anchor` holds the signal that explains it best (see Signal). */
  total: SparseScores;
  /** Which anchor item explains the fused score best (-1 = none). */
  why: Int32Array;
  /** Per candidate, each signal's normalised score (RAW_SIGNALS per item, see fusion.ts). */
  raw: Float64Array;
  /** The query's clicks per item (2 per item: count, clicks ago last), set only while re-ranking. */
  clicks: Int32Array;
  /** fusionMode 3: the weights in FUSION_FEATURES order. */
  fusionW: Float64Array;
  /** The query's context (CONTEXT_VALUES, see fusion.ts); norm[signal] = the max a signal was divided by. */
  ctx: Float64Array;
  norm: Float64Array;
  /** Per-query availability cache: 0 unknown, 1 allowed, 2 not allowed. */
  allowed: Uint8Array;
  /** Session-kNN: accumulated overlap per index slot, and the touched slots. */
  slotSim: Float64Array;
  slotMatch: Int32Array;
  slots: number[];
  /** Session-kNN: exp(-d / knnItemDecay) by item distance d, and the decay it was made for. */
  knnNear?: Float64Array;
  knnNearDecay?: number;
}

export function newScratch(opts: ResolvedOptions): Scratch {
  const maxSessions = opts.maxSessions;
  return {
    signal: new SparseScores(),
    total: new SparseScores(),
    why: new Int32Array(0),
    raw: new Float64Array(0),
    clicks: new Int32Array(0),
    fusionW: weightVector(opts.fusionWeights),
    ctx: new Float64Array(CONTEXT_VALUES),
    norm: new Float64Array(RAW_SIGNALS),
    allowed: new Uint8Array(0),
    slotSim: new Float64Array(maxSessions),
    slotMatch: new Int32Array(maxSessions),
    slots: [],
  };
}

export function ensureScratch(x: Scratch, items: number): void {
  x.signal.ensure(items);
  x.total.ensure(items);
  if (x.why.length < items) {
    const cap = Math.max(items, x.why.length * 2, 1024);
    x.why = new Int32Array(cap).fill(-1);
    x.allowed = new Uint8Array(cap);
    x.raw = new Float64Array(cap * RAW_SIGNALS);
    x.clicks = new Int32Array(cap * 2);
  }
}
