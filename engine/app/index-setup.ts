/**
 * Makes sure an HNSW index of the catalog's content embeddings exists for this
 * catalog fingerprint, building it off the main thread (piscina) when it does not.
 * Shards load it from disk, so a restart with an unchanged catalog builds nothing.
 */
import { readdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Catalog } from '../catalog/index.js';
import { buildIndexInPool } from '../index/index.js';
import { createProgress, type Logger } from '../observability/index.js';
import { annIndexPath, annIndexReady } from '../shards/index.js';

export async function setupIndex(catalog: Catalog, fingerprint: string, dataDir: string, log: Logger): Promise<string> {
  const dir = join(dataDir, 'index', fingerprint.slice(0, 24));
  if (annIndexReady(dir)) {
    log.info('ANN index found', { dir });
    return dir;
  }
  // Large catalogs take minutes: the log says how far the build is (every 10% or 10 s).
  const progress = createProgress('building the ANN index', catalog.size, { tty: false, unit: 'items', line: (_t, f) => log.info('ANN index build progress', f) });
  const r = await buildIndexInPool({ maxThreads: 1 }, { source: { kind: 'products', products: [...catalog.values()] }, outPath: annIndexPath(dir) }, { onProgress: (added, total) => progress.update(added, total) });
  progress.stop();
  log.info('ANN index built', { dir, items: r.ids.length, dim: r.dim, ms: Math.round(r.timings.totalMs), buildMs: Math.round(r.timings.buildMs) });
  return dir;
}

/**
 * Removes index directories other than `keep` (each catalog change that touches text
 * leaves a new one). Call only when no shard can still be loading a removed one: at
 * start-up, before the shards, or for indexes older than the one just replaced.
 */
export function pruneIndexes(dataDir: string, keep: readonly string[], log: Logger): void {
  const root = join(dataDir, 'index');
  const kept = new Set(keep.map((d) => basename(d)));
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return;
  }
  for (const name of names) {
    if (kept.has(name)) continue;
    try {
      rmSync(join(root, name), { recursive: true, force: true });
      log.info('old ANN index removed', { dir: join(root, name) });
    } catch (err) {
      log.warn('could not remove an old ANN index', { dir: join(root, name), err });
    }
  }
}
