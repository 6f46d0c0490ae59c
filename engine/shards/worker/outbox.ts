/**
 * Sends the events a shard's actors emitted (stock commands, decisions, order lines):
 * each was committed to LMDB with the state that caused it; it is appended with its
 * id as Nats-Msg-Id and removed from LMDB once JetStream acked it. At start, whatever
 * a crash left in the outbox is sent again (the log drops copies by id).
 */
import type { JetStreamClient } from '@nats-io/jetstream';
import { encodeEvent } from '../../../protos/index.js';
import type { Logger } from '../../observability/index.js';
import { eventSubject, type ShardPlacement } from '../../placement/index.js';
import type { OutboxEntry, StateStore } from '../../store/index.js';

const RETRY_MS = 500;

export class Outbox {
  readonly #js: JetStreamClient;
  readonly #store: StateStore;
  readonly #log: Logger;
  readonly #placement: ShardPlacement;
  readonly #inFlight = new Set<string>();
  #retry: NodeJS.Timeout | undefined;
  #closed = false;
  sent = 0;

  constructor(deps: { js: JetStreamClient; store: StateStore; log: Logger; placement: ShardPlacement }) {
    this.#placement = deps.placement;
    this.#js = deps.js;
    this.#store = deps.store;
    this.#log = deps.log;
  }

  get pending(): number {
    return this.#inFlight.size;
  }

  /** Re-sends what a previous run of this shard committed but may not have appended. */
  resume(): number {
    let n = 0;
    for (const { value } of this.#store.outbox.getRange()) {
      if (!this.#placement.owns(value.owner)) continue;
      this.send([value]);
      n++;
    }
    return n;
  }

  /** Appends committed entries; a failed append is retried until acked (or the shard stops). */
  send(entries: readonly OutboxEntry[]): void {
    for (const o of entries) {
      if (this.#inFlight.has(o.key) || this.#closed) continue;
      this.#inFlight.add(o.key);
      this.#js.publish(eventSubject(o.partition), encodeEvent(o.event), { msgID: o.key }).then(() => {
        this.#inFlight.delete(o.key);
        this.sent++;
        // Not in the batch transaction: if this removal is lost, a restart re-sends a copy the log drops.
        void this.#store.outbox.remove(o.key);
      }, (err: unknown) => {
        this.#inFlight.delete(o.key);
        if (this.#closed) return;
        this.#log.warn('outbox append failed; retrying', { key: o.key, err });
        this.#retry ??= setTimeout(() => {
          this.#retry = undefined;
          this.resume();
        }, RETRY_MS);
      });
    }
  }

  close(): void {
    this.#closed = true;
    clearTimeout(this.#retry);
  }
}
