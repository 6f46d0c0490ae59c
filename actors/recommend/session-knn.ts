/**
 * Session-kNN in the spirit of V-SKNN / STAN (Garg et al., SIGIR 2019):
 * recent sessions sharing items with the query vote for their items.
 * - the query's items weigh exp(-(distance from the end) / knnPositionDecay);
 * - a neighbour's similarity is that weighted overlap over sqrt(|query| |neighbour|),
 *   halved every knnRecencyHalfLifeMs of age;
 * - a neighbour's items weigh exp(-|distance to the most recent shared item| / knnItemDecay).
 * Candidates come from the per-item postings (most recent sessions first), so
 * cost is bounded by queryWindow x maxSessionsPerItem, not by history size.
 */
import { DecayClock } from './decay.js';
import type { Scratch } from './scratch.js';
import type { ModelState } from './state.js';

/**
 * Scores into x.signal. `seq`: query clicks (interned, oldest first);
 * `anchors`: its distinct items, most recent first.
 */
export function knnScores(s: ModelState, x: Scratch, seq: readonly number[], anchors: readonly number[], now: number, selfSerial: number): void {
  const o = s.opts;
  const idx = s.index;
  const cap = idx.capacity;
  const n = seq.length;
  const sim = x.slotSim;
  const match = x.slotMatch;
  const slots = x.slots;
  // reference popularity: the latest item's, so idf weights stay near 1
  const popRef = Math.max(s.pop[seq[n - 1]!]!, Number.MIN_VALUE);

  for (const a of anchors) {
    const lastPos = seq.lastIndexOf(a);
    let w = Math.exp(-(n - 1 - lastPos) / o.knnPositionDecay);
    // rarer shared items say more about a shopper's intent (idf-like)
    if (o.knnIdfExponent > 0) w *= Math.pow(s.pop[a]! / popRef, -o.knnIdfExponent);
    w = Math.max(w, 1e-300); // never exactly 0: 0 marks an untouched slot
    const p = idx.posting(a);
    if (p === undefined) continue;
    const len = p.buf.length;
    // newest first: walk the ring backwards from head - 1 (no modulo per entry: serials are doubles)
    let at = p.head - 1 < 0 ? p.head - 1 + len : p.head - 1;
    for (let j = 0; j < p.size; j++, at = at === 0 ? len - 1 : at - 1) {
      const serial = p.buf[at]!;
      if (serial === selfSerial) continue;
      // int modulo when the serial fits (always, in practice): a double % is a libm call
      const slot = serial < 2147483648 ? (serial | 0) % cap : serial % cap;
      if (idx.slotSerial[slot] !== serial) continue; // overwritten: evicted session
      if (sim[slot] === 0) {
        slots.push(slot);
        match[slot] = a; // anchors go most recent first: the first match is the most recent shared item
      }
      sim[slot]! += w;
    }
  }

  // keep the knnNeighbours most similar: a min-heap on similarity
  const k = o.knnNeighbours;
  const heap: number[] = [];
  const hsim: number[] = [];
  const nq = anchors.length;
  for (const slot of slots) {
    const items = idx.slotItems[slot] as number[];
    const v = (sim[slot]! / Math.sqrt(nq * items.length)) * DecayClock.relative(idx.slotTs[slot]!, now, o.knnRecencyHalfLifeMs);
    sim[slot] = 0;
    if (heap.length < k) {
      heap.push(slot);
      hsim.push(v);
      for (let c = heap.length - 1; c > 0; ) {
        const pr = (c - 1) >> 1;
        if (hsim[pr]! <= hsim[c]!) break;
        swap(heap, hsim, pr, c);
        c = pr;
      }
    } else if (v > hsim[0]!) {
      heap[0] = slot;
      hsim[0] = v;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && hsim[l]! < hsim[m]!) m = l;
        if (r < heap.length && hsim[r]! < hsim[m]!) m = r;
        if (m === i) break;
        swap(heap, hsim, m, i);
        i = m;
      }
    }
  }
  slots.length = 0;

  const sig = x.signal;
  const voteIdf = o.knnVoteIdfExponent;
  let near = itemDistanceWeights(x, o.knnItemDecay, idx.maxLength);
  for (let h = 0; h < heap.length; h++) {
    const slot = heap[h]!;
    const v = hsim[h]!;
    const items = idx.slotItems[slot] as number[];
    if (items.length > near.length) near = itemDistanceWeights(x, o.knnItemDecay, items.length); // restored from an older snapshot
    const pm = items.lastIndexOf(match[slot]!);
    const back = v * o.knnBackwardWeight;
    for (let p = 0; p < items.length; p++) {
      const it = items[p]!;
      const idf = voteIdf > 0 ? Math.pow(s.pop[it]! / popRef, -voteIdf) : 1;
      sig.add(it, idf * (p < pm ? back : v) * near[Math.abs(p - pm)]!, -1);
    }
  }
}

/**
 * exp(-d / decay) for every distance d a session can hold, computed once per
 * decay: the vote loop multiplies by it for each item of 200 neighbours.
 */
function itemDistanceWeights(x: Scratch, decay: number, maxLength: number): Float64Array {
  let t = x.knnNear;
  if (t === undefined || x.knnNearDecay !== decay || t.length < maxLength + 1) {
    t = new Float64Array(maxLength + 1);
    for (let d = 0; d <= maxLength; d++) t[d] = Math.exp(-d / decay);
    x.knnNear = t;
    x.knnNearDecay = decay;
  }
  return t;
}

function swap(heap: number[], hsim: number[], a: number, b: number): void {
  const h = heap[a]!;
  heap[a] = heap[b]!;
  heap[b] = h;
  const v = hsim[a]!;
  hsim[a] = hsim[b]!;
  hsim[b] = v;
}
