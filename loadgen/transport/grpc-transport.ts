/**
 * The gRPC transport: shoppers are user ids made by loadgen (the engine's form,
 * `u-[a-z0-9]{8,40}`, unique per run), events go through unary `Track` (the event
 * id makes a retry idempotent; loadgen does not retry, like the WebSocket mode),
 * pushes come from one `StreamRecommendations` per shopper, and the lost check
 * reads `GetProfile`. All of a thread's shoppers share a few HTTP/2 channels.
 */
import * as grpc from '@grpc/grpc-js';
import type { EventKind } from '../../protos/gen/engine/shop/v1/EventKind.js';
import type { Event } from '../../protos/gen/engine/shop/v1/Event.js';
import type { Profile__Output } from '../../protos/gen/engine/shop/v1/Profile.js';
import type { Recommendations__Output } from '../../protos/gen/engine/shop/v1/Recommendations.js';
import type { Behaviour, EventKind as LoadgenKind, ShopperAction } from '../behaviour/types.js';
import type { ProfileView } from '../verify.js';
import { newVirtualShopper, type VirtualShopper } from '../virtual-shopper.js';
import { grpcErrorCode, openChannels, type GrpcChannels } from './grpc-client.js';
import { ConnectError, type ShopperReplies, type ShopperTransport } from './types.js';

/** How long a stream may take to deliver its first message (the current recommendations). */
const OPEN_TIMEOUT_MS = 15_000;
/** A Track unanswered this long ends with DEADLINE_EXCEEDED (the engine's own shard timeout is 2 s). */
const TRACK_DEADLINE_MS = 10_000;
const OPEN_CONCURRENCY = 100;

const KINDS: Record<LoadgenKind, EventKind> = {
  view: 'VIEW', cart_add: 'CART_ADD', cart_remove: 'CART_REMOVE', purchase: 'PURCHASE', search: 'SEARCH', dwell: 'DWELL', rec_click: 'REC_CLICK', rec_impression: 'REC_IMPRESSION',
};

/** The user id of shopper `g` in the run tagged `runTag` ([a-z0-9]); a new tag gives fresh profiles. */
export function grpcUserId(runTag: string, g: number): string {
  return `u-lg${runTag}${g.toString(36).padStart(6, '0')}`;
}

export interface GrpcTransportOptions {
  target: string;
  apiKey: string;
  /** HTTP/2 connections this thread opens. */
  channels: number;
  runTag: string;
}

export class GrpcTransport implements ShopperTransport {
  readonly createConcurrency = 1000;
  readonly openConcurrency = OPEN_CONCURRENCY;
  readonly #opts: GrpcTransportOptions;
  readonly #replies: ShopperReplies;
  readonly #ch: GrpcChannels;
  /** By shopper index. */
  readonly #streams: Array<grpc.ClientReadableStream<Recommendations__Output> | undefined> = [];
  #closed = false;

  constructor(opts: GrpcTransportOptions, replies: ShopperReplies) {
    this.#opts = opts;
    this.#replies = replies;
    this.#ch = openChannels(opts.target, opts.apiKey, opts.channels);
  }

  #client(s: VirtualShopper) {
    return this.#ch.clients[s.index % this.#ch.clients.length]!;
  }

  create(index: number, globalIndex: number, behaviour: Behaviour): Promise<VirtualShopper> {
    return Promise.resolve(newVirtualShopper(index, grpcUserId(this.#opts.runTag, globalIndex), behaviour));
  }

  /**
   * Opens the shopper's StreamRecommendations. The engine subscribes to the pushes
   * before it reads the current recommendations, so once that first message is here
   * no push of a later event can be missed: it plays the WebSocket `hello`.
   */
  open(s: VirtualShopper): Promise<void> {
    const call = this.#client(s).StreamRecommendations({ userId: s.userId, includeCoupons: true }, this.#ch.meta);
    this.#streams[s.index] = call;
    return new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => {
        call.cancel();
        reject(new ConnectError('LG_CONNECT', `StreamRecommendations for ${s.userId}: no first message in ${OPEN_TIMEOUT_MS} ms`));
      }, OPEN_TIMEOUT_MS);
      call.on('data', (r: Recommendations__Output) => {
        if (!s.alive) {
          clearTimeout(t);
          s.alive = true;
          resolve();
          return;
        }
        if (r.coupon) this.#replies.coupon(s);
        else this.#replies.recs(s, r.causedBy, r.items.map((i) => i.itemId));
      });
      const ended = (code: string, err?: grpc.ServiceError) => {
        clearTimeout(t);
        if (s.alive) {
          s.alive = false;
          if (!this.#closed) this.#replies.closed(s, code);
        } else reject(new ConnectError(err ? grpcErrorCode(err) : code, err ? `StreamRecommendations for ${s.userId}: ${err.details}` : 'stream ended before its first message', { cause: err }));
      };
      call.on('error', (err: grpc.ServiceError) => ended('LG_STREAM_CLOSED', err));
      call.on('end', () => ended('LG_STREAM_CLOSED'));
    });
  }

  send(s: VirtualShopper, id: string, action: ShopperAction): void {
    const e: Event = { id, userId: s.userId, kind: KINDS[action.kind] };
    if (action.itemId !== undefined) e.itemId = action.itemId;
    if (action.qty !== undefined) e.qty = action.qty;
    if (action.query !== undefined) e.query = action.query;
    if (action.dwellMs !== undefined) e.dwellMs = action.dwellMs;
    if (action.itemIds !== undefined) e.itemIds = action.itemIds;
    if (action.slot !== undefined) e.slot = action.slot;
    this.#client(s).Track(e, this.#ch.meta, { deadline: Date.now() + TRACK_DEADLINE_MS }, (err, ack) => {
      if (this.#closed) return;
      if (err) this.#replies.refused(s, id, grpcErrorCode(err));
      else this.#replies.ack(s, id, ack!.seq, ack!.duplicate);
    });
  }

  readProfile(s: VirtualShopper, timeoutMs: number): Promise<ProfileView> {
    return new Promise((resolve, reject) => {
      this.#client(s).GetProfile({ userId: s.userId }, this.#ch.meta, { deadline: Date.now() + timeoutMs }, (err, p?: Profile__Output) => {
        if (err) return reject(new Error(`GetProfile answered ${grpc.status[err.code]} ${grpcErrorCode(err)}: ${err.details}`));
        resolve({
          events: p!.events, lastSeq: p!.lastSeq, cart: p!.cart.map((l) => ({ itemId: l.itemId, qty: l.qty })),
          categoryPicks: (p!.categoryPicks ?? []).map((c) => ({ category: c.category })),
        });
      });
    });
  }

  close(): void {
    this.#closed = true;
    for (const call of this.#streams) call?.cancel();
    this.#ch.close();
  }
}
