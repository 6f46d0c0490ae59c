/**
 * Content embeddings for the catalog: hashed TF-IDF over the product's words, reduced
 * to `dim` dimensions by a seeded random projection. No training, no state beyond
 * the document frequencies, pure and deterministic: the same products and options
 * give the same bits in any thread, so index builds are reproducible.
 *
 * The projection is generated per token from a hash of the token and the seed
 * (one row of an implicit hashed-vocabulary x dim matrix of +-1/sqrt(dim)), so the
 * matrix never has to be stored and new words need no refit.
 */
import type { Product } from './product.js';
import { tokenize } from './tokenize.js';

export interface ContentEmbeddingOptions {
  /** Output dimensions. @default 64 */
  dim?: number;
  /** Seed of the random projection. @default 0x5eed */
  seed?: number;
}

export const DEFAULT_EMBEDDING_DIM = 64;
export const DEFAULT_PROJECTION_SEED = 0x5eed;
export const MIN_EMBEDDING_DIM = 8;
export const MAX_EMBEDDING_DIM = 1024;

/**
 * How much one occurrence counts per field. Category and brand are weighted up and
 * also enter as whole-value tokens (`c:running-shoes`, `b:new balance`), which is
 * what pulls a category together in embedding space.
 */
export const EMBEDDING_FIELD_WEIGHTS = { category: 4, brand: 2.5, name: 2, tags: 1.5, description: 1 } as const;

type Terms = Map<string, number>;

function terms(p: Product): Terms {
  const t: Terms = new Map();
  const put = (token: string, w: number): void => {
    t.set(token, (t.get(token) ?? 0) + w);
  };
  put(`c:${p.category}`, EMBEDDING_FIELD_WEIGHTS.category);
  for (const token of tokenize(p.category)) put(token, 1);
  put(`b:${p.brand.toLowerCase()}`, EMBEDDING_FIELD_WEIGHTS.brand);
  for (const token of tokenize(p.brand)) put(token, 1);
  for (const token of tokenize(p.name)) put(token, EMBEDDING_FIELD_WEIGHTS.name);
  for (const tag of p.tags ?? []) for (const token of tokenize(tag)) put(token, EMBEDDING_FIELD_WEIGHTS.tags);
  for (const token of tokenize(p.description)) put(token, EMBEDDING_FIELD_WEIGHTS.description);
  return t;
}

/** FNV-1a over UTF-16 code units, then a murmur3 finaliser mixed with the seed. */
function hashToken(token: string, seed: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < token.length; i++) h = Math.imul(h ^ token.charCodeAt(i), 0x01000193);
  h ^= Math.imul(seed | 0, 0x9e3779b1);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function validate(options: ContentEmbeddingOptions): { dim: number; seed: number } {
  const { dim = DEFAULT_EMBEDDING_DIM, seed = DEFAULT_PROJECTION_SEED } = options;
  if (!Number.isInteger(dim)) throw new TypeError(`dim must be an integer, got ${String(dim)}`);
  if (dim < MIN_EMBEDDING_DIM || dim > MAX_EMBEDDING_DIM) {
    throw new RangeError(`dim must be ${MIN_EMBEDDING_DIM}..${MAX_EMBEDDING_DIM}, got ${dim}`);
  }
  if (!Number.isSafeInteger(seed)) throw new TypeError(`seed must be an integer, got ${String(seed)}`);
  return { dim, seed };
}

export class ContentEmbedder {
  readonly dim: number;
  readonly seed: number;
  #df: Map<string, number>;
  #docs: number;
  #rows = new Map<string, Float32Array>();

  private constructor(dim: number, seed: number, df: Map<string, number>, docs: number) {
    this.dim = dim;
    this.seed = seed;
    this.#df = df;
    this.#docs = docs;
  }

  /** Learns document frequencies from the catalog; `embed` then works for any product, old or new. */
  static fit(products: Iterable<Product>, options: ContentEmbeddingOptions = {}): ContentEmbedder {
    const all: Terms[] = [];
    for (const p of products) all.push(terms(p));
    return ContentEmbedder.#fromTerms(all, options);
  }

  static #fromTerms(all: readonly Terms[], options: ContentEmbeddingOptions): ContentEmbedder {
    const { dim, seed } = validate(options);
    const df = new Map<string, number>();
    for (const t of all) for (const token of t.keys()) df.set(token, (df.get(token) ?? 0) + 1);
    return new ContentEmbedder(dim, seed, df, all.length);
  }

  /** Fit and embed in one pass over the tokens. */
  static embedCatalog(products: readonly Product[], options: ContentEmbeddingOptions = {}): { embedder: ContentEmbedder; vectors: Float32Array } {
    const all = products.map(terms);
    const embedder = ContentEmbedder.#fromTerms(all, options);
    const vectors = new Float32Array(products.length * embedder.dim);
    for (let i = 0; i < all.length; i++) embedder.#embedTerms(all[i]!, vectors, i * embedder.dim);
    return { embedder, vectors };
  }

  /** Writes the L2-normalised embedding of `product` into `out` at `offset` (a fresh array by default). */
  embed(product: Product, out: Float32Array = new Float32Array(this.dim), offset = 0): Float32Array {
    if (!Number.isInteger(offset) || offset < 0 || offset + this.dim > out.length) {
      throw new RangeError(`offset ${offset} + dim ${this.dim} does not fit in out (length ${out.length})`);
    }
    return this.#embedTerms(terms(product), out, offset);
  }

  /** n x dim, row i for products[i]. */
  embedAll(products: readonly Product[]): Float32Array {
    const out = new Float32Array(products.length * this.dim);
    for (let i = 0; i < products.length; i++) this.embed(products[i]!, out, i * this.dim);
    return out;
  }

  /**
   * Embeds free text (a search query) into the products' space: each word as a name
   * word, in the form the catalog uses (as typed, or its plural or singular), and a
   * word or word pair naming a known category or brand also as that whole-value token,
   * which is what pulls a query toward its category. Undefined when no word is known.
   */
  embedText(text: string, out: Float32Array = new Float32Array(this.dim)): Float32Array | undefined {
    const t: Terms = new Map();
    const put = (token: string, w: number): void => {
      t.set(token, (t.get(token) ?? 0) + w);
    };
    const words = tokenize(text);
    const known = (token: string): string | undefined => {
      for (const form of [token, `${token}s`, token.endsWith('s') ? token.slice(0, -1) : '', token.endsWith('es') ? token.slice(0, -2) : '']) {
        if (form && this.#df.has(form)) return form;
      }
      return undefined;
    };
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      const form = known(w);
      if (form !== undefined) put(form, EMBEDDING_FIELD_WEIGHTS.name);
      const pair = i + 1 < words.length ? `${w}-${words[i + 1]!}` : '';
      for (const slug of [w, `${w}s`, pair, pair ? `${pair}s` : '']) {
        if (slug && this.#df.has(`c:${slug}`)) put(`c:${slug}`, EMBEDDING_FIELD_WEIGHTS.category);
      }
      for (const brand of [w, pair.replace('-', ' ')]) {
        if (brand && this.#df.has(`b:${brand}`)) put(`b:${brand}`, EMBEDDING_FIELD_WEIGHTS.brand);
      }
    }
    if (t.size === 0) return undefined;
    return this.#embedTerms(t, out, 0);
  }

  #idf(token: string): number {
    return Math.log((1 + this.#docs) / (1 + (this.#df.get(token) ?? 0))) + 1;
  }

  /** The token's row of the projection: +-1/sqrt(dim) signs drawn from an xorshift stream. */
  #row(token: string): Float32Array {
    let row = this.#rows.get(token);
    if (row !== undefined) return row;
    row = new Float32Array(this.dim);
    const scale = 1 / Math.sqrt(this.dim);
    let state = hashToken(token, this.seed) || 0x9e3779b9;
    for (let i = 0; i < this.dim; i++) {
      if ((i & 31) === 0) {
        state ^= state << 13;
        state ^= state >>> 17;
        state ^= state << 5;
      }
      row[i] = (state >>> (i & 31)) & 1 ? scale : -scale;
    }
    this.#rows.set(token, row);
    return row;
  }

  #embedTerms(t: Terms, out: Float32Array, offset: number): Float32Array {
    const dim = this.dim;
    const acc = new Float64Array(dim);
    for (const [token, weight] of t) {
      const value = Math.log1p(weight) * this.#idf(token);
      const row = this.#row(token);
      for (let i = 0; i < dim; i++) acc[i]! += value * row[i]!;
    }
    let norm = 0;
    for (let i = 0; i < dim; i++) norm += acc[i]! * acc[i]!;
    norm = Math.sqrt(norm);
    // Every product has a category token, so a zero sum is a freak cancellation; keep the row a unit vector anyway.
    if (norm === 0) {
      out.fill(0, offset, offset + dim);
      out[offset] = 1;
      return out;
    }
    for (let i = 0; i < dim; i++) out[offset + i] = acc[i]! / norm;
    return out;
  }
}

/**
 * Embeds a catalog: returns n x dim floats, row i for products[i], each row of unit
 * length (cosine similarity is a dot product).
 */
export function contentEmbeddings(products: readonly Product[], options: ContentEmbeddingOptions = {}): Float32Array {
  return ContentEmbedder.embedCatalog(products, options).vectors;
}
