/**
 * Categories for one shopper, best first (the job a Wide&Deep model refreshed
 * daily did in the source system, here live): the shopper's own decayed interest,
 * what shoppers who bought in those categories also bought (weighted up when the
 * session's purchase intent is high: a buyer is shown what goes with it), and the
 * shop's best-converting categories, which carry a new shopper alone and fade as
 * the shopper's own signal grows.
 */
import type { CategoryPick } from '../../protos/contract.js';
import type { UserState } from './state.js';

/** Shop-wide category facts every shard folds from the whole log. */
export interface CategoryStatsView {
  /** Categories by smoothed purchase conversion x reach, best first, score in (0, 1]. */
  popular(): ReadonlyArray<{ category: string; score: number }>;
  /** P(bought b | bought a) over shoppers' purchase pairs, b != a; empty when unknown. */
  alsoBought(a: string): ReadonlyArray<{ category: string; p: number }>;
}

export const CATEGORY_PICKS_K = 5;
/** Events after which the shopper's own signal weighs as much as the shop's. */
const HALF_TRUST_EVENTS = 4;
const ALSO_BOUGHT_WEIGHT = 0.4;
/** Categories of the shopper's interest that seed "bought together". */
const SEEDS = 3;

export function categoryPicks(s: UserState, stats: CategoryStatsView, intentScore: number | undefined, k = CATEGORY_PICKS_K): CategoryPick[] {
  const own = Object.entries(s.affinity);
  const max = own.reduce((m, [, v]) => Math.max(m, v), 0);
  const trust = s.events / (s.events + HALF_TRUST_EVENTS);
  const score = new Map<string, { v: number; reason: CategoryPick['reason']; best: number }>();
  const add = (category: string, v: number, reason: CategoryPick['reason']) => {
    if (v <= 0 || !category) return;
    const e = score.get(category);
    if (!e) score.set(category, { v, reason, best: v });
    else {
      e.v += v;
      if (v > e.best) {
        e.best = v;
        e.reason = reason;
      }
    }
  };
  if (max > 0) {
    for (const [c, v] of own) add(c, trust * (v / max), 'affinity');
    const seeds = own.sort((a, b) => b[1] - a[1]).slice(0, SEEDS);
    const w = trust * ALSO_BOUGHT_WEIGHT * (0.5 + (intentScore ?? 0.5));
    for (const [a, v] of seeds) for (const { category, p } of stats.alsoBought(a)) add(category, w * (v / max) * p, 'bought-together');
  }
  for (const { category, score: p } of stats.popular()) add(category, (1 - trust) * p, 'popular');
  return [...score].map(([category, e]) => ({ category, score: Math.round(e.v * 1000) / 1000, reason: e.reason }))
    .sort((a, b) => b.score - a.score || (a.category < b.category ? -1 : 1))
    .slice(0, k);
}
