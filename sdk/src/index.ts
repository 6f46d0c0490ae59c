/**
 * @shop-brain/client: the shopper side of shop-brain for browsers and Node (HTTP +
 * WebSocket). Browser-safe: no Node imports. The gRPC client for services is
 * `@shop-brain/client/backend` (src/backend.ts), Node only.
 */
export { ShopClient, RENEW_BEFORE_MS, DEFAULT_CHECKOUT_ATTEMPTS, type ShopClientOptions } from './shop-client.js';
export {
  LiveConnection, MIN_BACKOFF_MS, MAX_BACKOFF_MS, DEFAULT_ACK_TIMEOUT_MS,
  type LiveOptions, type LiveState, type WebSocketFactory, type WebSocketLike,
} from './live-connection.js';
export { ShopClientError, ShopApiError, ShopConnectionError } from './errors.js';
export type * from './types.js';
