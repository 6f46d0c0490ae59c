/**
 * Live stock as front doors show it: read from the item actor's committed state in
 * LMDB (its owner decides every unit through the log) and the catalog's count. A view,
 * never a decision: checkouts are decided by the item actor (see checkout.ts).
 */
import { availableUnits, type ItemState } from '../../actors/item/index.js';
import type { Catalog } from '../catalog/index.js';
import type { StateStore } from '../store/index.js';

export class StockView {
  readonly #catalog: Catalog;
  readonly #store: StateStore;

  constructor(deps: { catalog: Catalog; store: StateStore }) {
    this.#catalog = deps.catalog;
    this.#store = deps.store;
  }

  #state(itemId: string): ItemState | undefined {
    return this.#store.items.get(itemId);
  }

  /** Units a new checkout could get now (0 for an unknown item). */
  available(itemId: string): number {
    const p = this.#catalog.get(itemId);
    if (!p) return 0;
    return availableUnits(this.#state(itemId), { stock: p.stock, soldAtStock: p.soldAtStock ?? 0 });
  }

  /** Units of itemId sold so far (all time), counting units held for orders being placed. */
  unitsSold(itemId: string): number {
    const s = this.#state(itemId);
    return (s?.sold ?? 0) + (s?.held ?? 0);
  }

  /** A simple popularity score from the item actor's counters. */
  popularity(itemId: string): number {
    const s = this.#state(itemId);
    return s ? s.views + 3 * s.cartAdds + 5 * s.purchases : 0;
  }
}
