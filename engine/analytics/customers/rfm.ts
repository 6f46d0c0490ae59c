/**
 * RFM as of a date, exactly as issue 18 defines it (docs/analytics-models.md):
 *
 * - `asOf` is a UTC midnight; only orders with ts < asOf count. Customers are those
 *   with at least one such order.
 * - R = whole days from the last order to asOf, floor((asOf - lastTs) / 1 day);
 *   F = number of distinct orders; M = total revenue.
 * - Each score is a quintile of rank: sort the n customers (R: most days first;
 *   F and M: lowest first; ties by customer id ascending in UTF-16 code-unit order),
 *   the customer at 0-based position i scores floor(5 i / n) + 1.
 *   M is ranked on whole cents (money.ts), so float summation order cannot reorder ties.
 * - FM = round-half-up((F score + M score) / 2) = floor((F + M + 1) / 2).
 * - The segment comes from the rule map (segments.ts), first match wins.
 */
import { countBefore, type CustomerHistory, type Order } from './history.js';
import { toCents } from './money.js';
import { DEFAULT_SEGMENT_MAP, type SegmentMap } from './segments.js';
import { assertMidnight, DAY_MS } from './time.js';

/**
 * What RFM needs of one customer. Also a compact state the live consumer can keep
 * instead of the whole history when it only scores "now" (see `foldRfmInput`).
 */
export interface RfmInput {
  customerId: string;
  /** Epoch ms of the latest order counted. */
  lastOrderTs: number;
  /** Distinct orders counted (>= 1). */
  orders: number;
  /** Total revenue, currency units. */
  revenue: number;
}

export interface RfmScore {
  customerId: string;
  recencyDays: number;
  frequency: number;
  monetary: number;
  r: number;
  f: number;
  m: number;
  fm: number;
  segment: string;
}

export interface RfmResult {
  asOf: number;
  customers: number;
  /** Every segment of the map, in rule order, zeros included. */
  segments: Record<string, number>;
  /** One score per customer, sorted by customer id. */
  scores: RfmScore[];
}

/** The RFM input of one history as of `asOf`, or undefined when it has no order before it. */
export function rfmInputOf(h: CustomerHistory, asOf: number): RfmInput | undefined {
  const n = countBefore(h, asOf);
  if (n === 0) return undefined;
  let revenue = 0;
  for (let i = 0; i < n; i++) revenue += h.orders[i]!.revenue;
  return { customerId: h.customerId, lastOrderTs: h.orders[n - 1]!.ts, orders: n, revenue };
}

/**
 * Incremental compact state: folds one order (or one more line of an order already
 * counted, `newOrder: false`) into a customer's RfmInput. Exact for any asOf later
 * than every folded order; for past dates keep the history and use `rfmInputOf`.
 */
export function foldRfmInput(input: RfmInput | undefined, customerId: string, order: Pick<Order, 'ts' | 'revenue'>, newOrder = true): RfmInput {
  if (input === undefined) return { customerId, lastOrderTs: order.ts, orders: 1, revenue: order.revenue };
  input.lastOrderTs = Math.max(input.lastOrderTs, order.ts);
  if (newOrder) input.orders += 1;
  input.revenue += order.revenue;
  return input;
}

/** Quintile-of-rank scores: `order` lists indexes into the customers, best-last. */
function quintiles(order: number[], out: Uint8Array): void {
  const n = order.length;
  for (let i = 0; i < n; i++) out[order[i]!] = Math.floor((5 * i) / n) + 1;
}

function byId(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface RfmOptions {
  /** @default DEFAULT_SEGMENT_MAP (the 11 segments of issue 18) */
  segments?: SegmentMap;
}

/** Scores RFM inputs as of `asOf`. Inputs with an order at or after asOf are a RangeError. */
export function scoreRfm(inputs: readonly RfmInput[], asOf: number, options: RfmOptions = {}): RfmResult {
  assertMidnight(asOf, 'asOf');
  const map = options.segments ?? DEFAULT_SEGMENT_MAP;
  const sorted = inputs.slice().sort((a, b) => byId(a.customerId, b.customerId));
  const n = sorted.length;
  const days = new Float64Array(n);
  const cents = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = sorted[i]!;
    if (i > 0 && sorted[i - 1]!.customerId === c.customerId) throw new RangeError(`customer ${c.customerId} appears twice`);
    if (!(c.lastOrderTs < asOf)) throw new RangeError(`customer ${c.customerId}: last order is not before asOf`);
    if (!Number.isInteger(c.orders) || c.orders < 1) throw new RangeError(`customer ${c.customerId}: orders must be an integer >= 1`);
    days[i] = Math.floor((asOf - c.lastOrderTs) / DAY_MS);
    cents[i] = toCents(c.revenue);
  }
  // `sorted` is in id order, so a stable sort on the key alone breaks ties by id.
  const idx = Array.from({ length: n }, (_, i) => i);
  const r = new Uint8Array(n);
  const f = new Uint8Array(n);
  const m = new Uint8Array(n);
  quintiles(idx.slice().sort((a, b) => days[b]! - days[a]!), r);
  quintiles(idx.slice().sort((a, b) => sorted[a]!.orders - sorted[b]!.orders), f);
  quintiles(idx.slice().sort((a, b) => cents[a]! - cents[b]!), m);

  const segments: Record<string, number> = {};
  for (const name of map.names) segments[name] = 0;
  const scores: RfmScore[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const c = sorted[i]!;
    const fm = Math.floor((f[i]! + m[i]! + 1) / 2);
    const segment = map.segmentOf(r[i]!, fm);
    segments[segment]! += 1;
    scores[i] = {
      customerId: c.customerId, recencyDays: days[i]!, frequency: c.orders, monetary: c.revenue,
      r: r[i]!, f: f[i]!, m: m[i]!, fm, segment,
    };
  }
  return { asOf, customers: n, segments, scores };
}

/** RFM of histories as of `asOf` (customers without an order before it are left out). */
export function rfm(histories: Iterable<CustomerHistory>, asOf: number, options: RfmOptions = {}): RfmResult {
  assertMidnight(asOf, 'asOf');
  const inputs: RfmInput[] = [];
  for (const h of histories) {
    const x = rfmInputOf(h, asOf);
    if (x !== undefined) inputs.push(x);
  }
  return scoreRfm(inputs, asOf, options);
}
