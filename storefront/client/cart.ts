/**
 * The shopper's cart as the engine holds it. Changes are events (cart_add,
 * cart_remove) sent in order; after each is acked the cart is re-read, which is
 * read-your-writes on this node, so the page always shows the engine's truth.
 */
import { api } from './api.js';
import type { Cart } from './api-types.js';
import { live } from './live.js';

type Listener = (c: Cart) => void;

class CartStore {
  #cart: Cart | undefined;
  #chain: Promise<unknown> = Promise.resolve();
  readonly #listeners = new Set<Listener>();

  get current(): Cart | undefined {
    return this.#cart;
  }

  get count(): number {
    return this.#cart?.lines.reduce((n, l) => n + l.qty, 0) ?? 0;
  }

  qtyOf(itemId: string): number {
    return this.#cart?.lines.find((l) => l.itemId === itemId)?.qty ?? 0;
  }

  subscribe(fn: Listener): () => void {
    this.#listeners.add(fn);
    if (this.#cart) fn(this.#cart);
    return () => this.#listeners.delete(fn);
  }

  #set(c: Cart): Cart {
    this.#cart = c;
    for (const l of this.#listeners) l(c);
    return c;
  }

  refresh(): Promise<Cart> {
    return api.cart().then((c) => this.#set(c));
  }

  /** Runs cart changes one after another, so quantities are computed from the latest state. */
  #serial<T>(fn: () => Promise<T>): Promise<T> {
    const p = this.#chain.then(fn, fn);
    this.#chain = p.catch(() => undefined);
    return p;
  }

  add(itemId: string, qty = 1): Promise<Cart> {
    return this.#serial(async () => {
      await live.track({ kind: 'cart_add', itemId, qty });
      return this.refresh();
    });
  }

  setQty(itemId: string, qty: number): Promise<Cart> {
    return this.#serial(async () => {
      const have = this.qtyOf(itemId);
      if (qty === have) return this.#cart ?? this.refresh();
      if (qty <= 0) await live.track({ kind: 'cart_remove', itemId, qty: 0 });
      else if (qty > have) await live.track({ kind: 'cart_add', itemId, qty: qty - have });
      else await live.track({ kind: 'cart_remove', itemId, qty: have - qty });
      return this.refresh();
    });
  }

  remove(itemId: string): Promise<Cart> {
    return this.setQty(itemId, 0);
  }

  /** After a checkout the engine removed the bought lines. */
  afterCheckout(): Promise<Cart> {
    return this.#serial(() => this.refresh());
  }
}

export const cart = new CartStore();
