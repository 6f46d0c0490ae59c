/**
 * An independent fold of the log into shop KPI totals, written from the definitions
 * in docs/analytics.md without the engine's analytics code, to check it against.
 */
import type { LoggedEvent } from './reference.js';

const GAP_MS = 30 * 60_000;
/** docs/analytics.md: a line is credited to recs when its item is among the shopper's 20 newest rec-clicked items, clicked at most a day before. */
const ATTRIBUTION_MS = 24 * 3600_000;
const CLICKS_KEPT = 20;

export interface KpiTotals {
  revenue: number;
  orders: number;
  units: number;
  views: number;
  cartAdds: number;
  searches: number;
  recClicks: number;
  sessions: number;
  cartSessions: number;
  orderSessions: number;
  cartOrderSessions: number;
  newCustomers: number;
  returningOrders: number;
  recImpressions: number;
  recOrders: number;
  recRevenue: number;
}

const ACTIVITY = new Set(['view', 'cart_add', 'cart_remove', 'search', 'search_click', 'dwell', 'rec_click', 'checkout']);

export function referenceKpis(log: LoggedEvent[]): KpiTotals {
  const t: KpiTotals = {
    revenue: 0, orders: 0, units: 0, views: 0, cartAdds: 0, searches: 0, recClicks: 0, sessions: 0, cartSessions: 0, orderSessions: 0,
    cartOrderSessions: 0, newCustomers: 0, returningOrders: 0, recImpressions: 0, recOrders: 0, recRevenue: 0,
  };
  // Per user: rec-clicked items, newest last, distinct; orders credited to recs.
  const clicked = new Map<string, Array<{ itemId: string; ts: number }>>();
  const recOrders = new Set<string>();
  let recCents = 0;
  // Per user: session flags; per user: order ids seen and lines seen.
  const users = new Map<string, { last: number; carted: boolean; ordered: boolean; customer: boolean }>();
  const lines = new Set<string>();
  const orders = new Set<string>();
  let cents = 0;
  for (const { event: e } of log) {
    if (e.kind === 'rec_impression') {
      t.recImpressions += e.itemIds?.length ?? 0;
      continue;
    }
    const orderLine = e.kind === 'purchase' && !!e.itemId && (!e.checkoutId || e.source === 'engine');
    if (!ACTIVITY.has(e.kind) && !orderLine) continue;
    let u = users.get(e.userId);
    if (!u || e.ts - u.last > GAP_MS) {
      u = { last: e.ts, carted: false, ordered: false, customer: u?.customer ?? false };
      users.set(e.userId, u);
      t.sessions++;
    }
    u.last = Math.max(u.last, e.ts);
    if (e.kind === 'view') t.views++;
    if (e.kind === 'rec_click') {
      t.recClicks++;
      const list = (clicked.get(e.userId) ?? []).filter((c) => c.itemId !== e.itemId);
      list.push({ itemId: e.itemId!, ts: e.ts });
      clicked.set(e.userId, list.slice(-CLICKS_KEPT));
    }
    if (e.kind === 'search') t.searches++;
    if (e.kind === 'cart_add') {
      t.cartAdds++;
      if (!u.carted) {
        u.carted = true;
        t.cartSessions++;
        if (u.ordered) t.cartOrderSessions++;
      }
    }
    if (orderLine) {
      const orderId = e.orderId || e.id;
      const lineKey = `${e.userId}|${orderId}|${e.id}`;
      if (lines.has(lineKey)) continue;
      lines.add(lineKey);
      const qty = Math.max(1, e.qty ?? 1);
      cents += Math.round(qty * (e.price ?? 0) * 100);
      t.units += qty;
      const orderKey = `${e.userId}|${orderId}`;
      const click = clicked.get(e.userId)?.find((c) => c.itemId === e.itemId);
      if (click && click.ts <= e.ts && e.ts - click.ts <= ATTRIBUTION_MS) {
        recCents += Math.round(qty * (e.price ?? 0) * 100);
        if (!recOrders.has(orderKey)) {
          recOrders.add(orderKey);
          t.recOrders++;
        }
      }
      if (orders.has(orderKey)) continue;
      orders.add(orderKey);
      t.orders++;
      if (u.customer) t.returningOrders++;
      else {
        u.customer = true;
        t.newCustomers++;
      }
      if (!u.ordered) {
        u.ordered = true;
        t.orderSessions++;
        if (u.carted) t.cartOrderSessions++;
      }
    }
  }
  t.revenue = cents / 100;
  t.recRevenue = recCents / 100;
  return t;
}
