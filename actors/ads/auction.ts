/**
 * The ad auction for one answer (a search or a recommendation strip): every live
 * campaign whose products match the context bids for the sponsored slots; candidates
 * rank by predicted CTR x bid x relevance and each winner pays the generalised second
 * price: the least bid per click that would still have kept its rank,
 *   price_i = min(bid_i, max(reserve, floor(score_{i+1} / (ctr_i * rel_i)) + 1 cent)),
 * where score_{i+1} is the best losing score below it (reserve alone when none). Pure.
 */
import { hash32 } from '../../engine/placement/index.js';

export interface AdCandidate {
  campaignId: string;
  itemId: string;
  bidCents: number;
  /** Predicted click probability. */
  ctr: number;
  /** Relevance to the context, > 0 (1 = neutral); includes the logistics and stock multipliers. */
  relevance: number;
}

export interface AdWinner extends AdCandidate {
  score: number;
  priceCents: number;
  /** 1-based rank among the ads of this answer. */
  rank: number;
}

/**
 * GSP over the candidates: at most `slots` winners, one per campaign (its best product)
 * and per item. Only the top slots + 1 distinct entries matter, so they are picked by
 * `slots + 1` scans instead of sorting every candidate.
 */
export function runAuction(cands: readonly AdCandidate[], slots: number, reserveCents: number): AdWinner[] {
  const n = cands.length;
  const score = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = cands[i]!;
    score[i] = c.ctr > 0 && c.relevance > 0 && c.bidCents >= reserveCents ? c.ctr * c.bidCents * c.relevance : 0;
  }
  const campaigns = new Set<string>();
  const items = new Set<string>();
  const ranked: number[] = [];
  while (ranked.length < slots + 1) {
    let best = -1;
    for (let i = 0; i < n; i++) {
      const si = score[i]!;
      if (si <= 0) continue;
      const c = cands[i]!;
      if (campaigns.has(c.campaignId) || items.has(c.itemId)) continue;
      // Ties go to the smaller campaign id: the same candidates always give the same answer.
      if (best < 0 || si > score[best]! || (si === score[best]! && c.campaignId < cands[best]!.campaignId)) best = i;
    }
    if (best < 0) break;
    ranked.push(best);
    campaigns.add(cands[best]!.campaignId);
    items.add(cands[best]!.itemId);
  }
  const winners: AdWinner[] = [];
  for (let r = 0; r < ranked.length && winners.length < slots; r++) {
    const c = cands[ranked[r]!]!;
    const next = ranked[r + 1];
    const q = c.ctr * c.relevance;
    const second = next !== undefined ? Math.floor(score[next]! / q) + 1 : reserveCents;
    const priceCents = Math.min(c.bidCents, Math.max(reserveCents, second));
    winners.push({ ...c, score: score[ranked[r]!]!, priceCents, rank: winners.length + 1 });
  }
  return winners;
}

/** The hashed features of one ad impression (what the CTR model sees, at auction and when learning). */
export interface AdContext {
  slot: string;
  position: number;
  itemId: string;
  category: string;
  campaignId: string;
  queryTerms: readonly string[];
  /** The shopper's affinity to the item's category, 0..1. */
  affinity: number;
  /** Hour of day, UTC. */
  hour: number;
}

/** Hashes of the strings features are made of (ids, slots, terms): each string hashed once. Bounded. */
const memo = new Map<string, number>();
const MAX_MEMO = 200_000;
function h(s: string): number {
  let v = memo.get(s);
  if (v === undefined) {
    v = hash32(s);
    if (memo.size >= MAX_MEMO) memo.clear();
    memo.set(s, v);
  }
  return v;
}

/** Combines a feature kind with a value hash (murmur3's finaliser): a cross costs no string. */
function mix(a: number, b: number): number {
  let x = Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/**
 * Hashed features and crosses of one impression: slot, position, slot x position, item,
 * category, campaign, affinity bucket, affinity x category, affinity x item, item x
 * position, hour, query terms and term x item. Hashes (not strings), so scoring a
 * candidate builds no strings; FtrlModel.indexHashes maps them to weights.
 */
export function adFeatures(c: AdContext): number[] {
  const aff = c.affinity <= 0 ? 0 : c.affinity < 0.2 ? 1 : c.affinity < 0.5 ? 2 : 3;
  const pos = Math.min(c.position, 10);
  const S = h(c.slot);
  const I = h(c.itemId);
  const C = h(c.category);
  const f = [
    mix(1, S), mix(2, pos), mix(3, mix(S, pos)), mix(4, I), mix(5, C), mix(6, h(c.campaignId)), mix(7, aff),
    mix(8, mix(aff, C)), mix(9, mix(aff, I)), mix(10, mix(I, pos)), mix(11, c.hour),
  ];
  const n = Math.min(c.queryTerms.length, 8);
  for (let i = 0; i < n; i++) {
    const T = h(c.queryTerms[i]!);
    f.push(mix(12, T), mix(13, mix(T, I)));
  }
  return f;
}
