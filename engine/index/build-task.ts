/**
 * Piscina task: builds the HNSW index of a catalog off the main thread. Loads the
 * products, embeds them, builds the graph and writes the graph, its meta and the
 * vectors beside `outPath`. Never throws: the reply is a tagged union, so typed
 * errors survive the thread boundary (see build-messages.ts).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  ContentEmbedder,
  DEFAULT_EMBEDDING_DIM,
  DEFAULT_PROJECTION_SEED,
  catalogFingerprint,
  demoCatalog,
  loadCatalogFile,
  type Product,
} from '../catalog/index.js';
import { AnnIndex } from './ann-index.js';
import { checkBuildTask, serializeError, type BuildIndexTask, type BuildTaskReply } from './build-messages.js';
import { metaPathOf, vectorsPathOf, writeVectors } from './index-files.js';

async function loadProducts(task: BuildIndexTask): Promise<{ products: Product[]; rejected: number }> {
  const source = task.source;
  switch (source.kind) {
    case 'products':
      return { products: source.products, rejected: 0 };
    case 'file': {
      const { products, rejected } = await loadCatalogFile(source.path, source.options);
      return { products, rejected };
    }
    case 'demo':
      return { products: demoCatalog({ count: source.count, seed: source.seed }), rejected: 0 };
  }
}

export default async function buildIndexTask(task: BuildIndexTask): Promise<BuildTaskReply> {
  try {
    checkBuildTask(task);
    const t0 = performance.now();
    const { products, rejected } = await loadProducts(task);
    const t1 = performance.now();
    const dim = task.dim ?? DEFAULT_EMBEDDING_DIM;
    const seed = task.seed ?? DEFAULT_PROJECTION_SEED;
    const { vectors } = ContentEmbedder.embedCatalog(products, { dim, seed });
    const ids = products.map((p) => p.itemId);
    const fingerprint = catalogFingerprint(products);
    const t2 = performance.now();
    const index = AnnIndex.build(ids, vectors, dim, {
      M: task.M,
      efConstruction: task.efConstruction,
      info: { fingerprint, embedding: { dim, seed } },
      onProgress: task.progressPort ? (added, total) => task.progressPort!.postMessage({ added, total }) : undefined,
    });
    task.progressPort?.close();
    const t3 = performance.now();
    mkdirSync(dirname(task.outPath), { recursive: true });
    // Vectors first: the meta (written last by save) is what marks a complete set.
    const vectorsPath = vectorsPathOf(task.outPath);
    writeVectors(vectorsPath, vectors);
    index.save(task.outPath);
    const t4 = performance.now();
    const ms = (a: number, b: number): number => Math.round(b - a);
    return {
      ok: true,
      result: {
        ids,
        dim,
        seed,
        fingerprint,
        indexPath: task.outPath,
        metaPath: metaPathOf(task.outPath),
        vectorsPath,
        rejectedRows: rejected,
        timings: { loadMs: ms(t0, t1), embedMs: ms(t1, t2), buildMs: ms(t2, t3), saveMs: ms(t3, t4), totalMs: ms(t0, t4) },
      },
    };
  } catch (err) {
    return { ok: false, error: serializeError(err) };
  }
}
