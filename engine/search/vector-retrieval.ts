/**
 * The vector half of hybrid search: the query embedded into the same content space
 * as the products (engine/catalog/content-embeddings) and searched in an HNSW index
 * of the item embeddings. The main thread loads its own copy of the index the shards
 * use (the files of the current index directory) and keeps it current: an upserted
 * product's vector is added at once, so vector hits follow catalog changes live.
 */
import { ContentEmbedder, type Product } from '../catalog/index.js';
import { AnnIndex, type AnnHit } from '../index/index.js';

/** Candidates taken from the graph per query (fusion looks at the top of both lists). */
export const DEFAULT_VECTOR_K = 100;

export interface VectorRetrieval {
  /** Most similar products to the query text, best first; empty when no word of it is known. */
  search(text: string, k: number, filter?: (itemId: string) => boolean): AnnHit[];
  /** The product's new text is reflected in its vector. */
  upsert(product: Product): void;
  remove(itemId: string): void;
  readonly size: number;
}

export class HnswVectorRetrieval implements VectorRetrieval {
  readonly #index: AnnIndex;
  readonly #embedder: ContentEmbedder;

  constructor(index: AnnIndex, embedder: ContentEmbedder) {
    if (index.dim !== embedder.dim) throw new RangeError(`the index has dim ${index.dim}, the embedder ${embedder.dim}`);
    this.#index = index;
    this.#embedder = embedder;
  }

  /**
   * Loads the graph at `path` and fits the embedder on `products` with the options
   * the index was built with (its meta's `info.embedding`).
   */
  static load(path: string, products: Iterable<Product>): HnswVectorRetrieval {
    const index = AnnIndex.load(path);
    const opts = (index.info as { embedding?: { dim?: number; seed?: number } }).embedding ?? {};
    return new HnswVectorRetrieval(index, ContentEmbedder.fit(products, { dim: opts.dim ?? index.dim, ...(opts.seed !== undefined ? { seed: opts.seed } : {}) }));
  }

  /** An index built here and now (tests, benchmarks). */
  static build(products: readonly Product[], options: { dim?: number } = {}): HnswVectorRetrieval {
    const { embedder, vectors } = ContentEmbedder.embedCatalog(products, options);
    const index = AnnIndex.build(products.map((p) => p.itemId), vectors, embedder.dim);
    return new HnswVectorRetrieval(index, embedder);
  }

  get size(): number {
    return this.#index.size;
  }

  has(itemId: string): boolean {
    return this.#index.has(itemId);
  }

  search(text: string, k: number, filter?: (itemId: string) => boolean): AnnHit[] {
    const vector = this.#embedder.embedText(text);
    if (vector === undefined || this.#index.size === 0) return [];
    return this.#index.search(vector, Math.min(k, this.#index.size), filter);
  }

  upsert(product: Product): void {
    this.#index.add(product.itemId, this.#embedder.embed(product));
  }

  remove(itemId: string): void {
    this.#index.markDelete(itemId);
  }
}
