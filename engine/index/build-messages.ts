/**
 * What crosses the thread boundary for an index build: the task going into the
 * piscina worker and the tagged reply coming out. Errors travel as plain data
 * (code, message, line) because structured cloning drops an EngineError's class
 * and code; the main thread rebuilds the typed error.
 */
import type { MessagePort } from 'node:worker_threads';
import { CatalogError, EngineError, type ErrorCode, ERROR_CODES } from '../errors/index.js';
import type { LoadCatalogOptions, Product } from '../catalog/index.js';

/** Where the products come from. Files and the demo are read inside the worker, so no big copy crosses threads. */
export type BuildSource =
  | { kind: 'products'; products: Product[] }
  | { kind: 'file'; path: string; options?: LoadCatalogOptions }
  | { kind: 'demo'; count?: number; seed?: number };

export interface BuildIndexTask {
  source: BuildSource;
  /** Graph file; `.meta.json` and `.vectors.f32` are written beside it. Directories are created. */
  outPath: string;
  /** Embedding dimensions. @default 64 */
  dim?: number;
  /** Embedding projection seed. @default DEFAULT_PROJECTION_SEED */
  seed?: number;
  /** @default 16 */
  M?: number;
  /** @default 200 */
  efConstruction?: number;
  /** Receives `{ added, total }` while the graph is built (transferred to the worker by buildIndexInPool). */
  progressPort?: MessagePort;
}

export interface BuildTimings {
  loadMs: number;
  embedMs: number;
  buildMs: number;
  saveMs: number;
  totalMs: number;
}

export interface BuildIndexResult {
  /** itemId of row/label i. */
  ids: string[];
  dim: number;
  seed: number;
  /** `catalogFingerprint` (content scope) of the indexed products. */
  fingerprint: string;
  indexPath: string;
  metaPath: string;
  vectorsPath: string;
  /** Rows a catalog file rejected (0 for other sources). */
  rejectedRows: number;
  timings: BuildTimings;
}

export interface SerializedError {
  code: ErrorCode;
  message: string;
  name: string;
  line?: number;
}

export type BuildTaskReply = { ok: true; result: BuildIndexResult } | { ok: false; error: SerializedError };

export function serializeError(err: unknown): SerializedError {
  if (err instanceof CatalogError) return { code: err.code, message: err.message, name: err.name, line: err.line };
  if (err instanceof EngineError) return { code: err.code, message: err.message, name: err.name };
  if (err instanceof RangeError || err instanceof TypeError) return { code: 'E_BAD_REQUEST', message: err.message, name: err.name };
  return { code: 'E_INTERNAL', message: err instanceof Error ? err.message : String(err), name: 'Error' };
}

export function deserializeError(e: SerializedError): Error {
  if (e.line !== undefined) return new CatalogError(e.line, e.message.replace(/^line \d+: /, ''));
  if (e.name === 'RangeError') return new RangeError(e.message);
  if (e.name === 'TypeError') return new TypeError(e.message);
  const code = e.code in ERROR_CODES ? e.code : 'E_INTERNAL';
  return new EngineError(code, `index build failed: ${e.message}`);
}

/** Checks the task's shape on the calling side, so a bad task fails before a thread is involved. */
export function checkBuildTask(task: BuildIndexTask): void {
  if (typeof task !== 'object' || task === null) throw new TypeError('task must be an object');
  if (typeof task.outPath !== 'string' || task.outPath.length === 0) throw new TypeError('task.outPath must be a non-empty path');
  const source = task.source as BuildSource | undefined;
  if (typeof source !== 'object' || source === null) throw new TypeError('task.source must be an object');
  switch (source.kind) {
    case 'products':
      if (!Array.isArray(source.products) || source.products.length === 0) throw new TypeError('task.source.products must be a non-empty array');
      break;
    case 'file':
      if (typeof source.path !== 'string' || source.path.length === 0) throw new TypeError('task.source.path must be a non-empty path');
      break;
    case 'demo':
      break;
    default:
      throw new TypeError(`task.source.kind must be 'products', 'file' or 'demo', got ${String((source as { kind?: unknown }).kind)}`);
  }
}
