/**
 * Loads the catalog at start: the built-in demo catalog when CATALOG is unset, else
 * the file. The imported products are kept in LMDB (shard workers read them there)
 * with the source they came from, so an unchanged source is not imported again.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Catalog, catalogFingerprint, DEFAULT_DEMO_SEED, demoCatalog, loadCatalogFile, type Product } from '../catalog/index.js';
import { ConfigError } from '../errors/index.js';
import { LiveSearchIndex } from '../search/index.js';
import { createProgress, type Logger } from '../observability/index.js';
import type { StateStore } from '../store/index.js';

const MAX_REPORTED_ROW_ERRORS = 20;

export interface LoadedCatalog {
  catalog: Catalog;
  /** The catalog's search index (BM25), kept current by the catalog on every change. */
  searchIndex: LiveSearchIndex;
  fingerprint: string;
  source: string;
}

/** The catalog with the engine's search index (its `list({q})` uses it too). */
function searchableCatalog(products: Product[], log: Logger): { catalog: Catalog; searchIndex: LiveSearchIndex } {
  const t0 = performance.now();
  const searchIndex = new LiveSearchIndex();
  const catalog = new Catalog(products, { search: () => searchIndex });
  log.info('search index built', { products: products.length, ms: Math.round(performance.now() - t0) });
  return { catalog, searchIndex };
}

export async function setupCatalog(file: string | undefined, demoSize: number, store: StateStore, log: Logger): Promise<LoadedCatalog> {
  let sourceKey: string;
  if (file === undefined) sourceKey = `demo:${demoSize}:${DEFAULT_DEMO_SEED}`;
  else {
    const path = resolve(file);
    let st;
    try {
      st = statSync(path);
    } catch {
      throw new ConfigError('CATALOG', `cannot read catalog file ${path}`);
    }
    sourceKey = `file:${path}:${st.size}:${st.mtimeMs}`;
  }
  const stored = store.meta.get('catalog') as { source: string; fingerprint: string } | undefined;
  if (stored?.source === sourceKey) {
    const products: Product[] = [];
    for (const { value } of store.catalog.getRange()) products.push(value);
    log.info('catalog loaded from LMDB', { source: sourceKey, products: products.length });
    return { ...searchableCatalog(products, log), fingerprint: stored.fingerprint, source: sourceKey };
  }

  const t0 = performance.now();
  let products: Product[];
  if (file === undefined) products = demoCatalog({ count: demoSize, seed: DEFAULT_DEMO_SEED });
  else {
    const progress = createProgress('reading the catalog', statSync(resolve(file)).size, { tty: false, unit: 'bytes', line: (_t, f) => log.info('catalog import progress', f) });
    const r = await loadCatalogFile(resolve(file), { onProgress: (done, size) => progress.update(done, size) });
    progress.stop();
    products = r.products;
    if (r.errors.length > 0) {
      log.warn('catalog rows rejected', {
        rejected: r.rejected,
        accepted: products.length,
        first: r.errors.slice(0, MAX_REPORTED_ROW_ERRORS).map((e) => e.message),
      });
    }
  }
  const fingerprint = catalogFingerprint(products);
  store.root.transactionSync(() => {
    for (const k of store.catalog.getKeys()) store.catalog.remove(k);
    for (const p of products) store.catalog.put(p.itemId, p);
    store.meta.put('catalog', { source: sourceKey, fingerprint });
  });
  log.info('catalog imported', { source: sourceKey, products: products.length, ms: Math.round(performance.now() - t0) });
  return { ...searchableCatalog(products, log), fingerprint, source: sourceKey };
}
