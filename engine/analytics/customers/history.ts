/**
 * The input every customer model reads: one customer's order history.
 *
 * The live analytics consumer keeps one `CustomerHistory` per customer and folds
 * each PURCHASE line into it with `addPurchaseLine` (lines of one order share an
 * `orderId`; the order's time is its earliest line's). An importer or a batch job
 * can build the same value from whole orders with `addOrder`. Both keep `orders`
 * sorted by (ts, orderId) with unique ids, so any fold order gives the same value
 * and the models can cut it at any `asOf` with a binary search.
 *
 * The state is small (one entry per order, lines only when ABC needs them), so it
 * is the canonical form. `RfmInput` (rfm.ts) is a compact summary for "RFM now"
 * that can be kept with `foldRfmInput` instead, when past `asOf` dates are not needed.
 */

export interface OrderLine {
  itemId: string;
  qty: number;
  /** Unit price in currency units. */
  price: number;
}

export interface Order {
  orderId: string;
  /** Epoch ms (UTC). */
  ts: number;
  /** Currency units; the sum of qty x price of its lines when lines are given. */
  revenue: number;
  lines?: OrderLine[];
}

export interface CustomerHistory {
  customerId: string;
  /** Sorted by (ts, orderId); order ids are unique. */
  orders: Order[];
}

export interface PurchaseLine extends OrderLine {
  orderId: string;
  ts: number;
}

export function emptyHistory(customerId: string): CustomerHistory {
  return { customerId, orders: [] };
}

function before(a: Order, ts: number, orderId: string): boolean {
  return a.ts < ts || (a.ts === ts && a.orderId < orderId);
}

/** Index of the first order not before (ts, orderId). */
function insertionPoint(orders: Order[], ts: number, orderId: string): number {
  let lo = 0;
  let hi = orders.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(orders[mid]!, ts, orderId)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function findOrder(orders: Order[], orderId: string): number {
  // Lines of one order arrive together, so the match is almost always at the end.
  for (let i = orders.length - 1; i >= 0; i--) if (orders[i]!.orderId === orderId) return i;
  return -1;
}

function place(h: CustomerHistory, order: Order): void {
  h.orders.splice(insertionPoint(h.orders, order.ts, order.orderId), 0, order);
}

function checkOrder(o: { orderId: string; ts: number; revenue: number }): void {
  if (typeof o.orderId !== 'string' || o.orderId === '') throw new RangeError('orderId must be a non-empty string');
  if (!Number.isFinite(o.ts)) throw new RangeError(`order ${o.orderId}: ts must be finite epoch ms`);
  if (!Number.isFinite(o.revenue)) throw new RangeError(`order ${o.orderId}: revenue must be finite`);
}

/**
 * Adds a whole order, or merges it into the order with the same id (revenue and
 * lines add up, the time is the earlier one). Mutates and returns `h`.
 */
export function addOrder(h: CustomerHistory, order: Order): CustomerHistory {
  checkOrder(order);
  const i = findOrder(h.orders, order.orderId);
  const lines = order.lines === undefined ? undefined : order.lines.slice();
  if (i < 0) {
    place(h, lines === undefined ? { orderId: order.orderId, ts: order.ts, revenue: order.revenue } : { ...order, lines });
    return h;
  }
  const existing = h.orders[i]!;
  existing.revenue += order.revenue;
  if (lines !== undefined) existing.lines = existing.lines === undefined ? lines : existing.lines.concat(lines);
  if (order.ts < existing.ts) {
    h.orders.splice(i, 1);
    existing.ts = order.ts;
    place(h, existing);
  }
  return h;
}

/** Folds one purchase line (a PURCHASE event) into its order. Mutates and returns `h`. */
export function addPurchaseLine(h: CustomerHistory, line: PurchaseLine): CustomerHistory {
  if (!Number.isFinite(line.qty) || !Number.isFinite(line.price)) {
    throw new RangeError(`order ${line.orderId}: qty and price must be finite`);
  }
  return addOrder(h, {
    orderId: line.orderId,
    ts: line.ts,
    revenue: line.qty * line.price,
    lines: [{ itemId: line.itemId, qty: line.qty, price: line.price }],
  });
}

/** How many of the (sorted) orders are strictly before `asOf`. */
export function countBefore(h: CustomerHistory, asOf: number): number {
  let lo = 0;
  let hi = h.orders.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (h.orders[mid]!.ts < asOf) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The orders strictly before `asOf` (a view-free copy of the prefix). */
export function ordersBefore(h: CustomerHistory, asOf: number): Order[] {
  return h.orders.slice(0, countBefore(h, asOf));
}
