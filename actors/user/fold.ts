/**
 * The user actor's behaviour: pure and synchronous. Given its state and one event
 * it returns the new state and the effects to run (recompute recommendations,
 * set or cancel a persisted reminder, push a coupon). The same code runs in the
 * shard worker, in recovery replays and in the tests' reference fold.
 */
import { ITEM_COMMAND_KINDS, RULE_COMMAND_KINDS, type ShopEvent } from '../../protos/index.js';
import {
  promoOnDecision, promoOnEvent, promoOnOrder, promoOnReminder, PromoRuleSet, type MetricInput, type PromoContext, type PromoSink,
} from '../promo/index.js';
import { decideLine, findCheckout, startCheckout, type CheckoutEffect } from './checkout.js';
import { foldIntent, type IntentChange, type IntentContext } from './intent.js';
import {
  AFFINITY_HALF_LIFE_MS, MAX_ORDERS, MAX_PURCHASED, MAX_RECENT, MAX_SEARCHES, MAX_SESSION_ITEMS,
  SESSION_GAP_MS, type Coupon, type SessionItemKind, type UserState,
} from './state.js';

/** The default cart-abandonment rule's id (a rule on the log like any other: actors/promo/defaults.ts). */
export const CART_ABANDONED = 'cart_abandoned';

export interface ItemFacts {
  category: string;
  price: number;
  /** Catalog stock, when known. */
  stock?: number;
}

export interface FoldContext {
  /** Catalog facts about an item, or undefined when it is unknown (e.g. deleted). */
  item(itemId: string): ItemFacts | undefined;
  /** Shortens idle promotion triggers marked `setting: cartAbandonMs` (the cart-abandonment rule's wait). */
  cartAbandonMs: number;
  /** The promotion rules in force at this log position (absent: none, e.g. a test of something else). */
  promoRules?: () => PromoRuleSet;
  /** Purchase intent (absent: not scored, e.g. INTENT=off). */
  intent?: IntentContext;
}

export type UserEffect =
  /** `causedBy`: the event the push names, when not the folded one (an order's lines name its checkout). */
  | { type: 'recompute'; causedBy?: string }
  | { type: 'set-reminder'; name: string; dueAt: number }
  | { type: 'cancel-reminder'; name: string; dueAt: number }
  | { type: 'coupon'; coupon: Coupon }
  /** The intent score moved into another band. */
  | ({ type: 'intent' } & IntentChange)
  | CheckoutEffect;

const AFFINITY_WEIGHT: Partial<Record<ShopEvent['kind'], number>> = { view: 1, rec_click: 1.5, cart_add: 3, purchase: 5, dwell: 0.5 };

function pushFront(list: string[], id: string, cap: number): void {
  const i = list.indexOf(id);
  if (i >= 0) list.splice(i, 1);
  list.unshift(id);
  if (list.length > cap) list.length = cap;
}

function bumpAffinity(s: UserState, category: string, weight: number, ts: number): void {
  if (s.affinityTs && ts > s.affinityTs) {
    const decay = Math.pow(0.5, (ts - s.affinityTs) / AFFINITY_HALF_LIFE_MS);
    for (const k of Object.keys(s.affinity)) {
      const v = s.affinity[k]! * decay;
      if (v < 0.01) delete s.affinity[k];
      else s.affinity[k] = v;
    }
  }
  s.affinityTs = Math.max(s.affinityTs, ts);
  s.affinity[category] = (s.affinity[category] ?? 0) + weight;
}

function addToSession(s: UserState, itemId: string, ts: number, kind: SessionItemKind): void {
  if (s.sessionStart === 0 || ts - s.lastTs > SESSION_GAP_MS) {
    s.session = [];
    s.sessionStart = ts;
  }
  s.session.push({ itemId, ts, kind });
  if (s.session.length > MAX_SESSION_ITEMS) s.session.splice(0, s.session.length - MAX_SESSION_ITEMS);
}

function setReminder(s: UserState, name: string, dueAt: number, effects: UserEffect[]): void {
  cancelReminder(s, name, effects);
  s.reminders.push({ name, dueAt });
  effects.push({ type: 'set-reminder', name, dueAt });
}

function cancelReminder(s: UserState, name: string, effects: UserEffect[]): void {
  const i = s.reminders.findIndex((r) => r.name === name);
  if (i < 0) return;
  effects.push({ type: 'cancel-reminder', name, dueAt: s.reminders[i]!.dueAt });
  s.reminders.splice(i, 1);
}

/** An order line: into the order, out of the cart, into what was bought. */
function recordOrderLine(s: UserState, orderId: string, ts: number, itemId: string, qty: number, price: number, effects: UserEffect[]): void {
  let order = s.orders.find((o) => o.orderId === orderId);
  if (!order) {
    order = { orderId, ts, lines: [], total: 0 };
    s.orders.unshift(order);
    if (s.orders.length > MAX_ORDERS) s.orders.length = MAX_ORDERS;
  }
  order.lines.push({ itemId, qty, price });
  order.total = Math.round((order.total + qty * price) * 100) / 100;
  const ci = s.cart.findIndex((l) => l.itemId === itemId);
  if (ci >= 0) {
    const line = s.cart[ci]!;
    if (line.qty <= qty) s.cart.splice(ci, 1);
    else line.qty -= qty;
  }
  pushFront(s.purchased, itemId, MAX_PURCHASED);
}

/** A checkout's order got its lines: the price the checkout fixed becomes the order's. */
function priceOrderRecord(s: UserState, c: NonNullable<UserState['checkouts']>[number]): void {
  const order = s.orders.find((o) => o.orderId === c.orderId);
  if (!order || c.total === undefined) return;
  order.subtotal = c.subtotal ?? order.total;
  order.discount = c.discount ?? 0;
  order.delivery = c.delivery ?? 0;
  order.total = c.total;
  if (c.coupon) {
    order.coupon = c.coupon;
    order.lineDiscounts = c.lineDiscounts ?? {};
  }
  if (c.gift) order.gift = c.gift;
}

/** Kinds the engine writes for the actor's own bookkeeping: not shopper activity. */
const BOOKKEEPING: ReadonlySet<ShopEvent['kind']> = new Set(['reminder', 'stock_granted', 'stock_refused', 'segment_change', 'coupon_granted', 'coupon_refused', 'ad_charged', 'ad_charge_refused', 'exposure']);

/** Counted in `events`: what the shopper did (a checkout once, not the lines it later placed). */
const isShopperEvent = (e: ShopEvent) => !BOOKKEEPING.has(e.kind) && !(e.kind === 'purchase' && e.checkoutId);

/** Folds one event into the state, mutating it in place (the caller owns it). */
export function foldUserEvent(s: UserState, e: ShopEvent, seq: number, ctx: FoldContext): UserEffect[] {
  const effects: UserEffect[] = [];
  // Commands to item and rule actors carry the user's id but are not this actor's to fold.
  if (ITEM_COMMAND_KINDS.has(e.kind) || RULE_COMMAND_KINDS.has(e.kind)) return effects;
  const facts = e.itemId && !BOOKKEEPING.has(e.kind) ? ctx.item(e.itemId) : undefined;
  const prevLastTs = s.lastTs;
  const prevScore = s.intentScore?.score ?? -1;
  const rules = ctx.promoRules?.() ?? PromoRuleSet.EMPTY;
  const promo: PromoContext = { rules, cartAbandonMs: ctx.cartAbandonMs };
  const sink: PromoSink = {
    command: (event) => effects.push({ type: 'command', event }),
    coupon: (coupon) => effects.push({ type: 'coupon', coupon }),
    setReminder: (name, dueAt) => setReminder(s, name, dueAt, effects),
    cancelReminder: (name) => cancelReminder(s, name, effects),
  };
  const metrics = (): MetricInput => ({ s, e, item: ctx.item, prevLastTs });
  if (isShopperEvent(e)) {
    if (s.firstTs === 0) s.firstTs = e.ts;
    s.events++;
  }
  switch (e.kind) {
    case 'view':
    case 'rec_click':
      if (e.itemId) {
        addToSession(s, e.itemId, e.ts, e.kind);
        pushFront(s.recent, e.itemId, MAX_RECENT);
        effects.push({ type: 'recompute' });
      }
      break;
    case 'cart_add': {
      if (!e.itemId) break;
      const qty = Math.max(1, e.qty ?? 1);
      const line = s.cart.find((l) => l.itemId === e.itemId);
      if (line) {
        line.qty += qty;
        if (facts) line.price = facts.price;
      } else s.cart.push(facts ? { itemId: e.itemId, qty, price: facts.price } : { itemId: e.itemId, qty });
      addToSession(s, e.itemId, e.ts, 'cart_add');
      effects.push({ type: 'recompute' });
      break;
    }
    case 'cart_remove': {
      const i = s.cart.findIndex((l) => l.itemId === e.itemId);
      if (i < 0) break;
      const line = s.cart[i]!;
      const qty = e.qty ?? 0;
      if (qty <= 0 || qty >= line.qty) s.cart.splice(i, 1);
      else line.qty -= qty;
      effects.push({ type: 'recompute' });
      break;
    }
    case 'purchase': {
      if (!e.itemId) break;
      const qty = Math.max(1, e.qty ?? 1);
      // A line placed by this actor's checkout is already in its orders (see 'stock_granted').
      if (!e.checkoutId) {
        const orderId = e.orderId || e.id;
        recordOrderLine(s, orderId, e.ts, e.itemId, qty, e.price ?? facts?.price ?? 0, effects);
        promoOnOrder(s, orderId, metrics(), promo, sink);
      }
      addToSession(s, e.itemId, e.ts, 'purchase');
      const placedBy = e.checkoutId ? findCheckout(s, e.checkoutId)?.commandId : undefined;
      effects.push(placedBy ? { type: 'recompute', causedBy: placedBy } : { type: 'recompute' });
      break;
    }
    case 'checkout':
      startCheckout(s, e, seq, (id) => ctx.item(id)?.category, effects);
      break;
    case 'stock_granted':
    case 'stock_refused': {
      const placed = decideLine(s, e, seq, effects, sink);
      if (placed) {
        for (const l of placed.lines) recordOrderLine(s, placed.orderId, placed.ts, l.itemId, l.qty, l.price, effects);
        priceOrderRecord(s, placed);
        promoOnOrder(s, placed.orderId, metrics(), promo, sink);
      }
      break;
    }
    case 'coupon_granted':
    case 'coupon_refused':
      promoOnDecision(s, e, sink);
      break;
    case 'search':
      if (e.query) {
        pushFront(s.searches, e.query, MAX_SEARCHES);
        s.lastSearchTs = e.ts;
      }
      break;
    case 'dwell':
      s.dwellMs += Math.max(0, e.dwellMs ?? 0);
      break;
    case 'exposure': {
      // The log's record that a variant's decision was served: the shard logs one per phase.
      const id = e.experimentId ?? '';
      const phase = e.experimentPhase ?? 0;
      const cur = s.experiments?.[id];
      if (id && phase > 0 && e.variant && (!cur || cur.phase < phase)) (s.experiments ??= {})[id] = { phase, variant: e.variant, ts: e.ts };
      break;
    }
    case 'segment_change':
      // Analytics' RFM segment as of a day; an older one arriving late does not win.
      if (e.segment && (e.dueAt ?? 0) >= (s.segment?.asOf ?? 0)) s.segment = { name: e.segment, previous: e.previousSegment ?? '', asOf: e.dueAt ?? 0 };
      break;
    case 'reminder': {
      const r = s.reminders.find((x) => x.name === e.reminder && x.dueAt === e.dueAt);
      // A reminder that was cancelled or re-armed after it was published is stale: ignore it.
      if (!r) break;
      s.reminders.splice(s.reminders.indexOf(r), 1);
      effects.push({ type: 'cancel-reminder', name: r.name, dueAt: r.dueAt });
      promoOnReminder(s, r.name, r.dueAt, metrics(), promo, sink);
      break;
    }
  }
  if (facts) {
    const w = AFFINITY_WEIGHT[e.kind];
    if (w) bumpAffinity(s, facts.category, w, e.ts);
  }
  if (ctx.intent) {
    const change = foldIntent(s, e, facts, ctx.intent);
    if (change) effects.push({ type: 'intent', ...change });
  }
  // After the intent fold: a score trigger compares the score before and after this event.
  if (isShopperEvent(e)) promoOnEvent(s, metrics(), promo, sink, prevScore);
  if (!BOOKKEEPING.has(e.kind)) s.lastTs = Math.max(s.lastTs, e.ts);
  s.lastSeq = seq;
  s.lastEventId = e.id;
  return effects;
}
