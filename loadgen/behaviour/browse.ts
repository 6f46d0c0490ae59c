/**
 * The `browse` behaviour: a shopper lands on a category, views items (mostly in
 * that category, sometimes a recommended one or another category), lingers (dwell),
 * searches, adds to the cart, removes, and at the end of a visit buys the cart or
 * abandons it. Probabilities are round numbers in the range e-commerce funnels
 * report (a few % of views reach the cart; most carts are abandoned).
 */
import type { Rng } from '../rng.js';
import type { Behaviour, CatalogSample, PersonaKind, ShopperAction } from './types.js';

/** Pause after each kind of action, relative to the average pause. */
export const THINK_AFTER = {
  view: 1.0,
  rec_click: 1.0,
  /** The strip came into view while the page was read: no pause of its own to speak of. */
  rec_impression: 0.2,
  dwell: 0.8,
  search: 1.2,
  cart_add: 0.8,
  cart_remove: 0.6,
  /** Checkout sends one purchase per cart line in quick succession. */
  purchase: 0.3,
  /** Extra pause between two visits. */
  visitEnd: 2.5,
} as const;

interface Probabilities {
  searchFirst: number;
  dwell: number;
  cartAdd: number;
  recClick: number;
  otherCategory: number;
  search: number;
  cartRemove: number;
  checkoutMidVisit: number;
  buyAtVisitEnd: number;
  qtyTwo: number;
  /** Share of views that go back to an item already seen in the visit. */
  reView: number;
  meanVisitActions: number;
  /** Extra pause after a visit, relative to an average pause. */
  visitEndPause: number;
}

const P: Probabilities = {
  searchFirst: 0.25, dwell: 0.22, cartAdd: 0.1, recClick: 0.12, otherCategory: 0.08, search: 0.05, cartRemove: 0.04,
  checkoutMidVisit: 0.03, buyAtVisitEnd: 0.35, qtyTwo: 0.15, reView: 0, meanVisitActions: 20, visitEndPause: THINK_AFTER.visitEnd,
};

/**
 * Visits of the personas scenario are far apart (a visit ends with a pause 12x an
 * average one), so an inactivity gap separates them: the engine's intent sessions
 * are then the shoppers' visits.
 */
const PERSONA_VISIT_END = 12;

/**
 * Personas of the `personas` scenario: buyers know what they want (short focused
 * visits, long looks, items seen again, carts that get bought); browsers wander
 * (long visits across categories, short looks, carts left behind).
 */
export const PERSONAS: Readonly<Record<PersonaKind, Probabilities>> = {
  buyer: { ...P, dwell: 0.3, cartAdd: 0.22, recClick: 0.08, otherCategory: 0.04, search: 0.06, cartRemove: 0.03, checkoutMidVisit: 0.06, buyAtVisitEnd: 0.85, reView: 0.3, meanVisitActions: 12, visitEndPause: PERSONA_VISIT_END },
  browser: { ...P, dwell: 0.08, cartAdd: 0.04, recClick: 0.15, otherCategory: 0.18, search: 0.04, cartRemove: 0.06, checkoutMidVisit: 0.005, buyAtVisitEnd: 0.12, reView: 0.03, meanVisitActions: 25, visitEndPause: PERSONA_VISIT_END },
};
export const BUYER_SHARE = 0.3;
/** Visits that start in the shopper's preferred category (the rest: a popularity draw). */
export const PREFERRED_VISITS = 0.75;

export interface Persona {
  kind: PersonaKind;
  /** Category index of the preferred category. */
  preferred: number;
}

/** Items of each category, built once per catalog sample and shared by its shoppers. */
export class CatalogIndex {
  readonly sample: CatalogSample;
  readonly byCategory: number[][];
  /** Categories by size, largest first: a zipf draw over this favours the big ones. */
  readonly categoryOrder: number[];
  /** Live view of stock as this thread's shoppers bought it (other threads buy too). */
  readonly stock: number[];
  readonly #indexOf = new Map<string, number>();

  constructor(sample: CatalogSample) {
    if (sample.itemIds.length === 0) throw new RangeError('the catalog sample is empty');
    this.sample = sample;
    this.byCategory = sample.categories.map(() => []);
    sample.categoryOf.forEach((c, i) => this.byCategory[c]!.push(i));
    this.categoryOrder = this.byCategory.map((_, c) => c).filter((c) => this.byCategory[c]!.length > 0)
      .sort((a, b) => this.byCategory[b]!.length - this.byCategory[a]!.length);
    this.stock = [...sample.stock];
    sample.itemIds.forEach((id, i) => this.#indexOf.set(id, i));
  }

  /** Index of an item in the sample, or -1. */
  indexOf(itemId: string): number {
    return this.#indexOf.get(itemId) ?? -1;
  }
}

export class BrowseShopper implements Behaviour {
  readonly #rng: Rng;
  readonly #cat: CatalogIndex;
  /** Item index -> qty, as this shopper believes its cart is. */
  readonly #cart = new Map<number, number>();
  readonly #queue: ShopperAction[] = [];
  #category: number;
  #current = -1;
  #left = 0;
  #recs: string[] = [];
  /** Recommended items already shown in this visit (the storefront reports each once per strip). */
  readonly #impressed = new Set<string>();
  #lastKind: ShopperAction['kind'] | undefined;
  #pushes = 0;
  readonly #p: Probabilities;
  readonly #persona: Persona | undefined;
  /** Items viewed in this visit (for re-views). */
  readonly #visited: number[] = [];

  constructor(rng: Rng, catalog: CatalogIndex, persona?: Persona) {
    this.#rng = rng;
    this.#cat = catalog;
    this.#persona = persona;
    this.#p = persona ? PERSONAS[persona.kind] : P;
    this.#category = this.#pickCategory();
  }

  /** A persona drawn for a shopper from its own seeded stream (same seed, same persona). */
  static withPersona(rng: Rng, catalog: CatalogIndex): BrowseShopper {
    const kind: PersonaKind = rng.chance(BUYER_SHARE) ? 'buyer' : 'browser';
    const order = catalog.categoryOrder;
    return new BrowseShopper(rng, catalog, { kind, preferred: order[rng.zipf(order.length, 0.8)]! });
  }

  get preferredCategory(): string | undefined {
    return this.#persona ? this.#cat.sample.categories[this.#persona.preferred] : undefined;
  }

  get persona(): PersonaKind | undefined {
    return this.#persona?.kind;
  }

  next(): ShopperAction {
    const a = this.#nextAction();
    this.#lastKind = a.kind;
    return a;
  }

  #nextAction(): ShopperAction {
    const queued = this.#queue.shift();
    if (queued) return queued;
    const r = this.#rng;
    if (this.#left <= 0) return this.#startVisit();
    this.#left--;
    if (this.#left === 0) return this.#endVisit();
    if (this.#current < 0) return this.#view(this.#pickItem(this.#category));

    if (this.#cart.size > 0) {
      if (r.chance(this.#p.checkoutMidVisit)) return this.#checkout();
      if (r.chance(this.#p.cartRemove)) return this.#cartRemove();
    }
    const x = r.next();
    let acc = this.#p.dwell;
    if (x < acc) return { kind: 'dwell', itemId: this.#itemId(this.#current), dwellMs: 2000 + r.int(88_000), thinkAfter: THINK_AFTER.dwell };
    if (x < (acc += this.#p.cartAdd) && this.#cat.stock[this.#current]! > 0) return this.#cartAdd(this.#current);
    if (x < (acc += this.#p.recClick) && this.#recs.length > 0) {
      const itemId = this.#recs[r.zipf(this.#recs.length)]!;
      this.#current = this.#cat.indexOf(itemId);
      return { kind: 'rec_click', itemId, thinkAfter: THINK_AFTER.rec_click };
    }
    if (x < (acc += this.#p.otherCategory)) this.#category = this.#pickCategory();
    else if (x < acc + this.#p.search) return this.#search();
    if (this.#visited.length > 1 && r.chance(this.#p.reView)) return this.#view(r.pick(this.#visited));
    return this.#view(this.#pickItem(this.#category));
  }

  onRecs(itemIds: readonly string[]): void {
    this.#recs = itemIds.slice(0, 8);
    // Every other page the shopper scrolls down to the strip: the items not shown before this visit are an impression.
    // (A count, not the RNG: pushes arrive at their own times, and next() must stay a pure function of the seed.)
    if ((this.#lastKind !== 'view' && this.#lastKind !== 'rec_click') || this.#pushes++ % 2 !== 0) return;
    const fresh = this.#recs.filter((id) => !this.#impressed.has(id));
    if (fresh.length === 0) return;
    for (const id of fresh) this.#impressed.add(id);
    this.#queue.push({ kind: 'rec_impression', itemIds: fresh, slot: 'for-you', thinkAfter: THINK_AFTER.rec_impression });
  }

  onRejected(action: ShopperAction, code: string): void {
    // Out of stock: forget the item (the engine keeps it in the cart; our next checkout skips it).
    if (code === 'E_OUT_OF_STOCK' && action.itemId !== undefined) {
      const i = this.#cat.indexOf(action.itemId);
      if (i >= 0) this.#cat.stock[i] = 0;
    }
  }

  #startVisit(): ShopperAction {
    this.#left = 1 + Math.round(this.#rng.exp(this.#p.meanVisitActions));
    this.#visited.length = 0;
    this.#category = this.#pickCategory();
    this.#current = -1;
    this.#recs = [];
    this.#impressed.clear();
    if (this.#rng.chance(this.#p.searchFirst)) return this.#search();
    return this.#view(this.#pickItem(this.#category));
  }

  #endVisit(): ShopperAction {
    if (this.#cart.size > 0 && this.#rng.chance(this.#p.buyAtVisitEnd)) {
      const first = this.#checkout();
      const last = this.#queue.length > 0 ? this.#queue[this.#queue.length - 1]! : first;
      last.thinkAfter += this.#p.visitEndPause;
      return first;
    }
    // Abandon: the cart stays (the engine's cart-abandonment reminder may fire later).
    const a = this.#view(this.#pickItem(this.#category));
    a.thinkAfter += this.#p.visitEndPause;
    return a;
  }

  #checkout(): ShopperAction {
    const lines = [...this.#cart].filter(([i, qty]) => this.#cat.stock[i]! >= qty);
    this.#cart.clear();
    if (lines.length === 0) return this.#view(this.#pickItem(this.#category));
    for (const [i, qty] of lines) {
      this.#cat.stock[i] = this.#cat.stock[i]! - qty;
      this.#queue.push({ kind: 'purchase', itemId: this.#itemId(i), qty, thinkAfter: THINK_AFTER.purchase });
    }
    return this.#queue.shift()!;
  }

  #cartAdd(i: number): ShopperAction {
    const qty = this.#rng.chance(this.#p.qtyTwo) ? 2 : 1;
    this.#cart.set(i, (this.#cart.get(i) ?? 0) + qty);
    return { kind: 'cart_add', itemId: this.#itemId(i), qty, thinkAfter: THINK_AFTER.cart_add };
  }

  #cartRemove(): ShopperAction {
    const lines = [...this.#cart.keys()];
    const i = this.#rng.pick(lines);
    this.#cart.delete(i);
    return { kind: 'cart_remove', itemId: this.#itemId(i), thinkAfter: THINK_AFTER.cart_remove };
  }

  #search(): ShopperAction {
    const words = this.#cat.sample.categories[this.#category]!.split(/[-_\s]+/).filter(Boolean);
    return { kind: 'search', query: words.length ? this.#rng.pick(words) : 'gift', thinkAfter: THINK_AFTER.search };
  }

  #view(i: number): ShopperAction {
    this.#current = i;
    if (!this.#visited.includes(i) && this.#visited.length < 50) this.#visited.push(i);
    return { kind: 'view', itemId: this.#itemId(i), thinkAfter: THINK_AFTER.view };
  }

  #pickCategory(): number {
    const order = this.#cat.categoryOrder;
    if (this.#persona && this.#rng.chance(PREFERRED_VISITS)) return this.#persona.preferred;
    return order[this.#rng.zipf(order.length, 0.8)]!;
  }

  /** Popular items are viewed more: a zipf draw over the category's list. */
  #pickItem(category: number): number {
    const items = this.#cat.byCategory[category]!;
    return items[this.#rng.zipf(Math.min(items.length, 200), 0.9)]!;
  }

  #itemId(i: number): string {
    return this.#cat.sample.itemIds[i]!;
  }
}
