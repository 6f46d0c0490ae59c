/**
 * History import (operators, `npm run import:orders`): products into the catalog,
 * then past order lines onto the log as `purchase` events with their own times and
 * ids derived from invoice and line, so the actors and the analytics fold them like
 * any purchase. History does not go through the stock saga (those units left long
 * ago); a re-run adds nothing: within the log's duplicate window JetStream drops the
 * repeated ids, after it the lines the analytics already hold are skipped here.
 */
import { createHash } from 'node:crypto';
import type { ShopEvent } from '../../protos/index.js';
import { BadRequestError } from '../errors/index.js';
import type { CatalogAdmin, ProductRow } from './catalog-admin.js';
import type { Tracking } from './tracking.js';
import type { Catalog, Product } from '../catalog/index.js';

export const MAX_IMPORT_LINES = 5000;
export const MAX_IMPORT_PRODUCTS = 5000;
/** Appends awaiting their ack at once, per request. */
const IMPORT_WINDOW = 256;
const EARLIEST_TS = Date.UTC(1990, 0, 1);

export interface ImportLine {
  customerId: string;
  orderId: string;
  /** Epoch ms. */
  ts: number;
  itemId: string;
  qty: number;
  price: number;
  /** Line number in the source (makes the event id). */
  line: number;
}

export interface OrderImportDeps {
  catalog: Catalog;
  catalogAdmin: CatalogAdmin;
  tracking: Tracking;
  /** Event ids of lines the analytics already folded for this user and order. */
  knownLine(userId: string, orderId: string, eventId: string): boolean;
  /** Tells shards and the index about changed products (as UpsertItems does). */
  itemsChanged(products: Product[], changes: Array<{ itemId: string; created: boolean; changedFields: string[] }>): Promise<void>;
}

/** A shop's customer id as an engine user id (`u-` + 8-40 of [a-z0-9]): readable when it can be. */
export function importedUserId(customerId: string): string {
  const plain = customerId.toLowerCase().replace(/\.0+$/, '');
  if (/^[a-z0-9]{1,36}$/.test(plain)) return `u-imp${plain.padStart(5, '0')}`;
  return `u-imp${createHash('sha256').update(customerId).digest('hex').slice(0, 24)}`;
}

const str = (o: Record<string, unknown>, k: string, i: number, max: number): string => {
  const v = o[k];
  if (typeof v !== 'string' || v.length === 0 || v.length > max) throw new BadRequestError(`lines[${i}].${k} must be a string of 1-${max} characters`, `lines[${i}].${k}`);
  return v;
};
const num = (o: Record<string, unknown>, k: string, i: number, ok: (n: number) => boolean, what: string): number => {
  const v = o[k];
  if (typeof v !== 'number' || !Number.isFinite(v) || !ok(v)) throw new BadRequestError(`lines[${i}].${k} must be ${what}`, `lines[${i}].${k}`);
  return v;
};

export function parseImportLines(body: unknown): ImportLine[] {
  const lines = (body as { lines?: unknown } | undefined)?.lines;
  if (!Array.isArray(lines) || lines.length === 0) throw new BadRequestError('"lines" must be a non-empty array', 'lines');
  if (lines.length > MAX_IMPORT_LINES) throw new BadRequestError(`at most ${MAX_IMPORT_LINES} lines per request`, 'lines');
  return lines.map((raw, i) => {
    if (typeof raw !== 'object' || raw === null) throw new BadRequestError(`lines[${i}] must be an object`, `lines[${i}]`);
    const o = raw as Record<string, unknown>;
    return {
      customerId: str(o, 'customerId', i, 64), orderId: str(o, 'orderId', i, 40), itemId: str(o, 'itemId', i, 64),
      ts: num(o, 'ts', i, (n) => Number.isInteger(n) && n >= EARLIEST_TS && n <= Date.now() + 86_400_000, 'a time in ms since the epoch, after 1990'),
      qty: num(o, 'qty', i, (n) => Number.isInteger(n) && n >= 1 && n <= 1_000_000, 'an integer from 1 to 1,000,000'),
      price: num(o, 'price', i, (n) => n >= 0 && n <= 100_000_000, 'a number from 0 to 100,000,000'),
      line: num(o, 'line', i, (n) => Number.isInteger(n) && n >= 0, 'an integer >= 0'),
    };
  });
}

export class OrderImport {
  readonly #d: OrderImportDeps;

  constructor(deps: OrderImportDeps) {
    this.#d = deps;
  }

  /** Creates or updates products (whole rows, as UpsertItems takes them). */
  async products(rows: unknown): Promise<{ created: number; updated: number; unchanged: number }> {
    if (!Array.isArray(rows) || rows.length === 0) throw new BadRequestError('"items" must be a non-empty array', 'items');
    if (rows.length > MAX_IMPORT_PRODUCTS) throw new BadRequestError(`at most ${MAX_IMPORT_PRODUCTS} items per request`, 'items');
    const out = { created: 0, updated: 0, unchanged: 0 };
    const products: Product[] = [];
    const changes: Array<{ itemId: string; created: boolean; changedFields: string[] }> = [];
    rows.forEach((row, i) => {
      if (typeof row !== 'object' || row === null || typeof (row as { itemId?: unknown }).itemId !== 'string') throw new BadRequestError(`items[${i}].itemId is required`, `items[${i}].itemId`);
      const r = this.#d.catalogAdmin.upsert(row as ProductRow, []);
      out[r.outcome]++;
      if (r.outcome !== 'unchanged') {
        products.push(r.product);
        changes.push({ itemId: r.product.itemId, created: r.outcome === 'created', changedFields: r.changedFields });
      }
    });
    if (products.length > 0) await this.#d.itemsChanged(products, changes);
    return out;
  }

  /** Appends the lines as purchase events; resolves once the log acked every one. */
  async orders(lines: ImportLine[]): Promise<{ appended: number; duplicates: number; skipped: number }> {
    for (const [i, l] of lines.entries()) {
      if (!this.#d.catalog.has(l.itemId)) throw new BadRequestError(`lines[${i}].itemId "${l.itemId.slice(0, 64)}" is not in the catalog: import the products first`, `lines[${i}].itemId`);
    }
    const out = { appended: 0, duplicates: 0, skipped: 0 };
    const inFlight = new Set<Promise<void>>();
    for (const l of lines) {
      const userId = importedUserId(l.customerId);
      const id = `imp.${l.orderId}.${l.line}`.slice(0, 64);
      if (this.#d.knownLine(userId, l.orderId, id)) {
        out.skipped++;
        continue;
      }
      const e: ShopEvent = { id, userId, kind: 'purchase', ts: l.ts, itemId: l.itemId, qty: l.qty, price: l.price, orderId: l.orderId, source: 'import' };
      const p = this.#d.tracking.track(e).then((r) => {
        if (r.duplicate) out.duplicates++;
        else out.appended++;
      });
      inFlight.add(p);
      void p.finally(() => inFlight.delete(p)).catch(() => undefined);
      if (inFlight.size >= IMPORT_WINDOW) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    return out;
  }
}
