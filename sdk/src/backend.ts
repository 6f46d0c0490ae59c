/** @shop-brain/client/backend: the gRPC client for Node services (API key, deadlines, typed errors). */
export { ShopBackendClient, toShopError, DEFAULT_DEADLINE_MS, DEFAULT_LONG_DEADLINE_MS, type ShopBackendClientOptions } from './backend-client.js';
export type * from './backend-client.js';
export { ShopClientError, ShopApiError, ShopConnectionError } from './errors.js';
