/**
 * The ad auction for one answer (a search or a recommendation strip): every live
 * campaign whose products match the context bids for the sponsored slots; candidates
 * rank by predicted CTR x bid x relevance and each winner pays the generalised second
 * price: the least bid per click that would still have kept its rank,
 *   price_i = min(bid_i, max(reserve, floor(score_{i+1} / (ctr_i * rel_i)) + 1 cent)),
 * where score_{i+1} is the best losing score below it (reserve alone when none). Pure.
 */

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

/** GSP over the candidates: at most `slots` winners, one per campaign and per item. */
export function runAuction(cands: readonly AdCandidate[], slots: number, reserveCents: number): AdWinner[] {
  const scored = cands
    .filter((c) => c.ctr > 0 && c.relevance > 0 && c.bidCents >= reserveCents)
    .map((c) => ({ ...c, score: c.ctr * c.bidCents * c.relevance }))
    .sort((a, b) => b.score - a.score || (a.campaignId < b.campaignId ? -1 : a.campaignId > b.campaignId ? 1 : 0));
  const winners: AdWinner[] = [];
  const campaigns = new Set<string>();
  const items = new Set<string>();
  const ranked: typeof scored = [];
  for (const c of scored) {
    // A campaign's best product stands for it: its other products are not its own runners-up.
    if (campaigns.has(c.campaignId) || items.has(c.itemId)) continue;
    campaigns.add(c.campaignId);
    items.add(c.itemId);
    ranked.push(c);
  }
  for (let i = 0; i < ranked.length && winners.length < slots; i++) {
    const c = ranked[i]!;
    const next = ranked[i + 1];
    const q = c.ctr * c.relevance;
    const second = next ? Math.floor(next.score / q) + 1 : reserveCents;
    const priceCents = Math.min(c.bidCents, Math.max(reserveCents, second));
    winners.push({ ...c, priceCents, rank: winners.length + 1 });
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

/** Features and crosses: slot x position, item, category, query terms, affinity bucket x category, hour. */
export function adFeatures(c: AdContext): string[] {
  const aff = c.affinity <= 0 ? 0 : c.affinity < 0.2 ? 1 : c.affinity < 0.5 ? 2 : 3;
  const f = [
    `s=${c.slot}`, `p=${Math.min(c.position, 10)}`, `sp=${c.slot}|${Math.min(c.position, 10)}`,
    `i=${c.itemId}`, `c=${c.category}`, `k=${c.campaignId}`, `a=${aff}`, `ac=${aff}|${c.category}`, `ai=${aff}|${c.itemId}`,
    `ip=${c.itemId}|${Math.min(c.position, 10)}`, `h=${c.hour}`,
  ];
  for (const t of c.queryTerms.slice(0, 8)) f.push(`q=${t}`, `qi=${t}|${c.itemId}`);
  return f;
}
