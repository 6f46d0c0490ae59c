/**
 * Checkout: buys lines all or none, with every unit decided by its item's owner
 * through the log. It appends one `checkout` command to the user's partition; the user
 * actor then asks each item actor to reserve (see actors/user/checkout.ts) and places
 * or refuses the order. This service only waits for that outcome (the user actor's
 * `order` push, or its record when asked) and reports it.
 *
 * An idempotency key names the attempt: a retry with it appends the same command (the
 * log drops the copy) and reports the one outcome, so a client that lost an answer
 * (a stalled log, a crash) never buys twice.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { CheckoutRecord } from '../../actors/user/index.js';
import type { OrderPush } from '../../protos/contract.js';
import type { EventLine, ShopEvent } from '../../protos/index.js';
import type { Catalog } from '../catalog/index.js';
import { BadRequestError, CouponError, EngineError, NotFoundError, TimeoutError } from '../errors/index.js';
import type { PublishResult } from '../log/index.js';
import type { PushRouter } from '../push/index.js';
import type { StockView } from './stock-view.js';
import { EVENT_ID_PATTERN, MAX_QTY } from './validate-event.js';

/** Longest a checkout call waits for its outcome before answering E_TIMEOUT (retry with the same key). */
export const CHECKOUT_WAIT_MS = 8000;
/** How often the user actor is asked while no push has arrived (a push can be missed, e.g. decided during a restart). */
const RECHECK_MS = 1000;
export const MAX_CHECKOUT_LINES = 100;
export const MAX_IDEMPOTENCY_KEY = 128;

export interface CheckoutLine {
  itemId: string;
  qty: number;
}

export interface OrderResult {
  orderId: string;
  /** Each line with what the coupon took off it. */
  lines: Array<{ itemId: string; qty: number; price: number; discount: number }>;
  /** Items at their prices. */
  subtotal: number;
  /** The coupon's discount (lines, and delivery for a free-delivery coupon). */
  discount: number;
  delivery: number;
  /** What the shopper pays: subtotal - discount + delivery. */
  total: number;
  /** The coupon applied ('' = none). */
  coupon: string;
  /** True when the engine picked the coupon (the request asked for "*"). */
  couponAuto: boolean;
  seq: number;
  /** The checkout command's event id: the `order` and `recs` pushes it causes name it as `causedBy`. */
  eventId: string;
}

export interface CheckoutRequest {
  /** Undefined: the shopper's cart. */
  lines?: CheckoutLine[];
  idempotencyKey?: string;
  source: string;
  /** A coupon code of the shopper's, or "*" for the best eligible one. */
  coupon?: string;
}

export interface CheckoutDeps {
  catalog: Catalog;
  stock: StockView;
  pushes: PushRouter;
  append(e: ShopEvent): Promise<PublishResult>;
  checkoutRecord(userId: string, checkoutId: string, opts: { minSeq?: number; timeoutMs?: number }): Promise<CheckoutRecord | null>;
  cart(userId: string): Promise<CheckoutLine[]>;
  /** An order was placed (with this coupon code, '' = none). */
  onPlaced(coupon: string): void;
}

/** Checks untrusted `lines` (HTTP JSON): 1..MAX_CHECKOUT_LINES of {itemId, qty 1..MAX_QTY}, naming the bad field. */
export function parseCheckoutLines(raw: unknown): CheckoutLine[] {
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > MAX_CHECKOUT_LINES) throw new BadRequestError(`"lines" must be an array of 1 to ${MAX_CHECKOUT_LINES} {itemId, qty}`, 'lines');
  return raw.map((l: unknown, i) => {
    const o = l as { itemId?: unknown; qty?: unknown };
    if (typeof o?.itemId !== 'string') throw new BadRequestError(`lines[${i}].itemId must be a string`, `lines[${i}].itemId`);
    if (!Number.isInteger(o.qty) || (o.qty as number) < 1 || (o.qty as number) > MAX_QTY) throw new BadRequestError(`lines[${i}].qty must be an integer from 1 to ${MAX_QTY}`, `lines[${i}].qty`);
    return { itemId: o.itemId, qty: o.qty as number };
  });
}

/** Checks an idempotency key (HTTP header or body, gRPC field). */
export function checkIdempotencyKey(raw: unknown, field = 'idempotencyKey'): string | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (typeof raw !== 'string' || raw.length > MAX_IDEMPOTENCY_KEY || !/^[\x21-\x7e]+$/.test(raw)) {
    throw new BadRequestError(`"${field}" must be 1 to ${MAX_IDEMPOTENCY_KEY} printable ASCII characters`, field);
  }
  return raw;
}

/** Checks an untrusted coupon field: a code (A-Z 0-9 -, up to 40) or "*" (the best eligible coupon). */
export function checkCouponField(raw: unknown): string | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (typeof raw !== 'string' || !(raw === '*' || /^[A-Za-z0-9-]{1,40}$/.test(raw))) throw new BadRequestError('"coupon" must be a coupon code (A-Z 0-9 -, up to 40 characters) or "*" for the best eligible one', 'coupon');
  return raw === '*' ? raw : raw.toUpperCase();
}

/** Lines of the same item are one demand. */
function mergeLines(lines: readonly CheckoutLine[]): CheckoutLine[] {
  const byItem = new Map<string, CheckoutLine>();
  for (const l of lines) {
    const m = byItem.get(l.itemId);
    if (m) m.qty += l.qty;
    else byItem.set(l.itemId, { itemId: l.itemId, qty: l.qty });
  }
  return [...byItem.values()];
}

function outOfStock(itemId: string, left: number, qty: number): EngineError {
  return new EngineError('E_OUT_OF_STOCK', `only ${left} of "${itemId}" left; cannot buy ${qty}`, { field: itemId });
}

/** The id of a checkout attempt: from the key (the same for every retry), or new. */
export function checkoutIdOf(userId: string, key: string | undefined): string {
  if (key === undefined) return `c-${randomUUID()}`;
  return `k-${createHash('sha256').update(`${userId}\n${key}`).digest('base64url').slice(0, 24)}`;
}

export class CheckoutService {
  readonly #d: CheckoutDeps;

  constructor(deps: CheckoutDeps) {
    this.#d = deps;
  }

  async checkout(userId: string, req: CheckoutRequest): Promise<OrderResult> {
    const checkoutId = checkoutIdOf(userId, req.idempotencyKey);
    // A retry: the first attempt's outcome, whatever the stock is now.
    if (req.idempotencyKey !== undefined) {
      const known = await this.#d.checkoutRecord(userId, checkoutId, {});
      if (known && known.status !== 'pending') return this.#result(known);
    }
    const wanted = req.lines ?? (await this.#d.cart(userId));
    if (wanted.length === 0) throw new BadRequestError('the cart is empty', 'cart');
    wanted.forEach((l, i) => {
      if (!this.#d.catalog.has(l.itemId)) throw new NotFoundError('E_UNKNOWN_ITEM', `item "${l.itemId.slice(0, 64)}" is not in the catalog`, req.lines ? `lines[${i}].itemId` : 'cart');
    });
    const lines: EventLine[] = mergeLines(wanted).map((l) => {
      const p = this.#d.catalog.get(l.itemId)!;
      if (l.qty > MAX_QTY) throw new BadRequestError(`at most ${MAX_QTY} units of "${l.itemId}" per order`, l.itemId);
      return { itemId: l.itemId, qty: l.qty, price: p.price };
    });
    // Visibly sold out: refused at once, without a round through the log. Everything
    // else is decided by the item actors, which may still refuse.
    for (const l of lines) {
      const left = this.#d.stock.available(l.itemId);
      if (left < l.qty) throw outOfStock(l.itemId, left, l.qty);
    }
    const e: ShopEvent = {
      id: `co.${checkoutId}`, userId, kind: 'checkout', ts: Date.now(), checkoutId,
      orderId: `o-${checkoutId.slice(2)}`, lines, source: req.source, ...(req.coupon ? { coupon: req.coupon } : {}),
    };
    return this.#run(userId, checkoutId, e);
  }

  /** Appends the command and waits for the user actor's decision. */
  async #run(userId: string, checkoutId: string, e: ShopEvent): Promise<OrderResult> {
    let pushed: ((p: OrderPush) => void) | undefined;
    const outcome = new Promise<OrderPush>((resolve) => (pushed = resolve));
    const stop = this.#d.pushes.subscribe(userId, (json) => {
      if (!json.includes(checkoutId)) return; // cheap pre-filter: most pushes are recs
      const p = JSON.parse(json) as { type?: string; checkoutId?: string };
      if (p.type === 'order' && p.checkoutId === checkoutId) pushed!(p as OrderPush);
    });
    try {
      const ack = await this.#d.append(e);
      const deadline = Date.now() + CHECKOUT_WAIT_MS;
      for (;;) {
        // A shard that is behind (a stalled log, a restart) just means: keep waiting until the deadline.
        const rec = await this.#d.checkoutRecord(userId, checkoutId, { minSeq: ack.seq, timeoutMs: Math.max(1, deadline - Date.now()) })
          .catch((err: unknown) => {
            if (err instanceof EngineError && (err.code === 'E_TIMEOUT' || err.code === 'E_UNAVAILABLE')) return undefined;
            throw err;
          });
        if (rec && rec.status !== 'pending') return this.#result(rec);
        const left = deadline - Date.now();
        if (left <= 0) break;
        const p = await Promise.race([outcome, new Promise<undefined>((r) => setTimeout(() => r(undefined), Math.min(RECHECK_MS, left)).unref())]);
        if (p) return this.#resultOfPush(p);
      }
      throw new TimeoutError(`checkout ${checkoutId} (still being decided; retry with the same idempotency key)`, CHECKOUT_WAIT_MS);
    } finally {
      stop();
    }
  }

  #result(c: CheckoutRecord): OrderResult {
    if (c.status === 'refused') {
      if (c.couponError) throw new CouponError(c.couponError.code, c.couponError.message);
      const bad = c.lines.find((l) => c.decided[l.itemId] && !c.decided[l.itemId]!.granted)!;
      throw outOfStock(bad.itemId, c.decided[bad.itemId]!.left, bad.qty);
    }
    this.#d.onPlaced(c.coupon ?? '');
    const subtotal = c.subtotal ?? Math.round(c.lines.reduce((s, l) => s + l.qty * l.price, 0) * 100) / 100;
    return {
      orderId: c.orderId, lines: c.lines.map((l) => ({ ...l, discount: c.lineDiscounts?.[l.itemId] ?? 0 })),
      subtotal, discount: c.discount ?? 0, delivery: c.delivery ?? 0, total: c.total ?? subtotal, coupon: c.coupon ?? '', couponAuto: c.autoCoupon ?? false,
      seq: c.seq, eventId: c.commandId,
    };
  }

  #resultOfPush(p: OrderPush): OrderResult {
    if (p.status === 'refused') {
      if (p.couponError) throw new CouponError(p.couponError.code as ConstructorParameters<typeof CouponError>[0], p.couponError.message);
      const r = p.refused!;
      throw outOfStock(r.itemId, r.left, r.requested);
    }
    this.#d.onPlaced(p.coupon ?? '');
    const subtotal = p.subtotal ?? p.total;
    return {
      orderId: p.orderId, lines: p.lines.map((l) => ({ itemId: l.itemId, qty: l.qty, price: l.price, discount: l.discount ?? 0 })),
      subtotal, discount: p.discount ?? 0, delivery: p.delivery ?? 0, total: p.total, coupon: p.coupon ?? '', couponAuto: p.couponAuto ?? false,
      seq: p.seq, eventId: p.causedBy,
    };
  }

  /**
   * A purchase event tracked by a client (WebSocket, gRPC Track, POST /api/events):
   * the command of a one-line checkout, appended under the event's own id so that a
   * retried event is stored once. The outcome reaches the shopper as an `order` push.
   */
  purchaseCommand(e: ShopEvent): ShopEvent {
    const itemId = e.itemId!;
    const qty = Math.max(1, e.qty ?? 1);
    const left = this.#d.stock.available(itemId);
    if (left < qty) throw outOfStock(itemId, left, qty);
    const price = e.price ?? this.#d.catalog.get(itemId)?.price ?? 0;
    const checkoutId = `t-${e.id}`;
    if (!EVENT_ID_PATTERN.test(e.id)) throw new BadRequestError('"id" must be 1-64 characters of A-Z a-z 0-9 _ . : -', 'id');
    return { id: e.id, userId: e.userId, kind: 'checkout', ts: e.ts, checkoutId, orderId: e.orderId || e.id, lines: [{ itemId, qty, price }], ...(e.source ? { source: e.source } : {}) };
  }
}
