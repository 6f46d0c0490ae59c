/**
 * Approximate nearest neighbours over item embeddings: hnswlib-node (HNSW, cosine
 * space) behind an API that speaks itemIds. hnswlib knows only integer labels;
 * label i is ids[i], new items get the next label, deleted items keep theirs (marked
 * deleted, skipped by searches) so a later upsert revives them in place.
 */
import hnswlib, { type HierarchicalNSW as Hnsw } from 'hnswlib-node';
import { IndexMismatchError, fileSize, readMeta, writeAtomically, writeMeta, type IndexInfo } from './index-files.js';

export interface AnnBuildOptions {
  /** Graph degree. @default 16 */
  M?: number;
  /** Candidate list size while building. @default 200 */
  efConstruction?: number;
  /** Candidate list size while searching (raised to k when smaller). @default 64 */
  ef?: number;
  /** Facts stored with the index on save (fingerprint, embedding options). */
  info?: IndexInfo;
  /** Called every PROGRESS_EVERY points and at the end with points added and the total. */
  onProgress?: (added: number, total: number) => void;
}

const PROGRESS_EVERY = 2048;

export interface AnnHit {
  itemId: string;
  /** Cosine similarity, 1 - distance: 1 is identical, 0 unrelated. */
  score: number;
}

export const DEFAULT_M = 16;
export const DEFAULT_EF_CONSTRUCTION = 200;
export const DEFAULT_EF_SEARCH = 64;
export const MAX_K = 1000;
export const MAX_DIM = 4096;
/** hnswlib's level generator seed: fixed, so the same input builds the same graph. */
const RANDOM_SEED = 100;
// The addon is CommonJS with no static export names: only its default import works in ESM.
const { HierarchicalNSW } = hnswlib;
/** Room for upserts before the first resize. */
const GROWTH = 1.5;

function intIn(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value)) throw new TypeError(`${name} must be an integer, got ${String(value)}`);
  if (value < min || value > max) throw new RangeError(`${name} must be ${min}..${max}, got ${value}`);
  return value;
}

export class AnnIndex {
  readonly dim: number;
  readonly M: number;
  readonly efConstruction: number;
  /** Facts saved with the index; see `AnnBuildOptions.info`. */
  info: IndexInfo;
  #hnsw: Hnsw;
  #ids: string[];
  #labels = new Map<string, number>();
  #deleted = new Set<number>();
  /** Unit vectors by label, copied out of the graph on first use (a native call costs ~7 us). */
  #points = new Map<number, Float32Array>();

  private constructor(hnsw: Hnsw, dim: number, ids: string[], M: number, efConstruction: number, info: IndexInfo) {
    this.#hnsw = hnsw;
    this.dim = dim;
    this.#ids = ids;
    this.M = M;
    this.efConstruction = efConstruction;
    this.info = info;
    ids.forEach((id, label) => this.#labels.set(id, label));
  }

  /** Builds an index over `vectors` (n x dim, row i for ids[i]) on the calling thread: run it in a worker. */
  static build(ids: readonly string[], vectors: Float32Array, dim: number, options: AnnBuildOptions = {}): AnnIndex {
    intIn('dim', dim, 1, MAX_DIM);
    const M = intIn('M', options.M ?? DEFAULT_M, 2, 100);
    const efConstruction = intIn('efConstruction', options.efConstruction ?? DEFAULT_EF_CONSTRUCTION, 1, 10_000);
    const ef = intIn('ef', options.ef ?? DEFAULT_EF_SEARCH, 1, 10_000);
    if (!(vectors instanceof Float32Array)) throw new TypeError('vectors must be a Float32Array');
    if (vectors.length !== ids.length * dim) {
      throw new RangeError(`vectors has ${vectors.length} floats; ${ids.length} ids x dim ${dim} needs ${ids.length * dim}`);
    }
    if (new Set(ids).size !== ids.length) throw new RangeError('ids must be unique');
    const hnsw = new HierarchicalNSW('cosine', dim);
    hnsw.initIndex({ maxElements: Math.max(16, ids.length), m: M, efConstruction, randomSeed: RANDOM_SEED });
    const index = new AnnIndex(hnsw, dim, [...ids], M, efConstruction, options.info ?? {});
    for (let i = 0; i < ids.length; i++) {
      hnsw.addPoint(index.#toArray(vectors.subarray(i * dim, (i + 1) * dim), 'vectors'), i);
      if (options.onProgress && (i + 1) % PROGRESS_EVERY === 0) options.onProgress(i + 1, ids.length);
    }
    options.onProgress?.(ids.length, ids.length);
    hnsw.setEf(ef);
    return index;
  }

  /**
   * Loads a saved index. With `ids`, the saved mapping must list the same itemIds in
   * the same order, and with `dim` the same dimension; otherwise (or when the files
   * are missing or torn) it throws `IndexMismatchError` (E_UNAVAILABLE): rebuild.
   */
  static load(path: string, ids?: readonly string[], dim?: number, options: { ef?: number } = {}): AnnIndex {
    const ef = intIn('ef', options.ef ?? DEFAULT_EF_SEARCH, 1, 10_000);
    const meta = readMeta(path);
    if (dim !== undefined && meta.dim !== dim) throw new IndexMismatchError(path, `it has dim ${meta.dim}, expected ${dim}`);
    if (ids !== undefined && (ids.length !== meta.ids.length || ids.some((id, i) => meta.ids[i] !== id))) {
      throw new IndexMismatchError(path, `its ${meta.ids.length} itemIds differ from the ${ids.length} expected`);
    }
    const hnsw = new HierarchicalNSW('cosine', meta.dim);
    try {
      hnsw.readIndexSync(path);
    } catch (err) {
      throw new IndexMismatchError(path, `hnswlib could not read it (${(err as Error).message})`, err);
    }
    if (hnsw.getCurrentCount() !== meta.ids.length) {
      throw new IndexMismatchError(path, `the graph has ${hnsw.getCurrentCount()} points, its meta ${meta.ids.length} ids`);
    }
    hnsw.setEf(ef);
    const index = new AnnIndex(hnsw, meta.dim, meta.ids, meta.M, meta.efConstruction, meta.info ?? {});
    for (const label of meta.deleted) index.#deleted.add(label);
    return index;
  }

  /** Writes the graph and `<path>.meta.json`, each atomically. Synchronous: call it off the hot path. */
  save(path: string): void {
    let indexBytes = 0;
    writeAtomically(path, (tmp) => {
      this.#hnsw.writeIndexSync(tmp);
      indexBytes = fileSize(tmp);
    });
    writeMeta(path, {
      format: 'shop-brain-ann/1',
      space: 'cosine',
      dim: this.dim,
      M: this.M,
      efConstruction: this.efConstruction,
      ids: this.#ids,
      deleted: [...this.#deleted],
      indexBytes,
      info: this.info,
    });
  }

  /** Live (not deleted) items. */
  get size(): number {
    return this.#ids.length - this.#deleted.size;
  }

  get ef(): number {
    return this.#hnsw.getEf();
  }

  /** Search breadth: higher is more accurate and slower. */
  setEf(ef: number): void {
    this.#hnsw.setEf(intIn('ef', ef, 1, 10_000));
  }

  has(itemId: string): boolean {
    const label = this.#labels.get(itemId);
    return label !== undefined && !this.#deleted.has(label);
  }

  /** Live itemIds, in label order. */
  ids(): string[] {
    return this.#ids.filter((_, label) => !this.#deleted.has(label));
  }

  /** The stored (unit-length) vector of a live item. */
  vector(itemId: string): Float32Array | undefined {
    const label = this.#labels.get(itemId);
    if (label === undefined || this.#deleted.has(label)) return undefined;
    return this.#point(label).slice();
  }

  /**
   * Exact similarity to each live item of `itemIds` (others are skipped), best
   * first, at most k. For a small candidate set (one category, co-visited items,
   * trending items to re-rank) this is far cheaper than a filtered graph walk,
   * which visits most of the graph when few items pass the filter.
   */
  searchAmong(vector: Float32Array | readonly number[], k: number, itemIds: Iterable<string>): AnnHit[] {
    intIn('k', k, 1, MAX_K);
    const query = this.#toArray(vector, 'vector');
    let norm = 0;
    for (const v of query) norm += v * v;
    norm = Math.sqrt(norm);
    const hits: AnnHit[] = [];
    const seen = new Set<number>();
    for (const itemId of itemIds) {
      const label = this.#labels.get(itemId);
      if (label === undefined || this.#deleted.has(label) || seen.has(label)) continue;
      seen.add(label);
      const p = this.#point(label);
      let dot = 0;
      for (let i = 0; i < this.dim; i++) dot += p[i]! * query[i]!;
      hits.push({ itemId, score: dot / norm });
    }
    hits.sort((a, b) => b.score - a.score);
    return hits.length > k ? hits.slice(0, k) : hits;
  }

  /**
   * The k most similar live items, best first. `filter` is asked during the graph
   * walk, so a selective filter still yields up to k hits (when that many pass).
   */
  search(vector: Float32Array | readonly number[], k: number, filter?: (itemId: string) => boolean): AnnHit[] {
    intIn('k', k, 1, MAX_K);
    if (filter !== undefined && typeof filter !== 'function') throw new TypeError('filter must be a function');
    const query = this.#toArray(vector, 'vector');
    const n = Math.min(k, this.size);
    if (n === 0) return [];
    const ids = this.#ids;
    const result = filter === undefined
      ? this.#hnsw.searchKnn(query, n)
      : this.#hnsw.searchKnn(query, n, (label: number) => filter(ids[label]!));
    const hits: AnnHit[] = new Array(result.neighbors.length);
    for (let i = 0; i < result.neighbors.length; i++) {
      hits[i] = { itemId: ids[result.neighbors[i]!]!, score: 1 - result.distances[i]! };
    }
    return hits;
  }

  /** Adds an item, or replaces the vector of an existing (or deleted) one. */
  add(itemId: string, vector: Float32Array | readonly number[]): void {
    if (typeof itemId !== 'string' || itemId.length === 0) throw new TypeError('itemId must be a non-empty string');
    const point = this.#toArray(vector, 'vector');
    let label = this.#labels.get(itemId);
    if (label === undefined) {
      label = this.#ids.length;
      if (label >= this.#hnsw.getMaxElements()) this.#hnsw.resizeIndex(Math.ceil(this.#hnsw.getMaxElements() * GROWTH));
      this.#ids.push(itemId);
      this.#labels.set(itemId, label);
    }
    // For an existing label hnswlib updates the point in place (and un-deletes it).
    this.#hnsw.addPoint(point, label);
    this.#deleted.delete(label);
    this.#points.delete(label);
  }

  /** Hides an item from searches; returns false when it was not live. */
  markDelete(itemId: string): boolean {
    const label = this.#labels.get(itemId);
    if (label === undefined || this.#deleted.has(label)) return false;
    this.#hnsw.markDelete(label);
    this.#deleted.add(label);
    return true;
  }

  #point(label: number): Float32Array {
    let p = this.#points.get(label);
    if (p === undefined) this.#points.set(label, (p = Float32Array.from(this.#hnsw.getPoint(label))));
    return p;
  }

  /** hnswlib-node takes plain arrays only; also rejects wrong lengths and non-finite values with a clear error. */
  #toArray(vector: Float32Array | readonly number[], name: string): number[] {
    if (vector === null || typeof vector !== 'object' || typeof vector.length !== 'number') {
      throw new TypeError(`${name} must be a Float32Array or number[]`);
    }
    if (vector.length !== this.dim) throw new RangeError(`${name} has ${vector.length} dimensions, the index has ${this.dim}`);
    const out = new Array<number>(this.dim);
    let nonZero = false;
    for (let i = 0; i < this.dim; i++) {
      const v = vector[i]!;
      if (!Number.isFinite(v)) throw new RangeError(`${name}[${i}] is ${String(v)}; values must be finite`);
      if (v !== 0) nonZero = true;
      out[i] = v;
    }
    // Cosine space normalises every point: a zero vector would become NaNs inside the graph.
    if (!nonZero) throw new RangeError(`${name} is all zeros; cosine similarity needs a direction`);
    return out;
  }
}
