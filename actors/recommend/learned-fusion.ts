/**
 * Query-time side of the learned fusion (fusionMode 3, fusion.ts): the
 * shortlist of the weighted sum, each candidate's raw values, and the
 * re-ranking by exp(w . phi). Everything here reads only shortlisted candidates,
 * so its cost is LEARNED_SHORTLIST lookups, not the catalogue.
 */
import { fusionLogit, LEARNED_SHORTLIST, QUERY_WEIGHTS, queryWeights, RAW_SIGNALS, RAW_VALUES } from './fusion.js';
import type { NeighbourTable } from './neighbour-table.js';
import type { Scratch } from './scratch.js';
import type { ModelState } from './state.js';
import { repeatRate } from './state.js';

/** Sessions whose share holding a candidate is its "recent popularity" (RAW value `share`). */
export const RECENT_POSTINGS = 10;

/** Marks the session's clicks in x.clicks: per item, how often and how many clicks ago last (1 = the latest). */
export function markClicks(x: Scratch, seq: readonly number[]): void {
  const c = x.clicks;
  for (let p = 0; p < seq.length; p++) {
    const i = seq[p]!;
    c[2 * i]!++;
    c[2 * i + 1] = seq.length - p;
  }
}

export function unmarkClicks(x: Scratch, seq: readonly number[]): void {
  for (const i of seq) x.clicks[2 * i] = x.clicks[2 * i + 1] = 0;
}

/** t(a, i) / pop(a): an absolute rate from anchor a; 0 when the signal is off or there is no such anchor. */
function rate(s: ModelState, t: NeighbourTable, on: boolean, a: number | undefined, i: number): number {
  return on && a !== undefined ? t.get(a, i) / Math.max(s.pop[a]!, Number.MIN_VALUE) : 0;
}

/** Candidate i's RAW_VALUES numbers (fusion.ts) into out[off..]; markClicks must have run for the query. */
export function candidateRaw(s: ModelState, x: Scratch, anchors: readonly number[], i: number, rank: number, out: Float64Array, off: number): void {
  for (let j = 0; j < RAW_SIGNALS; j++) out[off + j] = x.raw[i * RAW_SIGNALS + j]!;
  const o = s.opts;
  // a signal switched off (weight 0) stays off: its rates read 0 too
  const seqOn = o.weightSequence > 0;
  const covOn = o.weightCoVisit > 0;
  const last = anchors[0];
  const e = off + RAW_SIGNALS;
  out[e] = rate(s, s.sequence, seqOn, last, i);
  out[e + 1] = rate(s, s.sequence, seqOn, anchors[1], i);
  out[e + 2] = last === undefined ? 1 : s.pop[i]! / Math.max(s.pop[last]!, Number.MIN_VALUE);
  out[e + 3] = rate(s, s.coVisit, covOn, last, i);
  out[e + 4] = rank;
  out[e + 5] = x.clicks[2 * i]!;
  out[e + 6] = x.clicks[2 * i + 1]!;
  out[e + 7] = rate(s, s.sequence, seqOn, anchors[2], i);
  out[e + 8] = rate(s, s.coVisit, covOn, anchors[1], i);
  // the reverse rule, candidate -> latest item, over the candidate's popularity
  out[e + 9] = seqOn && last !== undefined ? s.sequence.get(i, last) / Math.max(s.pop[i]!, Number.MIN_VALUE) : 0;
  out[e + 10] = repeatRate(s, 0, i);
  // how recently other sessions clicked it, counted in sessions (clock-free): since
  // the latest, and the share of the recent sessions that hold its RECENT_POSTINGS latest
  const idx = s.index;
  const p = idx.posting(i);
  let since = idx.nextSerial + 1;
  let share = 0;
  if (p !== undefined && p.size > 0) {
    const len = p.buf.length;
    const k = Math.min(p.size, RECENT_POSTINGS);
    since = idx.nextSerial - p.buf[(p.head - 1 + len) % len]!;
    share = k / Math.max(1, idx.nextSerial - p.buf[(p.head - k + len) % len]!);
  }
  out[e + 11] = since;
  out[e + 12] = share;
}

/** The m best touched candidates by fused score (ties: lower id first), best first. */
export function topCandidates(x: Scratch, m: number): number[] {
  const val = x.total.val;
  // a worse than b: lower score, or the same score and a higher id
  const heap: number[] = []; // min-heap, worst at the root
  for (const i of x.total.touched) {
    const v = val[i]!;
    if (heap.length < m) {
      let c = heap.length;
      heap.push(i);
      while (c > 0) {
        const p = (c - 1) >> 1;
        const h = heap[p]!;
        const hv = val[h]!;
        if (!(v < hv || (v === hv && i > h))) break;
        heap[c] = h;
        c = p;
      }
      heap[c] = i;
      continue;
    }
    const r = heap[0]!;
    const rv = val[r]!;
    if (!(rv < v || (rv === v && r > i))) continue;
    // sift i down from the root
    let j = 0;
    const n = heap.length;
    for (;;) {
      const l = 2 * j + 1;
      if (l >= n) break;
      let w = l;
      const rr = l + 1;
      if (rr < n) {
        const a = heap[rr]!;
        const b = heap[l]!;
        if (val[a]! < val[b]! || (val[a] === val[b] && a > b)) w = rr;
      }
      const h = heap[w]!;
      const hv = val[h]!;
      if (!(hv < v || (hv === v && h > i))) break;
      heap[j] = h;
      j = w;
    }
    heap[j] = i;
  }
  return heap.sort((a, b) => val[b]! - val[a]! || a - b);
}

/**
 * Learned fusion, a re-ranker: the LEARNED_SHORTLIST best candidates of the
 * weighted sum get exp(w . phi - max), phi from their per-signal scores
 * (fusion.ts); the rest keep their order below them. The weights were fitted
 * on exactly such shortlists, so items the fit never saw cannot jump ahead.
 */
export function learnedFusion(s: ModelState, x: Scratch, seq: readonly number[], anchors: readonly number[]): void {
  const short = topCandidates(x, LEARNED_SHORTLIST);
  if (short.length === 0) return;
  markClicks(x, seq);
  const w = x.fusionW;
  const qw = new Float64Array(QUERY_WEIGHTS);
  queryWeights(w, x.ctx, qw);
  const val = x.total.val;
  const raw = new Float64Array(RAW_VALUES);
  const z = short.map((i, rank) => {
    candidateRaw(s, x, anchors, i, rank, raw, 0);
    return fusionLogit(raw, 0, w, qw);
  });
  unmarkClicks(x, seq);
  const zMax = Math.max(...z);
  const zMin = Math.min(...z);
  const tail = (0.5 * Math.exp(zMin - zMax)) / val[short[short.length - 1]!]!;
  for (const i of x.total.touched) val[i]! *= tail;
  short.forEach((i, j) => (val[i] = Math.exp(z[j]! - zMax)));
}
