/**
 * Filters and exact facet counts over a result set. One pass: an item failing no
 * filter counts in every facet; an item failing exactly one counts only in that
 * filter's facet (disjunctive faceting: a facet shows what its other values would give).
 */
import type { SearchFacets } from '../../protos/search-contract.js';

export interface SearchFilters {
  category?: string;
  /** Compared case-insensitively. */
  brand?: string;
  minPrice?: number;
  maxPrice?: number;
  inStock?: boolean;
  minRating?: number;
}

export interface FacetFacts {
  itemId: string;
  category: string;
  brand: string;
  price: number;
  rating: number | undefined;
  stock: number;
}

/** Price bucket edges (the last bucket has no upper bound). */
export const PRICE_EDGES = [0, 25, 50, 100, 250, 500, 1000, 2500] as const;
export const RATING_STEPS = [4, 3, 2] as const;
/** Brands listed in the facet (the chosen one is always there). */
export const MAX_BRAND_FACETS = 30;

const enum Dim {
  None = -1,
  Category = 0,
  Brand = 1,
  Price = 2,
  Rating = 3,
  Stock = 4,
}

/** The one filter `f` fails, Dim.None when it passes all, or -2 when it fails two or more. */
function failing(f: FacetFacts, filters: SearchFilters, brand: string | undefined): number {
  let dim: number = Dim.None;
  const fail = (d: Dim): boolean => {
    if (dim !== Dim.None) {
      dim = -2;
      return true;
    }
    dim = d;
    return false;
  };
  if (filters.category !== undefined && f.category !== filters.category && fail(Dim.Category)) return -2;
  if (brand !== undefined && f.brand.toLowerCase() !== brand && fail(Dim.Brand)) return -2;
  if (((filters.minPrice !== undefined && f.price < filters.minPrice) || (filters.maxPrice !== undefined && f.price > filters.maxPrice)) && fail(Dim.Price)) return -2;
  if (filters.minRating !== undefined && (f.rating ?? 0) < filters.minRating && fail(Dim.Rating)) return -2;
  if (filters.inStock === true && f.stock <= 0 && fail(Dim.Stock)) return -2;
  return dim;
}

/** Does the item pass every filter? */
export function passes(f: FacetFacts, filters: SearchFilters): boolean {
  return failing(f, filters, filters.brand?.toLowerCase()) === Dim.None;
}

export function hasFilters(filters: SearchFilters): boolean {
  return Object.values(filters).some((v) => v !== undefined);
}

function priceBucket(price: number): number {
  let b = 0;
  while (b + 1 < PRICE_EDGES.length && price >= PRICE_EDGES[b + 1]!) b++;
  return b;
}

/** Facet counts over `items` under `filters`, and the items that pass every filter (in input order). */
export function facetAndFilter<T extends FacetFacts>(items: readonly T[], filters: SearchFilters): { facets: SearchFacets; kept: T[] } {
  const brand = filters.brand?.toLowerCase();
  const categories = new Map<string, number>();
  const brands = new Map<string, number>();
  const prices = new Array<number>(PRICE_EDGES.length).fill(0);
  const ratings = new Array<number>(RATING_STEPS.length).fill(0);
  let inStock = 0;
  let outOfStock = 0;
  const kept: T[] = [];
  for (const f of items) {
    const dim = failing(f, filters, brand);
    if (dim === -2) continue;
    if (dim === Dim.None) kept.push(f);
    if (dim === Dim.None || dim === Dim.Category) categories.set(f.category, (categories.get(f.category) ?? 0) + 1);
    if (dim === Dim.None || dim === Dim.Brand) brands.set(f.brand, (brands.get(f.brand) ?? 0) + 1);
    if (dim === Dim.None || dim === Dim.Price) prices[priceBucket(f.price)]!++;
    if (dim === Dim.None || dim === Dim.Rating) {
      for (let i = 0; i < RATING_STEPS.length; i++) if ((f.rating ?? 0) >= RATING_STEPS[i]!) ratings[i]!++;
    }
    if (dim === Dim.None || dim === Dim.Stock) {
      if (f.stock > 0) inStock++;
      else outOfStock++;
    }
  }
  const byCount = (a: [string, number], b: [string, number]) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  let brandList = [...brands].sort(byCount);
  if (brandList.length > MAX_BRAND_FACETS) {
    const chosen = brandList.find(([b]) => b.toLowerCase() === brand);
    brandList = brandList.slice(0, MAX_BRAND_FACETS);
    if (chosen && !brandList.includes(chosen)) brandList.push(chosen);
  }
  return {
    kept,
    facets: {
      category: [...categories].sort(byCount).map(([value, count]) => ({ value, count })),
      brand: brandList.map(([value, count]) => ({ value, count })),
      price: PRICE_EDGES.map((min, i) => ({ min, max: PRICE_EDGES[i + 1] ?? null, count: prices[i]! })).filter((p) => p.count > 0),
      rating: RATING_STEPS.map((min, i) => ({ min, count: ratings[i]! })),
      availability: { inStock, outOfStock },
    },
  };
}
