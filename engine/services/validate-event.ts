/**
 * Validation of events from clients (WebSocket, HTTP, gRPC): every field checked,
 * unknown items rejected, then stamped with the user, the server time and an id.
 */
import { randomUUID } from 'node:crypto';
import { CLIENT_EVENT_KINDS, type EventKindName, type ShopEvent } from '../../protos/index.js';
import { BadRequestError, NotFoundError } from '../errors/index.js';

export const EVENT_ID_PATTERN = /^[A-Za-z0-9_.:-]{1,64}$/;
export const MAX_QUERY_LENGTH = 256;
export const MAX_QTY = 999;
export const MAX_DWELL_MS = 24 * 3600_000;
/** Items one impression may name (a strip or grid as shown). */
export const MAX_IMPRESSION_ITEMS = 50;
export const CAMPAIGN_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const SLOT_PATTERN = /^[a-z0-9_-]{1,32}$/;

const NEEDS_ITEM = new Set<EventKindName>(['view', 'cart_add', 'cart_remove', 'purchase', 'dwell', 'rec_click', 'search_click']);
const CATEGORY_SLUG = /^[a-z0-9-]{1,64}$/;
/** Results a search may report (far above any catalog). */
export const MAX_RESULT_COUNT = 1_000_000_000;
export const MAX_RESULT_POSITION = 100_000;

function optionalInt(o: Record<string, unknown>, field: string, min: number, max: number): number | undefined {
  const v = o[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw new BadRequestError(`"${field}" must be an integer from ${min} to ${max}`, field, 'E_BAD_EVENT');
  }
  return v;
}

/** 1..50 known, distinct item ids (an unknown one is refused, as for every event). */
function impressionItems(v: unknown, itemExists: (id: string) => boolean): string[] {
  if (!Array.isArray(v) || v.length === 0 || v.length > MAX_IMPRESSION_ITEMS) {
    throw new BadRequestError(`"itemIds" must be an array of 1 to ${MAX_IMPRESSION_ITEMS} item ids for rec_impression events`, 'itemIds', 'E_BAD_EVENT');
  }
  const seen = new Set<string>();
  for (const id of v) {
    if (typeof id !== 'string' || id.length === 0 || id.length > 64) throw new BadRequestError('"itemIds" must hold item ids (strings of 1-64 characters)', 'itemIds', 'E_BAD_EVENT');
    if (seen.has(id)) throw new BadRequestError(`"itemIds" names "${id}" twice`, 'itemIds', 'E_BAD_EVENT');
    if (!itemExists(id)) throw new NotFoundError('E_UNKNOWN_ITEM', `item "${id}" is not in the catalog`);
    seen.add(id);
  }
  return [...seen];
}

export interface EventStamp {
  userId: string;
  source: 'ws' | 'http' | 'grpc';
  now?: number;
}

/** Turns untrusted input into a ShopEvent or throws a typed error naming the field. */
export function validateClientEvent(input: unknown, stamp: EventStamp, itemExists: (id: string) => boolean): ShopEvent {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new BadRequestError('an event must be a JSON object', undefined, 'E_BAD_EVENT');
  }
  const o = input as Record<string, unknown>;
  let id: string;
  if (o['id'] === undefined || o['id'] === null || o['id'] === '') id = randomUUID();
  else if (typeof o['id'] === 'string' && EVENT_ID_PATTERN.test(o['id'])) id = o['id'];
  else throw new BadRequestError('"id" must be 1-64 characters of A-Z a-z 0-9 _ . : -', 'id', 'E_BAD_EVENT');

  const kind = o['kind'];
  if (typeof kind !== 'string') throw new BadRequestError('"kind" is required: one of ' + CLIENT_EVENT_KINDS.join(', '), 'kind', 'E_BAD_EVENT');
  if (!(CLIENT_EVENT_KINDS as readonly string[]).includes(kind)) {
    throw new BadRequestError(`unknown event kind "${kind.slice(0, 40)}": expected one of ${CLIENT_EVENT_KINDS.join(', ')}`, 'kind', 'E_UNKNOWN_KIND');
  }
  const e: ShopEvent = { id, userId: stamp.userId, kind: kind as EventKindName, ts: stamp.now ?? Date.now(), source: stamp.source };

  if (NEEDS_ITEM.has(e.kind)) {
    const itemId = o['itemId'];
    if (typeof itemId !== 'string' || itemId.length === 0 || itemId.length > 64) {
      throw new BadRequestError(`"itemId" (a string) is required for ${kind} events`, 'itemId', 'E_BAD_EVENT');
    }
    if (!itemExists(itemId)) throw new NotFoundError('E_UNKNOWN_ITEM', `item "${itemId}" is not in the catalog`);
    e.itemId = itemId;
  } else if (o['itemId'] !== undefined) {
    throw new BadRequestError(`"itemId" is not allowed on ${kind} events`, 'itemId', 'E_BAD_EVENT');
  }
  const qty = optionalInt(o, 'qty', e.kind === 'cart_remove' ? 0 : 1, MAX_QTY);
  if (qty !== undefined) e.qty = qty;
  if (e.kind === 'search' || e.kind === 'search_click') {
    const q = o['query'];
    if (typeof q !== 'string' || q.trim().length === 0 || q.length > MAX_QUERY_LENGTH) {
      throw new BadRequestError(`"query" must be a non-empty string of at most ${MAX_QUERY_LENGTH} characters`, 'query', 'E_BAD_EVENT');
    }
    e.query = q.trim();
    const category = o['category'];
    if (category !== undefined && category !== null && category !== '') {
      if (typeof category !== 'string' || !CATEGORY_SLUG.test(category)) throw new BadRequestError('"category" must be a slug of a-z, 0-9 and "-"', 'category', 'E_BAD_EVENT');
      e.category = category;
    }
  } else if (o['category'] !== undefined) {
    throw new BadRequestError('"category" is only for search and search_click events', 'category', 'E_BAD_EVENT');
  }
  const resultCount = optionalInt(o, 'resultCount', 0, MAX_RESULT_COUNT);
  if (resultCount !== undefined) {
    if (e.kind !== 'search') throw new BadRequestError('"resultCount" is only for search events', 'resultCount', 'E_BAD_EVENT');
    e.resultCount = resultCount;
  }
  const position = optionalInt(o, 'position', 1, MAX_RESULT_POSITION);
  if (e.kind === 'search_click') {
    if (position === undefined) throw new BadRequestError('"position" (1-based) is required for search_click events', 'position', 'E_BAD_EVENT');
    e.position = position;
  } else if (position !== undefined) {
    throw new BadRequestError('"position" is only for search_click events', 'position', 'E_BAD_EVENT');
  }
  if (e.kind === 'dwell') {
    const d = optionalInt(o, 'dwellMs', 0, MAX_DWELL_MS);
    if (d === undefined) throw new BadRequestError('"dwellMs" is required for dwell events', 'dwellMs', 'E_BAD_EVENT');
    e.dwellMs = d;
  }
  if (e.kind === 'rec_impression') e.itemIds = impressionItems(o['itemIds'], itemExists);
  else if (o['itemIds'] !== undefined) throw new BadRequestError(`"itemIds" is only for rec_impression events`, 'itemIds', 'E_BAD_EVENT');
  if (o['slot'] !== undefined) {
    if (e.kind !== 'rec_impression' && e.kind !== 'rec_click') throw new BadRequestError(`"slot" is only for rec_impression and rec_click events`, 'slot', 'E_BAD_EVENT');
    if (typeof o['slot'] !== 'string' || !SLOT_PATTERN.test(o['slot'])) throw new BadRequestError('"slot" must be 1-32 of a-z 0-9 _ -', 'slot', 'E_BAD_EVENT');
    e.slot = o['slot'];
  }
  if (o['ts'] !== undefined && (typeof o['ts'] !== 'number' || !Number.isFinite(o['ts']))) {
    throw new BadRequestError('"ts" must be a number (ms since the epoch); the server stamps its own time', 'ts', 'E_BAD_EVENT');
  }
  if (e.kind === 'purchase' && o['orderId'] !== undefined) {
    if (typeof o['orderId'] !== 'string' || !EVENT_ID_PATTERN.test(o['orderId'])) throw new BadRequestError('"orderId" must be 1-64 characters of A-Z a-z 0-9 _ . : -', 'orderId', 'E_BAD_EVENT');
    e.orderId = o['orderId'];
  }
  if (e.kind === 'ad_click') {
    // The click names its impression; the campaign's owner knows the rest (item, price) from the log.
    const imp = o['impressionId'];
    if (typeof imp !== 'string' || !EVENT_ID_PATTERN.test(imp)) throw new BadRequestError('"impressionId" (the impression clicked) is required for ad_click events: 1-64 characters of A-Z a-z 0-9 _ . : -', 'impressionId', 'E_BAD_EVENT');
    const c = o['campaignId'];
    if (typeof c !== 'string' || !CAMPAIGN_ID_PATTERN.test(c)) throw new BadRequestError('"campaignId" is required for ad_click events: 1-64 characters of A-Z a-z 0-9 _ -', 'campaignId', 'E_BAD_EVENT');
    e.impressionId = imp;
    e.campaignId = c;
  } else if (o['impressionId'] !== undefined || o['campaignId'] !== undefined) {
    throw new BadRequestError('"impressionId" and "campaignId" are only for ad_click events', o['impressionId'] !== undefined ? 'impressionId' : 'campaignId', 'E_BAD_EVENT');
  }
  return e;
}
