/**
 * The AsyncAPI 3.0 document of the shopper WebSocket `/ws?token=...` and the operator
 * feed `/admin/ws?token=...`, served at GET /api/asyncapi.json. It describes the engine
 * (the application): on /ws it receives `event` messages and sends `hello`, `ack`,
 * `error` and the pushes (`recs`, `coupon`, `order`, `intent`, `categories`); on /admin/ws it sends
 * `adminHello` and `analytics`. Payload schemas are the OpenAPI document's components.
 */
import type { ServerMessage } from '../contract.js';
import { COMPONENT_SCHEMAS, SERVER_MESSAGE_SCHEMA } from './schemas.js';
import type { JsonSchema } from './json-schema.js';

/** WebSocket close codes the engine uses. */
export const WS_CLOSE_CODES = {
  4401: 'the token is missing, invalid or expired (an `error` message with E_BAD_TOKEN or E_TOKEN_EXPIRED comes first): create a session and reconnect',
  1001: 'the engine is shutting down: reconnect with backoff',
} as const;

const SERVER_MESSAGES: Record<ServerMessage['type'], { title: string; summary: string }> = {
  hello: { title: 'Hello', summary: 'First message on an accepted socket; pushes reach it from then on' },
  ack: { title: 'Ack', summary: 'The event with this id is stored in the log at `seq` (sent once JetStream acked it)' },
  error: { title: 'Error', summary: 'A typed error: a refused event (with its `id`), a rate limit, or an authentication failure before close 4401' },
  recs: { title: 'Recommendations', summary: 'New recommendations; a slow socket gets only the newest (coalesced)' },
  coupon: { title: 'Coupon', summary: 'A coupon a promotion rule issued (granted by the rule\'s budget owner)' },
  order: { title: 'Order outcome', summary: 'A checkout was placed or refused' },
  intent: { title: 'Purchase intent', summary: 'The session\'s intent score moved into another band (INTENT_BANDS)' },
  categories: { title: 'Category picks', summary: 'The shopper\'s top category picks changed' },
};

const messageRef = (name: string) => ({ $ref: `#/channels/shopper/messages/${name}` });

export function asyncApiDocument(version = '1.0.0'): JsonSchema {
  const messages: Record<string, JsonSchema> = {
    event: {
      name: 'event', title: 'Event', contentType: 'application/json', summary: 'A shopper event (view, cart_add, cart_remove, search, dwell, rec_click)',
      payload: { $ref: '#/components/schemas/EventMessage' },
      examples: [{ name: 'view', payload: { type: 'event', id: 'e1', kind: 'view', itemId: 'sku-000042' } }],
    },
  };
  for (const [type, m] of Object.entries(SERVER_MESSAGES) as Array<[ServerMessage['type'], { title: string; summary: string }]>) {
    messages[type] = { name: type, title: m.title, summary: m.summary, contentType: 'application/json', payload: { $ref: `#/components/schemas/${SERVER_MESSAGE_SCHEMA[type]}` } };
  }
  const channelMessages = Object.fromEntries(Object.keys(messages).map((k) => [k, { $ref: `#/components/messages/${k}` }]));
  messages['adminHello'] = { name: 'hello', title: 'Operator hello', contentType: 'application/json', summary: 'First message on an accepted operator socket', payload: { $ref: '#/components/schemas/AdminHelloMessage' } };
  messages['analytics'] = { name: 'analytics', title: 'Live analytics summary', contentType: 'application/json', summary: 'On connect, and whenever the analytics fold moved (at most 4 a second, at least every 5 s)', payload: { $ref: '#/components/schemas/AnalyticsLiveMessage' } };
  const adminMessages = { adminHello: { $ref: '#/components/messages/adminHello' }, analytics: { $ref: '#/components/messages/analytics' }, error: { $ref: '#/components/messages/error' } };
  const adminRef = (name: string) => ({ $ref: `#/channels/operator/messages/${name}` });
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'shop-brain shopper WebSocket', version,
      description: 'Contract v1 (protos/contract.ts). Open `/ws?token=<token of POST /api/session>`; the engine answers `hello`, then acks each event once the log stored it '
        + 'and pushes recommendations, coupons and order outcomes of this shopper only. Messages are JSON text frames of at most 64 KiB; '
        + `more than MAX_WS_MESSAGES_PER_S per socket (or twice that per user) get E_RATE_LIMITED. Close codes: ${Object.entries(WS_CLOSE_CODES).map(([c, w]) => `${c} ${w}`).join('; ')}.`,
      license: { name: 'UNLICENSED' },
    },
    defaultContentType: 'application/json',
    servers: {
      engine: { host: 'localhost:8080', protocol: 'ws', description: 'the engine itself (PORT); browsers must come from an allowed Origin (WS_ALLOWED_ORIGINS, same origin by default)' },
    },
    channels: {
      shopper: {
        address: '/ws', title: 'One shopper\'s socket', messages: channelMessages,
        bindings: {
          ws: {
            method: 'GET',
            query: { type: 'object', required: ['token'], properties: { token: { type: 'string', description: 'the session token' } } },
          },
        },
      },
      operator: {
        address: '/admin/ws', title: 'The operator dashboard\'s live feed (read-only)', messages: adminMessages,
        bindings: {
          ws: {
            method: 'GET',
            query: { type: 'object', required: ['token'], properties: { token: { type: 'string', description: 'an operator session token (POST /api/admin/session)' } } },
          },
        },
      },
    },
    operations: {
      receiveEvent: {
        action: 'receive', channel: { $ref: '#/channels/shopper' }, summary: 'The engine receives an event and replies with `ack` or `error`',
        messages: [messageRef('event')],
        reply: { channel: { $ref: '#/channels/shopper' }, messages: [messageRef('ack'), messageRef('error')] },
      },
      sendHello: { action: 'send', channel: { $ref: '#/channels/shopper' }, summary: 'Greets an accepted socket', messages: [messageRef('hello')] },
      sendPushes: {
        action: 'send', channel: { $ref: '#/channels/shopper' }, summary: 'Pushes of this shopper: recs after each folded event, coupons, order outcomes',
        messages: [messageRef('recs'), messageRef('coupon'), messageRef('order')],
      },
      sendError: { action: 'send', channel: { $ref: '#/channels/shopper' }, summary: 'Errors not tied to one event (authentication, rate limit, bad frames)', messages: [messageRef('error')] },
      sendAnalytics: {
        action: 'send', channel: { $ref: '#/channels/operator' }, summary: 'Operator hello, then the live summary; errors before close 4401 or for any message sent to it',
        messages: [adminRef('adminHello'), adminRef('analytics'), adminRef('error')],
      },
    },
    components: { schemas: COMPONENT_SCHEMAS, messages },
  };
}
