/**
 * Stock and checkout as the front doors use them: live stock (a view of what each
 * item's owner decided, see stock-view.ts) and checkout (a saga through the log, see
 * checkout.ts). Nothing here decides a unit: the item actors do, in log order.
 */
import type { ShopEvent } from '../../protos/index.js';
import type { Catalog } from '../catalog/index.js';
import type { PublishResult } from '../log/index.js';
import type { Metrics } from '../observability/index.js';
import type { PushRouter } from '../push/index.js';
import type { StateStore } from '../store/index.js';
import type { Asks } from './asks.js';
import { CheckoutService, type CheckoutLine, type CheckoutRequest, type OrderResult } from './checkout.js';
import { StockView } from './stock-view.js';

export interface InventoryDeps {
  catalog: Catalog;
  store: StateStore;
  metrics: Metrics;
  pushes: PushRouter;
  /** Appends an event (Tracking.track). */
  track(e: ShopEvent): Promise<PublishResult>;
  asks(): Asks;
}

export class Inventory {
  readonly stock: StockView;
  readonly #checkouts: CheckoutService;

  constructor(deps: InventoryDeps) {
    this.stock = new StockView({ catalog: deps.catalog, store: deps.store });
    const placed = deps.metrics.counter('shop_orders_total', 'orders placed').with({});
    const withCoupon = deps.metrics.counter('shop_orders_with_coupon_total', 'orders placed with a coupon (this process\'s checkouts)').with({});
    this.#checkouts = new CheckoutService({
      catalog: deps.catalog, stock: this.stock, pushes: deps.pushes,
      append: (e) => deps.track(e),
      checkoutRecord: (userId, checkoutId, opts) => deps.asks().checkout(userId, checkoutId, opts),
      cart: async (userId) => (await deps.asks().profile(userId)).cart,
      onPlaced: (coupon) => {
        placed.inc();
        if (coupon) withCoupon.inc();
      },
    });
  }

  /** Units a new checkout could get now. */
  stockOf(itemId: string): number {
    return this.stock.available(itemId);
  }

  /** Units of itemId sold so far (all time), counting units held for orders being placed. */
  unitsSold(itemId: string): number {
    return this.stock.unitsSold(itemId);
  }

  popularity(itemId: string): number {
    return this.stock.popularity(itemId);
  }

  /** Buys the cart (no lines) or the given lines, all or none; see CheckoutService. */
  checkout(userId: string, lines?: CheckoutLine[], opts: { idempotencyKey?: string; source?: string; coupon?: string } = {}): Promise<OrderResult> {
    const req: CheckoutRequest = { source: opts.source ?? 'http' };
    if (opts.coupon) req.coupon = opts.coupon;
    if (lines) req.lines = lines;
    if (opts.idempotencyKey !== undefined) req.idempotencyKey = opts.idempotencyKey;
    return this.#checkouts.checkout(userId, req);
  }

  purchaseCommand(e: ShopEvent): ShopEvent {
    return this.#checkouts.purchaseCommand(e);
  }
}
