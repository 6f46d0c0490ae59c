/**
 * The user actor's behaviour: pure and synchronous. Given its state and one event
 * it returns the new state and the effects to run (recompute recommendations,
 * set or cancel a persisted reminder, push a coupon). The same code runs in the
 * shard worker, in recovery replays and in the tests' reference fold.
 */
import { ITEM_COMMAND_KINDS, type ShopEvent } from '../../protos/index.js';
import { decideLine, findCheckout, startCheckout, type CheckoutEffect } from './checkout.js';
import { foldIntent, type IntentChange, type IntentContext } from './intent.js';
import {
  AFFINITY_HALF_LIFE_MS, MAX_COUPONS, MAX_ORDERS, MAX_PURCHASED, MAX_RECENT, MAX_SEARCHES, MAX_SESSION_ITEMS,
  SESSION_GAP_MS, type Coupon, type SessionItemKind, type UserState,
} from './state.js';

export const CART_ABANDONED = 'cart_abandoned';

export interface ItemFacts {
  category: string;
  price: number;
}

export interface FoldContext {
  /** Catalog facts about an item, or undefined when it is unknown (e.g. deleted). */
  item(itemId: string): ItemFacts | undefined;
  cartAbandonMs: number;
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
  if (s.cart.length === 0) cancelReminder(s, CART_ABANDONED, effects);
}

/** Kinds the engine writes for the actor's own bookkeeping: not shopper activity. */
const BOOKKEEPING: ReadonlySet<ShopEvent['kind']> = new Set(['reminder', 'stock_granted', 'stock_refused', 'segment_change']);

/** Counted in `events`: what the shopper did (a checkout once, not the lines it later placed). */
const isShopperEvent = (e: ShopEvent) => !BOOKKEEPING.has(e.kind) && !(e.kind === 'purchase' && e.checkoutId);

/** Folds one event into the state, mutating it in place (the caller owns it). */
export function foldUserEvent(s: UserState, e: ShopEvent, seq: number, ctx: FoldContext): UserEffect[] {
  const effects: UserEffect[] = [];
  // Commands to item actors carry the ordering user's id but are not this actor's to fold.
  if (ITEM_COMMAND_KINDS.has(e.kind)) return effects;
  const facts = e.itemId && !BOOKKEEPING.has(e.kind) ? ctx.item(e.itemId) : undefined;
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
      if (line) line.qty += qty;
      else s.cart.push({ itemId: e.itemId, qty });
      addToSession(s, e.itemId, e.ts, 'cart_add');
      setReminder(s, CART_ABANDONED, e.ts + ctx.cartAbandonMs, effects);
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
      if (s.cart.length === 0) cancelReminder(s, CART_ABANDONED, effects);
      effects.push({ type: 'recompute' });
      break;
    }
    case 'purchase': {
      if (!e.itemId) break;
      const qty = Math.max(1, e.qty ?? 1);
      // A line placed by this actor's checkout is already in its orders (see 'stock_granted').
      if (!e.checkoutId) recordOrderLine(s, e.orderId || e.id, e.ts, e.itemId, qty, e.price ?? facts?.price ?? 0, effects);
      addToSession(s, e.itemId, e.ts, 'purchase');
      const placedBy = e.checkoutId ? findCheckout(s, e.checkoutId)?.commandId : undefined;
      effects.push(placedBy ? { type: 'recompute', causedBy: placedBy } : { type: 'recompute' });
      break;
    }
    case 'checkout':
      startCheckout(s, e, effects);
      break;
    case 'stock_granted':
    case 'stock_refused': {
      const placed = decideLine(s, e, seq, effects);
      if (placed) for (const l of placed.lines) recordOrderLine(s, placed.orderId, placed.ts, l.itemId, l.qty, l.price, effects);
      break;
    }
    case 'search':
      if (e.query) {
        pushFront(s.searches, e.query, MAX_SEARCHES);
      }
      break;
    case 'dwell':
      s.dwellMs += Math.max(0, e.dwellMs ?? 0);
      break;
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
      if (r.name === CART_ABANDONED && s.cart.length > 0) {
        const coupon: Coupon = { code: couponCode(s.userId, r.dueAt), rule: CART_ABANDONED, percentOff: 10, ts: e.dueAt ?? e.ts, causedBy: e.id };
        s.coupons.unshift(coupon);
        if (s.coupons.length > MAX_COUPONS) s.coupons.length = MAX_COUPONS;
        effects.push({ type: 'coupon', coupon });
      }
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
  if (!BOOKKEEPING.has(e.kind)) s.lastTs = Math.max(s.lastTs, e.ts);
  s.lastSeq = seq;
  s.lastEventId = e.id;
  return effects;
}

/** Deterministic coupon code, so a replay issues the same code. */
export function couponCode(userId: string, dueAt: number): string {
  let h = 2166136261;
  const s = `${userId}:${dueAt}`;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return `COMEBACK10-${(h >>> 0).toString(36).toUpperCase()}`;
}
