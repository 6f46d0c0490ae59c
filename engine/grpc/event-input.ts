/**
 * gRPC `Event` -> the engine's event validation. The proto's zero values mean "not
 * set" (proto3); fields only the engine writes are refused rather than ignored, so
 * a client never believes it set something the log does not hold.
 */
import { ENGINE_EVENT_KINDS, type EventKindName, type ShopEvent } from '../../protos/index.js';
import type { Event__Output } from '../../protos/gen/engine/shop/v1/Event.js';
import { USER_ID_PATTERN, type Tracking } from '../services/index.js';
import { fieldError } from './status-error.js';

/** Far above any real price; the catalog's own limit. */
const MAX_PRICE = 100_000_000;

export function checkUserId(userId: string, field = 'user_id'): string {
  if (!userId) throw fieldError(field, `"${field}" is required`);
  if (!USER_ID_PATTERN.test(userId)) throw fieldError(field, `"${field}" must match ${USER_ID_PATTERN.source}, got ${JSON.stringify(userId.slice(0, 64))}`);
  return userId;
}

/** Validates and stamps one event; throws an EngineError naming the field (snake_case). */
export function eventFromProto(m: Event__Output, tracking: Tracking): ShopEvent {
  const userId = checkUserId(m.userId);
  const kind: unknown = m.kind;
  if (typeof kind !== 'string') throw fieldError('kind', `unknown event kind ${String(kind)}`, 'E_UNKNOWN_KIND');
  if (kind === 'EVENT_KIND_UNSPECIFIED') throw fieldError('kind', '"kind" is required', 'E_BAD_EVENT');
  if (ENGINE_EVENT_KINDS.has(kind.toLowerCase() as EventKindName)) throw fieldError('kind', `${kind} events are written by the engine only`, 'E_BAD_EVENT');
  if (m.lines?.length) throw fieldError('lines', '"lines" is written by the engine only (use Checkout)', 'E_BAD_EVENT');
  if (m.checkoutId) throw fieldError('checkout_id', '"checkout_id" is written by the engine only', 'E_BAD_EVENT');
  if (m.stockLeft) throw fieldError('stock_left', '"stock_left" is written by the engine only', 'E_BAD_EVENT');
  if (m.reminder) throw fieldError('reminder', '"reminder" is written by the engine only', 'E_BAD_EVENT');
  if (m.dueAt) throw fieldError('due_at', '"due_at" is written by the engine only', 'E_BAD_EVENT');
  if (m.segment || m.previousSegment) throw fieldError(m.segment ? 'segment' : 'previous_segment', 'segments are written by the engine only (analytics)', 'E_BAD_EVENT');
  if (m.source && m.source !== 'grpc') throw fieldError('source', '"source" is stamped by the engine ("grpc"); leave it empty', 'E_BAD_EVENT');
  // `!== 0`, not truthiness: NaN is falsy and would slip through as "not set".
  const hasPrice = m.price !== 0;
  if (hasPrice && kind !== 'PURCHASE') throw fieldError('price', '"price" is only allowed on PURCHASE events', 'E_BAD_EVENT');
  if (hasPrice && (!Number.isFinite(m.price) || m.price < 0 || m.price > MAX_PRICE)) {
    throw fieldError('price', `"price" must be a number from 0 to ${MAX_PRICE}`, 'E_BAD_EVENT');
  }

  const input: Record<string, unknown> = { kind: kind.toLowerCase() };
  if (m.id) input['id'] = m.id;
  if (m.itemId) input['itemId'] = m.itemId;
  if (m.query) input['query'] = m.query;
  if (m.qty) input['qty'] = m.qty;
  if (m.dwellMs) input['dwellMs'] = m.dwellMs;
  if (m.orderId) input['orderId'] = m.orderId;
  if (m.ts) input['ts'] = m.ts;
  if (m.itemIds?.length) input['itemIds'] = m.itemIds;
  if (m.slot) input['slot'] = m.slot;
  // A wrapper: set (even to 0) or not.
  if (m.resultCount) input['resultCount'] = m.resultCount.value;
  if (m.category) input['category'] = m.category;
  if (m.position) input['position'] = m.position;
  const e = tracking.validateEvent(input, { userId, source: 'grpc' });
  if (hasPrice) e.price = Math.round(m.price * 100) / 100;
  return e;
}
