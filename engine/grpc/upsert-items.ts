/**
 * UpsertItems: products streamed in, each row applied on its own as it arrives by
 * the catalog admin service (services/catalog-admin.ts: the update mask, checks,
 * diffs, stock bookkeeping); this file reads the stream and writes the summary.
 *
 * Rows go to the main thread's catalog (GetItem, ListItems, the HTTP API). Shards and the ANN index learn about them through `onItemsChanged`,
 * awaited before the summary is sent, so an answered UpsertItems is live.
 */
import type * as grpc from '@grpc/grpc-js';
import type { Item__Output } from '../../protos/gen/engine/shop/v1/Item.js';
import type { ItemChange } from '../../protos/gen/engine/shop/v1/ItemChange.js';
import type { RowError } from '../../protos/gen/engine/shop/v1/RowError.js';
import type { UpsertSummary } from '../../protos/gen/engine/shop/v1/UpsertSummary.js';
import type { Product } from '../catalog/index.js';
import type { EngineServices, ProductRow } from '../services/index.js';
import type { CallContext } from './call-guard.js';
import { protoFieldName, toErrorDetail } from './status-error.js';

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

/** The row as the catalog admin takes it: proto3 has no "unset" for scalars, so rating 0 and no tags mean none. */
function rowFromProto(row: Item__Output): ProductRow {
  return {
    itemId: row.itemId, name: row.name, category: row.category, description: row.description,
    price: row.price, stock: row.stock, brand: row.brand,
    rating: row.rating === 0 ? undefined : row.rating,
    tags: row.tags.length > 0 ? row.tags : undefined,
    deliveryDays: row.deliveryDays?.value, lateDeliveryRate: row.lateDeliveryRate?.value, returnRate: row.returnRate?.value,
  };
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
        const r = services.catalogAdmin.upsert(rowFromProto(row), row.updateMask?.paths ?? []);
        if (r.outcome === 'unchanged') {
          summary.unchanged++;
          return;
        }
        const created = r.outcome === 'created';
        const itemId = r.product.itemId;
        const changedFields = r.changedFields.map(protoFieldName);
        if (created) summary.created++;
        else summary.updated++;
        if (summary.changes.length < MAX_REPORTED_ROWS) summary.changes.push({ index, itemId, created, changedFields });
        else summary.changesTruncated = true;
        if (onItemsChanged) {
          batch.products.push(r.product);
          batch.changes.push({ itemId, created, changedFields });
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
