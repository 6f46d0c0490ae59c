/**
 * `node dist/eval/fit-fusion.js DUMP...`: fits the learned fusion weights
 * (fusionMode 3) on validation-split dumps written by `eval --validate
 * --dump-signals FILE`, one per shop. The model is a conditional logit: for each
 * case, softmax over its candidates of w . phi (actors/recommend/fusion.ts), the
 * next click as the label; fitted by Newton's method with a small ridge, each
 * shop weighted equally so one shop's habits do not decide for the other.
 *
 * It first checks the fit held out (cross-fitting, FIT_FOLDS: fit on all folds
 * of every dump but one, report HR@20 / MRR@20 among the candidates on that one,
 * so each case is scored by weights not fitted on it), then fits on all cases and
 * prints the weights as JSON.
 */
import { readFileSync } from 'node:fs';
import {
  CONTEXT_VALUES, DEFAULT_FUSION_WEIGHTS, FUSION_FEATURE_COUNT, FUSION_FEATURES, fusionFeatures, LEARNED_SHORTLIST, RAW_VALUES } from '../actors/recommend/index.js';

const F = FUSION_FEATURE_COUNT;
/** Candidates per case used in the fit (the dump has up to 100): the runtime's shortlist. */
const FIT_CANDIDATES = Number(process.env.FIT_CANDIDATES ?? LEARNED_SHORTLIST);
const RIDGE = Number(process.env.FIT_RIDGE ?? 1e-3);
/** Cross-fitting folds for the held-out report (env FIT_FOLDS, default 2; 1 = fit the earlier half, score the later). */
const FIT_FOLDS = Number(process.env.FIT_FOLDS ?? 2);
/** Features held at 0 (env FIT_DROP=name,name): to compare feature sets. */
const frozen = (process.env.FIT_DROP ?? '').split(',').filter((f) => f.length > 0).map((f) => {
  const i = (FUSION_FEATURES as readonly string[]).indexOf(f);
  if (i < 0) throw new RangeError(`FIT_DROP: unknown feature ${f}`);
  return i;
});

interface Cases {
  name: string;
  /** The shop's share of the objective (FILE:WEIGHT; 1 by default). */
  weight: number;
  /** Per case: offset into phi (in candidates), candidate count, target index or -1. */
  start: Int32Array;
  count: Int32Array;
  target: Int32Array;
  phi: Float32Array;
}

function load(arg: string): Cases {
  const colon = arg.lastIndexOf(':');
  const file = colon > 0 ? arg.slice(0, colon) : arg;
  const weight = colon > 0 ? Number(arg.slice(colon + 1)) : 1;
  const b = readFileSync(file);
  const header = 8 + 8 * CONTEXT_VALUES;
  // first pass: how many candidates, so the features go straight into one typed array
  let cap = 0;
  for (let o = 0; o < b.length; ) {
    const m = b.readInt32LE(o);
    cap += Math.min(m, FIT_CANDIDATES);
    o += header + 4 * m * RAW_VALUES;
  }
  const rows = new Float32Array(cap * F);
  const start: number[] = [];
  const count: number[] = [];
  const target: number[] = [];
  let total = 0;
  const ctx = new Float64Array(CONTEXT_VALUES);
  const phi = new Float64Array(F);
  for (let o = 0; o < b.length; ) {
    const m = b.readInt32LE(o);
    const t = b.readInt32LE(o + 4);
    for (let j = 0; j < CONTEXT_VALUES; j++) ctx[j] = b.readDoubleLE(o + 8 + 8 * j);
    const raw = new Float64Array(m * RAW_VALUES);
    for (let j = 0; j < raw.length; j++) raw[j] = b.readFloatLE(o + header + 4 * j);
    o += header + 4 * raw.length;
    const use = Math.min(m, FIT_CANDIDATES);
    start.push(total);
    count.push(use);
    target.push(t < use ? t : -1);
    for (let j = 0; j < use; j++) {
      fusionFeatures(raw, j * RAW_VALUES, ctx, phi);
      rows.set(phi, (total + j) * F);
    }
    total += use;
  }
  return { name: file, weight, start: Int32Array.from(start), count: Int32Array.from(count), target: Int32Array.from(target), phi: rows };
}

type Range = [number, number];

/** Newton steps on the weighted mean negative log-likelihood. */
function fit(sets: Array<{ c: Cases; r: Range }>, w0: Float64Array, iters = 15): Float64Array {
  const w = Float64Array.from(w0);
  for (let it = 0; it < iters; it++) {
    const g = new Float64Array(F);
    const H = new Float64Array(F * F);
    let nll = 0;
    for (const { c, r } of sets) {
      let n = 0;
      for (let q = r[0]; q < r[1]; q++) if (c.target[q]! >= 0) n++;
      const cw = c.weight / Math.max(1, n);
      const z = new Float64Array(FIT_CANDIDATES);
      const mean = new Float64Array(F);
      for (let q = r[0]; q < r[1]; q++) {
        const t = c.target[q]!;
        if (t < 0) continue;
        const s0 = c.start[q]!;
        const m = c.count[q]!;
        let zMax = Number.NEGATIVE_INFINITY;
        for (let j = 0; j < m; j++) {
          let v = 0;
          for (let f = 0; f < F; f++) v += w[f]! * c.phi[(s0 + j) * F + f]!;
          z[j] = v;
          if (v > zMax) zMax = v;
        }
        let sum = 0;
        for (let j = 0; j < m; j++) sum += (z[j] = Math.exp(z[j]! - zMax));
        nll += cw * -Math.log(z[t]! / sum);
        mean.fill(0);
        for (let j = 0; j < m; j++) {
          const p = z[j]! / sum;
          const o = (s0 + j) * F;
          for (let f = 0; f < F; f++) mean[f]! += p * c.phi[o + f]!;
        }
        for (let f = 0; f < F; f++) g[f]! += cw * (mean[f]! - c.phi[(s0 + t) * F + f]!);
        for (let j = 0; j < m; j++) {
          const p = (cw * z[j]!) / sum;
          const o = (s0 + j) * F;
          for (let a = 0; a < F; a++) {
            const da = c.phi[o + a]! - mean[a]!;
            for (let b = 0; b <= a; b++) H[a * F + b]! += p * da * (c.phi[o + b]! - mean[b]!);
          }
        }
      }
    }
    for (let a = 0; a < F; a++) {
      g[a]! += RIDGE * w[a]!;
      H[a * F + a]! += RIDGE;
      for (let b = 0; b < a; b++) H[b * F + a] = H[a * F + b]!;
    }
    for (const f of frozen) {
      // a dropped feature keeps weight 0: its row and column become the identity
      for (let j = 0; j < F; j++) H[f * F + j] = H[j * F + f] = 0;
      H[f * F + f] = 1;
      g[f] = 0;
    }
    const step = solve(H, g);
    for (let f = 0; f < F; f++) w[f]! -= step[f]!;
    process.stderr.write(`  newton ${it}: nll ${nll.toFixed(5)} |step| ${Math.hypot(...step).toExponential(2)}\n`);
    if (Math.hypot(...step) < 1e-6) break;
  }
  return w;
}

/** Solves H x = g (H symmetric positive definite) by Gaussian elimination with pivoting. */
function solve(H: Float64Array, g: Float64Array): Float64Array {
  const A = Array.from({ length: F }, (_, i) => [...H.subarray(i * F, (i + 1) * F), g[i]!]);
  for (let c = 0; c < F; c++) {
    let p = c;
    for (let r = c + 1; r < F; r++) if (Math.abs(A[r]![c]!) > Math.abs(A[p]![c]!)) p = r;
    [A[c], A[p]] = [A[p]!, A[c]!];
    for (let r = c + 1; r < F; r++) {
      const k = A[r]![c]! / A[c]![c]!;
      for (let j = c; j <= F; j++) A[r]![j]! -= k * A[c]![j]!;
    }
  }
  const x = new Float64Array(F);
  for (let r = F - 1; r >= 0; r--) {
    let v = A[r]![F]!;
    for (let j = r + 1; j < F; j++) v -= A[r]![j]! * x[j]!;
    x[r] = v / A[r]![r]!;
  }
  return x;
}

/** HR@20 / MRR@20 among the dumped candidates (no diversity pass), over all cases of the range. */
function score(c: Cases, r: Range, w: Float64Array): { hr: number; mrr: number } {
  let hr = 0;
  let mrr = 0;
  for (let q = r[0]; q < r[1]; q++) {
    const t = c.target[q]!;
    if (t < 0) continue;
    const s0 = c.start[q]!;
    const zt = dot(w, c.phi, (s0 + t) * F);
    let rank = 1;
    for (let j = 0; j < c.count[q]!; j++) {
      if (j === t) continue;
      const v = dot(w, c.phi, (s0 + j) * F);
      if (v > zt || (v === zt && j < t)) rank++;
    }
    if (rank <= 20) {
      hr++;
      mrr += 1 / rank;
    }
  }
  const n = r[1] - r[0];
  return { hr: (100 * hr) / n, mrr: (100 * mrr) / n };
}

function dot(w: Float64Array, phi: Float32Array, o: number): number {
  let v = 0;
  for (let f = 0; f < F; f++) v += w[f]! * phi[o + f]!;
  return v;
}

function main(): void {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    process.stderr.write('usage: node dist/eval/fit-fusion.js DUMP [DUMP...]\n');
    process.exit(2);
  }
  const data = files.map(load);
  const w0 = Float64Array.from(FUSION_FEATURES, (f) => DEFAULT_FUSION_WEIGHTS[f]);
  const wStart = Float64Array.from(w0);
  for (const f of frozen) wStart[f] = 0;
  // held-out check. FIT_FOLDS = 1: fit on the earlier half of each dump, score the
  // later half. K > 1: cross-fitting, fit on all folds but one (contiguous blocks of
  // each dump, which is in time order) and score that one, so every case is scored once
  const folds = FIT_FOLDS;
  const cut = (c: Cases, k: number, of: number): number => Math.round((c.target.length * k) / of);
  const plan = folds === 1
    ? [{ train: (c: Cases): Range[] => [[0, cut(c, 1, 2)]], test: (c: Cases): Range => [cut(c, 1, 2), c.target.length] }]
    : Array.from({ length: folds }, (_, k) => ({
      train: (c: Cases): Range[] => [[0, cut(c, k, folds)], [cut(c, k + 1, folds), c.target.length]],
      test: (c: Cases): Range => [cut(c, k, folds), cut(c, k + 1, folds)],
    }));
  const tot = data.map(() => ({ n: 0, a: { hr: 0, mrr: 0 }, b: { hr: 0, mrr: 0 } }));
  let wHalf: Float64Array = wStart;
  plan.forEach((p, k) => {
    process.stderr.write(`fold ${k}: fit on the other cases\n`);
    const w1 = fit(data.flatMap((c) => p.train(c).map((r) => ({ c, r }))), wStart);
    if (k === 0) wHalf = w1;
    data.forEach((c, d) => {
      const r = p.test(c);
      const n = r[1] - r[0];
      const a = score(c, r, w0);
      const b = score(c, r, w1);
      const t = tot[d]!;
      t.n += n;
      t.a.hr += a.hr * n; t.a.mrr += a.mrr * n; t.b.hr += b.hr * n; t.b.mrr += b.mrr * n;
    });
  });
  data.forEach((c, d) => {
    const t = tot[d]!;
    const f = (x: number): string => (x / t.n).toFixed(2);
    const how = folds === 1 ? 'later half' : `${folds}-fold cross-fit`;
    process.stdout.write(`${c.name} ${how}: default weights ${f(t.a.hr)} / ${f(t.a.mrr)}, fitted ${f(t.b.hr)} / ${f(t.b.mrr)}\n`);
  });
  if (process.env.FIT_CHECK_ONLY === '1') return;
  process.stderr.write('fit on all cases:\n');
  const w = fit(data.map((c) => ({ c, r: [0, c.target.length] as Range })), wHalf);
  const out: Record<string, number> = {};
  FUSION_FEATURES.forEach((f, i) => (out[f] = Math.round(w[i]! * 1e4) / 1e4));
  process.stdout.write(`${JSON.stringify({ fusionWeights: out })}\n`);
}

main();
