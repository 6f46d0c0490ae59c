/**
 * The durable event log on JetStream: one stream, subjects shop.ev.<partition>,
 * file storage, de-duplicated by event id (Nats-Msg-Id). A publish resolves only
 * after JetStream stored the event, so a client ack means the event is in the log.
 */
import type { NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, JetStreamApiError, StorageType, DiscardPolicy, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { CAMPAIGN_COMMAND_KINDS, encodeEvent, type ShopEvent } from '../../protos/index.js';
import { StorageFullError, UnavailableError } from '../errors/index.js';
import { campaignSlotOf, DEFINITIONS_SUBJECT, EVENT_STREAM, EVENT_SUBJECT_PREFIX, eventSubject, partitionOf } from '../placement/index.js';

/** How long JetStream remembers an event id to drop a retried publish. */
export const DUPLICATE_WINDOW_MS = 10 * 60_000;
/** Largest record the stream takes: a definition (a model file) is the big one; shoppers' events are limited at the gateway. */
export const MAX_EVENT_BYTES = 1_000_000;
/** Largest definition payload (JSON) appendDefinition accepts: the rest of the record fits in MAX_EVENT_BYTES. */
export const MAX_DEFINITION_BYTES = 900_000;

/** JetStream's "insufficient resources": its storage limit is reached. */
const JS_INSUFFICIENT_RESOURCES = 10023;

/** What the log asks before each append: is there room on disk? */
export interface StorageGuard {
  readonly storageFull: boolean;
}

export interface PublishResult {
  seq: number;
  duplicate: boolean;
}

export async function ensureEventStream(jsm: JetStreamManager, replicas: number): Promise<void> {
  const config = {
    name: EVENT_STREAM,
    subjects: [`${EVENT_SUBJECT_PREFIX}*`],
    storage: StorageType.File,
    num_replicas: replicas,
    duplicate_window: DUPLICATE_WINDOW_MS * 1e6,
    max_msg_size: MAX_EVENT_BYTES,
    discard: DiscardPolicy.Old,
  };
  try {
    await jsm.streams.info(EVENT_STREAM);
    await jsm.streams.update(EVENT_STREAM, config);
  } catch (err) {
    if ((err as { code?: unknown })?.code === 404 || /not found/i.test(String((err as Error)?.message))) {
      await jsm.streams.add(config);
    } else throw err;
  }
}

/** Event ids are chosen by clients, so de-duplication is per user: two shoppers' "e1" never collide. */
export const dedupKey = (e: Pick<ShopEvent, 'userId' | 'id'>) => `${e.userId}/${e.id}`;

export class EventLog {
  readonly #js: JetStreamClient;
  readonly #partitions: number;
  readonly nc: NatsConnection;
  #guard: StorageGuard | undefined;

  private constructor(nc: NatsConnection, js: JetStreamClient, partitions: number) {
    this.nc = nc;
    this.#js = js;
    this.#partitions = partitions;
  }

  static async open(nc: NatsConnection, partitions: number, replicas: number): Promise<EventLog> {
    const jsm = await jetstreamManager(nc);
    await ensureEventStream(jsm, replicas);
    return new EventLog(nc, jetstream(nc, { timeout: 5000 }), partitions);
  }

  /** Appends are refused with E_STORAGE_FULL while the guard says the disk is full. */
  guardStorage(guard: StorageGuard): void {
    this.#guard = guard;
  }

  partitionOf(userId: string): number {
    return partitionOf(userId, this.#partitions);
  }

  /** Appends one event; resolves once JetStream has stored it (or had it already). */
  async append(event: ShopEvent): Promise<PublishResult> {
    if (this.#guard?.storageFull) throw new StorageFullError('the disk under DATA_DIR is nearly full: the event was not stored; retry once space is freed');
    try {
      // Ad impressions and clicks go to their campaign's slot: its actor owns the spend.
      const subject = CAMPAIGN_COMMAND_KINDS.has(event.kind) ? eventSubject(campaignSlotOf(event.campaignId ?? '', this.#partitions)) : eventSubject(this.partitionOf(event.userId));
      const ack = await this.#js.publish(subject, encodeEvent(event), { msgID: dedupKey(event) });
      return { seq: ack.seq, duplicate: ack.duplicate };
    } catch (err) {
      if (err instanceof JetStreamApiError && err.code === JS_INSUFFICIENT_RESOURCES) {
        throw new StorageFullError('the event log has no room left (JetStream: insufficient resources): the event was not stored', err);
      }
      throw new UnavailableError('the event log did not confirm the event; it may not be stored, retry with the same id', err);
    }
  }

  /**
   * Appends a definition event to the definitions subject (every shard applies it).
   * Its id names kind, id and version, so a retried publish is de-duplicated.
   */
  async appendDefinition(d: { defKind: string; defId: string; defVersion: number; payload: string; ts?: number }): Promise<PublishResult> {
    if (Buffer.byteLength(d.payload) > MAX_DEFINITION_BYTES) throw new RangeError(`definition ${d.defKind}/${d.defId} v${d.defVersion} is ${Buffer.byteLength(d.payload)} bytes, over ${MAX_DEFINITION_BYTES}`);
    if (this.#guard?.storageFull) throw new StorageFullError('the disk under DATA_DIR is nearly full: the definition was not stored');
    const event: ShopEvent = {
      id: `def-${d.defKind}-${d.defId}-v${d.defVersion}`, userId: '', kind: 'definition', ts: d.ts ?? Date.now(), source: 'engine',
      defKind: d.defKind, defId: d.defId, defVersion: d.defVersion, payload: d.payload,
    };
    try {
      const ack = await this.#js.publish(DEFINITIONS_SUBJECT, encodeEvent(event), { msgID: dedupKey(event) });
      return { seq: ack.seq, duplicate: ack.duplicate };
    } catch (err) {
      throw new UnavailableError(`the event log did not confirm definition ${event.id}`, err);
    }
  }

  async lastSeq(): Promise<number> {
    const jsm = await jetstreamManager(this.nc);
    return (await jsm.streams.info(EVENT_STREAM)).state.last_seq;
  }
}
