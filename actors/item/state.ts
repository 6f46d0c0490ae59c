/** The item actor's state: a deterministic fold of the events about one item. */

export interface ItemState {
  itemId: string;
  views: number;
  cartAdds: number;
  purchases: number;
  /** Units sold (placed orders). */
  sold: number;
  /** Exponentially decayed interaction score, valued at trendTs. */
  trend: number;
  trendTs: number;
  lastSeq: number;
  /** Units held for checkouts still being decided (granted, not yet committed or released). */
  held?: number;
  /** Open holds by `userId/checkoutId`: units. */
  holds?: Record<string, number>;
  /** Recently settled holds (committed, released or refused), newest last: a late duplicate command is a no-op. */
  settled?: string[];
  /** The merchant's count set through the log (stock_set), and `sold` at that moment. */
  stockSet?: number;
  soldAtSet?: number;
}

export function emptyItemState(itemId: string): ItemState {
  return { itemId, views: 0, cartAdds: 0, purchases: 0, sold: 0, trend: 0, trendTs: 0, lastSeq: 0 };
}

/** What the catalog says about an item's stock: its count, and units sold when that count was set. */
export interface CatalogStock {
  stock: number;
  soldAtStock: number;
}

/**
 * Units an item has left for new checkouts: the merchant's latest count (a stock_set on
 * the log, else the catalog's) minus units sold since it was set, minus units held.
 */
export function availableUnits(s: ItemState | undefined, catalog: CatalogStock | undefined): number {
  if (!catalog && s?.stockSet === undefined) return 0;
  const base = s?.stockSet ?? catalog!.stock;
  const soldAtBase = s?.stockSet !== undefined ? (s.soldAtSet ?? 0) : (catalog?.soldAtStock ?? 0);
  return Math.max(0, base - Math.max(0, (s?.sold ?? 0) - soldAtBase) - (s?.held ?? 0));
}
