/**
 * Sponsored entries in the answers of /api/search and /api/recommendations: the
 * context of the answer (its query terms, categories and organic items) goes to one
 * auction; the winners take their slots (ad-placement.ts). Only a shopper with a
 * session sees ads: a click must name who saw the impression.
 */
import type { RecItem } from '../../protos/contract.js';
import type { SearchItem, SearchResponse } from '../../protos/search-contract.js';
import type { Catalog } from '../catalog/index.js';
import type { Ads } from './ads.js';
import { placeSponsored, type SponsoredFields } from './ad-placement.js';
import type { CatalogViews } from './catalog-views.js';
import { stockReason } from '../../actors/ranking/index.js';

const CONTEXT_ITEMS = 5;

function categoriesOf(catalog: Catalog, ids: readonly string[], first?: string): string[] {
  const out = new Set<string>(first ? [first] : []);
  for (const id of ids.slice(0, CONTEXT_ITEMS)) {
    const c = catalog.get(id)?.category;
    if (c) out.add(c);
  }
  return [...out];
}

export async function sponsorSearch(ads: Ads, views: CatalogViews, catalog: Catalog, r: SearchResponse, userId: string, category?: string): Promise<SearchResponse & { items: Array<SearchItem & SponsoredFields> }> {
  const organic = r.items.map((i) => i.itemId);
  const won = await ads.sponsor({
    userId, slot: 'search', total: Math.max(r.items.length, r.limit > 0 ? Math.min(r.limit, r.items.length + 2) : 0),
    queryTerms: r.terms, categories: categoriesOf(catalog, organic, category), organic,
  });
  const items = placeSponsored<SearchItem & SponsoredFields>(r.items, won, (ad) => {
    const v = views.lookup([ad.itemId])[0];
    return v ? { ...v, score: 0, boosts: [], matches: [], source: 'lexical' } : undefined;
  });
  return { ...r, items };
}

export async function sponsorRecs(ads: Ads, catalog: Catalog, stockOf: (id: string) => number, recs: { items: RecItem[]; ts: number }, userId: string, k: number, ctx: { itemId?: string | undefined; category?: string | undefined }): Promise<{ items: Array<RecItem & SponsoredFields>; ts: number }> {
  const organic = recs.items.map((i) => i.itemId);
  const first = ctx.category ?? (ctx.itemId ? catalog.get(ctx.itemId)?.category : undefined);
  const won = await ads.sponsor({ userId, slot: ctx.itemId ? 'product' : 'recs', total: Math.max(k, recs.items.length), categories: categoriesOf(catalog, organic, first), organic });
  const items = placeSponsored<RecItem & SponsoredFields>(recs.items, won, (ad) => {
    const p = catalog.get(ad.itemId);
    if (!p) return undefined;
    return { itemId: p.itemId, score: 0, reason: stockReason(stockOf(p.itemId)) || 'sponsored', name: p.name, price: p.price, category: p.category };
  });
  return { items, ts: recs.ts };
}
