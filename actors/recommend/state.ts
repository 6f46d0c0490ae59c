/**
 * The model's learned state and the incremental update for one event. Plain
 * data plus typed arrays, so the snapshot code can save and restore all of it.
 */
import { DecayClock } from './decay.js';
import { NeighbourTable } from './neighbour-table.js';
import type { ResolvedOptions } from './options.js';
import { SessionIndex } from './session-index.js';
import type { SessionItem } from './types.js';

/** A shopper's session in progress: where it lives in the index and its latest clicks. */
export interface OpenSession {
  serial: number;
  lastTs: number;
  /** The latest clicks (interned), at most max(sequenceWindow, coVisitWindow). */
  recent: number[];
}

export interface ModelState {
  opts: ResolvedOptions;
  ids: string[];
  byId: Map<string, number>;
  /** Decayed click weight per item (co-visitation normaliser). */
  pop: Float64Array;
  /** Decayed click weight per item, short half-life: "trending". */
  trend: Float64Array;
  itemClock: DecayClock;
  trendClock: DecayClock;
  coVisit: NeighbourTable;
  sequence: NeighbourTable;
  index: SessionIndex;
  open: Map<string, OpenSession>;
  observed: number;
  lastTs: number;
  /**
   * Re-click statistics, learned from the log: repeatHits[r] / repeatSeen[r] is
   * how often the next click re-clicks the session's r-th most recent distinct
   * item. Shops differ a lot here, so it is measured, not a constant.
   */
  repeatHits: Float64Array;
  repeatSeen: Float64Array;
  /** Per item: clicks that followed it in a session, and how many of those re-clicked it. */
  itemNextSeen: Float64Array;
  itemNextSame: Float64Array;
  /** Cached trending items, best first, and the event count it was computed at. */
  trendTop: number[];
  trendTopAt: number;
}

/** Distinct recent items whose re-click rate is measured (rank 0 = the latest). */
export const REPEAT_RANKS = 16;

/**
 * Measured rate at which the r-th most recent distinct item is clicked again
 * next (0 before any data). For the latest item (r = 0) the item's own rate,
 * shrunk towards the global one: some items are re-clicked far more than others.
 */
export function repeatRate(s: ModelState, r: number, item = -1): number {
  const i = Math.min(r, REPEAT_RANKS - 1);
  const seen = s.repeatSeen[i]!;
  const global = seen > 0 ? s.repeatHits[i]! / seen : 0;
  if (r !== 0 || item < 0 || s.opts.repeatPerItem === 0) return global;
  const k = s.opts.repeatPrior;
  return (s.itemNextSame[item]! + k * global) / (s.itemNextSeen[item]! + k);
}

export function newState(opts: ResolvedOptions): ModelState {
  return {
    opts,
    ids: [],
    byId: new Map(),
    pop: new Float64Array(1024),
    trend: new Float64Array(1024),
    itemClock: new DecayClock(opts.halfLifeMs),
    trendClock: new DecayClock(opts.trendHalfLifeMs),
    coVisit: new NeighbourTable(opts.maxNeighboursPerItem),
    sequence: new NeighbourTable(opts.maxNeighboursPerItem),
    index: new SessionIndex(opts.maxSessions, opts.maxSessionsPerItem, opts.maxSessionLength),
    open: new Map(),
    observed: 0,
    lastTs: Number.NEGATIVE_INFINITY,
    repeatHits: new Float64Array(REPEAT_RANKS),
    repeatSeen: new Float64Array(REPEAT_RANKS),
    itemNextSeen: new Float64Array(1024),
    itemNextSame: new Float64Array(1024),
    trendTop: [],
    trendTopAt: -1,
  };
}

function grown(a: Float64Array, n: number): Float64Array {
  if (n <= a.length) return a;
  const b = new Float64Array(Math.max(n, a.length * 2));
  b.set(a);
  return b;
}

/** The int for an item id, creating it if new. */
export function intern(s: ModelState, itemId: string): number {
  let id = s.byId.get(itemId);
  if (id === undefined) {
    id = s.ids.length;
    s.ids.push(itemId);
    s.byId.set(itemId, id);
    s.pop = grown(s.pop, id + 1);
    s.trend = grown(s.trend, id + 1);
    s.itemNextSeen = grown(s.itemNextSeen, id + 1);
    s.itemNextSame = grown(s.itemNextSame, id + 1);
  }
  return id;
}

export function checkItem(item: SessionItem, where: string): void {
  if (typeof item !== 'object' || item === null) throw new TypeError(`${where}: item must be an object`);
  if (typeof item.itemId !== 'string' || item.itemId.length === 0) throw new TypeError(`${where}: itemId must be a non-empty string`);
  if (typeof item.ts !== 'number' || !Number.isFinite(item.ts)) throw new TypeError(`${where}: ts must be a finite number`);
}

/** Folds one event into every signal. */
export function observeEvent(s: ModelState, sessionKey: string, item: SessionItem): void {
  checkItem(item, 'SessionModel.observe');
  const o = s.opts;
  const kindWeight = o.kindWeights[item.kind];
  if (kindWeight === undefined) throw new TypeError(`SessionModel.observe: unknown kind ${String(item.kind)}`);
  const ts = item.ts;
  let sess = s.open.get(sessionKey);
  if (sess !== undefined) s.open.delete(sessionKey); // re-inserted below: Map order is LRU order
  if (sess === undefined || ts - sess.lastTs > o.sessionGapMs) {
    sess = { serial: s.index.open(ts), lastTs: ts, recent: [] };
  }
  sess.lastTs = Math.max(sess.lastTs, ts);
  s.open.set(sessionKey, sess);
  if (s.open.size > o.maxOpenSessions) {
    const oldest = s.open.keys().next();
    if (!oldest.done) s.open.delete(oldest.value);
  }
  s.lastTs = Math.max(s.lastTs, ts);
  // dwell (weight 0) refines an earlier view: it keeps the session alive but is no new step
  if (kindWeight === 0) return;
  s.observed++;

  const id = intern(s, item.itemId);
  const w = kindWeight * s.itemClock.weight(ts, (f) => {
    s.coVisit.rescale(f);
    s.sequence.rescale(f);
    for (let i = 0; i < s.pop.length; i++) s.pop[i]! *= f;
  });
  const tw = kindWeight * s.trendClock.weight(ts, (f) => {
    for (let i = 0; i < s.trend.length; i++) s.trend[i]! *= f;
  });
  s.pop[id]! += w;
  s.trend[id]! += tw;

  const recent = sess.recent;
  const n = recent.length;
  if (n > 0) {
    const last = recent[n - 1]!;
    s.itemNextSeen[last]!++;
    if (last === id) s.itemNextSame[last]!++;
  }
  // re-click statistics: which distinct rank (if any) this click repeats
  let rank = 0;
  for (let d = n - 1; d >= 0 && rank < REPEAT_RANKS; d--) {
    const a = recent[d]!;
    if (recent.lastIndexOf(a) !== d) continue; // not its latest occurrence: counted already
    s.repeatSeen[rank]!++;
    if (a === id) {
      s.repeatHits[rank]!++;
      break;
    }
    rank++;
  }
  for (let d = 1; d <= n; d++) {
    const a = recent[n - d]!;
    if (a === id) continue; // a re-click is no rule about two items
    if (d <= o.sequenceWindow) s.sequence.add(a, id, w / d);
    if (d <= o.coVisitWindow) {
      s.coVisit.add(a, id, w);
      s.coVisit.add(id, a, w);
    }
  }
  recent.push(id);
  if (recent.length > Math.max(o.sequenceWindow, o.coVisitWindow)) recent.shift();
  s.index.append(sess.serial, id, ts);
}

/** Refresh the trending list at most every this many events (a full scan of the items). */
export const TREND_REFRESH_EVENTS = 1000;
/** Length of the cached trending list (fallback candidates). */
export const TREND_TOP_SIZE = 500;

export function trendingTop(s: ModelState): number[] {
  if (s.trendTopAt >= 0 && s.observed - s.trendTopAt < TREND_REFRESH_EVENTS) return s.trendTop;
  const n = s.ids.length;
  const order: number[] = [];
  for (let i = 0; i < n; i++) if (s.trend[i]! > 0) order.push(i);
  order.sort((a, b) => s.trend[b]! - s.trend[a]! || a - b);
  s.trendTop = order.slice(0, TREND_TOP_SIZE);
  s.trendTopAt = s.observed;
  return s.trendTop;
}
