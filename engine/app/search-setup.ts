/**
 * Hybrid search's vector side at start: the main thread's own copy of the HNSW item
 * index the shards use, with the embedder refitted on the catalog, kept current by
 * the catalog's content changes. Without an index, search runs lexical only and says
 * so (loudly here, and `fusion: "lexical"` in every answer): never a silent fallback.
 */
import type { Catalog, Product } from '../catalog/index.js';
import type { Logger } from '../observability/index.js';
import { HnswVectorRetrieval, type LiveSearchIndex, type VectorRetrieval } from '../search/index.js';
import { annIndexPath, annIndexReady } from '../shards/index.js';

/** Longest stretch of vector updates in one event-loop turn (requests wait behind it). */
export const VECTOR_SLICE_MS = 4;

export function loadSearchVectors(indexDir: string, catalog: Catalog, searchIndex: LiveSearchIndex, log: Logger): VectorRetrieval | undefined {
  if (!annIndexReady(indexDir)) {
    log.error('no HNSW index: search runs lexical only (no vector retrieval, no fusion)', { indexDir });
    return undefined;
  }
  const t0 = performance.now();
  let vectors: HnswVectorRetrieval;
  try {
    vectors = HnswVectorRetrieval.load(annIndexPath(indexDir), catalog.values());
  } catch (err) {
    log.error('HNSW index unreadable: search runs lexical only (no vector retrieval, no fusion)', { err, indexDir });
    return undefined;
  }
  // Products upserted after the index was built (or while it is rebuilt) get their vectors here,
  // off the upsert's path: an HNSW update costs ~1.7 ms (efConstruction 200) against ~0.25 ms for
  // the BM25 postings, so a burst of upserts is searchable by its text at once and its vectors
  // follow in slices of at most VECTOR_SLICE_MS per event-loop turn (the newest version of an item wins).
  const pending = new Map<string, Product | undefined>();
  let scheduled = false;
  const drain = () => {
    scheduled = false;
    const until = performance.now() + VECTOR_SLICE_MS;
    for (const [itemId, product] of pending) {
      pending.delete(itemId);
      try {
        if (product === undefined) vectors.remove(itemId);
        else vectors.upsert(product);
      } catch (err) {
        log.error('search vector update failed; the item keeps its old vector', { err, itemId });
      }
      if (performance.now() > until) break;
    }
    if (pending.size > 0) schedule();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(drain);
  };
  searchIndex.onContentChange((product, itemId) => {
    pending.delete(itemId);
    pending.set(itemId, product);
    schedule();
  });
  for (const p of catalog.values()) if (!vectors.has(p.itemId)) vectors.upsert(p);
  log.info('search vectors ready', { items: vectors.size, ms: Math.round(performance.now() - t0) });
  return vectors;
}
