/**
 * The item actor's counters, folded from every shopper's events about the item. Pure;
 * the shard that owns hash(itemId) applies it and stores the state in LMDB, from where
 * any thread may read it (e.g. live stock).
 */
import type { ShopEvent } from '../../protos/index.js';
import { decayTrend, TREND_WEIGHT } from '../signals.js';
import type { ItemState } from './state.js';

/** Returns true when the event changed the item's state. */
export function foldItemEvent(s: ItemState, e: ShopEvent, seq: number): boolean {
  const w = TREND_WEIGHT[e.kind];
  if (w === undefined) return false;
  if (e.kind === 'view' || e.kind === 'rec_click') s.views++;
  else if (e.kind === 'cart_add') s.cartAdds++;
  else if (e.kind === 'purchase') {
    s.purchases++;
    // A line placed by a checkout was sold by its stock_commit; older purchases sell here.
    if (!e.checkoutId) s.sold += Math.max(1, e.qty ?? 1);
  }
  s.trend = trendAt(s, e.ts) + w;
  s.trendTs = Math.max(s.trendTs, e.ts);
  s.lastSeq = seq;
  return true;
}

/** The trending score as of `ts`. */
export function trendAt(s: Pick<ItemState, 'trend' | 'trendTs'>, ts: number): number {
  return s.trendTs === 0 ? s.trend : decayTrend(s.trend, s.trendTs, ts);
}

/** Units left: the catalog's stock minus what sold since it was set (`soldAtStock`: units sold by then). */
export function effectiveStock(catalogStock: number, s: ItemState | undefined, soldAtStock = 0): number {
  return Math.max(0, catalogStock - Math.max(0, (s?.sold ?? 0) - soldAtStock));
}
