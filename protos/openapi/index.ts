/**
 * API descriptions served by the engine: OpenAPI 3.1 for HTTP (GET /api/openapi.json)
 * and AsyncAPI 3.0 for the shopper WebSocket (GET /api/asyncapi.json). Plain data, no
 * runtime dependencies, like the contract they describe.
 */
export { openApiDocument, documentedErrors, CODES_OUTSIDE_OPERATIONS, type ErrorTable } from './openapi.js';
export { asyncApiDocument, WS_CLOSE_CODES } from './asyncapi.js';
export { COMPONENT_SCHEMAS, SERVER_MESSAGE_SCHEMA, ALL_ERROR_CODES, CLIENT_EVENT_KINDS } from './schemas.js';
export type { JsonSchema } from './json-schema.js';
