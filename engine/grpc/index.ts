/**
 * Public surface of the gRPC front door (package shop.v1, service Engine, plus
 * grpc.health.v1.Health and server reflection). See README.md in this folder.
 */
export {
  GrpcServer,
  type GrpcServerOptions,
  type GrpcServerState,
  type GrpcServerStats,
  DEFAULT_GRPC_HOST,
  DEFAULT_MAX_IN_FLIGHT,
  DEFAULT_MAX_STREAMS,
  DEFAULT_BATCH_WINDOW,
  DEFAULT_MAX_BATCH_EVENTS,
  DEFAULT_MAX_RECEIVE_BYTES,
  DEFAULT_MAX_SEND_BYTES,
  DEFAULT_DRAIN_MS,
  DEFAULT_HEALTH_POLL_MS,
} from './grpc-server.js';
export { resolveApiKey, API_KEY_METADATA, API_KEY_FILE, MIN_API_KEY_LENGTH } from '../services/api-key.js';
export { loadEngineProto, protosDir, LOADER_OPTIONS, ENGINE_PROTO, ENGINE_SERVICE, type LoadedEngineProto } from './proto.js';
export { CODE_TRAILER, FIELD_TRAILER, DETAILS_TRAILER, ERROR_DOMAIN } from './status-error.js';
export { type ItemsChanged, type ItemsChangedHook, MAX_REPORTED_ROWS, CHANGE_BATCH } from './upsert-items.js';
export { MAX_EXCLUDE } from './unary-handlers.js';
export { MAX_PENDING_COUPONS } from './recommend-stream.js';
