/**
 * What the engine offers its front doors (HTTP/WebSocket gateway, gRPC): sessions,
 * tracking events into the log, asking user actors for their live state and
 * recommendations, checkout, and the catalog with live stock. Front doors only
 * translate protocols; the rules live here, once.
 */
import type { NatsConnection } from '@nats-io/transport-node';
import type { Profile } from '../../actors/user/index.js';
import type { ShopEvent } from '../../protos/index.js';
import type { Catalog } from '../catalog/index.js';
import type { Product } from '../catalog/index.js';
import { EngineError, fromWireError, NotFoundError, TimeoutError, UnavailableError } from '../errors/index.js';
import type { EventLog, PublishResult } from '../log/index.js';
import { askSubject } from '../placement/index.js';
import type { Metrics } from '../observability/index.js';
import type { PushRouter } from '../push/index.js';
import type { AskReply, AskRequest, RecItem } from '../shards/index.js';
import type { StateStore } from '../store/index.js';
import { SessionTokens, USER_ID_PATTERN } from './session-tokens.js';
import { validateClientEvent, type EventStamp } from './validate-event.js';
import { CheckoutService, type CheckoutLine, type CheckoutRequest, type OrderResult } from './checkout.js';
export type { OrderResult } from './checkout.js';
import { StockView } from './stock-view.js';

export const ASK_TIMEOUT_MS = 2000;
/**
 * Appends awaiting JetStream's ack at once. Beyond this the engine answers
 * E_OVERLOADED at once instead of queueing into timeouts: clients retry with the same id.
 */
export const MAX_APPENDS_IN_FLIGHT = 8192;
/** Last acked log sequence per user, so a read right after a write sees it. Bounded. */
const MAX_TRACKED_USERS = 200_000;

export interface ProductView extends Product {
  /** Live stock: catalog stock minus units sold since. */
  stock: number;
}

export interface TrackResult extends PublishResult {
  id: string;
}


export interface RecommendOptions {
  k?: number;
  /** Give up after this long (a caller's deadline); at most ASK_TIMEOUT_MS. */
  timeoutMs?: number;
  itemId?: string;
  category?: string;
  exclude?: string[];
}

/** The shards running in this process (ShardSupervisor): asked directly, without a NATS round trip. */
export interface LocalShards {
  ask(partition: number, req: AskRequest, timeoutMs: number): Promise<AskReply> | undefined;
}

export class EngineServices {
  readonly tokens: SessionTokens;
  readonly catalog: Catalog;
  readonly pushes: PushRouter;
  readonly metrics: Metrics;
  readonly stock: StockView;
  readonly checkouts: CheckoutService;
  readonly #log: EventLog;
  readonly #nc: NatsConnection;
  readonly #store: StateStore;
  readonly #lastSeq = new Map<string, number>();
  #appendsInFlight = 0;
  readonly #appendLatency: ReturnType<Metrics['histogram']>;
  readonly #eventCounters = new Map<string, { inc(by?: number): void }>();
  readonly #shed: { inc(by?: number): void };
  readonly #localShards: LocalShards | undefined;
  readonly #asksLocal: { inc(by?: number): void };
  readonly #asksNats: { inc(by?: number): void };

  constructor(deps: { tokens: SessionTokens; catalog: Catalog; pushes: PushRouter; metrics: Metrics; log: EventLog; nc: NatsConnection; store: StateStore; localShards?: LocalShards }) {
    this.tokens = deps.tokens;
    this.catalog = deps.catalog;
    this.pushes = deps.pushes;
    this.metrics = deps.metrics;
    this.#log = deps.log;
    this.#nc = deps.nc;
    this.#store = deps.store;
    this.#localShards = deps.localShards;
    this.stock = new StockView({ catalog: deps.catalog, store: deps.store });
    const orders = this.metrics.counter('shop_orders_total', 'orders placed').with({});
    this.checkouts = new CheckoutService({
      catalog: deps.catalog, stock: this.stock, pushes: deps.pushes,
      append: (e) => this.track(e),
      ask: (req, timeoutMs) => this.#ask(req, timeoutMs),
      cart: async (userId) => (await this.profile(userId)).cart,
      onPlaced: () => orders.inc(),
    });
    const asks = this.metrics.counter('shop_asks_total', 'asks to user actors, by route (local: a shard thread of this process; nats: any node\'s shard over NATS)');
    this.#asksLocal = asks.with({ route: 'local' });
    this.#asksNats = asks.with({ route: 'nats' });
    this.#appendLatency = this.metrics.histogram('shop_log_append_seconds', 'time to get a JetStream ack for one event');
    this.#shed = this.metrics.counter('shop_events_shed_total', 'events refused with E_OVERLOADED (too many appends in flight)').with({});
    this.metrics.gauge('shop_log_appends_in_flight', 'events waiting for a JetStream ack', () => this.#appendsInFlight);
  }

  createSession(): { userId: string; token: string; expiresAt: number } {
    const userId = SessionTokens.newUserId();
    return { userId, ...this.tokens.issue(userId) };
  }

  /** A client's event, validated; a purchase becomes the command of a one-line checkout (decided by the item's owner). */
  validateEvent(input: unknown, stamp: EventStamp): ShopEvent {
    const e = validateClientEvent(input, stamp, (id) => this.catalog.has(id));
    return e.kind === 'purchase' ? this.checkouts.purchaseCommand(e) : e;
  }

  /** Appends a validated event to the log; resolves once JetStream stored it. */
  async track(e: ShopEvent): Promise<TrackResult> {
    if (this.#appendsInFlight >= MAX_APPENDS_IN_FLIGHT) {
      this.#shed.inc();
      throw new EngineError('E_OVERLOADED', 'the event log is saturated; retry shortly with the same event id');
    }
    const t0 = performance.now();
    this.#appendsInFlight++;
    let r;
    try {
      r = await this.#log.append(e);
    } finally {
      this.#appendsInFlight--;
    }
    this.#appendLatency.observe(performance.now() - t0);
    const ck = `${e.kind}/${e.source ?? ''}`;
    let c = this.#eventCounters.get(ck);
    if (!c) this.#eventCounters.set(ck, (c = this.metrics.counter('shop_events_total', 'events accepted into the log').with({ kind: e.kind, source: e.source ?? '' })));
    c.inc();
    this.#noteSeq(e.userId, r.seq);
    return { id: e.id, ...r };
  }

  #noteSeq(userId: string, seq: number): void {
    if (this.#lastSeq.size >= MAX_TRACKED_USERS && !this.#lastSeq.has(userId)) {
      const oldest = this.#lastSeq.keys().next().value;
      if (oldest !== undefined) this.#lastSeq.delete(oldest);
    }
    this.#lastSeq.set(userId, Math.max(seq, this.#lastSeq.get(userId) ?? 0));
  }

  /** Asks the shard owning the user's partition; `timeoutMs` lets a caller's deadline cut the wait short. */
  async #ask<T>(req: AskRequest, timeoutMs = ASK_TIMEOUT_MS): Promise<T> {
    const p = this.#log.partitionOf(req.userId);
    const timeout = Math.max(1, Math.min(timeoutMs, ASK_TIMEOUT_MS));
    // Every node runs a shard for each partition, so the local one answers unless it is restarting.
    const local = this.#localShards?.ask(p, req, timeout);
    if (local) {
      this.#asksLocal.inc();
      const reply = await local;
      if (!reply.ok) throw fromWireError(reply.error);
      return reply.result as T;
    }
    this.#asksNats.inc();
    try {
      const msg = await this.#nc.request(askSubject(p), JSON.stringify(req), { timeout });
      const reply = msg.json<AskReply>();
      if (!reply.ok) throw fromWireError(reply.error);
      return reply.result as T;
    } catch (err) {
      if (err instanceof EngineError) throw err;
      const msg = String((err as Error)?.message ?? err);
      if (/timeout/i.test(msg)) throw new TimeoutError(`asking the shard of partition ${p}`, timeout);
      throw new UnavailableError(`no shard is serving partition ${p} (${msg})`, err);
    }
  }

  /** The user actor's live state, including every event this node acked for the user. */
  profile(userId: string, opts: { timeoutMs?: number } = {}): Promise<Profile> {
    if (!USER_ID_PATTERN.test(userId)) throw new NotFoundError('E_NOT_FOUND', `no such user "${userId.slice(0, 64)}"`);
    const minSeq = this.#lastSeq.get(userId);
    return this.#ask<Profile>(minSeq ? { op: 'profile', userId, minSeq } : { op: 'profile', userId }, opts.timeoutMs);
  }

  async recommend(userId: string, opts: RecommendOptions = {}): Promise<{ items: RecItem[]; ts: number }> {
    if (opts.itemId !== undefined && !this.catalog.has(opts.itemId)) throw new NotFoundError('E_UNKNOWN_ITEM', `item "${opts.itemId}" is not in the catalog`);
    const minSeq = this.#lastSeq.get(userId);
    const req: AskRequest = { op: 'recommend', userId, k: opts.k ?? 8 };
    if (minSeq) req.minSeq = minSeq;
    if (opts.itemId) req.itemId = opts.itemId;
    if (opts.category) req.category = opts.category;
    if (opts.exclude?.length) req.exclude = opts.exclude;
    return this.#ask(req, opts.timeoutMs);
  }

  stockOf(itemId: string): number {
    return this.stock.available(itemId);
  }

  /** Units of itemId sold so far (all time), as its owner folded them. */
  unitsSold(itemId: string): number {
    return this.stock.unitsSold(itemId);
  }

  product(itemId: string): ProductView {
    const p = this.catalog.get(itemId);
    if (!p) throw new NotFoundError('E_UNKNOWN_ITEM', `item "${itemId.slice(0, 64)}" is not in the catalog`);
    const { soldAtStock: _internal, ...view } = p;
    return { ...view, stock: this.stockOf(itemId) };
  }

  popularity(itemId: string): number {
    return this.stock.popularity(itemId);
  }

  /** Buys the cart (or the given lines), all or none; see CheckoutService. */
  checkout(userId: string, lines?: CheckoutLine[], opts: { idempotencyKey?: string; source?: string } = {}): Promise<OrderResult> {
    const req: CheckoutRequest = { source: opts.source ?? 'http' };
    if (lines) req.lines = lines;
    if (opts.idempotencyKey !== undefined) req.idempotencyKey = opts.idempotencyKey;
    return this.checkouts.checkout(userId, req);
  }
}
