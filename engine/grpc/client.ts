/**
 * What a TypeScript client of the Engine service needs, without the server: the
 * proto loader, the API key header and the error trailers. Importing index.ts
 * instead loads the whole server (about a second per loadgen thread).
 */
export { loadEngineProto, protosDir, LOADER_OPTIONS, ENGINE_PROTO, ENGINE_SERVICE, type LoadedEngineProto } from './proto.js';
export { API_KEY_METADATA, API_KEY_FILE } from '../services/api-key.js';
export { CODE_TRAILER, FIELD_TRAILER, DETAILS_TRAILER, ERROR_DOMAIN } from './status-error.js';
