/**
 * What every actor agrees a shopper's event means: where a session ends, which
 * events are steps of a session, and how much each kind counts towards "trending".
 * The user actor, the item actor, the recommender and the shard's trending board
 * all read these, so a change here changes them together.
 */
import type { ShopEvent } from '../protos/index.js';

/** A gap of inactivity after which a shopper's next event starts a new session. */
export const SESSION_GAP_MS = 30 * 60_000;

/** The events that are steps of a session (the recommender's input). */
export type SessionItemKind = 'view' | 'cart_add' | 'purchase' | 'rec_click' | 'dwell';
export const SESSION_ITEM_KINDS: readonly SessionItemKind[] = ['view', 'cart_add', 'purchase', 'rec_click', 'dwell'];

/** Half-life of the trending score. */
export const TREND_HALF_LIFE_MS = 6 * 3600_000;

/** How much one event of each kind adds to an item's trending score; other kinds add nothing. */
export const TREND_WEIGHT: Readonly<Partial<Record<ShopEvent['kind'], number>>> = { view: 1, rec_click: 1, cart_add: 3, purchase: 5 };

/** A trending score `score` taken at `fromTs`, decayed to `toTs`. */
export function decayTrend(score: number, fromTs: number, toTs: number): number {
  return toTs <= fromTs ? score : score * Math.pow(0.5, (toTs - fromTs) / TREND_HALF_LIFE_MS);
}
