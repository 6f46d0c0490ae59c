/**
 * Stock and checkout: live stock (catalog stock minus units sold since, minus
 * purchases appended but not folded yet), the reservations that keep two
 * checkouts of the last unit from both passing, and checkout itself.
 *
 * Moved here unchanged from EngineServices (stock and checkout are being reworked
 * on their own; keep this file the one place they live).
 */
import { randomUUID } from 'node:crypto';
import { effectiveStock } from '../../actors/item/index.js';
import type { Profile } from '../../actors/user/index.js';
import type { ShopEvent } from '../../protos/index.js';
import type { Catalog } from '../catalog/index.js';
import { BadRequestError, EngineError, NotFoundError } from '../errors/index.js';
import type { Metrics } from '../observability/index.js';
import type { StateStore } from '../store/index.js';
import type { TrackResult } from './tracking.js';

/** Most lines one checkout may name. */
export const MAX_CHECKOUT_LINES = 100;
/** Most units of one line. */
export const MAX_LINE_QTY = 999;

export interface CheckoutLine {
  itemId: string;
  qty: number;
}

/** Units of an item held for a purchase until the item actor has folded it (seq: its log sequence once appended). */
export interface Reservation {
  itemId: string;
  qty: number;
  seq: number;
}

export interface OrderResult {
  orderId: string;
  lines: Array<{ itemId: string; qty: number; price: number }>;
  total: number;
  seq: number;
}

export interface InventoryDeps {
  catalog: Catalog;
  store: StateStore;
  metrics: Metrics;
  /** Appends a purchase whose units are already held (Tracking.track). */
  track: (e: ShopEvent, reserved?: Reservation) => Promise<TrackResult>;
  /** The user's live state, for buying the cart (Asks.profile). */
  profile: (userId: string) => Promise<Profile>;
}

/**
 * A checkout's `lines` as a client sent them: undefined buys the cart; otherwise
 * 1 to MAX_CHECKOUT_LINES `{itemId, qty}`. Throws E_BAD_REQUEST naming the line.
 */
export function parseCheckoutLines(raw: unknown): CheckoutLine[] | undefined {
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > MAX_CHECKOUT_LINES) throw new BadRequestError(`"lines" must be an array of 1 to ${MAX_CHECKOUT_LINES} {itemId, qty}`, 'lines');
  return raw.map((l: unknown, i) => {
    const o = l as { itemId?: unknown; qty?: unknown };
    if (typeof o?.itemId !== 'string') throw new BadRequestError(`lines[${i}].itemId must be a string`, `lines[${i}].itemId`);
    if (!Number.isInteger(o.qty) || (o.qty as number) < 1 || (o.qty as number) > MAX_LINE_QTY) throw new BadRequestError(`lines[${i}].qty must be an integer from 1 to ${MAX_LINE_QTY}`, `lines[${i}].qty`);
    return { itemId: o.itemId, qty: o.qty as number };
  });
}

export class Inventory {
  readonly #catalog: Catalog;
  readonly #store: StateStore;
  readonly #metrics: Metrics;
  readonly #track: InventoryDeps['track'];
  readonly #profile: InventoryDeps['profile'];
  readonly #reserved = new Map<string, Reservation[]>();

  constructor(deps: InventoryDeps) {
    this.#catalog = deps.catalog;
    this.#store = deps.store;
    this.#metrics = deps.metrics;
    this.#track = deps.track;
    this.#profile = deps.profile;
  }

  stockOf(itemId: string): number {
    const p = this.#catalog.get(itemId);
    if (!p) return 0;
    const state = this.#store.items.get(itemId);
    return Math.max(0, effectiveStock(p.stock, state, p.soldAtStock) - this.#pendingUnits(itemId, state?.lastSeq ?? 0));
  }

  /** Units of itemId sold so far (all time): folded by its item actor, plus purchases held for folding. */
  unitsSold(itemId: string): number {
    const state = this.#store.items.get(itemId);
    return (state?.sold ?? 0) + this.#pendingUnits(itemId, state?.lastSeq ?? 0);
  }

  /**
   * Reserves units for purchases about to be appended: checked and taken in one
   * synchronous step, so two checkouts of the last unit cannot both pass. Released
   * once the item's folded state has the purchase (or the append failed).
   */
  reserve(lines: Array<{ itemId: string; qty: number }>): Reservation[] {
    this.checkStock(lines);
    return lines.map((l) => {
      const r: Reservation = { itemId: l.itemId, qty: l.qty, seq: Infinity };
      let list = this.#reserved.get(l.itemId);
      if (!list) this.#reserved.set(l.itemId, (list = []));
      list.push(r);
      return r;
    });
  }

  release(r: Reservation): void {
    const list = this.#reserved.get(r.itemId);
    if (!list) return;
    const i = list.indexOf(r);
    if (i >= 0) list.splice(i, 1);
    if (list.length === 0) this.#reserved.delete(r.itemId);
  }

  /** Units reserved for itemId that its folded state (at lastSeq) does not count yet. */
  #pendingUnits(itemId: string, lastSeq: number): number {
    const list = this.#reserved.get(itemId);
    if (!list) return 0;
    let units = 0;
    for (let i = list.length - 1; i >= 0; i--) {
      const r = list[i]!;
      if (r.seq <= lastSeq) list.splice(i, 1);
      else units += r.qty;
    }
    if (list.length === 0) this.#reserved.delete(itemId);
    return units;
  }

  checkStock(lines: Array<{ itemId: string; qty: number }>): void {
    for (const l of lines) {
      const left = this.stockOf(l.itemId);
      if (left < l.qty) {
        const e = new EngineError('E_OUT_OF_STOCK', `only ${left} of "${l.itemId}" left; cannot buy ${l.qty}`, { field: l.itemId });
        throw e;
      }
    }
  }

  /** Buys the cart (or the given lines): one purchase event per line, sharing an order id. */
  async checkout(userId: string, lines?: Array<{ itemId: string; qty: number }>): Promise<OrderResult> {
    const toBuy = lines ?? (await this.#profile(userId)).cart;
    if (toBuy.length === 0) throw new EngineError('E_BAD_REQUEST', 'the cart is empty', { field: 'cart' });
    for (const l of toBuy) if (!this.#catalog.has(l.itemId)) throw new NotFoundError('E_UNKNOWN_ITEM', `item "${l.itemId}" is not in the catalog`);
    // Checks then holds every line's units in one step: the order is all or nothing.
    // (Within this process; engines on several nodes do not share reservations.)
    const held = this.reserve(toBuy);
    const orderId = `o-${randomUUID()}`;
    const now = Date.now();
    const out: OrderResult = { orderId, lines: [], total: 0, seq: 0 };
    for (let i = 0; i < toBuy.length; i++) {
      const l = toBuy[i]!;
      const price = this.#catalog.get(l.itemId)!.price;
      let r;
      try {
        r = await this.#track({ id: `${orderId}-${i}`, userId, kind: 'purchase', itemId: l.itemId, qty: l.qty, price, orderId, ts: now, source: 'http' }, held[i]);
      } catch (err) {
        for (const h of held.slice(i + 1)) this.release(h);
        throw err;
      }
      out.lines.push({ itemId: l.itemId, qty: l.qty, price });
      out.total = Math.round((out.total + l.qty * price) * 100) / 100;
      out.seq = r.seq;
    }
    this.#metrics.counter('shop_orders_total', 'orders placed').inc();
    return out;
  }
}
