/**
 * The product record and its validation. One checker serves every way a product
 * enters the engine (catalog files, `Catalog.upsert`, gRPC `UpsertItems`), so a row
 * accepted in one place is accepted everywhere.
 */
import type { ProductView } from '../../protos/contract.js';

/** The catalog's record: the client's view (protos/contract.ts) plus what only the engine keeps. */
export interface Product extends ProductView {
  /** Integer >= 0: units on hand when it was last set (see soldAtStock). */
  stock: number;
  /**
   * Units sold (all time, from the log) when `stock` was last set. Live stock is
   * stock - (sold now - soldAtStock), so a merchant's new count is not reduced by
   * sales it already accounts for. Absent (0) for the imported catalog.
   */
  soldAtStock?: number;
}

export const ITEM_ID_PATTERN = /^[A-Za-z0-9_.:-]{1,64}$/;
export const CATEGORY_PATTERN = /^[a-z0-9-]{1,64}$/;
export const MAX_NAME_LENGTH = 300;
export const MAX_BRAND_LENGTH = 100;
export const MAX_DESCRIPTION_LENGTH = 10_000;
export const MAX_TAGS = 32;
export const MAX_TAG_LENGTH = 64;
/** Far above any real shop price; keeps cents exact in a double. */
export const MAX_PRICE = 100_000_000;

/** The fields a product must have, in the order CSV exports write them. */
export const PRODUCT_FIELDS = ['itemId', 'name', 'category', 'description', 'price', 'stock', 'brand'] as const;
export const OPTIONAL_PRODUCT_FIELDS = ['rating', 'tags', 'deliveryDays', 'lateDeliveryRate', 'returnRate'] as const;
/** Longest delivery a product may state. */
export const MAX_DELIVERY_DAYS = 365;

export type ProductCheck = { ok: true; product: Product } | { ok: false; field: string; message: string };

const PRICE_TEXT = /^\d{1,12}(\.\d{1,2})?$/;
const INT_TEXT = /^\d{1,15}$/;
const DECIMAL_TEXT = /^\d{1,3}(\.\d{1,6})?$/;
/** CSV has no arrays: tags are written `a|b|c` (`;` and `,` also split). */
const TAG_SEPARATORS = /[|;,]/;

class FieldProblem {
  constructor(readonly field: string, readonly message: string) {}
}

function fail(field: string, problem: string): never {
  throw new FieldProblem(field, `field "${field}" ${problem}`);
}

function show(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/**
 * Bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069):
 * in product text they make a page show something else than the bytes say
 * ("Trojan Source"). Stripped, not refused: real catalogs paste them by accident.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

export function stripBidiControls(s: string): string {
  return s.replace(BIDI_CONTROLS, '');
}

function text(raw: Record<string, unknown>, field: string, max: number, allowEmpty: boolean): string {
  const value = raw[field];
  if (value === undefined || value === null) fail(field, 'is missing');
  if (typeof value !== 'string') fail(field, `must be a string, got ${typeof value}`);
  const trimmed = stripBidiControls(value).trim();
  if (!allowEmpty && trimmed.length === 0) fail(field, 'must not be empty');
  if (trimmed.length > max) fail(field, `must be at most ${max} characters, got ${trimmed.length}`);
  return trimmed;
}

/** JSON rows carry numbers; CSV rows carry text that must look like one. */
function numeric(raw: Record<string, unknown>, field: string, textPattern: RegExp): number {
  const value = raw[field];
  if (value === undefined || value === null || value === '') fail(field, 'is missing');
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    const t = value.trim();
    if (!textPattern.test(t)) fail(field, `must be a number, got ${show(value)}`);
    return Number(t);
  }
  return fail(field, `must be a number, got ${typeof value}`);
}

function price(raw: Record<string, unknown>): number {
  const p = numeric(raw, 'price', PRICE_TEXT);
  if (!Number.isFinite(p) || p < 0) fail('price', `must be a number >= 0, got ${show(raw.price)}`);
  if (p > MAX_PRICE) fail('price', `must be at most ${MAX_PRICE}, got ${show(raw.price)}`);
  const cents = Math.round(p * 100);
  // Binary doubles: 19.99 * 100 is 1998.9999999999998, so compare with a tolerance.
  if (Math.abs(cents - p * 100) > 1e-6) fail('price', `must have at most 2 decimals, got ${show(raw.price)}`);
  return cents / 100;
}

function stock(raw: Record<string, unknown>): number {
  const s = numeric(raw, 'stock', INT_TEXT);
  if (!Number.isSafeInteger(s) || s < 0) fail('stock', `must be an integer >= 0, got ${show(raw.stock)}`);
  return s;
}

function rating(raw: Record<string, unknown>): number | undefined {
  const value = raw.rating;
  if (value === undefined || value === null || value === '') return undefined;
  const r = numeric(raw, 'rating', DECIMAL_TEXT);
  if (!Number.isFinite(r) || r < 0 || r > 5) fail('rating', `must be a number from 0 to 5, got ${show(value)}`);
  return r;
}

function optionalNumber(raw: Record<string, unknown>, field: 'deliveryDays' | 'lateDeliveryRate' | 'returnRate'): number | undefined {
  const value = raw[field];
  if (value === undefined || value === null || value === '') return undefined;
  if (field === 'deliveryDays') {
    const d = numeric(raw, field, INT_TEXT);
    if (!Number.isInteger(d) || d < 0 || d > MAX_DELIVERY_DAYS) fail(field, `must be an integer from 0 to ${MAX_DELIVERY_DAYS}, got ${show(value)}`);
    return d;
  }
  const r = numeric(raw, field, DECIMAL_TEXT);
  if (!Number.isFinite(r) || r < 0 || r > 1) fail(field, `must be a share from 0 to 1, got ${show(value)}`);
  return r;
}

function tags(raw: Record<string, unknown>): string[] | undefined {
  const value = raw.tags;
  if (value === undefined || value === null || value === '') return undefined;
  let list: unknown[];
  if (typeof value === 'string') list = value.split(TAG_SEPARATORS);
  else if (Array.isArray(value)) list = value;
  else return fail('tags', `must be an array of strings (or "a|b|c" in CSV), got ${typeof value}`);
  const out: string[] = [];
  for (const tag of list) {
    if (typeof tag !== 'string') fail('tags', `must contain only strings, got ${typeof tag}`);
    const t = stripBidiControls(tag).trim();
    if (t.length === 0) continue;
    if (t.length > MAX_TAG_LENGTH) fail('tags', `entries must be at most ${MAX_TAG_LENGTH} characters`);
    out.push(t);
  }
  if (out.length > MAX_TAGS) fail('tags', `must have at most ${MAX_TAGS} entries, got ${out.length}`);
  return out.length > 0 ? out : undefined;
}

/**
 * Checks one raw row (a parsed JSON object, or CSV fields keyed by header) and
 * returns a normalised, frozen product: strings trimmed, price rounded to cents,
 * unknown fields dropped. Never throws; the problem names the field.
 */
export function checkProduct(raw: unknown): ProductCheck {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, field: '', message: 'a row must be an object' };
  }
  const row = raw as Record<string, unknown>;
  try {
    const itemId = text(row, 'itemId', 64, false);
    if (!ITEM_ID_PATTERN.test(itemId)) fail('itemId', `must match [A-Za-z0-9_.:-]{1,64}, got ${show(itemId)}`);
    const name = text(row, 'name', MAX_NAME_LENGTH, false);
    const category = text(row, 'category', 64, false);
    if (!CATEGORY_PATTERN.test(category)) {
      fail('category', `must be a slug of a-z, 0-9 and "-" (e.g. "running-shoes"), got ${show(category)}`);
    }
    const description = text(row, 'description', MAX_DESCRIPTION_LENGTH, true);
    const brand = text(row, 'brand', MAX_BRAND_LENGTH, false);
    const product: Product = { itemId, name, category, description, price: price(row), stock: stock(row), brand };
    const r = rating(row);
    if (r !== undefined) product.rating = r;
    const t = tags(row);
    if (t !== undefined) product.tags = Object.freeze(t) as string[];
    for (const f of ['deliveryDays', 'lateDeliveryRate', 'returnRate'] as const) {
      const v = optionalNumber(row, f);
      if (v !== undefined) product[f] = v;
    }
    return { ok: true, product: Object.freeze(product) as Product };
  } catch (err) {
    if (err instanceof FieldProblem) return { ok: false, field: err.field, message: err.message };
    throw err;
  }
}
