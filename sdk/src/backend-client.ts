/**
 * ShopBackendClient: the engine's gRPC API (shop.v1.Engine) for Node services, with
 * the operator API key on every call, a deadline on every call, and errors raised as
 * ShopApiError with the engine's code and field (from the `shop-error-*` trailers).
 * Node only: it loads the .proto files with the engine's own loader options.
 */
import * as grpc from '@grpc/grpc-js';
import type { ErrorCode } from '../../protos/contract.js';
import { API_KEY_METADATA, CODE_TRAILER, FIELD_TRAILER, loadEngineProto } from '../../engine/grpc/client.js';
import type { ProtoGrpcType } from '../../protos/gen/engine/engine.js';
import type { Ack__Output } from '../../protos/gen/engine/shop/v1/Ack.js';
import type { CheckoutRequest } from '../../protos/gen/engine/shop/v1/CheckoutRequest.js';
import type { CheckoutResult__Output } from '../../protos/gen/engine/shop/v1/CheckoutResult.js';
import type { EngineClient } from '../../protos/gen/engine/shop/v1/Engine.js';
import type { Event } from '../../protos/gen/engine/shop/v1/Event.js';
import type { Item } from '../../protos/gen/engine/shop/v1/Item.js';
import type { Profile__Output } from '../../protos/gen/engine/shop/v1/Profile.js';
import type { RecommendRequest } from '../../protos/gen/engine/shop/v1/RecommendRequest.js';
import type { Recommendations__Output } from '../../protos/gen/engine/shop/v1/Recommendations.js';
import type { UpsertSummary__Output } from '../../protos/gen/engine/shop/v1/UpsertSummary.js';
import type { SearchRequest } from '../../protos/gen/engine/shop/v1/SearchRequest.js';
import type { SearchResponse__Output } from '../../protos/gen/engine/shop/v1/SearchResponse.js';
import type { SuggestResponse__Output } from '../../protos/gen/engine/shop/v1/SuggestResponse.js';
import { ShopApiError, ShopClientError } from './errors.js';

export type { Ack__Output as BackendAck, CheckoutRequest, CheckoutResult__Output as CheckoutResult, Event, Item, Profile__Output as BackendProfile };
export type { RecommendRequest, Recommendations__Output as BackendRecommendations, UpsertSummary__Output as UpsertSummary };

/** Deadline of unary calls. @default 2000 */
export const DEFAULT_DEADLINE_MS = 2000;
/** Deadline of TrackBatch, UpsertItems and Checkout (they wait for the log and the item owners). @default 30000 */
export const DEFAULT_LONG_DEADLINE_MS = 30_000;

export interface ShopBackendClientOptions {
  /** `host:port` of GRPC_PORT, e.g. `127.0.0.1:50051`. */
  address: string;
  /** The operator key (API_KEY, or the content of DATA_DIR/api-key). */
  apiKey: string;
  /** @default grpc.credentials.createInsecure() (put TLS in front, or pass createSsl()) */
  credentials?: grpc.ChannelCredentials;
  /** @default 2000 */
  deadlineMs?: number;
  /** @default 30000 */
  longDeadlineMs?: number;
}

function checkOptions(o: ShopBackendClientOptions): void {
  if (typeof o?.address !== 'string' || !/^[^\s/]+:\d+$/.test(o.address)) throw new TypeError('ShopBackendClient option "address" must be host:port');
  if (typeof o.apiKey !== 'string' || o.apiKey.length === 0) throw new TypeError('ShopBackendClient option "apiKey" is required');
  for (const k of ['deadlineMs', 'longDeadlineMs'] as const) {
    const v = o[k];
    if (v !== undefined && (!Number.isFinite(v) || v <= 0)) throw new RangeError(`ShopBackendClient option "${k}" must be a positive number of ms, got ${String(v)}`);
  }
}

/** A failed call as the SDK's typed error: the engine's code and field from the trailers. */
export function toShopError(err: unknown): Error {
  const e = err as Partial<grpc.ServiceError>;
  if (typeof e?.code !== 'number' || !e.metadata) return err instanceof Error ? err : new ShopClientError(String(err));
  const code = e.metadata.get(CODE_TRAILER)[0];
  const field = e.metadata.get(FIELD_TRAILER)[0];
  // No engine code: the call failed before the engine (no connection, deadline on the client).
  const fallback: ErrorCode = e.code === grpc.status.DEADLINE_EXCEEDED ? 'E_TIMEOUT' : e.code === grpc.status.CANCELLED ? 'E_CANCELLED' : 'E_UNAVAILABLE';
  const wire = { code: (typeof code === 'string' ? code : fallback) as ErrorCode, message: e.details || e.message || grpc.status[e.code] || 'gRPC error' };
  return new ShopApiError(typeof field === 'string' && field ? { ...wire, field } : wire, { grpcStatus: e.code });
}

export class ShopBackendClient {
  readonly #client: EngineClient;
  readonly #meta: grpc.Metadata;
  readonly #deadlineMs: number;
  readonly #longMs: number;

  constructor(options: ShopBackendClientOptions) {
    checkOptions(options);
    const proto = grpc.loadPackageDefinition(loadEngineProto().packageDefinition) as unknown as ProtoGrpcType;
    this.#client = new proto.shop.v1.Engine(options.address, options.credentials ?? grpc.credentials.createInsecure());
    this.#meta = new grpc.Metadata();
    this.#meta.set(API_KEY_METADATA, options.apiKey);
    this.#deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
    this.#longMs = options.longDeadlineMs ?? DEFAULT_LONG_DEADLINE_MS;
  }

  #opts(long = false): grpc.CallOptions {
    return { deadline: Date.now() + (long ? this.#longMs : this.#deadlineMs) };
  }

  #unary<Req, Res>(call: (req: Req, meta: grpc.Metadata, opts: grpc.CallOptions, cb: grpc.requestCallback<Res>) => unknown, req: Req, long = false): Promise<Res> {
    return new Promise((resolve, reject) => {
      call.call(this.#client, req, this.#meta, this.#opts(long), (err: grpc.ServiceError | null, res?: Res) => (err ? reject(toShopError(err)) : resolve(res!)));
    });
  }

  /** One event, answered once the log stored it; retry with the same `id` (stored once). `kind` is the proto name, e.g. `CART_ADD`. */
  track(event: Event): Promise<Ack__Output> {
    return this.#unary(this.#client.Track, event);
  }

  /** Many events on one stream; one Ack per event in order. A bad event's Ack carries `error` (the others are stored). */
  trackBatch(events: Iterable<Event> | AsyncIterable<Event>): Promise<Ack__Output[]> {
    return new Promise((resolve, reject) => {
      const call = this.#client.TrackBatch(this.#meta, this.#opts(true));
      const acks: Ack__Output[] = [];
      call.on('data', (a: Ack__Output) => acks.push(a));
      call.on('error', (err) => reject(toShopError(err)));
      call.on('end', () => resolve(acks));
      void (async () => {
        try {
          for await (const e of events) {
            // HTTP/2 flow control: wait when the server stops reading.
            if (!call.write(e)) await new Promise((r) => call.once('drain', r));
          }
          call.end();
        } catch (err) {
          call.cancel();
          reject(err);
        }
      })();
    });
  }

  recommend(req: RecommendRequest): Promise<Recommendations__Output> {
    return this.#unary(this.#client.Recommend, req);
  }

  /** Hybrid search with facets; `userId` personalises. */
  search(req: SearchRequest): Promise<SearchResponse__Output> {
    return this.#unary(this.#client.Search, req);
  }

  suggest(query: string, category = ''): Promise<SuggestResponse__Output> {
    return this.#unary(this.#client.Suggest, { query, category });
  }

  profile(userId: string): Promise<Profile__Output> {
    return this.#unary(this.#client.GetProfile, { userId });
  }

  /** Buys `lines` (or the shopper's cart), all or none; pass an idempotencyKey and retry E_TIMEOUT with it. */
  checkout(req: CheckoutRequest): Promise<CheckoutResult__Output> {
    return this.#unary(this.#client.Checkout, req, true);
  }

  /** Adds or changes products (whole rows, or the fields of `updateMask`); bad rows are listed in the summary, good ones applied. */
  upsertItems(items: Iterable<Item> | AsyncIterable<Item>): Promise<UpsertSummary__Output> {
    return new Promise((resolve, reject) => {
      const call = this.#client.UpsertItems(this.#meta, this.#opts(true), (err, summary) => (err ? reject(toShopError(err)) : resolve(summary!)));
      void (async () => {
        try {
          for await (const it of items) if (!call.write(it)) await new Promise((r) => call.once('drain', r));
          call.end();
        } catch (err) {
          call.cancel();
          reject(err);
        }
      })();
    });
  }

  close(): void {
    this.#client.close();
  }
}
