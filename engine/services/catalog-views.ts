/**
 * What shoppers and services read of the catalog: products with their live stock
 * (one view, used by the HTTP API and gRPC alike), listings, batch lookups,
 * categories, a cart priced from the catalog, and the popularity that orders
 * `sort=popularity`.
 */
import type { ProductList, ProductView } from '../../protos/contract.js';
import type { CategoryCount, Catalog, ListQuery, Product } from '../catalog/index.js';
import { BadRequestError, NotFoundError } from '../errors/index.js';
import type { StateStore } from '../store/index.js';
import type { Inventory } from './inventory.js';

/** Most ids one batch lookup may name. */
export const MAX_LOOKUP_IDS = 100;

export type { ProductView } from '../../protos/contract.js';
import type { Coupon } from '../../protos/contract.js';
import { quoteCoupon } from '../../actors/promo/index.js';
export type ProductListing = ProductList;

export interface CartView<L> {
  /** `discount`: what the quoted coupon takes off the line. */
  lines: Array<L & { product: ProductView | undefined; discount: number }>;
  /** Items at today's prices. */
  subtotal: number;
  discount: number;
  /** The fee the order will charge (free from FREE_DELIVERY_FROM): the same as checkout computes. */
  delivery: number;
  /** What a checkout of this cart charges now: subtotal - discount + delivery. */
  total: number;
  /** The coupon quoted (GET /api/cart?coupon=): applied, or why not. */
  coupon?: { code: string; applied: boolean; auto: boolean; error?: { code: string; message: string } };
}

export interface CatalogViewsDeps {
  catalog: Catalog;
  store: StateStore;
  inventory: Inventory;
}

export class CatalogViews {
  readonly #catalog: Catalog;
  readonly #store: StateStore;
  readonly #inventory: Inventory;

  constructor(deps: CatalogViewsDeps) {
    this.#catalog = deps.catalog;
    this.#store = deps.store;
    this.#inventory = deps.inventory;
  }

  /** soldAtStock is the engine's bookkeeping: never shown. */
  #view(p: Product): ProductView {
    const { soldAtStock: _internal, ...view } = p;
    return { ...view, stock: this.#inventory.stockOf(p.itemId) };
  }

  /** One product with live stock; E_UNKNOWN_ITEM if it is not in the catalog. */
  product(itemId: string): ProductView {
    const p = this.#catalog.get(itemId);
    if (!p) throw new NotFoundError('E_UNKNOWN_ITEM', `item "${itemId.slice(0, 64)}" is not in the catalog`);
    return this.#view(p);
  }

  /** A page of products with live stock; throws BadRequestError naming the parameter (`q`, `limit`, ...). */
  list(query: Omit<ListQuery, 'popularity'>): ProductListing {
    const r = this.#catalog.list({ ...query, popularity: (id) => this.popularity(id) });
    return { ...r, items: r.items.map((p) => this.#view(p)) };
  }

  /** A batch lookup (e.g. the lines of past orders): unknown ids are left out, not errors. */
  lookup(ids: readonly string[]): ProductView[] {
    if (ids.length > MAX_LOOKUP_IDS) throw new BadRequestError(`"ids" may list at most ${MAX_LOOKUP_IDS} item ids`, 'ids');
    const out: ProductView[] = [];
    for (const id of ids) {
      const p = this.#catalog.get(id);
      if (p) out.push(this.#view(p));
    }
    return out;
  }

  categories(): CategoryCount[] {
    return this.#catalog.categories();
  }

  hasCategory(category: string): boolean {
    return this.#catalog.categories().some((c) => c.category === category);
  }

  /** A cart's lines with their products (undefined once an item left the catalog) and its total at today's prices. */
  cart<L extends { itemId: string; qty: number }>(lines: readonly L[], quote?: { coupons: readonly Coupon[]; code: string; now: number }): CartView<L> {
    const products = lines.map((l) => (this.#catalog.has(l.itemId) ? this.product(l.itemId) : undefined));
    const priced = lines.map((l, i) => ({ itemId: l.itemId, qty: l.qty, price: products[i]?.price ?? 0 }));
    const categoryOf = (id: string) => this.#catalog.get(id)?.category;
    const r = quoteCoupon(quote?.coupons ?? [], quote?.code ?? '', quote?.now ?? Date.now(), priced, categoryOf);
    const out = lines.map((l, i) => ({ ...l, product: products[i], discount: r.price.lines[i]?.discount ?? 0 }));
    const view: CartView<L> = { lines: out, subtotal: r.price.subtotal, discount: r.price.discount, delivery: r.price.delivery, total: r.price.total };
    if (quote?.code) {
      view.coupon = { code: r.coupon?.code ?? quote.code, applied: r.coupon !== undefined, auto: r.auto ?? false };
      if (r.refusal) view.coupon.error = { code: r.refusal.code, message: r.refusal.message };
    }
    return view;
  }

  /** Views, cart adds and purchases folded by the item's actor, weighted 1/3/5. */
  popularity(itemId: string): number {
    const s = this.#store.items.get(itemId);
    return s ? s.views + 3 * s.cartAdds + 5 * s.purchases : 0;
  }
}
