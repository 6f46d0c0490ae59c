/**
 * UpsertItems: products streamed in, each row checked and applied on its own as it
 * arrives (a retry of the whole stream is safe: applying a row twice changes
 * nothing the second time). A row for a known item changes only the fields it
 * sets. The one product checker (catalog/product.ts) decides what is valid.
 *
 * Rows go to `Catalog.upsert` (the main thread's catalog: GetItem, ListItems, the
 * HTTP API). Shards and the ANN index learn about them through `onItemsChanged`,
 * awaited before the summary is sent, so an answered UpsertItems is live.
 */
import type * as grpc from '@grpc/grpc-js';
import type { Item__Output } from '../../protos/gen/engine/shop/v1/Item.js';
import type { ItemChange } from '../../protos/gen/engine/shop/v1/ItemChange.js';
import type { RowError } from '../../protos/gen/engine/shop/v1/RowError.js';
import type { UpsertSummary } from '../../protos/gen/engine/shop/v1/UpsertSummary.js';
import { checkProduct, type Product } from '../catalog/index.js';
import { NotFoundError } from '../errors/index.js';
import type { EngineServices } from '../services/index.js';
import type { CallContext } from './call-guard.js';
import { fieldError, protoFieldName, toErrorDetail } from './status-error.js';

/** Most changes and errors listed in one summary (the counts stay exact). */
export const MAX_REPORTED_ROWS = 1000;
/** Rows handed to `onItemsChanged` at a time. */
export const CHANGE_BATCH = 500;

export interface ItemsChanged {
  /** The products as now stored, created or changed (unchanged rows are left out). */
  products: Product[];
  changes: Array<{ itemId: string; created: boolean; changedFields: string[] }>;
}

/** Called with every batch of applied rows; the summary waits for it. */
export type ItemsChangedHook = (changed: ItemsChanged) => Promise<void> | void;

const COMPARED: ReadonlyArray<keyof Product> = ['name', 'category', 'description', 'price', 'stock', 'brand', 'rating', 'tags'];

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

/** Fields a row may name in update_mask, as in the .proto, and their Product names. */
export const MASK_FIELDS: Readonly<Record<string, keyof Product>> = {
  name: 'name', category: 'category', description: 'description', price: 'price',
  stock: 'stock', brand: 'brand', rating: 'rating', tags: 'tags',
};

/** The raw row `checkProduct` sees: the whole row, or the stored product with the masked fields over it. */
function mergeRow(row: Item__Output, previous: Product | undefined): Record<string, unknown> {
  const whole: Record<string, unknown> = {
    itemId: row.itemId, name: row.name, category: row.category, description: row.description,
    price: row.price, stock: row.stock, brand: row.brand,
    // proto3 has no "unset" for scalars: rating 0 and no tags mean none.
    rating: row.rating === 0 ? undefined : row.rating,
    tags: row.tags.length > 0 ? row.tags : undefined,
  };
  const paths = row.updateMask?.paths ?? [];
  if (paths.length === 0) return whole;
  if (previous === undefined) {
    throw new NotFoundError('E_UNKNOWN_ITEM', `item "${row.itemId.slice(0, 64)}" is not in the catalog: a new item needs every field (leave update_mask empty)`);
  }
  const raw: Record<string, unknown> = { ...previous };
  for (const path of paths) {
    const f = MASK_FIELDS[path];
    if (f === undefined) throw fieldError('update_mask', `update_mask names "${path.slice(0, 40)}"; allowed: ${Object.keys(MASK_FIELDS).join(', ')}`);
    raw[f] = whole[f];
  }
  return raw;
}

export function upsertItems(services: EngineServices, onItemsChanged: ItemsChangedHook | undefined) {
  return (call: grpc.ServerReadableStream<Item__Output, UpsertSummary>, ctx: CallContext): Promise<UpsertSummary> =>
    new Promise<UpsertSummary>((resolve, reject) => {
      const summary = {
        received: 0, created: 0, updated: 0, unchanged: 0, rejected: 0,
        changes: [] as ItemChange[], errors: [] as RowError[], changesTruncated: false as boolean, errorsTruncated: false as boolean,
      } satisfies UpsertSummary;
      let batch: ItemsChanged = { products: [], changes: [] };
      let hookRunning: Promise<void> = Promise.resolve();
      let failed = false;

      const fail = (err: unknown) => {
        if (failed) return;
        failed = true;
        reject(err);
      };
      const ship = () => {
        if (batch.products.length === 0 || onItemsChanged === undefined) return;
        const b = batch;
        batch = { products: [], changes: [] };
        // One batch at a time, in order: a later change never overtakes an earlier one.
        hookRunning = hookRunning.then(() => onItemsChanged(b));
        hookRunning.catch(fail);
      };
      const apply = (row: Item__Output, index: number) => {
        const previous = row.itemId ? services.catalog.get(row.itemId) : undefined;
        const check = checkProduct(mergeRow(row, previous));
        if (!check.ok) throw fieldError(check.field ? protoFieldName(check.field) : 'item', check.message);
        const checked = check.product;
        const changed = previous === undefined ? [] : COMPARED.filter((f) => !sameValue(previous[f], checked[f])).map(protoFieldName);
        if (previous !== undefined && changed.length === 0) {
          summary.unchanged++;
          return;
        }
        // A new stock figure is the merchant's count now: sales until now are already in it.
        const soldAtStock = previous === undefined || previous.stock !== checked.stock ? services.unitsSold(checked.itemId) : (previous.soldAtStock ?? 0);
        const next: Product = Object.freeze({ ...checked, soldAtStock });
        services.catalog.upsert(next);
        if (previous === undefined) summary.created++;
        else summary.updated++;
        if (summary.changes.length < MAX_REPORTED_ROWS) summary.changes.push({ index, itemId: next.itemId, created: previous === undefined, changedFields: changed });
        else summary.changesTruncated = true;
        if (onItemsChanged) {
          batch.products.push(services.catalog.get(next.itemId) ?? next);
          batch.changes.push({ itemId: next.itemId, created: previous === undefined, changedFields: changed });
          if (batch.products.length >= CHANGE_BATCH) ship();
        }
      };

      call.on('data', (row: Item__Output) => {
        if (ctx.signal.aborted || failed) return;
        const index = summary.received++;
        try {
          apply(row, index);
        } catch (err) {
          summary.rejected++;
          if (summary.errors.length < MAX_REPORTED_ROWS) summary.errors.push({ index, itemId: row.itemId, error: toErrorDetail(err) });
          else summary.errorsTruncated = true;
        }
      });
      call.on('end', () => {
        if (ctx.signal.aborted || failed) return;
        ship();
        hookRunning.then(() => resolve(summary), fail);
      });
      call.on('error', fail);
      ctx.signal.onAbort(fail);
    });
}
