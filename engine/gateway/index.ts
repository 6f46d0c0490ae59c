export { Gateway, type GatewayOptions } from './gateway.js';
export { loadUws, UWS_FALLBACK_MESSAGE } from './uws.js';
export { MAX_MESSAGE_BYTES } from './websocket.js';
export { ANONYMOUS_USER } from './api-routes.js';
export type { AdminDeps } from './admin-routes.js';
