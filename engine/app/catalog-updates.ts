/**
 * Live catalog changes (gRPC UpsertItems): the products are stored in LMDB and the
 * shards told at once (names, prices, stock, categories are live before the RPC
 * answers). When text changed or items were added, the content index is rebuilt
 * off-thread, debounced, and hot-swapped into every shard's HNSW replica.
 */
import type { Catalog, Product } from '../catalog/index.js';
import { catalogFingerprint } from '../catalog/index.js';
import type { Logger } from '../observability/index.js';
import type { ShardSupervisor } from '../shards/index.js';
import type { StateStore } from '../store/index.js';
import { pruneIndexes, setupIndex } from './index-setup.js';

const CONTENT_FIELDS = new Set(['name', 'category', 'description', 'brand', 'tags']);
/** Upserts often come in bursts: rebuild once they pause. */
const REBUILD_DEBOUNCE_MS = 2000;

export class CatalogUpdates {
  #timer: NodeJS.Timeout | undefined;
  #building: Promise<void> | undefined;
  #closed = false;
  indexDir: string;

  constructor(
    private readonly deps: { catalog: Catalog; store: StateStore; shards: ShardSupervisor; dataDir: string; log: Logger; indexDir: string },
  ) {
    this.indexDir = deps.indexDir;
  }

  /** Resolves once every running shard uses the new facts, so a Recommend right after sees them. */
  async apply(changed: { products: Product[]; changes: Array<{ itemId: string; created: boolean; changedFields: string[] }> }): Promise<void> {
    const { store, shards } = this.deps;
    if (changed.products.length === 0) return;
    store.root.transactionSync(() => {
      for (const p of changed.products) store.catalog.put(p.itemId, p);
    });
    if (changed.changes.some((c) => c.created || c.changedFields.some((f) => CONTENT_FIELDS.has(f)))) this.#scheduleRebuild();
    await shards.catalogChanged(changed.products.map((p) => p.itemId));
  }

  #scheduleRebuild(): void {
    if (this.#closed) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#building = (this.#building ?? Promise.resolve()).then(() => this.#rebuild());
    }, REBUILD_DEBOUNCE_MS);
  }

  async #rebuild(): Promise<void> {
    const { catalog, dataDir, log, shards } = this.deps;
    try {
      const fingerprint = catalogFingerprint(catalog.values());
      const dir = await setupIndex(catalog, fingerprint, dataDir, log);
      if (dir !== this.indexDir && !this.#closed) {
        // The index being replaced may still be in use until every shard loaded the new one; older ones are not.
        pruneIndexes(dataDir, [dir, this.indexDir], log);
        this.indexDir = dir;
        // A restart then loads the upserted catalog from LMDB with the matching index.
        const meta = this.deps.store.meta.get('catalog') as { source: string; fingerprint: string } | undefined;
        if (meta) await this.deps.store.meta.put('catalog', { ...meta, fingerprint });
        shards.broadcast({ type: 'index-changed', indexDir: dir });
        log.info('content index swapped after catalog changes', { dir });
      }
    } catch (err) {
      log.error('content index rebuild failed; shards keep the previous index', { err });
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#timer);
    await this.#building;
  }
}
