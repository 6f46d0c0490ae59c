/**
 * Catalog admin: the rules for changing products one row at a time (gRPC
 * UpsertItems today). A row for a known item may change only the fields its
 * update mask names; the one product checker (catalog/product.ts) decides what is
 * valid; a row that changes nothing is reported unchanged, so applying a row twice
 * changes nothing the second time.
 */
import { checkProduct, type Catalog, type Product } from '../catalog/index.js';
import { BadRequestError, NotFoundError } from '../errors/index.js';
import type { Inventory } from './inventory.js';

/** Fields an update mask may name (as in the .proto), and their Product names. */
export const MASK_FIELDS: Readonly<Record<string, keyof Product>> = {
  name: 'name', category: 'category', description: 'description', price: 'price',
  stock: 'stock', brand: 'brand', rating: 'rating', tags: 'tags',
  delivery_days: 'deliveryDays', late_delivery_rate: 'lateDeliveryRate', return_rate: 'returnRate',
};

/** Fields compared to tell an update from an unchanged row. */
const COMPARED: ReadonlyArray<keyof Product> = ['name', 'category', 'description', 'price', 'stock', 'brand', 'rating', 'tags', 'deliveryDays', 'lateDeliveryRate', 'returnRate'];

/** A row as a client sent it: Product fields by name, `undefined` for unset ones. */
export type ProductRow = { itemId: string } & Partial<Record<keyof Product, unknown>>;

export type UpsertOutcome =
  | { outcome: 'unchanged' }
  | {
    outcome: 'created' | 'updated';
    /** The product as now stored. */
    product: Product;
    /** Product fields that changed (none when created). */
    changedFields: Array<keyof Product>;
  };

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

export interface CatalogAdminDeps {
  catalog: Catalog;
  inventory: Inventory;
}

export class CatalogAdmin {
  readonly #catalog: Catalog;
  readonly #inventory: Inventory;

  constructor(deps: CatalogAdminDeps) {
    this.#catalog = deps.catalog;
    this.#inventory = deps.inventory;
  }

  /**
   * Checks and applies one row; `mask` empty means the row is the whole product.
   * Throws a BadRequestError naming the field (E_UNKNOWN_ITEM for a masked row of a new item).
   */
  upsert(row: ProductRow, mask: readonly string[]): UpsertOutcome {
    const previous = row.itemId ? this.#catalog.get(row.itemId) : undefined;
    const check = checkProduct(mergeRow(row, mask, previous));
    if (!check.ok) throw new BadRequestError(check.message, check.field || 'item');
    const checked = check.product;
    const changedFields = previous === undefined ? [] : COMPARED.filter((f) => !sameValue(previous[f], checked[f]));
    if (previous !== undefined && changedFields.length === 0) return { outcome: 'unchanged' };
    // A new stock figure is the merchant's count now: sales until now are already in it.
    const soldAtStock = previous === undefined || previous.stock !== checked.stock ? this.#inventory.unitsSold(checked.itemId) : (previous.soldAtStock ?? 0);
    const next: Product = Object.freeze({ ...checked, soldAtStock });
    this.#catalog.upsert(next);
    return { outcome: previous === undefined ? 'created' : 'updated', product: this.#catalog.get(next.itemId) ?? next, changedFields };
  }
}

/** The raw row `checkProduct` sees: the whole row, or the stored product with the masked fields over it. */
function mergeRow(row: ProductRow, mask: readonly string[], previous: Product | undefined): Record<string, unknown> {
  if (mask.length === 0) return row;
  if (previous === undefined) {
    throw new NotFoundError('E_UNKNOWN_ITEM', `item "${row.itemId.slice(0, 64)}" is not in the catalog: a new item needs every field (leave update_mask empty)`);
  }
  const raw: Record<string, unknown> = { ...previous };
  for (const path of mask) {
    const f = Object.hasOwn(MASK_FIELDS, path) ? MASK_FIELDS[path] : undefined;
    if (f === undefined) throw new BadRequestError(`update_mask names "${path.slice(0, 40)}"; allowed: ${Object.keys(MASK_FIELDS).join(', ')}`, 'updateMask');
    raw[f] = row[f];
  }
  return raw;
}
