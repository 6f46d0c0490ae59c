/**
 * The user actor coordinates its checkouts (a saga through the log): a `checkout`
 * command asks each item's owner to reserve units; when every line is decided, the
 * order is placed (holds committed, one purchase record per line) or refused (the
 * granted holds released). Every step is an event, so a replay after a crash makes
 * the same decisions and the shard's outbox re-sends what was not yet in the log.
 */
import type { EventLine, ShopEvent } from '../../protos/index.js';
import { redeemAtCheckout, settleCoupon, type CategoryOf, type PromoSink } from '../promo/index.js';
import { MAX_CHECKOUTS, type CheckoutRecord, type UserState } from './state.js';

/** Ids of the saga's events: derived, so re-publishing one is de-duplicated by the log. */
export const sagaEventId = (checkoutId: string, step: 'r' | 'c' | 'x' | 'p', itemId: string) => `${checkoutId}.${step}.${itemId}`;

export type CheckoutEffect =
  /** An event to append to the log (the shard routes it by placement, through its outbox). */
  | { type: 'command'; event: ShopEvent }
  /** The checkout was decided: tell the shopper. */
  | { type: 'order'; checkout: CheckoutRecord; causedBy: string };

export function findCheckout(s: UserState, checkoutId: string): CheckoutRecord | undefined {
  return s.checkouts?.find((c) => c.checkoutId === checkoutId);
}

/**
 * Folds a `checkout` command: prices it (with its coupon, held for it), records it and
 * sends one reserve command per line. A coupon that cannot be used refuses the checkout
 * at once (no stock is asked for), naming why.
 */
export function startCheckout(s: UserState, e: ShopEvent, seq: number, categoryOf: CategoryOf, effects: { push(...e: CheckoutEffect[]): number }): void {
  const checkoutId = e.checkoutId ?? '';
  if (!checkoutId || !e.lines?.length || findCheckout(s, checkoutId)) return; // a retried command: already under way
  const list = s.checkouts ?? (s.checkouts = []);
  const lines = e.lines.map((l: EventLine) => ({ itemId: l.itemId, qty: l.qty, price: l.price }));
  const r = redeemAtCheckout(s, e, lines, categoryOf);
  const rec: CheckoutRecord = {
    checkoutId, orderId: e.orderId || checkoutId, commandId: e.id, ts: e.ts, lines, decided: {}, status: 'pending', seq: 0,
    subtotal: r.price.subtotal, discount: r.price.discount, delivery: r.price.delivery, total: r.price.total,
  };
  if (r.coupon) {
    rec.coupon = r.coupon.code;
    rec.lineDiscounts = Object.fromEntries(r.price.lines.filter((l) => l.discount > 0).map((l) => [l.itemId, l.discount]));
    if (r.price.gift) rec.gift = r.price.gift;
  }
  if (r.auto) rec.autoCoupon = true;
  list.unshift(rec);
  // A pending checkout is never dropped: its holds must still be settled.
  while (list.length > MAX_CHECKOUTS && list[list.length - 1]!.status !== 'pending') list.pop();
  if (r.refusal) {
    rec.status = 'refused';
    rec.seq = seq;
    rec.couponError = r.refusal;
    effects.push({ type: 'order', checkout: rec, causedBy: rec.commandId });
    return;
  }
  for (const l of lines) {
    effects.push({ type: 'command', event: {
      id: sagaEventId(checkoutId, 'r', l.itemId), userId: s.userId, kind: 'stock_reserve', ts: e.ts,
      itemId: l.itemId, qty: l.qty, checkoutId, source: 'engine',
    } });
  }
}

/**
 * Folds an owner's decision. Returns the checkout when this decision completed it as
 * placed (the caller then applies the order to the shopper's state), else undefined.
 */
export function decideLine(s: UserState, e: ShopEvent, seq: number, effects: { push(...e: CheckoutEffect[]): number }, promo: PromoSink): CheckoutRecord | undefined {
  const c = findCheckout(s, e.checkoutId ?? '');
  const itemId = e.itemId ?? '';
  if (!c || c.status !== 'pending' || c.decided[itemId] || !c.lines.some((l) => l.itemId === itemId)) return undefined;
  c.decided[itemId] = { granted: e.kind === 'stock_granted', left: e.stockLeft ?? 0 };
  if (c.lines.some((l) => !c.decided[l.itemId])) return undefined;
  const placed = c.lines.every((l) => c.decided[l.itemId]!.granted);
  c.status = placed ? 'placed' : 'refused';
  c.seq = seq;
  for (const l of c.lines) {
    if (!c.decided[l.itemId]!.granted) continue;
    effects.push({ type: 'command', event: {
      id: sagaEventId(c.checkoutId, placed ? 'c' : 'x', l.itemId), userId: s.userId, kind: placed ? 'stock_commit' : 'stock_release',
      ts: e.ts, itemId: l.itemId, qty: l.qty, checkoutId: c.checkoutId, source: 'engine',
    } });
    if (placed) {
      // The order's record for every other reader of the log (analytics, the model, old consumers).
      effects.push({ type: 'command', event: {
        id: sagaEventId(c.checkoutId, 'p', l.itemId), userId: s.userId, kind: 'purchase', ts: e.ts,
        itemId: l.itemId, qty: l.qty, price: l.price, orderId: c.orderId, checkoutId: c.checkoutId, source: 'engine',
      } });
    }
  }
  if (c.coupon) settleCoupon(s, c.coupon, placed, c.discount ?? 0, c.orderId, e.ts, promo);
  effects.push({ type: 'order', checkout: c, causedBy: c.commandId });
  return placed ? c : undefined;
}

/** The first refused line of a refused checkout (what the shopper is told). */
export function refusedLine(c: CheckoutRecord): { itemId: string; requested: number; left: number } | undefined {
  for (const l of c.lines) {
    const d = c.decided[l.itemId];
    if (d && !d.granted) return { itemId: l.itemId, requested: l.qty, left: d.left };
  }
  return undefined;
}
