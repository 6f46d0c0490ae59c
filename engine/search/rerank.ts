/**
 * The personal, business-aware re-rank of the top of a fused ranking. Pure: the
 * shopper's context and the product facts come in, a new order with the reason for
 * every boost comes out (shown in the response, so a ranking can be explained).
 */

export interface ShopperContext {
  /** Decayed category interest, scaled so the strongest is 1. */
  categories: ReadonlyMap<string, number>;
  /** Brand interest from recently viewed items, strongest 1. */
  brands: ReadonlyMap<string, number>;
  /** Categories of the cart and the last few views: what this session is about. */
  sessionCategories: ReadonlySet<string>;
  /** Median price of recently viewed items (undefined: no history). */
  typicalPrice: number | undefined;
}

export interface RerankItem {
  itemId: string;
  category: string;
  brand: string;
  price: number;
  /** Live stock. */
  stock: number;
  score: number;
}

export interface Boost {
  reason: 'category_affinity' | 'brand_affinity' | 'session_intent' | 'price_fit' | 'out_of_stock';
  /** What it is about: the category, brand, or price band. */
  detail: string;
  /** The multiplier applied to the relevance score. */
  factor: number;
}

export interface Reranked<T extends RerankItem> {
  item: T;
  score: number;
  boosts: Boost[];
}

/** How much each signal can lift an item, at full strength. */
export const RERANK_WEIGHTS = {
  category: 0.5,
  brand: 0.25,
  session: 0.2,
  priceFit: 0.1,
  /**
   * An out-of-stock item keeps this share of its score: it stays below any in-stock
   * item at least half as relevant ("similar relevance"), and is never hidden unless asked.
   */
  outOfStock: 0.5,
} as const;
/** Items re-ranked from the top of the fused list (the rest keep their order). */
export const DEFAULT_RERANK_TOP = 100;

export const NO_CONTEXT: ShopperContext = { categories: new Map(), brands: new Map(), sessionCategories: new Set(), typicalPrice: undefined };

const round = (x: number) => Math.round(x * 1000) / 1000;

/** `business`: the logistics x stock multiplier of an in-stock item (docs/ads.md); absent = 1. */
export function rerank<T extends RerankItem>(items: readonly T[], ctx: ShopperContext, business?: (item: T) => number): Array<Reranked<T>> {
  const out = items.map((item): Reranked<T> => {
    const boosts: Boost[] = [];
    const cat = ctx.categories.get(item.category) ?? 0;
    if (cat > 0) boosts.push({ reason: 'category_affinity', detail: item.category, factor: round(1 + RERANK_WEIGHTS.category * cat) });
    const brand = ctx.brands.get(item.brand) ?? 0;
    if (brand > 0) boosts.push({ reason: 'brand_affinity', detail: item.brand, factor: round(1 + RERANK_WEIGHTS.brand * brand) });
    if (ctx.sessionCategories.has(item.category)) boosts.push({ reason: 'session_intent', detail: item.category, factor: round(1 + RERANK_WEIGHTS.session) });
    if (ctx.typicalPrice !== undefined && ctx.typicalPrice > 0 && item.price > 0) {
      // Full lift at the shopper's typical price, none at half or double of it.
      const fit = 1 - Math.min(1, Math.abs(Math.log2(item.price / ctx.typicalPrice)));
      if (fit > 0) boosts.push({ reason: 'price_fit', detail: `around ${Math.round(ctx.typicalPrice)}`, factor: round(1 + RERANK_WEIGHTS.priceFit * fit) });
    }
    if (item.stock <= 0) boosts.push({ reason: 'out_of_stock', detail: 'demoted', factor: RERANK_WEIGHTS.outOfStock });
    let score = item.score;
    for (const b of boosts) score *= b.factor;
    if (business && item.stock > 0) score *= business(item);
    return { item, score, boosts };
  });
  // Stable: equal scores keep the fused order.
  return out.map((r, i) => ({ r, i })).sort((a, b) => b.r.score - a.r.score || a.i - b.i).map(({ r }) => r);
}
