/**
 * A shard's read-only HNSW replica, loaded from the files the main thread's index
 * build wrote. Item vectors are cached as Float32Arrays: the session embedding
 * reads several per recompute.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AnnIndex, metaPathOf, readVectors, vectorsPathOf } from '../../index/index.js';
import type { Logger } from '../../observability/index.js';
import type { AnnLike } from './shard-recommender.js';

/** The graph file inside an index directory (meta and vectors files sit beside it). */
export const annIndexPath = (dir: string) => join(dir, 'items.hnsw');
export const annIndexReady = (dir: string) => existsSync(metaPathOf(annIndexPath(dir)));

export function loadAnnReplica(dir: string, log: Logger): AnnLike | undefined {
  if (!annIndexReady(dir)) {
    log.warn('no ANN index in the index directory; recommendations use trending only', { dir });
    return undefined;
  }
  const path = annIndexPath(dir);
  const index = AnnIndex.load(path);
  // One read of the vectors file instead of one native call per item.
  const all = readVectors(vectorsPathOf(path), index.dim);
  const vectors = new Map<string, Float32Array>();
  // Rows are labels; a freshly built index has no deleted labels, so ids() is in row order.
  index.ids().forEach((id, row) => vectors.set(id, all.subarray(row * index.dim, (row + 1) * index.dim)));
  return {
    dim: index.dim,
    vector: (itemId) => vectors.get(itemId),
    search: (vector, k, filter) => index.search(vector, Math.min(k, index.size), filter),
    searchAmong: (vector, k, itemIds) => index.searchAmong(vector, k, itemIds),
  };
}
