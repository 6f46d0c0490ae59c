/**
 * Tracking: validates shopper events and appends them to the log, acking only once
 * JetStream stored them. Sheds load (E_OVERLOADED) when too many appends are in
 * flight, and remembers each user's last acked sequence so a read right after a
 * write sees it (Asks passes it as `minSeq`).
 */
import type { ShopEvent } from '../../protos/index.js';
import type { Catalog } from '../catalog/index.js';
import { EngineError, NotAllowedError } from '../errors/index.js';
import type { EventLog, PublishResult } from '../log/index.js';
import type { Metrics } from '../observability/index.js';
import type { Inventory } from './inventory.js';
import { validateClientEvent, type EventStamp } from './validate-event.js';

/**
 * Appends awaiting JetStream's ack at once. Beyond this the engine answers
 * E_OVERLOADED at once instead of queueing into timeouts: clients retry with the same id.
 */
export const MAX_APPENDS_IN_FLIGHT = 8192;
/** Last acked log sequence per user, so a read right after a write sees it. Bounded. */
const MAX_TRACKED_USERS = 200_000;

export interface TrackResult extends PublishResult {
  id: string;
}

export interface TrackingDeps {
  log: EventLog;
  catalog: Catalog;
  /** A tracked purchase becomes the command of a one-line checkout (decided by the item's owner). */
  inventory: Pick<Inventory, 'purchaseCommand'>;
  metrics: Metrics;
}

type Counter = { inc(by?: number): void };

export class Tracking {
  readonly #log: EventLog;
  readonly #catalog: Catalog;
  readonly #inventory: TrackingDeps['inventory'];
  readonly #metrics: Metrics;
  readonly #lastSeq = new Map<string, number>();
  #appendsInFlight = 0;
  /** Told of every event once the log stored it (the ads' CTR model learns clicks from it). */
  onStored: ((e: ShopEvent) => void) | undefined;
  readonly #appendLatency: ReturnType<Metrics['histogram']>;
  readonly #eventCounters = new Map<string, Counter>();
  readonly #shed: Counter;

  constructor(deps: TrackingDeps) {
    this.#log = deps.log;
    this.#catalog = deps.catalog;
    this.#inventory = deps.inventory;
    this.#metrics = deps.metrics;
    this.#appendLatency = this.#metrics.histogram('shop_log_append_seconds', 'time to get a JetStream ack for one event');
    this.#shed = this.#metrics.counter('shop_events_shed_total', 'events refused with E_OVERLOADED (too many appends in flight)').with({});
    this.#metrics.gauge('shop_log_appends_in_flight', 'events waiting for a JetStream ack', () => this.#appendsInFlight);
  }

  /**
   * Checks and stamps a client's event (E_BAD_EVENT & co. naming the field). A purchase
   * becomes a one-line checkout command (E_OUT_OF_STOCK at once when visibly sold out);
   * its outcome reaches the shopper as an `order` push.
   */
  validateEvent(input: unknown, stamp: EventStamp): ShopEvent {
    const e = validateClientEvent(input, stamp, (id) => this.#catalog.has(id));
    if (e.kind !== 'purchase') return e;
    // A shopper's own client could otherwise empty the stock without paying; a backend
    // (gRPC, behind the API key) records purchases it took elsewhere.
    if (stamp.source !== 'grpc') throw new NotAllowedError('a shopper client cannot record a purchase: use POST /api/checkout', 'kind');
    return this.#inventory.purchaseCommand(e);
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
    if (!c) this.#eventCounters.set(ck, (c = this.#metrics.counter('shop_events_total', 'events accepted into the log').with({ kind: e.kind, source: e.source ?? '' })));
    c.inc();
    this.#noteSeq(e.userId, r.seq);
    if (!r.duplicate) this.onStored?.(e);
    return { id: e.id, ...r };
  }

  /** The log sequence of the user's last event this node acked (undefined: none remembered). */
  lastAckedSeq(userId: string): number | undefined {
    return this.#lastSeq.get(userId);
  }

  #noteSeq(userId: string, seq: number): void {
    if (this.#lastSeq.size >= MAX_TRACKED_USERS && !this.#lastSeq.has(userId)) {
      const oldest = this.#lastSeq.keys().next().value;
      if (oldest !== undefined) this.#lastSeq.delete(oldest);
    }
    this.#lastSeq.set(userId, Math.max(seq, this.#lastSeq.get(userId) ?? 0));
  }
}
