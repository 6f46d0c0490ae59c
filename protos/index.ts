/**
 * The event schema as the rest of the engine sees it: the protobuf wire type
 * (generated into protos/gen from protos/shop/v1/events.proto) and the plain
 * object form actors fold. Encoding on the log is protobuf.
 */
import protobuf from 'protobufjs/minimal.js';
import { shop } from './gen/events.js';

// int64 fields (ts, due_at) decode as plain numbers: ms timestamps fit in 2^53.
protobuf.util.Long = undefined as unknown as typeof protobuf.util.Long;
protobuf.configure();

const WireEvent = shop.v1.Event;
export type WireEvent = shop.v1.IEvent;
export const WireKind = shop.v1.EventKind;

/** Event kinds as they appear in JSON (WebSocket, HTTP) and in actor code. */
export const EVENT_KINDS = ['view', 'cart_add', 'cart_remove', 'purchase', 'search', 'dwell', 'rec_click', 'reminder',
  'checkout', 'stock_reserve', 'stock_granted', 'stock_refused', 'stock_commit', 'stock_release', 'stock_set'] as const;
export type EventKindName = (typeof EVENT_KINDS)[number];
/** The checkout saga's kinds (placeholder for the tests: no wire kind yet, the saga branch replaces this file). */
const SAGA_KINDS: readonly EventKindName[] = ['checkout', 'stock_reserve', 'stock_granted', 'stock_refused', 'stock_commit', 'stock_release', 'stock_set'];
/** Kinds a client may send; `reminder` and the saga's kinds are written by the engine only. */
export const CLIENT_EVENT_KINDS: readonly EventKindName[] = EVENT_KINDS.filter((k) => k !== 'reminder' && !SAGA_KINDS.includes(k));

const KIND_TO_WIRE: Partial<Record<EventKindName, shop.v1.EventKind>> = {
  view: WireKind.VIEW,
  cart_add: WireKind.CART_ADD,
  cart_remove: WireKind.CART_REMOVE,
  purchase: WireKind.PURCHASE,
  search: WireKind.SEARCH,
  dwell: WireKind.DWELL,
  rec_click: WireKind.REC_CLICK,
  reminder: WireKind.REMINDER,
};
const WIRE_TO_KIND = new Map<number, EventKindName>(
  Object.entries(KIND_TO_WIRE).map(([name, wire]) => [wire, name as EventKindName]),
);

/** One shopper event, validated and stamped by the gateway. */
export interface ShopEvent {
  id: string;
  userId: string;
  kind: EventKindName;
  ts: number;
  itemId?: string;
  query?: string;
  qty?: number;
  dwellMs?: number;
  orderId?: string;
  price?: number;
  reminder?: string;
  dueAt?: number;
  source?: string;
  checkoutId?: string;
  lines?: Array<{ itemId: string; qty: number; price: number }>;
  stockLeft?: number;
}

export function encodeEvent(e: ShopEvent): Uint8Array {
  return WireEvent.encode({
    id: e.id,
    userId: e.userId,
    kind: KIND_TO_WIRE[e.kind],
    ts: e.ts,
    itemId: e.itemId ?? '',
    query: e.query ?? '',
    qty: e.qty ?? 0,
    dwellMs: e.dwellMs ?? 0,
    orderId: e.orderId ?? '',
    price: e.price ?? 0,
    reminder: e.reminder ?? '',
    dueAt: e.dueAt ?? 0,
    source: e.source ?? '',
  }).finish();
}

/** Decodes a log record; throws on bytes that are not a v1 Event. */
export function decodeEvent(buf: Uint8Array): ShopEvent {
  const m = WireEvent.decode(buf);
  const kind = WIRE_TO_KIND.get(m.kind);
  if (kind === undefined) throw new Error(`unknown event kind ${m.kind} in log record ${m.id}`);
  const e: ShopEvent = { id: m.id, userId: m.userId, kind, ts: Number(m.ts) };
  if (m.itemId) e.itemId = m.itemId;
  if (m.query) e.query = m.query;
  if (m.qty) e.qty = m.qty;
  if (m.dwellMs) e.dwellMs = m.dwellMs;
  if (m.orderId) e.orderId = m.orderId;
  if (m.price) e.price = m.price;
  if (m.reminder) e.reminder = m.reminder;
  if (m.dueAt) e.dueAt = Number(m.dueAt);
  if (m.source) e.source = m.source;
  return e;
}
