/**
 * Asks: questions to the user actor that owns a user (its live profile, its
 * recommendations), answered by the shard owning the user's partition. The shard
 * thread of this process is asked directly; only when it is not serving (e.g.
 * restarting) does the ask go over NATS to whichever node serves the partition.
 */
import type { NatsConnection } from '@nats-io/transport-node';
import { errors as natsErrors } from '@nats-io/nats-core';
import { clampK } from '../../actors/recommend/index.js';
import type { CheckoutRecord, Profile } from '../../actors/user/index.js';
import type { Catalog } from '../catalog/index.js';
import { EngineError, NotFoundError, TimeoutError, UnavailableError } from '../errors/index.js';
import type { EventLog } from '../log/index.js';
import type { Metrics } from '../observability/index.js';
import { askSubject } from '../placement/index.js';
import type { AskReply, AskRequest, RecItem } from '../shards/index.js';
import { USER_ID_PATTERN } from './session-tokens.js';
import type { Tracking } from './tracking.js';

export const ASK_TIMEOUT_MS = 2000;

export interface AskOptions {
  /** Give up after this long (a caller's deadline); at most ASK_TIMEOUT_MS. */
  timeoutMs?: number;
}

export interface RecommendOptions extends AskOptions {
  /** @default RECOMMEND_K.default (clamped into RECOMMEND_K's bounds) */
  k?: number;
  itemId?: string;
  category?: string;
  exclude?: string[];
}

/** The shards running in this process (ShardSupervisor): asked directly, without a NATS round trip. */
export interface LocalShards {
  ask(partition: number, req: AskRequest, timeoutMs: number): Promise<AskReply> | undefined;
}

export interface AsksDeps {
  nc: NatsConnection;
  /** For partitionOf: which partition owns a user. */
  log: EventLog;
  catalog: Catalog;
  /** Read-your-writes: the user's last acked sequence. */
  tracking: Tracking;
  metrics: Metrics;
  localShards?: LocalShards | undefined;
}

type Counter = { inc(by?: number): void };

function unwrap<T>(reply: AskReply): T {
  if (!reply.ok) throw new EngineError(reply.error.code as EngineError['code'], reply.error.message);
  return reply.result as T;
}

export class Asks {
  readonly #nc: NatsConnection;
  readonly #log: EventLog;
  readonly #catalog: Catalog;
  readonly #tracking: Tracking;
  readonly #localShards: LocalShards | undefined;
  readonly #asksLocal: Counter;
  readonly #asksNats: Counter;

  constructor(deps: AsksDeps) {
    this.#nc = deps.nc;
    this.#log = deps.log;
    this.#catalog = deps.catalog;
    this.#tracking = deps.tracking;
    this.#localShards = deps.localShards;
    const asks = deps.metrics.counter('shop_asks_total', 'asks to user actors, by route (local: a shard thread of this process; nats: any node\'s shard over NATS)');
    this.#asksLocal = asks.with({ route: 'local' });
    this.#asksNats = asks.with({ route: 'nats' });
  }

  /** The user actor's live state, including every event this node acked for the user. */
  profile(userId: string, opts: AskOptions = {}): Promise<Profile> {
    if (!USER_ID_PATTERN.test(userId)) throw new NotFoundError('E_NOT_FOUND', `no such user "${userId.slice(0, 64)}"`);
    const minSeq = this.#tracking.lastAckedSeq(userId);
    return this.#ask<Profile>(minSeq ? { op: 'profile', userId, minSeq } : { op: 'profile', userId }, opts.timeoutMs);
  }

  async recommend(userId: string, opts: RecommendOptions = {}): Promise<{ items: RecItem[]; ts: number }> {
    if (opts.itemId !== undefined && !this.#catalog.has(opts.itemId)) throw new NotFoundError('E_UNKNOWN_ITEM', `item "${opts.itemId}" is not in the catalog`);
    const minSeq = this.#tracking.lastAckedSeq(userId);
    const req: AskRequest = { op: 'recommend', userId, k: clampK(opts.k) };
    if (minSeq) req.minSeq = minSeq;
    if (opts.itemId) req.itemId = opts.itemId;
    if (opts.category) req.category = opts.category;
    if (opts.exclude?.length) req.exclude = opts.exclude;
    return this.#ask(req, opts.timeoutMs);
  }

  /** A checkout's record in the user actor (null: none by that id), once it applied `minSeq`. */
  checkout(userId: string, checkoutId: string, opts: AskOptions & { minSeq?: number } = {}): Promise<CheckoutRecord | null> {
    const req: AskRequest = { op: 'checkout', userId, checkoutId };
    if (opts.minSeq) req.minSeq = opts.minSeq;
    return this.#ask(req, opts.timeoutMs);
  }

  /** Asks the shard owning the user's partition; `timeoutMs` lets a caller's deadline cut the wait short. */
  async #ask<T>(req: AskRequest, timeoutMs = ASK_TIMEOUT_MS): Promise<T> {
    const p = this.#log.partitionOf(req.userId);
    const timeout = Math.max(1, Math.min(timeoutMs, ASK_TIMEOUT_MS));
    // Every node runs a shard for each partition, so the local one answers unless it is restarting.
    const local = this.#localShards?.ask(p, req, timeout);
    if (local) {
      this.#asksLocal.inc();
      return unwrap<T>(await local);
    }
    this.#asksNats.inc();
    let msg;
    try {
      msg = await this.#nc.request(askSubject(p), JSON.stringify(req), { timeout });
    } catch (err) {
      if (err instanceof natsErrors.TimeoutError) throw new TimeoutError(`asking the shard of partition ${p}`, timeout);
      if (err instanceof natsErrors.RequestError && err.isNoResponders()) throw new UnavailableError(`no shard is serving partition ${p}`, err);
      throw new UnavailableError(`cannot ask the shard of partition ${p} (${String((err as Error)?.message ?? err)})`, err);
    }
    return unwrap<T>(msg.json<AskReply>());
  }
}
