/**
 * Delivers pushes to whoever on this node listens for a user (WebSockets, gRPC
 * streams). Pushes travel on NATS subjects shop.push.<userId>, so the shard that
 * computed them and the node holding the socket need not be the same process.
 * One NATS subscription per user with listeners, reference-counted.
 */
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import type { PushJson } from '../../protos/contract.js';
import { pushSubject } from '../placement/index.js';

/**
 * Receives the push as the JSON text the shard published (encodePush), sent on as
 * is: no re-serialisation. decodePush reads it where a listener needs the fields.
 */
export type PushListener = (json: PushJson) => void;

export class PushRouter {
  readonly #nc: NatsConnection;
  readonly #subs = new Map<string, { sub: Subscription; listeners: Set<PushListener> }>();
  delivered = 0;

  constructor(nc: NatsConnection) {
    this.#nc = nc;
  }

  get users(): number {
    return this.#subs.size;
  }

  /** Starts delivering userId's pushes to `listener`; returns the function that stops it. */
  subscribe(userId: string, listener: PushListener): () => void {
    let entry = this.#subs.get(userId);
    if (!entry) {
      const listeners = new Set<PushListener>();
      const sub = this.#nc.subscribe(pushSubject(userId), {
        callback: (err, msg) => {
          if (err) return;
          // Only shards publish on push subjects, and they publish encodePush's output.
          const json = msg.string() as PushJson;
          for (const l of listeners) {
            this.delivered++;
            l(json);
          }
        },
      });
      entry = { sub, listeners };
      this.#subs.set(userId, entry);
    }
    entry.listeners.add(listener);
    const e = entry;
    return () => {
      e.listeners.delete(listener);
      if (e.listeners.size === 0 && this.#subs.get(userId) === e) {
        this.#subs.delete(userId);
        e.sub.unsubscribe();
      }
    };
  }
}
