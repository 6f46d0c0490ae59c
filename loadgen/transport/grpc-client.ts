/**
 * gRPC channels to the engine's `shop.v1.Engine` (grpc-js with the generated
 * types, as in engine/grpc/README.md), the API key, and error codes: the engine's
 * own code from the `shop-error-code` trailer when it sent one, else the status
 * name prefixed `GRPC_` (a deadline the client hit, a dropped connection).
 */
import * as grpc from '@grpc/grpc-js';
import { API_KEY_METADATA, CODE_TRAILER, loadEngineProto } from '../../engine/grpc/client.js';
import type { ProtoGrpcType } from '../../protos/gen/engine/engine.js';
import type { EngineClient } from '../../protos/gen/engine/shop/v1/Engine.js';
import type { ListItemsResponse__Output } from '../../protos/gen/engine/shop/v1/ListItemsResponse.js';
import type { CatalogPages } from '../catalog-sample.js';
import { LoadgenError } from '../errors.js';

/** Deadline of a catalog page read on the main thread. */
const CATALOG_DEADLINE_MS = 10_000;

export interface GrpcChannels {
  /** One client per HTTP/2 connection; shoppers share them round-robin. */
  readonly clients: readonly EngineClient[];
  readonly meta: grpc.Metadata;
  close(): void;
}

/** Opens `channels` HTTP/2 connections to `target` (HOST:PORT) carrying the API key. */
export function openChannels(target: string, apiKey: string, channels: number): GrpcChannels {
  const proto = grpc.loadPackageDefinition(loadEngineProto().packageDefinition) as unknown as ProtoGrpcType;
  // grpc-js shares one connection between clients of the same target and options; a
  // local subchannel pool per client gives each its own connection.
  const clients = Array.from({ length: channels }, () =>
    new proto.shop.v1.Engine(target, grpc.credentials.createInsecure(), { 'grpc.use_local_subchannel_pool': 1 }));
  const meta = new grpc.Metadata();
  meta.set(API_KEY_METADATA, apiKey);
  return { clients, meta, close: () => clients.forEach((c) => c.close()) };
}

/** The engine's code (E_OVERLOADED, E_OUT_OF_STOCK, ...) or GRPC_<STATUS> when it sent none. */
export function grpcErrorCode(err: grpc.ServiceError): string {
  const code = err.metadata?.get(CODE_TRAILER)[0];
  if (typeof code === 'string' && code !== '') return code;
  return `GRPC_${grpc.status[err.code] ?? err.code}`;
}

/** Statuses after which a Track may still have been stored (the client cannot know). */
export const UNCERTAIN_STATUS_CODES: ReadonlySet<string> = new Set(['GRPC_UNAVAILABLE', 'GRPC_DEADLINE_EXCEEDED', 'GRPC_CANCELLED', 'GRPC_UNKNOWN', 'GRPC_INTERNAL']);

/** A failed setup call as the typed error the CLI prints: a wrong key and an absent engine say what to do. */
export function setupError(err: grpc.ServiceError, target: string, what: string): LoadgenError {
  if (err.code === grpc.status.UNAUTHENTICATED) {
    return new LoadgenError('E_UNAUTHENTICATED', `the engine's gRPC API at ${target} refused the API key (${err.details}): pass its key with --api-key, or --engine-data with the engine's DATA_DIR (it holds api-key)`, { cause: err });
  }
  if (err.code === grpc.status.UNAVAILABLE || err.code === grpc.status.DEADLINE_EXCEEDED) {
    return new LoadgenError('E_UNREACHABLE', `cannot reach the engine's gRPC API at ${target} (${grpc.status[err.code]}: ${err.details}); start it or pass --grpc-url`, { cause: err });
  }
  return new LoadgenError('E_UNREACHABLE', `${what} at ${target} failed: ${grpc.status[err.code]} ${grpcErrorCode(err)}: ${err.details}`, { cause: err });
}

/** The catalog over ListItems, the way a backend service would read it. */
export function grpcCatalogPages(ch: GrpcChannels, target: string): CatalogPages {
  const client = ch.clients[0]!;
  return (page, limit) =>
    new Promise((resolve, reject) => {
      client.ListItems({ page, limit }, ch.meta, { deadline: Date.now() + CATALOG_DEADLINE_MS }, (err, res?: ListItemsResponse__Output) => {
        if (err) return reject(setupError(err, target, 'ListItems'));
        resolve({ items: res!.items.map((i) => ({ itemId: i.itemId, category: i.category, stock: i.stock })), total: res!.total });
      });
    });
}
