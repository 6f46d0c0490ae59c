/**
 * An independent reading of stock from the raw log, for the checkout saga's tests.
 * Written from the contract, not from actors/: the point is to catch the actors
 * being wrong, so it must not share their code.
 *
 * Contract: checkout (user's partition) -> stock_reserve per item -> the item grants
 * or refuses (stock_granted / stock_refused back to the user) -> the user places the
 * order (stock_commit per item, one purchase per line, same order id) or refuses it
 * (stock_release for the granted lines). Every saga event names the order owner
 * (userId), checkoutId, itemId and qty; purchases carry orderId and checkoutId.
 */
import type { LoggedEvent } from './reference.js';

export interface ItemStock {
  granted: number;
  released: number;
  committed: number;
  refused: number;
  /** Units in purchase events (placed order lines). */
  purchased: number;
}

export interface CheckoutRecord {
  checkoutId: string;
  userId: string;
  /** A purchase event with this checkoutId exists. */
  placed: boolean;
  orderIds: Set<string>;
  /** itemId -> units */
  granted: Map<string, number>;
  refused: Set<string>;
  released: Map<string, number>;
  purchased: Map<string, number>;
}

export interface OrderRecord {
  orderId: string;
  userId: string;
  checkoutId: string | undefined;
  lines: Array<{ itemId: string; qty: number; price: number; seq: number }>;
}

export interface StockFold {
  items: Map<string, ItemStock>;
  checkouts: Map<string, CheckoutRecord>;
  orders: Map<string, OrderRecord>;
  /** The same (checkout, item) decided twice in different ways (granted and refused). */
  conflicts: string[];
}

const DECISIONS = new Set(['stock_granted', 'stock_refused', 'stock_commit', 'stock_release']);

function bump(m: Map<string, number>, k: string, n: number): void {
  m.set(k, (m.get(k) ?? 0) + n);
}

export function referenceStock(log: LoggedEvent[]): StockFold {
  const items = new Map<string, ItemStock>();
  const checkouts = new Map<string, CheckoutRecord>();
  const orders = new Map<string, OrderRecord>();
  const conflicts: string[] = [];
  // An event id is unique per user (Track's idempotency contract): a re-append is one event.
  const seen = new Set<string>();
  // A (checkout, item, decision) counts once, however often an actor re-emitted it after a restart.
  const decided = new Map<string, string>();
  const item = (id: string) => {
    let s = items.get(id);
    if (!s) items.set(id, (s = { granted: 0, released: 0, committed: 0, refused: 0, purchased: 0 }));
    return s;
  };
  const checkout = (id: string, userId: string) => {
    let c = checkouts.get(id);
    if (!c) {
      checkouts.set(id, (c = { checkoutId: id, userId, placed: false, orderIds: new Set(), granted: new Map(), refused: new Set(), released: new Map(), purchased: new Map() }));
    }
    return c;
  };

  for (const { seq, event: e } of log) {
    const key = `${e.userId}/${e.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (e.kind === 'checkout' && e.checkoutId) {
      checkout(e.checkoutId, e.userId);
    } else if (DECISIONS.has(e.kind) && e.checkoutId && e.itemId) {
      const qty = e.qty ?? 0;
      const c = checkout(e.checkoutId, e.userId);
      const once = `${e.checkoutId}/${e.itemId}/${e.kind}`;
      if (decided.has(once)) continue;
      decided.set(once, e.kind);
      const s = item(e.itemId);
      if (e.kind === 'stock_granted' || e.kind === 'stock_refused') {
        const other = `${e.checkoutId}/${e.itemId}/${e.kind === 'stock_granted' ? 'stock_refused' : 'stock_granted'}`;
        if (decided.has(other)) conflicts.push(`checkout ${e.checkoutId}: item ${e.itemId} was both granted and refused (seq ${seq})`);
      }
      if (e.kind === 'stock_granted') {
        s.granted += qty;
        bump(c.granted, e.itemId, qty);
      } else if (e.kind === 'stock_refused') {
        s.refused += qty;
        c.refused.add(e.itemId);
      } else if (e.kind === 'stock_commit') {
        s.committed += qty;
      } else {
        s.released += qty;
        bump(c.released, e.itemId, qty);
      }
    } else if (e.kind === 'purchase' && e.itemId) {
      const qty = Math.max(1, e.qty ?? 1);
      item(e.itemId).purchased += qty;
      const orderId = e.orderId || e.id;
      let o = orders.get(orderId);
      if (!o) orders.set(orderId, (o = { orderId, userId: e.userId, checkoutId: e.checkoutId, lines: [] }));
      o.lines.push({ itemId: e.itemId, qty, price: e.price ?? 0, seq });
      if (e.checkoutId) {
        const c = checkout(e.checkoutId, e.userId);
        c.placed = true;
        c.orderIds.add(orderId);
        bump(c.purchased, e.itemId, qty);
      }
    }
  }
  return { items, checkouts, orders, conflicts };
}

/**
 * What the contract forbids, as readable lines (empty = consistent). `initial` is each
 * watched item's stock before the test's checkouts.
 */
export function stockViolations(fold: StockFold, initial: ReadonlyMap<string, number>): string[] {
  const out = [...fold.conflicts];
  for (const [itemId, stock] of initial) {
    const s = fold.items.get(itemId);
    if (!s) continue;
    if (s.granted - s.released > stock) out.push(`item ${itemId}: ${s.granted} granted - ${s.released} released = ${s.granted - s.released} held or sold, more than the ${stock} in stock`);
    if (s.purchased > s.granted - s.released) out.push(`item ${itemId}: ${s.purchased} units purchased but only ${s.granted - s.released} granted and not released`);
  }
  for (const o of fold.orders.values()) {
    if (!o.checkoutId) out.push(`order ${o.orderId} (${o.userId}): purchase events without a checkoutId`);
  }
  for (const c of fold.checkouts.values()) {
    if (!c.placed) continue;
    if (c.orderIds.size > 1) out.push(`checkout ${c.checkoutId}: placed ${c.orderIds.size} orders (${[...c.orderIds].join(', ')})`);
    if (c.refused.size > 0) out.push(`checkout ${c.checkoutId}: placed although ${[...c.refused].join(', ')} was refused`);
    for (const [itemId, units] of c.purchased) {
      const granted = c.granted.get(itemId) ?? 0;
      if (units > granted) out.push(`checkout ${c.checkoutId}: order has ${units} of ${itemId} but ${granted} were granted`);
      if ((c.released.get(itemId) ?? 0) > 0) out.push(`checkout ${c.checkoutId}: placed, yet its units of ${itemId} were released`);
    }
  }
  return out;
}
