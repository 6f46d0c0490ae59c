/**
 * What a rule's conditions can read: values computed from the user actor's live state
 * and the event being folded. Computed lazily, once per evaluation, so a rule that
 * fails its first condition costs one lookup.
 */
import type { CouponScope } from '../../protos/contract.js';
import type { ShopEvent } from '../../protos/index.js';
import type { UserState } from '../user/state.js';
import { inScope } from './pricing.js';

const DAY_MS = 86_400_000;
/** "Never" for day counts: larger than any real gap, so `gte N` holds and `lte N` does not. */
export const NEVER_DAYS = 1e6;
const CHEAP_WINDOW = 20;

export interface ItemFactsView {
  category: string;
  price: number;
  stock?: number;
}

export interface MetricInput {
  s: UserState;
  e: ShopEvent;
  item(itemId: string): ItemFactsView | undefined;
  /** The shopper's last activity before this event (0: none). */
  prevLastTs: number;
  /** The scope of the rule being evaluated (scopeUnits, scopeValue). */
  scope?: CouponScope;
}

type Kind = 'number' | 'boolean' | 'string' | 'set';
interface MetricDef {
  kind: Kind;
  /** Takes a numeric `arg`. */
  arg?: true;
  /** Depends on the rule's scope: not shared between rules. */
  perRule?: true;
  doc: string;
  get(m: MetricInput, arg: number): number | boolean | string | ReadonlySet<string>;
}

const cartValue = ({ s, item }: MetricInput) => Math.round(s.cart.reduce((t, l) => t + l.qty * (item(l.itemId)?.price ?? 0), 0) * 100) / 100;
const sessionCount = (s: UserState, kinds: ReadonlySet<string>) => s.session.reduce((n, x) => n + (kinds.has(x.kind) ? 1 : 0), 0);
const VIEWS = new Set(['view', 'rec_click']);
const ADDS = new Set(['cart_add']);
const daysSince = (ts: number, now: number) => (ts > 0 ? (now - ts) / DAY_MS : NEVER_DAYS);
const categoriesOf = (ids: Iterable<string>, item: MetricInput['item']) => {
  const set = new Set<string>();
  for (const id of ids) {
    const c = item(id)?.category;
    if (c) set.add(c);
  }
  return set;
};

export const METRICS = {
  cartValue: { kind: 'number', doc: 'value of the cart at current prices', get: cartValue },
  cartItems: { kind: 'number', doc: 'units in the cart', get: ({ s }) => s.cart.reduce((n, l) => n + l.qty, 0) },
  scopeUnits: { kind: 'number', perRule: true, doc: "units in the cart within the rule's scope", get: ({ s, item, scope }) => s.cart.reduce((n, l) => n + (!scope || inScope(scope, l.itemId, (id) => item(id)?.category) ? l.qty : 0), 0) },
  scopeValue: {
    kind: 'number', perRule: true, doc: "value of the cart within the rule's scope",
    get: ({ s, item, scope }) => Math.round(s.cart.reduce((t, l) => t + (!scope || inScope(scope, l.itemId, (id) => item(id)?.category) ? l.qty * (item(l.itemId)?.price ?? 0) : 0), 0) * 100) / 100,
  },
  cartCategories: { kind: 'set', doc: 'categories in the cart', get: ({ s, item }) => categoriesOf(s.cart.map((l) => l.itemId), item) },
  cartPriceDropPct: {
    kind: 'number', doc: 'largest price drop of a cart line since it was added, percent',
    get: ({ s, item }) => s.cart.reduce((best, l) => {
      const now = item(l.itemId)?.price;
      return l.price && now !== undefined && now < l.price ? Math.max(best, ((l.price - now) / l.price) * 100) : best;
    }, 0),
  },
  sessionViews: { kind: 'number', doc: 'item views in the current session', get: ({ s }) => sessionCount(s, VIEWS) },
  sessionCartAdds: { kind: 'number', doc: 'cart adds in the current session', get: ({ s }) => sessionCount(s, ADDS) },
  sessionCategories: { kind: 'set', doc: 'categories seen in the current session', get: ({ s, item }) => categoriesOf(s.session.map((x) => x.itemId), item) },
  itemViews: { kind: 'number', doc: "views of the event's item in the current session", get: ({ s, e }) => s.session.reduce((n, x) => n + (x.itemId === e.itemId && VIEWS.has(x.kind) ? 1 : 0), 0) },
  itemInCart: { kind: 'boolean', doc: "the event's item is in the cart", get: ({ s, e }) => s.cart.some((l) => l.itemId === e.itemId) },
  itemPurchased: { kind: 'boolean', doc: "the event's item was bought before", get: ({ s, e }) => !!e.itemId && s.purchased.includes(e.itemId) },
  eventItemPrice: { kind: 'number', doc: "price of the event's item", get: ({ e, item }) => (e.itemId ? item(e.itemId)?.price ?? 0 : 0) },
  eventItemStock: { kind: 'number', doc: "catalog stock of the event's item (-1: unknown)", get: ({ e, item }) => (e.itemId ? item(e.itemId)?.stock ?? -1 : -1) },
  eventItemCategory: { kind: 'string', doc: "category of the event's item", get: ({ e, item }) => (e.itemId ? item(e.itemId)?.category ?? '' : '') },
  eventDwellMs: { kind: 'number', doc: 'dwell time the event reports', get: ({ e }) => e.dwellMs ?? 0 },
  dwellMs: { kind: 'number', doc: 'dwell time in all', get: ({ s }) => s.dwellMs },
  orders: { kind: 'number', doc: 'orders placed', get: ({ s }) => s.orders.length },
  lastOrderValue: { kind: 'number', doc: 'total of the last order', get: ({ s }) => s.orders[0]?.total ?? 0 },
  daysSinceLastOrder: { kind: 'number', doc: 'days since the last order (1e6: none)', get: ({ s, e }) => daysSince(s.orders[0]?.ts ?? 0, e.ts) },
  daysSinceFirstOrder: { kind: 'number', doc: 'days since the first order (1e6: none)', get: ({ s, e }) => daysSince(s.orders[s.orders.length - 1]?.ts ?? 0, e.ts) },
  daysAway: { kind: 'number', doc: 'days between this event and the activity before it (0: first visit)', get: ({ prevLastTs, e }) => (prevLastTs > 0 ? Math.max(0, (e.ts - prevLastTs) / DAY_MS) : 0) },
  purchasedCategories: { kind: 'set', doc: 'categories bought from', get: ({ s, item }) => categoriesOf(s.purchased, item) },
  distinctPurchasedCategories: { kind: 'number', doc: 'how many categories were bought from', get: ({ s, item }) => categoriesOf(s.purchased, item).size },
  searches: { kind: 'number', doc: 'searches remembered (the last 20)', get: ({ s }) => s.searches.length },
  viewsSinceLastSearch: {
    kind: 'number', doc: 'items viewed since the last search (-1: no search this session)',
    get: ({ s }) => (s.lastSearchTs && s.lastSearchTs >= s.sessionStart ? s.session.reduce((n, x) => n + (x.ts >= s.lastSearchTs! && VIEWS.has(x.kind) ? 1 : 0), 0) : -1),
  },
  cheapViewShare: {
    kind: 'number', arg: true, doc: `share (0-1) of the last ${CHEAP_WINDOW} viewed items priced below arg`,
    get: ({ s, item }, arg) => {
      const seen = s.recent.slice(0, CHEAP_WINDOW).map((id) => item(id)?.price).filter((p): p is number => p !== undefined);
      return seen.length === 0 ? 0 : seen.filter((p) => p < arg).length / seen.length;
    },
  },
  recentViews: { kind: 'number', doc: 'distinct items viewed (the last 50)', get: ({ s }) => s.recent.length },
  segment: { kind: 'string', doc: "the customer's RFM segment ('' = none yet)", get: ({ s }) => s.segment?.name ?? '' },
  intentScore: { kind: 'number', doc: 'live purchase-intent score 0-1 (-1: not scored)', get: ({ s }) => s.intentScore?.score ?? -1 },
} satisfies Record<string, MetricDef>;

export type MetricName = keyof typeof METRICS;
export type MetricValue = ReturnType<MetricDef['get']>;

/** One evaluation's lazily computed metrics. */
export class MetricCache {
  readonly #m: MetricInput;
  readonly #cache = new Map<string, MetricValue>();

  constructor(m: MetricInput) {
    this.#m = m;
  }

  get(name: MetricName, arg = 0, scope?: CouponScope): MetricValue {
    const def = METRICS[name] as MetricDef;
    if (def.perRule) return def.get(scope ? { ...this.#m, scope } : this.#m, arg);
    const key = arg ? `${name}:${arg}` : name;
    let v = this.#cache.get(key);
    if (v === undefined) {
      v = def.get(this.#m, arg);
      this.#cache.set(key, v);
    }
    return v;
  }
}
