/**
 * Files of a saved index. `<path>` holds hnswlib's graph; `<path>.meta.json` the
 * itemId of every label, the deleted labels and the parameters; the build task also
 * writes `<path>.vectors.f32` (the embeddings, row i for ids[i]) for session
 * embeddings. Every file is written to a temporary name and renamed, so a reader
 * never sees half a file; the meta records the graph's size, so a graph and meta
 * from different saves are detected instead of crashing the native reader.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { EngineError } from '../errors/index.js';

export const INDEX_FORMAT = 'shop-brain-ann/1';

export interface IndexMeta {
  format: typeof INDEX_FORMAT;
  space: 'cosine';
  dim: number;
  M: number;
  efConstruction: number;
  /** itemId of label i. */
  ids: string[];
  /** Labels marked deleted. */
  deleted: number[];
  /** Size of the graph file this meta belongs to. */
  indexBytes: number;
  /** Free-form facts about how the vectors were made (catalog fingerprint, embedding options). */
  info: IndexInfo;
}

export interface IndexInfo {
  /** `catalogFingerprint` of the products the index was built from. */
  fingerprint?: string;
  /** Options the vectors were embedded with, so queries can be embedded the same way. */
  embedding?: { dim: number; seed: number };
  [key: string]: unknown;
}

/** The saved index does not fit what the caller expects (or is damaged): rebuild it. */
export class IndexMismatchError extends EngineError {
  constructor(path: string, message: string, cause?: unknown) {
    super('E_UNAVAILABLE', `index "${path}" cannot be used: ${message}`, { cause });
    this.name = 'IndexMismatchError';
  }
}

export const metaPathOf = (path: string): string => `${path}.meta.json`;
export const vectorsPathOf = (path: string): string => `${path}.vectors.f32`;

function tempPathOf(path: string): string {
  return `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
}

/** Runs `write(tmp)` and renames tmp over `path`; removes tmp when anything fails. */
export function writeAtomically(path: string, write: (tmp: string) => void): void {
  const tmp = tempPathOf(path);
  try {
    write(tmp);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

export function fileSize(path: string): number {
  return statSync(path).size;
}

export function writeMeta(path: string, meta: IndexMeta): void {
  writeAtomically(metaPathOf(path), (tmp) => writeFileSync(tmp, JSON.stringify(meta)));
}

export function readMeta(path: string): IndexMeta {
  let meta: IndexMeta;
  try {
    meta = JSON.parse(readFileSync(metaPathOf(path), 'utf8')) as IndexMeta;
  } catch (err) {
    throw new IndexMismatchError(path, `its meta file is missing or not JSON (${(err as Error).message})`, err);
  }
  const ok =
    meta !== null && typeof meta === 'object' && meta.format === INDEX_FORMAT && meta.space === 'cosine' &&
    Number.isInteger(meta.dim) && Array.isArray(meta.ids) && Array.isArray(meta.deleted) && Number.isInteger(meta.indexBytes);
  if (!ok) throw new IndexMismatchError(path, `its meta file is not in format ${INDEX_FORMAT}`);
  let actual: number;
  try {
    actual = fileSize(path);
  } catch (err) {
    throw new IndexMismatchError(path, `the graph file is missing (${(err as Error).message})`, err);
  }
  if (actual !== meta.indexBytes) {
    throw new IndexMismatchError(path, `the graph file is ${actual} bytes but its meta expects ${meta.indexBytes} (torn or mixed save)`);
  }
  return meta;
}

/** Raw little-endian float32, n x dim. */
export function writeVectors(path: string, vectors: Float32Array): void {
  writeAtomically(path, (tmp) => writeFileSync(tmp, new Uint8Array(vectors.buffer, vectors.byteOffset, vectors.byteLength)));
}

/** Reads a vectors file; checks it holds exactly `count` rows of `dim` when given. */
export function readVectors(path: string, dim: number, count?: number): Float32Array {
  const bytes = readFileSync(path);
  const rowBytes = dim * Float32Array.BYTES_PER_ELEMENT;
  if (bytes.length % rowBytes !== 0 || (count !== undefined && bytes.length !== count * rowBytes)) {
    throw new IndexMismatchError(path, `vectors file is ${bytes.length} bytes, expected ${count ?? 'n'} x ${dim} float32`);
  }
  // Copy into a fresh, aligned buffer: a Buffer from the pool may not start on a 4-byte boundary.
  const out = new Float32Array(bytes.length / 4);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}
