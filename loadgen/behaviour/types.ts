/** What a virtual shopper does next, independent of sockets and clocks (pure, seeded). */

export type EventKind = 'view' | 'cart_add' | 'cart_remove' | 'purchase' | 'search' | 'dwell' | 'rec_click' | 'rec_impression';

/** Kinds after which the engine recomputes recommendations and pushes `recs`. */
export const PUSHING_KINDS: ReadonlySet<EventKind> = new Set(['view', 'cart_add', 'cart_remove', 'purchase', 'rec_click']);

export interface ShopperAction {
  kind: EventKind;
  itemId?: string;
  qty?: number;
  query?: string;
  dwellMs?: number;
  /** rec_impression: the recommended items that came into view, and where. */
  itemIds?: string[];
  slot?: string;
  /**
   * Relative length of the pause after this action (1 = an average pause). The
   * scheduler scales it so that the run's mean rate is the requested one.
   */
  thinkAfter: number;
}

export interface Behaviour {
  /** The next action; never throws. */
  next(): ShopperAction;
  /** The engine pushed recommendations (item ids, best first). */
  onRecs(itemIds: readonly string[]): void;
  /** The engine refused an action (e.g. E_OUT_OF_STOCK). */
  onRejected(action: ShopperAction, code: string): void;
  /** The category this shopper prefers, when the scenario gives it one (checked against the engine's category picks). */
  readonly preferredCategory?: string;
  /** `buyer` or `browser`, when the scenario gives personas. */
  readonly persona?: PersonaKind;
}

export type PersonaKind = 'buyer' | 'browser';

/** The part of the catalog the behaviour models pick from; plain data, so it crosses threads. */
export interface CatalogSample {
  itemIds: string[];
  /** Category index of each item (into `categories`). */
  categoryOf: number[];
  categories: string[];
  /** Stock when the run started. */
  stock: number[];
}
