/**
 * The unary RPCs of shop.v1.Engine: each checks its request (naming the field on
 * error), asks EngineServices, and maps the answer to the generated types.
 */
import type { Ack } from '../../protos/gen/engine/shop/v1/Ack.js';
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
import { CATEGORY_PATTERN, ITEM_ID_PATTERN, type Product, type SortOrder } from '../catalog/index.js';
import { BadRequestError, NotFoundError } from '../errors/index.js';
import type { EngineServices } from '../services/index.js';
import type { CallContext } from './call-guard.js';
import { checkUserId, eventFromProto } from './event-input.js';
import { fieldError, protoFieldName } from './status-error.js';

export const DEFAULT_K = 8;
export const MAX_K = 100;
export const MAX_EXCLUDE = 500;

const SORTS: Record<string, SortOrder> = {
  LIST_SORT_UNSPECIFIED: 'relevance',
  RELEVANCE: 'relevance',
  PRICE_ASC: 'price_asc',
  PRICE_DESC: 'price_desc',
  POPULARITY: 'popularity',
  NAME: 'name',
};

/** Throws E_TIMEOUT when the call was cancelled or its deadline passed: no new work for it. */
export function checkAlive(ctx: CallContext): void {
  if (ctx.signal.reason !== undefined) throw ctx.signal.reason;
}

export function itemToProto(p: Product, stock: number): Item {
  const item: Item = {
    itemId: p.itemId, name: p.name, category: p.category, description: p.description,
    price: p.price, stock, brand: p.brand, tags: p.tags ? [...p.tags] : [],
  };
  if (p.rating !== undefined) item.rating = p.rating;
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
  return {
    async track(req: Event__Output, ctx: CallContext): Promise<Ack> {
      const e = eventFromProto(req, services);
      checkAlive(ctx);
      const r = await services.track(e);
      return { id: r.id, seq: r.seq, duplicate: r.duplicate };
    },

    async recommend(req: RecommendRequest__Output, ctx: CallContext): Promise<Recommendations> {
      const userId = checkUserId(req.userId);
      if (req.k > MAX_K) throw fieldError('k', `"k" must be from 1 to ${MAX_K} (0 = ${DEFAULT_K}), got ${req.k}`);
      if (req.itemId) checkItemId(req.itemId, 'item_id');
      if (req.category) {
        if (!CATEGORY_PATTERN.test(req.category)) throw fieldError('category', `"category" must be a slug like "running-shoes", got ${JSON.stringify(req.category.slice(0, 70))}`);
        if (!services.catalog.categories().some((c) => c.category === req.category)) throw new NotFoundError('E_NOT_FOUND', `no category "${req.category}" in the catalog`);
      }
      if (req.exclude.length > MAX_EXCLUDE) throw fieldError('exclude', `"exclude" may hold at most ${MAX_EXCLUDE} item ids, got ${req.exclude.length}`);
      req.exclude.forEach((id, i) => checkItemId(id, `exclude[${i}]`));
      checkAlive(ctx);
      // The shard ask gives up at the call's deadline instead of holding its slot.
      const opts: Parameters<EngineServices['recommend']>[1] = { k: req.k || DEFAULT_K, timeoutMs: ctx.deadline - Date.now() };
      if (req.itemId) opts.itemId = req.itemId;
      if (req.category) opts.category = req.category;
      if (req.exclude.length) opts.exclude = req.exclude;
      const r = await services.recommend(userId, opts);
      return { userId, items: r.items, ts: r.ts, causedBy: '' };
    },

    async getProfile(req: ProfileRequest__Output, ctx: CallContext): Promise<Profile> {
      const userId = checkUserId(req.userId);
      checkAlive(ctx);
      const p = await services.profile(userId, { timeoutMs: ctx.deadline - Date.now() });
      return { ...p };
    },

    getItem(req: GetItemRequest__Output): Item {
      if (!req.itemId) throw fieldError('item_id', '"item_id" is required');
      checkItemId(req.itemId, 'item_id');
      const p = services.product(req.itemId);
      return itemToProto(p, p.stock);
    },

    listItems(req: ListItemsRequest__Output): ListItemsResponse {
      const sort: unknown = req.sort;
      const order = typeof sort === 'string' ? SORTS[sort] : undefined;
      if (order === undefined) throw fieldError('sort', `unknown sort ${String(sort)}`);
      let r;
      try {
        r = services.catalog.list({
          category: req.category, q: req.query, sort: order, page: req.page || 1, limit: req.limit || undefined,
          popularity: (id) => services.popularity(id),
        });
      } catch (err) {
        renameCatalogField(err);
      }
      return { items: r.items.map((p) => itemToProto(p, services.stockOf(p.itemId))), total: r.total, page: r.page, limit: r.limit };
    },

    listCategories(): ListCategoriesResponse {
      return { categories: services.catalog.categories() };
    },
  };
}
