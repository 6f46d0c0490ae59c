/**
 * The engine's JSON wire contract v1: what crosses a WebSocket, an HTTP error body,
 * a push subject (shop.push.<userId>) and an ask reply. Every producer and consumer
 * (gateway, shards, gRPC stream, browser, loadgen, test kit) imports it from here.
 *
 * Browser-safe on purpose: no imports and no runtime dependencies, only types and
 * small pure functions, so storefront/client can import it as it is. The JSON the
 * builders give is the documented one, field for field and in the same order.
 */

/** Every stable error code; engine/errors/index.ts maps each to its HTTP and gRPC status (checked at compile time). */
export type ErrorCode =
  | 'E_BAD_JSON'
  | 'E_BAD_REQUEST'
  | 'E_BAD_EVENT'
  | 'E_UNKNOWN_KIND'
  | 'E_TOO_LARGE'
  | 'E_BAD_TOKEN'
  | 'E_TOKEN_EXPIRED'
  | 'E_UNAUTHENTICATED'
  | 'E_UNKNOWN_ITEM'
  | 'E_NOT_FOUND'
  | 'E_OUT_OF_STOCK'
  | 'E_RATE_LIMITED'
  | 'E_OVERLOADED'
  | 'E_UNAVAILABLE'
  | 'E_TIMEOUT'
  | 'E_CANCELLED'
  | 'E_BAD_CATALOG'
  | 'E_BAD_IMPORT'
  | 'E_BAD_CONFIG'
  | 'E_NOT_ALLOWED'
  | 'E_METHOD_NOT_ALLOWED'
  | 'E_URL_TOO_LONG'
  | 'E_STORAGE_FULL'
  | 'E_BAD_MODEL'
  | 'E_BAD_DATASET'
  | 'E_BAD_RULE'
  | 'E_BAD_CAMPAIGN'
  | 'E_COUPON_UNKNOWN'
  | 'E_COUPON_EXPIRED'
  | 'E_COUPON_USED'
  | 'E_COUPON_NOT_APPLICABLE'
  | 'E_INTERNAL';

/** An error as it is serialised everywhere: HTTP bodies, WebSocket `error` messages, ask replies. */
export interface WireError {
  code: ErrorCode;
  message: string;
  /** The field or option that was wrong, when there is one. */
  field?: string;
}

/** The body of every HTTP error answer: `{"error":{"code","message","field"?}}`. */
export interface HttpErrorBody {
  error: WireError;
}

/** A shard's answer to an ask (worker port or NATS request/reply). */
export type AskReply<T = unknown> = { ok: true; result: T } | { ok: false; error: WireError };

// ---- HTTP resources ----

/** A product as clients see it (`GET /api/products/:id`, listings, cart lines). */
export interface ProductView {
  /** `[A-Za-z0-9_.:-]{1,64}` */
  itemId: string;
  name: string;
  /** A slug: `[a-z0-9-]+`, e.g. `running-shoes`. */
  category: string;
  description: string;
  /** >= 0, at most 2 decimals. */
  price: number;
  /** Units that can be bought now (live: catalog stock minus units sold and held since). */
  stock: number;
  brand: string;
  /** 0..5 */
  rating?: number;
  tags?: string[];
  /** Logistics (optional): days until it ships (0 = today), share of late deliveries and of returns (0..1). */
  deliveryDays?: number;
  lateDeliveryRate?: number;
  returnRate?: number;
}

export const SORT_ORDERS = ['relevance', 'price_asc', 'price_desc', 'popularity', 'name'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

/** The query of `GET /api/products`. */
export interface ProductListQuery {
  /** Only this category; `''` means all. */
  category?: string;
  /** Keyword query over name, brand, category, tags and description; `''` means none. */
  q?: string;
  /** `relevance` orders by search score with `q`, by catalog order without. @default 'relevance' */
  sort?: SortOrder;
  /** 1-based. @default 1 */
  page?: number;
  /** 1..100. @default 24 */
  limit?: number;
}

/** A page of `GET /api/products`. */
export interface ProductList<P = ProductView> {
  items: P[];
  total: number;
  page: number;
  limit: number;
}

// ---- shapes inside messages ----

export interface RecItem {
  itemId: string;
  score: number;
  reason: string;
  name: string;
  price: number;
  category: string;
  /** A sponsored entry (an ad won this slot): its campaign, and the impression a click names in `ad_click`. */
  sponsored?: true;
  campaignId?: string;
  impressionId?: string;
}

/** What a coupon takes off (a promotion rule's reward). */
export type CouponReward =
  | { type: 'percent'; percent: number; maxDiscount?: number }
  | { type: 'amount'; amount: number }
  | { type: 'free_delivery' }
  /** For every `buy` units in scope, `get` more of the cheapest are free. */
  | { type: 'buy_x_get_y'; buy: number; get: number; maxDiscount?: number }
  /** `itemId` comes free with the order (worth `value`). */
  | { type: 'gift'; itemId: string; value: number };

/** Which lines a coupon applies to. */
export type CouponScope =
  | { type: 'order' }
  | { type: 'categories'; categories: string[] }
  | { type: 'items'; items: string[] }
  /** Any category but these (e.g. the ones the shopper already buys: a neighbouring one). */
  | { type: 'other_categories'; categories: string[] };

export interface Coupon {
  code: string;
  /** The promotion rule that issued it. */
  rule: string;
  ruleVersion: number;
  /** A person's title for it ("10% off your cart"). */
  title: string;
  /** The reward's percent for percent coupons, else 0 (kept from the first coupon contract). */
  percentOff: number;
  reward: CouponReward;
  scope: CouponScope;
  /** The smallest order (items, after scope) it applies to; 0: any. */
  minOrder: number;
  /** When it was issued. */
  ts: number;
  /** After this time (ms since the epoch) it is refused (E_COUPON_EXPIRED). */
  expiresAt: number;
  /** live: can be used; held: a checkout is being decided with it; used: an order got it; expired. */
  status: 'live' | 'held' | 'used' | 'expired';
  /** The order that used it (status used). */
  orderId?: string;
  stackingGroup: string;
  priority: number;
  /** The event that triggered the rule (a reminder, a view, an order, ...). */
  causedBy: string;
}

export interface OrderLine {
  itemId: string;
  qty: number;
  price: number;
  /** What the order's coupon took off this line (order pushes). */
  discount?: number;
}

/** Event kinds a client may send (the engine also writes `reminder`, never a client). */
export type ClientEventKind = 'view' | 'cart_add' | 'cart_remove' | 'purchase' | 'search' | 'dwell' | 'rec_click' | 'rec_impression' | 'search_click' | 'ad_click';

// ---- client -> server (WebSocket) ----

/** An event; `POST /api/events` takes the same object without `type`. */
export interface EventMessage {
  type: 'event';
  /** 1-64 of A-Z a-z 0-9 _ . : -; the engine stores a retried id once. Generated when absent. */
  id?: string;
  kind: ClientEventKind;
  itemId?: string;
  query?: string;
  qty?: number;
  dwellMs?: number;
  orderId?: string;
  /** rec_impression: the recommended items shown (1-50, in order). */
  itemIds?: string[];
  /** rec_impression / rec_click: where they were shown ("home", "product", "cart", ...: 1-32 of a-z 0-9 _ -). */
  slot?: string;
  /** search: how many results the shopper was shown in total (0 = none). */
  resultCount?: number;
  /** search / search_click: the category filter the search ran in. */
  category?: string;
  /** search_click: 1-based position of the clicked result (with `query` and `itemId`). */
  position?: number;
  /** ad_click: the sponsored entry's impression and campaign (as the answer gave them). */
  impressionId?: string;
  campaignId?: string;
  /** Ignored: the server stamps its own time. */
  ts?: number;
}

export type ClientMessage = EventMessage;

// ---- pushes: what a shard publishes on shop.push.<userId> ----

export interface RecsPush {
  type: 'recs';
  items: RecItem[];
  /** The event whose fold caused this recompute. */
  causedBy: string;
  /** Log sequence of causedBy: the recs reflect every event of this shopper up to it. */
  seq: number;
  ts: number;
}

export interface CouponPush {
  type: 'coupon';
  coupon: Coupon;
  causedBy: string;
  ts: number;
}

/** The outcome of a checkout, once the shard has folded it. */
export interface OrderPush {
  type: 'order';
  checkoutId: string;
  orderId: string;
  status: 'placed' | 'refused';
  lines: OrderLine[];
  /** What the shopper pays: subtotal - discount + delivery. */
  total: number;
  subtotal?: number;
  discount?: number;
  delivery?: number;
  coupon?: string;
  couponAuto?: boolean;
  /** Set when the checkout was refused because of its coupon. */
  couponError?: { code: ErrorCode; message: string };
  /** Set when status is `refused`: the first line that could not be served. */
  refused?: { itemId: string; requested: number; left: number };
  causedBy: string;
  seq: number;
  ts: number;
}

/** One reason the intent model gave for a score: a feature and its share of the log-odds. */
export interface IntentReason {
  feature: string;
  value: number;
  /** + towards buying, - away from it (log-odds). */
  contribution: number;
  /** e.g. "CartAdds high (+1.20)" */
  text: string;
}

/** The live purchase-intent score of the shopper's current session. */
export interface IntentView {
  /** Probability that this session ends with a purchase, 0-1. */
  score: number;
  /** The configured band it falls in ("low", "medium", "high" with two thresholds). */
  band: string;
  /** Version of the model that scored it (a definition event on the log). */
  version: number;
  /** Time of the event it was scored at. */
  scoredAt: number;
  /** The features that moved the score most, largest first. */
  top: IntentReason[];
}

/** A category picked for the shopper, best first. */
export interface CategoryPick {
  category: string;
  score: number;
  /** Why: the shopper's own interest, what shoppers who bought their categories also buy, or the shop's best converting. */
  reason: 'affinity' | 'bought-together' | 'popular';
}

/** The shopper's intent score moved into another band. */
export interface IntentPush {
  type: 'intent';
  score: number;
  band: string;
  previousBand: string;
  version: number;
  causedBy: string;
  ts: number;
}

/** The shopper's category picks changed (the top ones, best first). */
export interface CategoriesPush {
  type: 'categories';
  picks: CategoryPick[];
  causedBy: string;
  ts: number;
}

export type PushMessage = RecsPush | CouponPush | OrderPush | IntentPush | CategoriesPush;

// ---- server -> client (WebSocket) ----

/** First message on an accepted socket; pushes reach it from then on. */
export interface HelloMessage {
  type: 'hello';
  userId: string;
  ts: number;
}

/** The event was stored in the log at `seq`. */
export interface AckMessage {
  type: 'ack';
  id: string;
  seq: number;
  /** Present (true) when the id had been stored before. */
  duplicate?: true;
}

export interface ErrorMessage {
  type: 'error';
  code: ErrorCode;
  message: string;
  /** The id of the event that was refused, when the message had one. */
  id?: string;
  field?: string;
}

export type ServerMessage = HelloMessage | AckMessage | ErrorMessage | PushMessage;

// ---- builders and codecs ----

/** The serialised form of an error: `field` only when there is one. */
export function wireError(code: ErrorCode, message: string, field?: string): WireError {
  return field === undefined ? { code, message } : { code, message, field };
}

export function httpErrorBody(err: WireError): HttpErrorBody {
  return { error: wireError(err.code, err.message, err.field) };
}

/** A WebSocket `error` message: `{type,code,message,id?,field?}`. */
export function errorMessage(err: WireError, id?: string): ErrorMessage {
  const m: ErrorMessage = { type: 'error', code: err.code, message: err.message };
  if (id !== undefined) m.id = id;
  if (err.field !== undefined) m.field = err.field;
  return m;
}

export function ackMessage(id: string, seq: number, duplicate: boolean): AckMessage {
  return duplicate ? { type: 'ack', id, seq, duplicate: true } : { type: 'ack', id, seq };
}

export function encodeServerMessage(m: ServerMessage): string {
  return JSON.stringify(m);
}

declare const PUSH_JSON: unique symbol;
/** The JSON text of a PushMessage, as published and forwarded unchanged to sockets. */
export type PushJson = string & { readonly [PUSH_JSON]: true };

/** Encodes a push with `type` first, so a gateway can tell its type without parsing (pushTypeOf). */
export function encodePush(p: PushMessage): PushJson {
  return JSON.stringify(Object.assign({ type: p.type }, p)) as PushJson;
}

const PUSH_TYPES: Record<PushMessage['type'], true> = { recs: true, coupon: true, order: true, intent: true, categories: true };
const SERVER_TYPES: Record<ServerMessage['type'], true> = { ...PUSH_TYPES, hello: true, ack: true, error: true };

/** The push's type read from its first bytes; undefined for a type this version does not know. */
export function pushTypeOf(json: PushJson): PushMessage['type'] | undefined {
  const m = /^\{"type":"([a-z]+)"/.exec(json);
  const t = m?.[1];
  return t !== undefined && Object.hasOwn(PUSH_TYPES, t) ? (t as PushMessage['type']) : undefined;
}

function decodeTyped<T extends { type: string }>(json: string, known: Record<string, true>): T | undefined {
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (typeof v !== 'object' || v === null) return undefined;
  const t = (v as { type?: unknown }).type;
  return typeof t === 'string' && Object.hasOwn(known, t) ? (v as T) : undefined;
}

/**
 * Parses a push; undefined when it is not JSON or its type is unknown to this
 * version (a newer shard may send more), so consumers skip it instead of failing.
 * Fields are trusted: pushes come from the engine's own shards.
 */
export function decodePush(json: string): PushMessage | undefined {
  return decodeTyped<PushMessage>(json, PUSH_TYPES);
}

/** Parses a server message as decodePush does: undefined for non-JSON or an unknown type. */
export function decodeServerMessage(json: string): ServerMessage | undefined {
  return decodeTyped<ServerMessage>(json, SERVER_TYPES);
}

export * from './search-contract.js';
