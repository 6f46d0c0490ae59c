/**
 * The unary RPCs of shop.v1.Engine: each checks its request (naming the field on
 * error), calls a service, and maps the answer to the generated types.
 */
import type { Ack } from '../../protos/gen/engine/shop/v1/Ack.js';
import type { CheckoutRequest__Output } from '../../protos/gen/engine/shop/v1/CheckoutRequest.js';
import type { CheckoutResult } from '../../protos/gen/engine/shop/v1/CheckoutResult.js';
import type { Event__Output } from '../../protos/gen/engine/shop/v1/Event.js';
import type { GetItemRequest__Output } from '../../protos/gen/engine/shop/v1/GetItemRequest.js';
import type { Item } from '../../protos/gen/engine/shop/v1/Item.js';
import type { ListCategoriesResponse } from '../../protos/gen/engine/shop/v1/ListCategoriesResponse.js';
import type { ListItemsRequest__Output } from '../../protos/gen/engine/shop/v1/ListItemsRequest.js';
import type { ListItemsResponse } from '../../protos/gen/engine/shop/v1/ListItemsResponse.js';
import type { Profile } from '../../protos/gen/engine/shop/v1/Profile.js';
import type { ProfileRequest__Output } from '../../protos/gen/engine/shop/v1/ProfileRequest.js';
import type { RecommendRequest__Output } from '../../protos/gen/engine/shop/v1/RecommendRequest.js';
import type { Recommendations } from '../../protos/gen/engine/shop/v1/Recommendations.js';
import { CATEGORY_PATTERN, ITEM_ID_PATTERN, type SortOrder } from '../catalog/index.js';
import { BadRequestError, NotFoundError } from '../errors/index.js';
import { checkCouponField, checkIdempotencyKey, parseCheckoutLines, RECOMMEND_K, type EngineServices, type ProductView, type RecommendOptions } from '../services/index.js';
import type { CallContext } from './call-guard.js';
import { checkUserId, eventFromProto } from './event-input.js';
import { fieldError, protoFieldName } from './status-error.js';

export const MAX_EXCLUDE = 500;

const SORTS: Record<string, SortOrder> = {
  LIST_SORT_UNSPECIFIED: 'relevance',
  RELEVANCE: 'relevance',
  PRICE_ASC: 'price_asc',
  PRICE_DESC: 'price_desc',
  POPULARITY: 'popularity',
  NAME: 'name',
};

/** Throws the signal's reason (E_CANCELLED, E_TIMEOUT, or E_UNAVAILABLE while stopping) once the call is over: no new work for it. */
export function checkAlive(ctx: CallContext): void {
  if (ctx.signal.reason !== undefined) throw ctx.signal.reason;
}

export function itemToProto(p: ProductView): Item {
  const item: Item = {
    itemId: p.itemId, name: p.name, category: p.category, description: p.description,
    price: p.price, stock: p.stock, brand: p.brand, tags: p.tags ? [...p.tags] : [],
  };
  if (p.rating !== undefined) item.rating = p.rating;
  if (p.deliveryDays !== undefined) item.deliveryDays = { value: p.deliveryDays };
  if (p.lateDeliveryRate !== undefined) item.lateDeliveryRate = { value: p.lateDeliveryRate };
  if (p.returnRate !== undefined) item.returnRate = { value: p.returnRate };
  return item;
}

function checkItemId(itemId: string, field: string): void {
  if (!ITEM_ID_PATTERN.test(itemId)) throw fieldError(field, `"${field}" must match ${ITEM_ID_PATTERN.source}, got ${JSON.stringify(itemId.slice(0, 70))}`);
}

/** Catalog errors name JSON parameters (`q`); the API names proto fields (`query`). */
function renameCatalogField(err: unknown): never {
  if (err instanceof BadRequestError && err.field !== undefined) {
    const field = err.field === 'q' ? 'query' : protoFieldName(err.field);
    throw fieldError(field, err.message.replace(/^q /, 'query '));
  }
  throw err;
}

export function unaryHandlers(services: EngineServices) {
  const { asks, catalogViews, tracking } = services;
  return {
    async track(req: Event__Output, ctx: CallContext): Promise<Ack> {
      const e = eventFromProto(req, tracking);
      checkAlive(ctx);
      const r = await tracking.track(e);
      return { id: r.id, seq: r.seq, duplicate: r.duplicate };
    },

    async recommend(req: RecommendRequest__Output, ctx: CallContext): Promise<Recommendations> {
      const userId = checkUserId(req.userId);
      if (req.k > RECOMMEND_K.max) throw fieldError('k', `"k" must be from ${RECOMMEND_K.min} to ${RECOMMEND_K.max} (0 = ${RECOMMEND_K.default}), got ${req.k}`);
      if (req.itemId) checkItemId(req.itemId, 'item_id');
      if (req.category) {
        if (!CATEGORY_PATTERN.test(req.category)) throw fieldError('category', `"category" must be a slug like "running-shoes", got ${JSON.stringify(req.category.slice(0, 70))}`);
        if (!catalogViews.hasCategory(req.category)) throw new NotFoundError('E_NOT_FOUND', `no category "${req.category}" in the catalog`);
      }
      if (req.exclude.length > MAX_EXCLUDE) throw fieldError('exclude', `"exclude" may hold at most ${MAX_EXCLUDE} item ids, got ${req.exclude.length}`);
      req.exclude.forEach((id, i) => checkItemId(id, `exclude[${i}]`));
      checkAlive(ctx);
      // k 0 (proto3's unset) is the default. The shard ask gives up at the call's deadline instead of holding its slot.
      const opts: RecommendOptions = { k: req.k, timeoutMs: ctx.deadline - Date.now() };
      if (req.itemId) opts.itemId = req.itemId;
      if (req.category) opts.category = req.category;
      if (req.exclude.length) opts.exclude = req.exclude;
      const r = await asks.recommend(userId, opts);
      return { userId, items: r.items, ts: r.ts, causedBy: '' };
    },

    async checkout(req: CheckoutRequest__Output, ctx: CallContext): Promise<CheckoutResult> {
      const userId = checkUserId(req.userId);
      const lines = req.lines.length ? parseCheckoutLines(req.lines.map((l) => ({ itemId: l.itemId, qty: l.qty }))) : undefined;
      const key = checkIdempotencyKey(req.idempotencyKey, 'idempotency_key');
      const coupon = checkCouponField(req.coupon);
      checkAlive(ctx);
      const r = await services.inventory.checkout(userId, lines, { source: 'grpc', ...(key === undefined ? {} : { idempotencyKey: key }), ...(coupon ? { coupon } : {}) });
      return {
        orderId: r.orderId, lines: r.lines, total: r.total, seq: r.seq, subtotal: r.subtotal, discount: r.discount, delivery: r.delivery, coupon: r.coupon, couponAuto: r.couponAuto,
      };
    },

    async getProfile(req: ProfileRequest__Output, ctx: CallContext): Promise<Profile> {
      const userId = checkUserId(req.userId);
      checkAlive(ctx);
      const p = await asks.profile(userId, { timeoutMs: ctx.deadline - Date.now() });
      const { intent, ...rest } = p;
      return intent ? { ...rest, intent } : rest;
    },

    getItem(req: GetItemRequest__Output): Item {
      if (!req.itemId) throw fieldError('item_id', '"item_id" is required');
      checkItemId(req.itemId, 'item_id');
      return itemToProto(catalogViews.product(req.itemId));
    },

    listItems(req: ListItemsRequest__Output): ListItemsResponse {
      const sort: unknown = req.sort;
      const order = typeof sort === 'string' ? SORTS[sort] : undefined;
      if (order === undefined) throw fieldError('sort', `unknown sort ${String(sort)}`);
      let r;
      try {
        r = catalogViews.list({ category: req.category, q: req.query, sort: order, page: req.page || 1, limit: req.limit || undefined });
      } catch (err) {
        renameCatalogField(err);
      }
      return { items: r.items.map(itemToProto), total: r.total, page: r.page, limit: r.limit };
    },

    listCategories(): ListCategoriesResponse {
      return { categories: catalogViews.categories() };
    },
  };
}
