/**
 * Picks the final list from the fused scores: a bounded pool of the best
 * allowed candidates (exclude / isAvailable are asked only about items that
 * would enter the pool), then a greedy pass that lowers items explained by an
 * anchor that already explains chosen items (mild diversity), then trending
 * items if the session signals found too few. Every item gets a reason.
 */
import { RAW_SIGNALS } from './fusion.js';
import type { Scratch } from './scratch.js';
import { Signal } from './scratch.js';
import type { ModelState } from './state.js';
import type { Recommendation, RecommendQuery } from './types.js';

/** Pool = 2k + POOL_SLACK best allowed candidates; the diversity pass picks k of them. */
export const POOL_SLACK = 10;

function reasonFor(signal: number, anchorName: string | undefined): string {
  switch (signal) {
    case Signal.Sequence:
      return anchorName === undefined ? 'viewed next by other shoppers' : `because you viewed ${anchorName}`;
    case Signal.CoVisit:
      return anchorName === undefined ? 'often viewed together' : `often viewed together with ${anchorName}`;
    case Signal.Knn:
      return 'shoppers with similar sessions viewed this';
    case Signal.Repeat:
      return 'you viewed this recently';
    case Signal.Extra:
      return 'similar to items you viewed';
    default:
      return 'trending';
  }
}

export function select(s: ModelState, x: Scratch, q: RecommendQuery, trending: readonly number[]): Recommendation[] {
  const k = q.k;
  const tot = x.total;
  const val = tot.val;
  const checked: number[] = [];
  const allowed = (i: number): boolean => {
    let a = x.allowed[i]!;
    if (a === 0) {
      const id = s.ids[i] as string;
      a = q.exclude?.has(id) === true || (q.isAvailable !== undefined && !q.isAvailable(id)) ? 2 : 1;
      x.allowed[i] = a;
      checked.push(i);
    }
    return a === 1;
  };
  // higher score first, then lower id: deterministic whatever the candidate order
  const better = (a: number, b: number): boolean => val[a]! > val[b]! || (val[a] === val[b] && a < b);

  // min-heap (worst at the root) of the best allowed candidates
  const poolSize = 2 * k + POOL_SLACK;
  const heap: number[] = [];
  const siftDown = (): void => {
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let w = i;
      if (l < heap.length && better(heap[w]!, heap[l]!)) w = l;
      if (r < heap.length && better(heap[w]!, heap[r]!)) w = r;
      if (w === i) return;
      const t = heap[i]!;
      heap[i] = heap[w]!;
      heap[w] = t;
      i = w;
    }
  };
  for (const i of tot.touched) {
    if (heap.length < poolSize) {
      if (!allowed(i)) continue;
      heap.push(i);
      for (let c = heap.length - 1; c > 0; ) {
        const p = (c - 1) >> 1;
        if (!better(heap[p]!, heap[c]!)) break;
        const t = heap[p]!;
        heap[p] = heap[c]!;
        heap[c] = t;
        c = p;
      }
    } else if (better(i, heap[0]!) && allowed(i)) {
      heap[0] = i;
      siftDown();
    }
  }
  const pool = heap.sort((a, b) => (better(a, b) ? -1 : 1));

  const name = (i: number): string | undefined => {
    if (i < 0) return undefined;
    const id = s.ids[i] as string;
    return q.describe?.(id) ?? id;
  };
  const out: Recommendation[] = [];
  const taken = new Uint8Array(pool.length);
  const keep = 1 - (q.strategy?.diversity ?? s.opts.diversity);
  const anchorOf = (i: number): number => {
    const sg = tot.anchor[i];
    return sg === Signal.Sequence || sg === Signal.CoVisit ? x.why[i]! : -1;
  };
  // per pool entry: its anchor and how many picks already share it; keep^n from a table
  // (k rounds over the pool would otherwise be k x pool Math.pow calls and Map reads)
  const poolAnchor = new Int32Array(pool.length);
  const shared = new Int32Array(pool.length);
  for (let j = 0; j < pool.length; j++) poolAnchor[j] = anchorOf(pool[j]!);
  const keepPow = [1];
  for (let n = 1; n <= k; n++) keepPow.push(Math.pow(keep, n));
  while (out.length < k) {
    let best = -1;
    let bestAdj = -1;
    for (let j = 0; j < pool.length; j++) {
      if (taken[j] === 1) continue;
      const i = pool[j]!;
      const adj = poolAnchor[j]! < 0 ? val[i]! : val[i]! * keepPow[shared[j]!]!;
      if (adj > bestAdj) {
        bestAdj = adj;
        best = j;
      }
    }
    if (best < 0) break;
    taken[best] = 1;
    const i = pool[best]!;
    const a = poolAnchor[best]!;
    if (a >= 0) for (let j = 0; j < pool.length; j++) if (poolAnchor[j] === a) shared[j]!++;
    out.push({ itemId: s.ids[i] as string, score: bestAdj, reason: reasonFor(tot.anchor[i]!, name(x.why[i]!)) });
  }

  if (out.length < k && trending.length > 0) {
    // the session signals ran dry (new shopper, unknown items): trending fills up
    const maxTrend = s.trend[trending[0]!]!;
    for (const i of trending) {
      if (out.length >= k) break;
      if (val[i]! > 0 || !allowed(i)) continue; // scored candidates were already considered above
      out.push({ itemId: s.ids[i] as string, score: (s.opts.weightPopularity * s.trend[i]!) / maxTrend, reason: 'trending' });
    }
  }

  for (const i of checked) x.allowed[i] = 0;
  clearQuery(x);
  return out;
}

/** Resets what a query wrote into the scratch (fused scores, reasons, raw signals). */
export function clearQuery(x: Scratch): void {
  const tot = x.total;
  const raw = x.raw;
  for (const i of tot.touched) {
    x.why[i] = -1;
    for (let j = i * RAW_SIGNALS, e = j + RAW_SIGNALS; j < e; j++) raw[j] = 0;
  }
  tot.clear();
}
