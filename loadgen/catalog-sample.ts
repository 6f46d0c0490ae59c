/**
 * Reads the engine's catalog over its public API, a page at a time: GET
 * /api/products the way a storefront would, or gRPC ListItems (transport/).
 */
import type { CatalogSample } from './behaviour/types.js';
import { LoadgenError } from './errors.js';

const PAGE_SIZE = 100;
const PAGE_CONCURRENCY = 8;
/** Enough items for realistic browsing and replay mapping without paging a huge catalog. */
export const DEFAULT_MAX_ITEMS = 20_000;

export interface ProductsPage {
  items: Array<{ itemId: string; category: string; stock?: number }>;
  total: number;
}

/** Page `page` (1-based) of `limit` products; throws a LoadgenError that says what to do. */
export type CatalogPages = (page: number, limit: number) => Promise<ProductsPage>;

/** GET /api/products. */
export const httpCatalogPages = (url: string): CatalogPages => async (n, limit) => {
  let r: Response;
  try {
    r = await fetch(`${url}/api/products?limit=${limit}&page=${n}`);
  } catch (err) {
    throw new LoadgenError('E_UNREACHABLE', `cannot reach the engine at ${url} (${(err as Error).message}); start it or pass --url`, { cause: err });
  }
  if (r.status !== 200) throw new LoadgenError('E_UNREACHABLE', `GET ${url}/api/products answered ${r.status}: ${(await r.text()).slice(0, 200)}`);
  return (await r.json()) as ProductsPage;
};

/** Fetches up to `maxItems` products (all of a small catalog). */
export async function fetchCatalogSample(read: CatalogPages, where: string, maxItems = DEFAULT_MAX_ITEMS): Promise<CatalogSample & { total: number }> {
  const first = await read(1, PAGE_SIZE);
  const want = Math.min(first.total, maxItems);
  const pages = Math.ceil(want / PAGE_SIZE);
  const all: ProductsPage['items'][] = [first.items];
  let next = 2;
  await Promise.all(Array.from({ length: PAGE_CONCURRENCY }, async () => {
    while (next <= pages) {
      const n = next++;
      all[n - 1] = (await read(n, PAGE_SIZE)).items;
    }
  }));
  const categories: string[] = [];
  const catIndex = new Map<string, number>();
  const sample: CatalogSample & { total: number } = { itemIds: [], categoryOf: [], categories, stock: [], total: first.total };
  for (const items of all) {
    for (const p of items ?? []) {
      if (sample.itemIds.length >= want) break;
      let c = catIndex.get(p.category);
      if (c === undefined) {
        c = categories.length;
        categories.push(p.category);
        catIndex.set(p.category, c);
      }
      sample.itemIds.push(p.itemId);
      sample.categoryOf.push(c);
      sample.stock.push(typeof p.stock === 'number' ? p.stock : 0);
    }
  }
  if (sample.itemIds.length === 0) throw new LoadgenError('E_UNREACHABLE', `the engine at ${where} lists no products: nothing to browse`);
  return sample;
}
