/**
 * Query-time scoring: every signal scores candidates into a sparse scratch
 * array, is normalised by its own maximum and added with its fusion weight;
 * then the best items that are allowed (exclude, isAvailable) are picked with
 * a mild diversity penalty, each with a human reason.
 */
import { RAW_SIGNALS, RAW_VALUES } from './fusion.js';
import { candidateRaw, learnedFusion, markClicks, topCandidates, unmarkClicks } from './learned-fusion.js';
import { clearQuery, select } from './select.js';
import { knnScores } from './session-knn.js';
import type { Scratch } from './scratch.js';
import { ensureScratch, Signal } from './scratch.js';
import type { ModelState } from './state.js';
import { checkItem, intern, repeatRate, trendingTop } from './state.js';
import type { Recommendation, RecommendQuery } from './types.js';

/** Largest k a query may ask for. */
export const MAX_K = 500;


/**
 * Adds the signal in x.signal to the fused score: weight * value / norm, where
 * norm is a given number, or by default the signal's max (fusionMode 0) or sum
 * (fusionMode 1: the signal becomes a distribution over items).
 */
function fold(x: Scratch, signal: Signal, weight: number, norm?: number, sumMode = false): void {
  const sig = x.signal;
  const m = norm ?? (sumMode ? sig.sum() : sig.max());
  if (m > 0 && weight > 0) {
    x.norm[signal] = m;
    const f = weight / m;
    const tot = x.total;
    const raw = x.raw;
    for (const i of sig.touched) {
      const c = sig.val[i]! * f;
      if (!(c > 0)) continue;
      raw[i * RAW_SIGNALS + signal] = sig.val[i]! / m;
      if (tot.val[i] === 0 && tot.anchor[i] === -1) tot.touched.push(i);
      tot.val[i]! += c;
      if (c > tot.anchorW[i]!) {
        tot.anchorW[i] = c;
        tot.anchor[i] = signal;
        x.why[i] = sig.anchor[i]!;
      }
    }
  }
  sig.clear();
}

function checkQuery(q: RecommendQuery): void {
  if (typeof q !== 'object' || q === null) throw new TypeError('SessionModel.recommend: query must be an object');
  if (!Array.isArray(q.items)) throw new TypeError('SessionModel.recommend: items must be an array');
  if (!Number.isInteger(q.k) || q.k < 1 || q.k > MAX_K) throw new RangeError(`SessionModel.recommend: k must be an integer in [1, ${MAX_K}], got ${q.k}`);
}

/** The k best items for a session. */
export function recommend(s: ModelState, x: Scratch, q: RecommendQuery): Recommendation[] {
  const { trending } = scoreCandidates(s, x, q, (q.strategy?.fusionMode ?? s.opts.fusionMode) === 3);
  return select(s, x, q, trending);
}

/**
 * For fitting the learned fusion offline: the `max` best candidates by the
 * weighted-sum fusion, each with its RAW_VALUES numbers, and the query's
 * context (fusion.ts).
 */
export function candidateSignals(s: ModelState, x: Scratch, q: RecommendQuery, max: number): { items: string[]; raw: Float64Array; ctx: Float64Array } {
  const { seq, anchors } = scoreCandidates(s, x, q, false);
  const order = topCandidates(x, max);
  const raw = new Float64Array(order.length * RAW_VALUES);
  markClicks(x, seq);
  order.forEach((i, j) => candidateRaw(s, x, anchors, i, j, raw, j * RAW_VALUES));
  unmarkClicks(x, seq);
  const items = order.map((i) => s.ids[i] as string);
  clearQuery(x);
  return { items, raw, ctx: x.ctx.slice() };
}

/** Scores every candidate into x.total (learned: with the learned fusion on top of the weighted sum). */
function scoreCandidates(s: ModelState, x: Scratch, q: RecommendQuery, learned: boolean): { trending: number[]; seq: number[]; anchors: number[] } {
  checkQuery(q);
  const o = s.opts;
  x.norm.fill(0);
  // the session as interned clicks; unknown items have no learned neighbours, dwell is no step
  const seq: number[] = [];
  let now = s.lastTs;
  for (const it of q.items) {
    checkItem(it, 'SessionModel.recommend');
    now = it.ts;
    if (o.kindWeights[it.kind] === 0) continue;
    const id = s.byId.get(it.itemId);
    if (id !== undefined) seq.push(id);
  }
  const extras: Array<[number, number]> = [];
  for (const e of q.extraCandidates ?? []) {
    if (typeof e.itemId === 'string' && e.itemId.length > 0 && Number.isFinite(e.score) && e.score > 0) extras.push([intern(s, e.itemId), e.score]);
  }
  ensureScratch(x, s.ids.length);

  // anchors: distinct items, most recent first, weight anchorDecay^rank
  const anchors: number[] = [];
  for (let i = seq.length - 1; i >= 0 && anchors.length < o.queryWindow; i--) {
    const a = seq[i]!;
    if (!anchors.includes(a)) anchors.push(a);
  }
  // mode 1: every signal a distribution; mode 2: only sequence rules (per anchor row)
  const mode = q.strategy?.fusionMode ?? o.fusionMode;
  const sumMode = mode === 1;
  const seqProb = mode === 1 || mode === 2;
  let aw = 1;
  let awTotal = 0;
  const sig = x.signal;
  for (const a of anchors) {
    const row = s.sequence.row(a);
    if (row !== undefined) {
      // sum mode: each anchor's row becomes P(next = b | a), so a confident rule
      // outweighs a vague one instead of every top rule scoring the same
      let f = aw;
      if (seqProb) {
        let t = 0;
        for (let j = 0; j < row.vals.length; j++) t += row.vals[j]!;
        f = t > 0 ? aw / t : 0;
        awTotal += aw;
      }
      for (let j = 0; j < row.keys.length; j++) {
        const b = row.keys[j]!;
        if (b >= 0) sig.add(b, f * row.vals[j]!, a);
      }
    }
    aw *= o.anchorDecay;
  }
  fold(x, Signal.Sequence, o.weightSequence, seqProb ? awTotal : undefined);

  aw = 1;
  const e = o.coVisitPopExponent;
  const covDecay = o.coVisitAnchorDecay < 0 ? o.anchorDecay : o.coVisitAnchorDecay;
  for (const a of anchors) {
    const row = s.coVisit.row(a);
    if (row !== undefined) {
      const na = Math.pow(s.pop[a]!, e);
      for (let j = 0; j < row.keys.length; j++) {
        const b = row.keys[j]!;
        if (b >= 0) sig.add(b, (aw * row.vals[j]!) / (na * Math.pow(s.pop[b]!, e)), a);
      }
    }
    aw *= covDecay;
  }
  fold(x, Signal.CoVisit, o.weightCoVisit, undefined, sumMode);

  if (seq.length > 0) {
    const selfSerial = q.sessionKey === undefined ? -1 : (s.open.get(q.sessionKey)?.serial ?? -1);
    knnScores(s, x, seq, anchors, now, selfSerial);
    fold(x, Signal.Knn, o.weightKnn, undefined, sumMode);
  }

  // re-clicks: the measured probability, not max-normalised, so a shop where
  // shoppers come back to items often gets a stronger repeat signal
  for (let r = 0; r < anchors.length; r++) sig.add(anchors[r]!, repeatRate(s, r, anchors[r]!), anchors[r]!);
  fold(x, Signal.Repeat, o.weightRepeat, 1);

  for (const [id, score] of extras) sig.add(id, score, -1);
  fold(x, Signal.Extra, o.weightExtra, undefined, sumMode);

  const trending = trendingTop(s);
  const maxTrend = trending.length > 0 ? s.trend[trending[0]!]! : 0;
  if (maxTrend > 0) {
    // popularity only re-weighs what the other signals found (no catalogue scan),
    // normalised by the global maximum so a candidate's popularity is absolute
    for (const i of x.total.touched) sig.add(i, s.trend[i]!, -1);
    fold(x, Signal.Popularity, o.weightPopularity, maxTrend);
  }
  // the query's context for the learned fusion (fusion.ts CONTEXT_VALUES)
  const last = anchors[0];
  x.ctx[0] = anchors.length;
  x.ctx[1] = x.norm[Signal.Knn]!;
  x.ctx[2] = last === undefined ? 0 : x.norm[Signal.Sequence]! / Math.max(s.pop[last]!, Number.MIN_VALUE);
  x.ctx[3] = x.norm[Signal.CoVisit]!;
  x.ctx[4] = last === undefined || maxTrend <= 0 ? 0 : s.trend[last]! / maxTrend;
  if (learned) learnedFusion(s, x, seq, anchors);
  return { trending, seq, anchors };
}
