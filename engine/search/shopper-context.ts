/**
 * The shopper's live context for re-ranking, read from the user actor's profile
 * (decayed category affinity, recent views, cart): which categories and brands they
 * lean to, what this session is about, and what they usually pay.
 */
import type { Catalog } from '../catalog/index.js';
import type { ShopperContext } from './rerank.js';

/** The parts of the profile the re-rank reads (see protos/contract.ts Profile). */
export interface ProfileFacts {
  recent?: readonly string[];
  cart?: ReadonlyArray<{ itemId: string }>;
  topCategories?: ReadonlyArray<{ category: string; score: number }>;
}

/** Recent views that say what the session is about. */
export const SESSION_VIEWS = 5;
/** Recent views brand affinity and price fit are read from. */
export const HISTORY_VIEWS = 20;

export function shopperContext(profile: ProfileFacts, catalog: Catalog): ShopperContext {
  const categories = new Map<string, number>();
  const top = profile.topCategories ?? [];
  const max = Math.max(0, ...top.map((c) => c.score));
  if (max > 0) for (const c of top) if (c.score > 0) categories.set(c.category, c.score / max);

  const brandCounts = new Map<string, number>();
  const prices: number[] = [];
  const recent = (profile.recent ?? []).slice(0, HISTORY_VIEWS);
  for (const id of recent) {
    const p = catalog.get(id);
    if (p === undefined) continue;
    brandCounts.set(p.brand, (brandCounts.get(p.brand) ?? 0) + 1);
    prices.push(p.price);
  }
  const brands = new Map<string, number>();
  const maxBrand = Math.max(0, ...brandCounts.values());
  // One view of a brand is not a preference.
  if (maxBrand >= 2) for (const [b, n] of brandCounts) if (n >= 2) brands.set(b, n / maxBrand);

  const sessionCategories = new Set<string>();
  for (const id of [...(profile.cart ?? []).map((l) => l.itemId), ...recent.slice(0, SESSION_VIEWS)]) {
    const p = catalog.get(id);
    if (p !== undefined) sessionCategories.add(p.category);
  }
  prices.sort((a, b) => a - b);
  const typicalPrice = prices.length >= 3 ? prices[Math.floor(prices.length / 2)] : undefined;
  return { categories, brands, sessionCategories, typicalPrice };
}
