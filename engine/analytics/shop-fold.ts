/**
 * The shop-level fold of the log: KPI buckets per minute, hour and day, the funnel
 * per category, hot products and queries, and each customer's order history. Pure
 * and synchronous over an AnalyticsView (the consumer backs it with LMDB and commits
 * what a batch touched together with its cursor), so a replay folds the same way.
 *
 * Definitions (docs/analytics.md):
 * - a session is a shopper's run of events without a gap over SESSION_GAP_MS; it
 *   counts in the bucket where it starts;
 * - an order is one orderId of placed purchase lines; revenue = sum of qty x price;
 * - a customer is new in the bucket of their first order, returning in a bucket
 *   holding a later order (once per order);
 * - conversion = sessions with an order / sessions; cart abandonment = 1 - sessions
 *   with a cart add and an order / sessions with a cart add (all counted in the
 *   bucket where the session started; an open session may still convert);
 * - recommendations: an impression is one item shown in a rec strip (a
 *   rec_impression event names them; it does not open a session); rec CTR = rec
 *   clicks / impressions; an order line is attributed to recommendations when the
 *   shopper clicked that item in a rec strip within ATTRIBUTION_WINDOW_MS before it,
 *   and an order with such a line counts once in recOrders.
 */
import type { ShopEvent } from '../../protos/index.js';
import { decayTrend, SESSION_GAP_MS } from '../../actors/signals.js';

export type Granularity = 'minute' | 'hour' | 'day';
export const GRANULARITIES: readonly Granularity[] = ['minute', 'hour', 'day'];

export interface KpiBucket {
  revenue: number;
  orders: number;
  units: number;
  views: number;
  cartAdds: number;
  searches: number;
  recClicks: number;
  sessions: number;
  /** Sessions (started in this bucket) that added to the cart / placed an order. */
  cartSessions: number;
  orderSessions: number;
  /** Sessions that added to the cart and placed an order: cart abandonment = 1 - this / cartSessions. */
  cartOrderSessions: number;
  newCustomers: number;
  returningOrders: number;
  /** Items shown in rec strips. */
  recImpressions: number;
  /** Orders with at least one line attributed to a rec click, and the attributed lines' revenue. */
  recOrders: number;
  recRevenue: number;
}

export const emptyBucket = (): KpiBucket => ({
  revenue: 0, orders: 0, units: 0, views: 0, cartAdds: 0, searches: 0, recClicks: 0,
  sessions: 0, cartSessions: 0, orderSessions: 0, cartOrderSessions: 0, newCustomers: 0, returningOrders: 0,
  recImpressions: 0, recOrders: 0, recRevenue: 0,
});

/** A purchase up to a day after clicking the item in a rec strip is credited to recommendations. */
export const ATTRIBUTION_WINDOW_MS = 24 * 3600_000;
/** Rec clicks remembered per shopper for attribution (the newest). */
export const MAX_REC_CLICKS = 20;

/** Bucket key: granularity prefix and the UTC start, e.g. `h:2026-12-02T19`. */
export function bucketKey(g: Granularity, ts: number): string {
  const iso = new Date(ts).toISOString();
  return g === 'minute' ? `m:${iso.slice(0, 16)}` : g === 'hour' ? `h:${iso.slice(0, 13)}` : `d:${iso.slice(0, 10)}`;
}

export interface VisitorState {
  lastTs: number;
  sessionStart: number;
  carted: boolean;
  ordered: boolean;
  /** This session's cartOrderSessions was counted. */
  cartOrdered: boolean;
  firstOrderTs: number;
  /** The newest rec clicks: [itemId, ts], oldest first (absent in states folded before attribution existed). */
  recClicked?: Array<[string, number]>;
}

export interface OrderLine {
  itemId: string;
  qty: number;
  price: number;
}

export interface CustomerOrder {
  orderId: string;
  ts: number;
  /** Sum of qty x price, unrounded (the customer models rank on whole cents of it). */
  revenue: number;
  lines: OrderLine[];
  /** Ids of the events that gave the lines: a line seen again (a re-run import, a replay) is not added twice. */
  eventIds: string[];
  /** A line of it was attributed to a rec click (counted once in recOrders). */
  recAttributed?: boolean;
}

/** Per category and day: distinct steps of the funnel (events, not users). */
export interface FunnelCounts {
  views: number;
  cartAdds: number;
  purchases: number;
}

export interface HotScore {
  score: number;
  ts: number;
}

/** Where the fold reads and writes; the consumer keeps what was written for the commit. */
export interface AnalyticsView {
  bucket(key: string): KpiBucket;
  visitor(userId: string): VisitorState | undefined;
  setVisitor(userId: string, v: VisitorState): void;
  orders(userId: string): CustomerOrder[];
  setOrders(userId: string, orders: CustomerOrder[]): void;
  funnel(key: string): FunnelCounts;
  hot(key: string): HotScore | undefined;
  setHot(key: string, s: HotScore): void;
  /** The catalog category of an item ('' when unknown). */
  categoryOf(itemId: string): string;
}

const HOT_WEIGHT: Partial<Record<ShopEvent['kind'], number>> = { view: 1, rec_click: 1, search_click: 1, cart_add: 3, purchase: 5 };

/** The bucket keys of one minute, remembered: events arrive in runs within the same minute. */
let keysMinute = Number.NaN;
let keysOfMinute: string[] = [];
let dayOfMinute = '';

function minuteKeys(ts: number): string[] {
  const minute = Math.floor(ts / 60_000);
  if (minute !== keysMinute) {
    keysMinute = minute;
    keysOfMinute = GRANULARITIES.map((g) => bucketKey(g, ts));
    dayOfMinute = keysOfMinute[2]!.slice(2);
  }
  return keysOfMinute;
}

function dayOf(ts: number): string {
  minuteKeys(ts);
  return dayOfMinute;
}

function addToBuckets(view: AnalyticsView, ts: number, f: (b: KpiBucket) => void): void {
  for (const k of minuteKeys(ts)) f(view.bucket(k));
}

function bumpHot(view: AnalyticsView, key: string, w: number, ts: number): void {
  const h = view.hot(key);
  view.setHot(key, h ? { score: decayTrend(h.score, h.ts, ts) + w, ts: Math.max(ts, h.ts) } : { score: w, ts });
}

/** Is this event a placed order line? (the saga's purchase record, or a pre-saga purchase) */
export function isOrderLine(e: ShopEvent): boolean {
  return e.kind === 'purchase' && !!e.itemId && (e.checkoutId ? e.source === 'engine' : true);
}

/** Shopper activity: what a person did (the saga's commands and decisions are not). */
function isActivity(e: ShopEvent): boolean {
  return e.kind === 'view' || e.kind === 'cart_add' || e.kind === 'cart_remove' || e.kind === 'search' || e.kind === 'search_click'
    || e.kind === 'dwell' || e.kind === 'rec_click' || e.kind === 'checkout' || isOrderLine(e);
}

export function foldShopEvent(view: AnalyticsView, e: ShopEvent): void {
  if (e.kind === 'rec_impression') {
    const n = e.itemIds?.length ?? 0;
    if (n > 0) addToBuckets(view, e.ts, (b) => (b.recImpressions += n));
    return;
  }
  if (!isActivity(e)) return;
  const v = touchSession(view, e);
  const hotW = HOT_WEIGHT[e.kind];
  if (e.itemId && hotW !== undefined && (e.kind !== 'purchase' || isOrderLine(e))) bumpHot(view, `p:${e.itemId}`, hotW, e.ts);
  const day = dayOf(e.ts);
  switch (e.kind) {
    case 'view':
      addToBuckets(view, e.ts, (b) => b.views++);
      view.funnel(`${day}|${view.categoryOf(e.itemId ?? '')}`).views++;
      break;
    case 'rec_click':
      addToBuckets(view, e.ts, (b) => b.recClicks++);
      if (e.itemId) {
        const clicks = (v.recClicked ?? []).filter(([id]) => id !== e.itemId);
        clicks.push([e.itemId, e.ts]);
        v.recClicked = clicks.slice(-MAX_REC_CLICKS);
      }
      break;
    case 'cart_add':
      addToBuckets(view, e.ts, (b) => b.cartAdds++);
      view.funnel(`${day}|${view.categoryOf(e.itemId ?? '')}`).cartAdds++;
      if (!v.carted) {
        v.carted = true;
        addToBuckets(view, v.sessionStart, (b) => b.cartSessions++);
        countCartOrder(view, v);
      }
      break;
    case 'search':
      addToBuckets(view, e.ts, (b) => b.searches++);
      // A query that found nothing is not one to suggest to others (search events report their result count).
      if (e.query && e.resultCount !== 0) {
        const q = e.query.trim().toLowerCase().slice(0, 100);
        bumpHot(view, `q:${q}`, 1, e.ts);
        // Hot queries per category: the category the search ran in (suggestions while browsing it).
        if (e.category) bumpHot(view, `qc:${e.category}|${q}`, 1, e.ts);
      }
      break;
    case 'purchase':
      foldOrderLine(view, e, v);
      break;
    default:
      break;
  }
  view.setVisitor(e.userId, v);
}

/** The shopper's session as of this event: a new one after a gap. */
function touchSession(view: AnalyticsView, e: ShopEvent): VisitorState {
  const old = view.visitor(e.userId);
  const v: VisitorState = old ? { ...old } : { lastTs: 0, sessionStart: 0, carted: false, ordered: false, cartOrdered: false, firstOrderTs: 0 };
  if (v.sessionStart === 0 || e.ts - v.lastTs > SESSION_GAP_MS) {
    v.sessionStart = e.ts;
    v.carted = false;
    v.ordered = false;
    v.cartOrdered = false;
    addToBuckets(view, e.ts, (b) => b.sessions++);
  }
  v.lastTs = Math.max(v.lastTs, e.ts);
  return v;
}

function foldOrderLine(view: AnalyticsView, e: ShopEvent, v: VisitorState): void {
  const qty = Math.max(1, e.qty ?? 1);
  const price = e.price ?? 0;
  const orderId = e.orderId || e.id;
  const orders = view.orders(e.userId);
  let o = orders.find((x) => x.orderId === orderId);
  if (o?.eventIds.includes(e.id)) return; // the same line again
  const amount = Math.round(qty * price * 100) / 100;
  const fresh = !o;
  if (!o) {
    o = { orderId, ts: e.ts, revenue: 0, lines: [], eventIds: [] };
    orders.push(o);
  }
  o.lines.push({ itemId: e.itemId!, qty, price });
  o.eventIds.push(e.id);
  o.revenue += qty * price;
  view.setOrders(e.userId, orders);
  view.funnel(`${dayOf(e.ts)}|${view.categoryOf(e.itemId!)}`).purchases++;
  addToBuckets(view, o.ts, (b) => {
    b.revenue = Math.round((b.revenue + amount) * 100) / 100;
    b.units += qty;
  });
  if (attributedToRecs(v, e)) {
    const first = !o.recAttributed;
    o.recAttributed = true;
    addToBuckets(view, o.ts, (b) => {
      b.recRevenue = Math.round((b.recRevenue + amount) * 100) / 100;
      if (first) b.recOrders++;
    });
  }
  if (!fresh) return;
  addToBuckets(view, o.ts, (b) => b.orders++);
  if (v.firstOrderTs === 0) {
    v.firstOrderTs = o.ts;
    addToBuckets(view, o.ts, (b) => b.newCustomers++);
  } else addToBuckets(view, o.ts, (b) => b.returningOrders++);
  if (!v.ordered) {
    v.ordered = true;
    addToBuckets(view, v.sessionStart, (b) => b.orderSessions++);
    countCartOrder(view, v);
  }
}

function attributedToRecs(v: VisitorState, e: ShopEvent): boolean {
  const click = v.recClicked?.find(([id]) => id === e.itemId);
  return !!click && click[1] <= e.ts && e.ts - click[1] <= ATTRIBUTION_WINDOW_MS;
}

function countCartOrder(view: AnalyticsView, v: VisitorState): void {
  if (!v.carted || !v.ordered || v.cartOrdered) return;
  v.cartOrdered = true;
  addToBuckets(view, v.sessionStart, (b) => b.cartOrderSessions++);
}
