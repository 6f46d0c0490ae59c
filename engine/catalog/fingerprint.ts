/**
 * A stable hash of a catalog, stored with the HNSW index so the engine knows when the
 * index on disk no longer matches the catalog and must be rebuilt.
 */
import { createHash } from 'node:crypto';
import type { Product } from './product.js';

export interface FingerprintOptions {
  /**
   * `content`: only what feeds the content embeddings (itemId, name, category, brand,
   * description, tags), so stock and price moves do not force an index rebuild.
   * `all`: every field.
   * @default 'content'
   */
  scope?: 'content' | 'all';
}

export const FINGERPRINT_VERSION = 1;

/** Field order is fixed here, not taken from the objects, so key order never changes the hash. */
function canonical(p: Product, all: boolean): string {
  const content = [p.itemId, p.name, p.category, p.brand, p.description, p.tags ?? []];
  return JSON.stringify(all ? [...content, p.price, p.stock, p.rating ?? null] : content);
}

/**
 * SHA-256 (hex) over the products sorted by itemId: the same set of products gives
 * the same fingerprint whatever order they come in.
 */
export function catalogFingerprint(products: Iterable<Product>, options: FingerprintOptions = {}): string {
  const { scope = 'content' } = options;
  if (scope !== 'content' && scope !== 'all') throw new RangeError(`scope must be 'content' or 'all', got ${String(scope)}`);
  const sorted = [...products].sort((a, b) => (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0));
  const hash = createHash('sha256');
  hash.update(`catalog-fingerprint/${FINGERPRINT_VERSION}/${scope}\n`);
  for (const p of sorted) hash.update(canonical(p, scope === 'all')).update('\n');
  return hash.digest('hex');
}
