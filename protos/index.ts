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
export const EVENT_KINDS = [
  'view', 'cart_add', 'cart_remove', 'purchase', 'search', 'dwell', 'rec_click', 'reminder',
  'checkout', 'stock_reserve', 'stock_granted', 'stock_refused', 'stock_commit', 'stock_release', 'stock_set',
  'rec_impression', 'segment_change', 'definition', 'search_click',
  'coupon_reserve', 'coupon_granted', 'coupon_refused', 'coupon_commit', 'coupon_release',
  'ad_impression', 'ad_click', 'ad_charged', 'ad_charge_refused',
  'exposure',
] as const;
export type EventKindName = (typeof EVENT_KINDS)[number];
/** Kinds the engine writes itself (timers, the stock saga, analytics' segment moves); clients never send them. */
export const ENGINE_EVENT_KINDS: ReadonlySet<EventKindName> = new Set([
  'reminder', 'checkout', 'stock_reserve', 'stock_granted', 'stock_refused', 'stock_commit', 'stock_release', 'stock_set', 'segment_change', 'definition',
  'coupon_reserve', 'coupon_granted', 'coupon_refused', 'coupon_commit', 'coupon_release',
  'ad_impression', 'ad_charged', 'ad_charge_refused', 'exposure',
]);
/** Kinds a client may send. */
export const CLIENT_EVENT_KINDS: readonly EventKindName[] = EVENT_KINDS.filter((k) => !ENGINE_EVENT_KINDS.has(k));
/** Commands to an item actor: they travel on the item slot's subject and only the item's owner folds them. */
export const ITEM_COMMAND_KINDS: ReadonlySet<EventKindName> = new Set(['stock_reserve', 'stock_commit', 'stock_release', 'stock_set']);
/** Commands to a promotion rule's budget owner: they travel on the rule slot's subject (hash of "rule:" + defId). */
export const RULE_COMMAND_KINDS: ReadonlySet<EventKindName> = new Set(['coupon_reserve', 'coupon_commit', 'coupon_release']);
/** Events of a campaign's spend owner: they travel on the campaign slot's subject (hash of "campaign:" + campaignId). */
export const CAMPAIGN_COMMAND_KINDS: ReadonlySet<EventKindName> = new Set(['ad_impression', 'ad_click']);

const KIND_TO_WIRE: Record<EventKindName, shop.v1.EventKind> = {
  view: WireKind.VIEW,
  cart_add: WireKind.CART_ADD,
  cart_remove: WireKind.CART_REMOVE,
  purchase: WireKind.PURCHASE,
  search: WireKind.SEARCH,
  dwell: WireKind.DWELL,
  rec_click: WireKind.REC_CLICK,
  reminder: WireKind.REMINDER,
  checkout: WireKind.CHECKOUT,
  stock_reserve: WireKind.STOCK_RESERVE,
  stock_granted: WireKind.STOCK_GRANTED,
  stock_refused: WireKind.STOCK_REFUSED,
  stock_commit: WireKind.STOCK_COMMIT,
  stock_release: WireKind.STOCK_RELEASE,
  stock_set: WireKind.STOCK_SET,
  rec_impression: WireKind.REC_IMPRESSION,
  segment_change: WireKind.SEGMENT_CHANGE,
  definition: WireKind.DEFINITION,
  search_click: WireKind.SEARCH_CLICK,
  coupon_reserve: WireKind.COUPON_RESERVE,
  coupon_granted: WireKind.COUPON_GRANTED,
  coupon_refused: WireKind.COUPON_REFUSED,
  coupon_commit: WireKind.COUPON_COMMIT,
  coupon_release: WireKind.COUPON_RELEASE,
  ad_impression: WireKind.AD_IMPRESSION,
  ad_click: WireKind.AD_CLICK,
  ad_charged: WireKind.AD_CHARGED,
  ad_charge_refused: WireKind.AD_CHARGE_REFUSED,
  exposure: WireKind.EXPOSURE,
};
const WIRE_TO_KIND = new Map<number, EventKindName>(
  Object.entries(KIND_TO_WIRE).map(([name, wire]) => [wire, name as EventKindName]),
);

export interface EventLine {
  itemId: string;
  qty: number;
  price: number;
}

/** One shopper event, validated and stamped by the gateway (or written by the engine). */
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
  /** checkout: what to buy, one line per item. */
  lines?: EventLine[];
  /** checkout and its stock saga; purchase lines it placed. */
  checkoutId?: string;
  /** stock_granted / stock_refused: units available after / at the decision. */
  stockLeft?: number;
  /** rec_impression: the items shown, in order. */
  itemIds?: string[];
  /** rec_impression / rec_click: where on the page ("home", "product", "cart", ...). */
  slot?: string;
  /** segment_change: the customer's new RFM segment and the one before ('' = none). */
  segment?: string;
  previousSegment?: string;
  /** definition: what it defines, which one, its version (1, 2, ...) and the definition as JSON. */
  defKind?: string;
  defId?: string;
  defVersion?: number;
  payload?: string;
  /** search: how many results it found (absent: not reported). */
  resultCount?: number;
  /** search / search_click: the category filter the search ran in. */
  category?: string;
  /** search_click: 1-based position of the clicked result. */
  position?: number;
  /** coupon_*: the code; checkout: the code to apply ('*' = the best eligible). */
  coupon?: string;
  /** coupon_commit: the discount the order got. */
  discount?: number;
  /** coupon_reserve: the trigger key; coupon_refused: which limit refused it. */
  reason?: string;
  /** ad_*: the impression and its campaign; ad_impression: the CTR model version and its prediction. */
  impressionId?: string;
  campaignId?: string;
  modelVersion?: string;
  adCtr?: number;
  /** ad_impression: the shopper's affinity to the item's category the CTR model saw (its query terms travel in `query`, the category in `category`). */
  adAffinity?: number;
  /** exposure: the experiment, its phase and the variant whose decision was served. */
  experimentId?: string;
  experimentPhase?: number;
  variant?: string;
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
    lines: e.lines ?? [],
    checkoutId: e.checkoutId ?? '',
    stockLeft: e.stockLeft ?? 0,
    itemIds: e.itemIds ?? [],
    slot: e.slot ?? '',
    segment: e.segment ?? '',
    previousSegment: e.previousSegment ?? '',
    defKind: e.defKind ?? '',
    defId: e.defId ?? '',
    defVersion: e.defVersion ?? 0,
    payload: e.payload ?? '',
    // A wrapper: 0 results is a fact worth keeping, distinct from "not reported".
    ...(e.resultCount !== undefined && { resultCount: { value: e.resultCount } }),
    category: e.category ?? '',
    position: e.position ?? 0,
    coupon: e.coupon ?? '',
    discount: e.discount ?? 0,
    reason: e.reason ?? '',
    impressionId: e.impressionId ?? '',
    campaignId: e.campaignId ?? '',
    modelVersion: e.modelVersion ?? '',
    adCtr: e.adCtr ?? 0,
    adAffinity: e.adAffinity ?? 0,
    experimentId: e.experimentId ?? '',
    experimentPhase: e.experimentPhase ?? 0,
    variant: e.variant ?? '',
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
  if (m.lines && m.lines.length) e.lines = m.lines.map((l) => ({ itemId: l.itemId ?? '', qty: l.qty ?? 0, price: l.price ?? 0 }));
  if (m.checkoutId) e.checkoutId = m.checkoutId;
  if (m.stockLeft) e.stockLeft = m.stockLeft;
  if (m.itemIds && m.itemIds.length) e.itemIds = m.itemIds;
  if (m.slot) e.slot = m.slot;
  if (m.segment) e.segment = m.segment;
  if (m.previousSegment) e.previousSegment = m.previousSegment;
  if (m.defKind) e.defKind = m.defKind;
  if (m.defId) e.defId = m.defId;
  if (m.defVersion) e.defVersion = m.defVersion;
  if (m.payload) e.payload = m.payload;
  if (m.resultCount) e.resultCount = m.resultCount.value ?? 0;
  if (m.category) e.category = m.category;
  if (m.position) e.position = m.position;
  if (m.coupon) e.coupon = m.coupon;
  if (m.discount) e.discount = m.discount;
  if (m.reason) e.reason = m.reason;
  if (m.impressionId) e.impressionId = m.impressionId;
  if (m.campaignId) e.campaignId = m.campaignId;
  if (m.modelVersion) e.modelVersion = m.modelVersion;
  if (m.adCtr) e.adCtr = m.adCtr;
  if (m.adAffinity) e.adAffinity = m.adAffinity;
  if (m.experimentId) e.experimentId = m.experimentId;
  if (m.experimentPhase) e.experimentPhase = m.experimentPhase;
  if (m.variant) e.variant = m.variant;
  return e;
}
export { peekEventKind } from './peek-kind.js';
