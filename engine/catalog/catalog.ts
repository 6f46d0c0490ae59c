/**
 * The in-memory catalog: lookups, category counts and the paged product listing
 * behind `GET /api/products`. Products are stored frozen, so a caller cannot change
 * one behind the search index's back; change them through `upsert`.
 */
import { BadRequestError } from '../errors/index.js';
import { CATEGORY_PATTERN, checkProduct, type Product } from './product.js';
import { TokenSearch, type TextSearch, type TextSearchFactory } from './text-search.js';

import { SORT_ORDERS, type ProductList, type ProductListQuery, type SortOrder } from '../../protos/contract.js';

export { SORT_ORDERS, type SortOrder };
export type PopularityFn = (itemId: string) => number;

export const DEFAULT_LIST_LIMIT = 24;
export const MAX_LIST_LIMIT = 100;
export const MAX_QUERY_LENGTH = 200;

export interface ListQuery extends ProductListQuery {
  /** Needed for `sort: 'popularity'` unless given to the constructor; non-finite values sort last. */
  popularity?: PopularityFn;
}

export type ListResult = ProductList<Product>;

export interface CategoryCount {
  category: string;
  count: number;
}

export interface CatalogOptions {
  /** Builds the keyword search. @default () => new TokenSearch() */
  search?: TextSearchFactory;
  /** Default popularity source for `sort: 'popularity'`. */
  popularity?: PopularityFn;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
/** Sorted listings kept between calls; (categories + 1) x sorts stays far below this. */
const MAX_CACHED_SORTS = 256;

const COMPARATORS: Partial<Record<SortOrder, (a: Product, b: Product) => number>> = {
  price_asc: (a, b) => a.price - b.price,
  price_desc: (a, b) => b.price - a.price,
  name: (a, b) => collator.compare(a.name, b.name),
};

function badQuery(field: string, problem: string): BadRequestError {
  return new BadRequestError(`${field} ${problem}`, field);
}

export class Catalog implements Iterable<Product> {
  #products = new Map<string, Product>();
  #byCategory = new Map<string, Set<string>>();
  #search: TextSearch;
  #popularity: PopularityFn | undefined;
  #version = 0;
  /** Browsing (no `q`) re-sorts the same lists on every page view: keep them until the catalog changes. */
  #sorted = new Map<string, Product[]>();
  #sortedVersion = -1;

  /** Throws `BadRequestError` on an invalid product or a repeated itemId. */
  constructor(products: Iterable<Product> = [], options: CatalogOptions = {}) {
    const { search = () => new TokenSearch(), popularity } = options;
    if (typeof search !== 'function') throw new TypeError('options.search must be a function returning a TextSearch');
    if (popularity !== undefined && typeof popularity !== 'function') throw new TypeError('options.popularity must be a function');
    this.#search = search();
    this.#popularity = popularity;
    for (const product of products) {
      // The catalog under construction is discarded on throw, so overwriting first is harmless.
      const { product: stored, created } = this.upsert(product);
      if (!created) throw badQuery('itemId', `"${stored.itemId}" appears twice`);
    }
  }

  get size(): number {
    return this.#products.size;
  }

  /** Bumped on every change; cheap to compare for caches. */
  get version(): number {
    return this.#version;
  }

  get(itemId: string): Product | undefined {
    return this.#products.get(itemId);
  }

  has(itemId: string): boolean {
    return this.#products.has(itemId);
  }

  [Symbol.iterator](): IterableIterator<Product> {
    return this.#products.values();
  }

  values(): IterableIterator<Product> {
    return this.#products.values();
  }

  /** Categories with their product counts, by name. */
  categories(): CategoryCount[] {
    return [...this.#byCategory]
      .map(([category, ids]) => ({ category, count: ids.size }))
      .sort((a, b) => (a.category < b.category ? -1 : a.category > b.category ? 1 : 0));
  }

  /** Adds or replaces a product after validating it; throws `BadRequestError` naming the field. */
  upsert(product: Product): { product: Product; created: boolean } {
    const check = checkProduct(product);
    if (!check.ok) throw new BadRequestError(check.message, check.field || undefined);
    // soldAtStock is the engine's own bookkeeping, not a field rows may carry: kept from the caller.
    const next = product.soldAtStock ? (Object.freeze({ ...check.product, soldAtStock: product.soldAtStock }) as Product) : check.product;
    const previous = this.#products.get(next.itemId);
    if (previous !== undefined && previous.category !== next.category) this.#leaveCategory(previous);
    let ids = this.#byCategory.get(next.category);
    if (ids === undefined) this.#byCategory.set(next.category, (ids = new Set()));
    ids.add(next.itemId);
    this.#products.set(next.itemId, next);
    this.#search.add(next);
    this.#version++;
    return { product: next, created: previous === undefined };
  }

  delete(itemId: string): boolean {
    const previous = this.#products.get(itemId);
    if (previous === undefined) return false;
    this.#leaveCategory(previous);
    this.#products.delete(itemId);
    this.#search.remove(itemId);
    this.#version++;
    return true;
  }

  /** A page of products; throws `BadRequestError` naming the parameter on bad input. */
  list(query: ListQuery = {}): ListResult {
    const { category, q, sort, page, limit, popularity } = this.#validate(query);
    const start = (page - 1) * limit;
    const comparator = COMPARATORS[sort];
    if (q === undefined && comparator !== undefined) {
      const sorted = this.#sortedList(category, sort, comparator);
      return { items: sorted.slice(start, start + limit), total: sorted.length, page, limit };
    }
    const scores = q === undefined ? undefined : this.#search.search(q);
    const candidates: Product[] = [];
    if (scores !== undefined) {
      for (const itemId of scores.keys()) {
        const p = this.#products.get(itemId);
        if (p !== undefined && (category === undefined || p.category === category)) candidates.push(p);
      }
    } else if (category !== undefined) {
      for (const itemId of this.#byCategory.get(category) ?? []) candidates.push(this.#products.get(itemId)!);
    } else {
      candidates.push(...this.#products.values());
    }
    // Array#sort is stable: ties keep catalog (or search) order.
    switch (sort) {
      case 'relevance':
        if (scores !== undefined) candidates.sort((a, b) => scores.get(b.itemId)! - scores.get(a.itemId)!);
        break;
      case 'price_asc':
      case 'price_desc':
      case 'name':
        candidates.sort(comparator);
        break;
      case 'popularity': {
        const pop = new Map<string, number>();
        for (const p of candidates) {
          const v = popularity!(p.itemId);
          pop.set(p.itemId, Number.isFinite(v) ? v : -Infinity);
        }
        candidates.sort((a, b) => {
          const pa = pop.get(a.itemId)!;
          const pb = pop.get(b.itemId)!;
          return pa === pb ? 0 : pb > pa ? 1 : -1;
        });
        break;
      }
    }
    return { items: candidates.slice(start, start + limit), total: candidates.length, page, limit };
  }

  #sortedList(category: string | undefined, sort: SortOrder, comparator: (a: Product, b: Product) => number): Product[] {
    if (this.#sortedVersion !== this.#version || this.#sorted.size >= MAX_CACHED_SORTS) {
      this.#sorted.clear();
      this.#sortedVersion = this.#version;
    }
    const key = `${sort}|${category ?? ''}`;
    let list = this.#sorted.get(key);
    if (list === undefined) {
      list = category === undefined
        ? [...this.#products.values()]
        : [...(this.#byCategory.get(category) ?? [])].map((id) => this.#products.get(id)!);
      list.sort(comparator);
      this.#sorted.set(key, list);
    }
    return list;
  }

  #leaveCategory(product: Product): void {
    const ids = this.#byCategory.get(product.category);
    ids?.delete(product.itemId);
    if (ids?.size === 0) this.#byCategory.delete(product.category);
  }

  #validate(query: ListQuery): Required<Omit<ListQuery, 'category' | 'q' | 'popularity'>> & {
    category: string | undefined;
    q: string | undefined;
    popularity: PopularityFn | undefined;
  } {
    if (typeof query !== 'object' || query === null) throw badQuery('query', 'must be an object');
    const { category, q, sort = 'relevance', page = 1, limit = DEFAULT_LIST_LIMIT } = query;
    const popularity = query.popularity ?? this.#popularity;
    if (category !== undefined && typeof category !== 'string') throw badQuery('category', 'must be a string');
    if (category && !CATEGORY_PATTERN.test(category)) throw badQuery('category', `must be a slug like "running-shoes", got ${JSON.stringify(category.slice(0, 70))}`);
    if (q !== undefined && typeof q !== 'string') throw badQuery('q', 'must be a string');
    if (q !== undefined && q.length > MAX_QUERY_LENGTH) throw badQuery('q', `must be at most ${MAX_QUERY_LENGTH} characters, got ${q.length}`);
    if (!(SORT_ORDERS as readonly unknown[]).includes(sort)) throw badQuery('sort', `must be one of ${SORT_ORDERS.join(', ')}, got ${JSON.stringify(sort)}`);
    if (!Number.isSafeInteger(page) || page < 1) throw badQuery('page', `must be an integer >= 1, got ${JSON.stringify(page)}`);
    if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_LIST_LIMIT) {
      throw badQuery('limit', `must be an integer from 1 to ${MAX_LIST_LIMIT}, got ${JSON.stringify(limit)}`);
    }
    if (popularity !== undefined && typeof popularity !== 'function') throw new TypeError('popularity must be a function');
    if (sort === 'popularity' && popularity === undefined) {
      throw new TypeError('sort "popularity" needs a popularity function (in list() or the Catalog options)');
    }
    return { category: category || undefined, q: q?.trim() || undefined, sort, page, limit, popularity };
  }
}
