/**
 * A shard's read-only HNSW replica, loaded from the files the main thread's index
 * build wrote (manifest.json + the hnswlib index + the label -> itemId list).
 */
import hnswlib from 'hnswlib-node';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../observability/index.js';
import type { AnnLike } from './shard-recommender.js';

export interface AnnManifest {
  dim: number;
  count: number;
  /** File names relative to the manifest's directory. */
  indexFile: string;
  idsFile: string;
  fingerprint: string;
}

export const ANN_MANIFEST = 'manifest.json';
const SEARCH_EF = 64;

export function loadAnnReplica(dir: string, log: Logger): AnnLike | undefined {
  const manifestPath = join(dir, ANN_MANIFEST);
  if (!existsSync(manifestPath)) {
    log.warn('no ANN index yet; recommendations use trending only', { dir });
    return undefined;
  }
  const m = JSON.parse(readFileSync(manifestPath, 'utf8')) as AnnManifest;
  const ids = JSON.parse(readFileSync(join(dir, m.idsFile), 'utf8')) as string[];
  const index = new hnswlib.HierarchicalNSW('cosine', m.dim);
  index.readIndexSync(join(dir, m.indexFile));
  index.setEf(SEARCH_EF);
  const labelOf = new Map<string, number>();
  const vectors = new Map<string, Float32Array>();
  ids.forEach((id, label) => {
    labelOf.set(id, label);
    vectors.set(id, Float32Array.from(index.getPoint(label)));
  });
  return {
    dim: m.dim,
    vector: (itemId) => vectors.get(itemId),
    search(vector, k, filter) {
      const n = Math.min(k, ids.length);
      if (n === 0) return [];
      const r = index.searchKnn(Array.from(vector), n, filter ? (label: number) => filter(ids[label]!) : undefined);
      return r.neighbors.map((label, i) => ({ itemId: ids[label]!, score: 1 - r.distances[i]! }));
    },
  };
}
