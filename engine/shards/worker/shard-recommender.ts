/**
 * What a shard runs to recommend for one user: candidates from the HNSW replica
 * (session embedding as the query) and trending items, then a re-rank with
 * business signals (stock, popularity) and a reason per item. The pure scoring
 * of session signals lives in actors/recommend; this is the seam that feeds it.
 */
import type { SessionModel } from '../../../actors/recommend/index.js';
import type { UserState } from '../../../actors/user/index.js';
import type { RecItem } from '../../../protos/contract.js';
import { businessFactor, DEFAULT_LOGISTICS_WEIGHTS, type LogisticsWeights } from '../../../actors/ranking/index.js';

export interface CatalogFacts {
  itemId: string;
  name: string;
  category: string;
  price: number;
  stock: number;
  /** Units sold when stock was set (live stock = stock - (sold - soldAtStock)). */
  soldAtStock: number;
  deliveryDays?: number | undefined;
  lateDeliveryRate?: number | undefined;
  returnRate?: number | undefined;
}

export interface AnnLike {
  search(vector: Float32Array, k: number, filter?: (itemId: string) => boolean): Array<{ itemId: string; score: number }>;
  /** Exact scoring of a candidate set: for selective filters, where a graph walk visits most nodes. */
  searchAmong(vector: Float32Array, k: number, itemIds: Iterable<string>): Array<{ itemId: string; score: number }>;
  vector(itemId: string): Float32Array | undefined;
  readonly dim: number;
}

/** A recommended item as it is pushed and answered: the wire contract's shape. */
export type { RecItem } from '../../../protos/contract.js';

export interface RecommendContext {
  k: number;
  itemId?: string;
  category?: string;
  exclude?: readonly string[];
  /** An experiment variant's ranking strategy (absent: the shop's defaults). */
  strategy?: { fusionMode?: number; diversity?: number; categoryCap?: number };
}

export interface RecommenderDeps {
  catalog: ReadonlyMap<string, CatalogFacts>;
  ann: () => AnnLike | undefined;
  /** The session model learned from every shopper's events (co-visitation, sequences, session-kNN). */
  model: () => SessionModel;
  trending: () => ReadonlyArray<{ itemId: string; score: number }>;
  trendScore: (itemId: string) => number;
  /** Units left of an item (the model replica's view of the log's stock decisions). */
  unitsLeft: (f: CatalogFacts) => number;
  excludePurchased: boolean;
  /** Weights of the logistics multiplier. @default DEFAULT_LOGISTICS_WEIGHTS */
  logistics?: LogisticsWeights;
}

const SESSION_WINDOW = 10;
const RECENCY_DECAY = 0.7;
const ANN_CANDIDATES = 32;
/** Recent items whose content neighbours are merged, and how many neighbours are cached per item. */
const CONTENT_ANCHORS = 3;
const CACHED_NEIGHBOURS = 24;

export class ShardRecommender {
  readonly #d: RecommenderDeps;
  constructor(deps: RecommenderDeps) {
    this.#d = deps;
  }

  #byCategory: Map<string, string[]> | undefined;
  /** Content neighbours per item for the current index (bounded by the catalog size). */
  readonly #neighbours = new Map<string, Array<{ itemId: string; score: number }>>();
  #neighboursOf: AnnLike | undefined;
  #inCategory(category: string): string[] {
    if (!this.#byCategory) {
      this.#byCategory = new Map();
      for (const f of this.#d.catalog.values()) {
        let l = this.#byCategory.get(f.category);
        if (!l) this.#byCategory.set(f.category, (l = []));
        l.push(f.itemId);
      }
    }
    return this.#byCategory.get(category) ?? [];
  }

  /**
   * Items whose content is closest to the session's recent items (cold start for
   * items nobody has touched yet). Each anchor's neighbours are found once by HNSW
   * and cached, so a recompute merges cached lists instead of walking the graph.
   */
  #contentNeighbours(anchors: string[], ctx: RecommendContext, ok: (id: string) => boolean): Array<{ itemId: string; score: number }> {
    const ann = this.#d.ann();
    if (!ann || anchors.length === 0) return [];
    if (ctx.category) return this.#categoryNeighbours(ann, anchors, ctx.category, ok);
    if (this.#neighboursOf !== ann) {
      this.#neighboursOf = ann;
      this.#neighbours.clear();
    }
    const merged = new Map<string, number>();
    let w = 1;
    for (const id of anchors.slice(0, CONTENT_ANCHORS)) {
      let hits = this.#neighbours.get(id);
      if (!hits) {
        const v = ann.vector(id);
        hits = v ? ann.search(v, CACHED_NEIGHBOURS + 1).filter((h) => h.itemId !== id) : [];
        this.#neighbours.set(id, hits);
      }
      for (const h of hits) merged.set(h.itemId, (merged.get(h.itemId) ?? 0) + w * h.score);
      w *= RECENCY_DECAY;
    }
    const out: Array<{ itemId: string; score: number }> = [];
    for (const [itemId, score] of merged) if (ok(itemId)) out.push({ itemId, score });
    return out.sort((a, b) => b.score - a.score).slice(0, ANN_CANDIDATES);
  }

  /** With a category context few items qualify: score those exactly against the session embedding. */
  #categoryNeighbours(ann: AnnLike, anchors: string[], category: string, ok: (id: string) => boolean): Array<{ itemId: string; score: number }> {
    const q = new Float32Array(ann.dim);
    let w = 1;
    let used = 0;
    for (const id of anchors) {
      const v = ann.vector(id);
      if (v) {
        for (let j = 0; j < q.length; j++) q[j]! += w * v[j]!;
        used++;
      }
      w *= RECENCY_DECAY;
    }
    if (used === 0) return [];
    return ann.searchAmong(q, ANN_CANDIDATES, this.#inCategory(category).filter(ok));
  }

  /** Call when catalog entries changed (categories may have moved). */
  catalogChanged(): void {
    this.#byCategory = undefined;
    this.#left = undefined;
  }

  /** Units left per item; one lookup on the hot path. */
  #left: Map<string, number> | undefined;

  inStock(itemId: string): boolean {
    if (!this.#left) {
      this.#left = new Map();
      for (const f of this.#d.catalog.values()) this.#left.set(f.itemId, this.#unitsLeft(f));
    }
    return (this.#left.get(itemId) ?? 0) > 0;
  }

  /** Call after a stock decision about itemId was folded (its units left changed). */
  soldChanged(itemId: string): void {
    const f = this.#d.catalog.get(itemId);
    if (this.#left && f) this.#left.set(itemId, this.#unitsLeft(f));
  }

  #unitsLeft(f: CatalogFacts): number {
    return this.#d.unitsLeft(f);
  }

  recommend(state: UserState, ctx: RecommendContext): RecItem[] {
    const { catalog } = this.#d;
    const k = ctx.k;
    const excluded = new Set<string>(ctx.exclude ?? []);
    if (this.#d.excludePurchased) for (const id of state.purchased.slice(0, 50)) excluded.add(id);
    for (const l of state.cart) excluded.add(l.itemId);
    if (ctx.itemId) excluded.add(ctx.itemId);
    // The item on screen is not a suggestion (it has its own "recently viewed" place).
    const current = state.session[state.session.length - 1]?.itemId;
    if (current) excluded.add(current);
    const ok = (id: string) => !excluded.has(id) && this.inStock(id) && (!ctx.category || catalog.get(id)?.category === ctx.category);

    // Query: the recent session items (and the item in context), more recent weighing more.
    const anchors: string[] = [];
    if (ctx.itemId && catalog.has(ctx.itemId)) anchors.push(ctx.itemId);
    for (let i = state.session.length - 1; i >= 0 && anchors.length < SESSION_WINDOW; i--) {
      const id = state.session[i]!.itemId;
      if (!anchors.includes(id)) anchors.push(id);
    }
    const out = new Map<string, RecItem>();
    const describe = (id: string) => catalog.get(id)?.name;
    const extra = this.#contentNeighbours(anchors, ctx, ok);
    const sessionItems = state.session.slice(-SESSION_WINDOW * 2);
    if (ctx.itemId && catalog.has(ctx.itemId)) sessionItems.push({ itemId: ctx.itemId, ts: state.lastTs || 0, kind: 'view' });
    if (sessionItems.length > 0 || extra.length > 0) {
      const recs = this.#d.model().recommend({
        items: sessionItems,
        k: k * 2,
        exclude: excluded,
        isAvailable: ok,
        extraCandidates: extra,
        describe,
        sessionKey: state.userId,
        ...(ctx.strategy ? { strategy: ctx.strategy } : {}),
      });
      const maxTrend = Math.max(1, this.#d.trending()[0]?.score ?? 1);
      for (const r of recs) {
        const f = catalog.get(r.itemId);
        if (!f) continue;
        // Business signals: a mild lift for what is selling now; logistics and stock multiply (docs/ads.md).
        const biz = businessFactor(f, this.#unitsLeft(f), this.#d.logistics ?? DEFAULT_LOGISTICS_WEIGHTS);
        const score = r.score * (1 + 0.1 * Math.min(1, this.#d.trendScore(r.itemId) / maxTrend)) * biz.factor;
        out.set(r.itemId, { itemId: r.itemId, score, reason: biz.reason ? `${r.reason} · ${biz.reason}` : r.reason, name: f.name, price: f.price, category: f.category });
      }
    }
    if (out.size < k) {
      // Cold start or thin candidates: trending, in the shopper's favourite category first.
      const fav = Object.entries(state.affinity).sort((a, b) => b[1] - a[1])[0]?.[0];
      const top = this.#d.trending();
      const pick = (pred: (f: CatalogFacts) => boolean, reason: string) => {
        for (const t of top) {
          if (out.size >= k) return;
          const f = catalog.get(t.itemId);
          if (!f || out.has(t.itemId) || !ok(t.itemId) || !pred(f)) continue;
          out.set(t.itemId, { itemId: t.itemId, score: 0.01 * Math.log1p(t.score), reason, name: f.name, price: f.price, category: f.category });
        }
      };
      if (fav) pick((f) => f.category === fav, `popular in ${fav}`);
      pick(() => true, 'trending now');
      if (out.size < k) {
        // Nothing has happened yet on this shop: any items in stock, stable order.
        for (const f of catalog.values()) {
          if (out.size >= k) break;
          if (!out.has(f.itemId) && ok(f.itemId)) out.set(f.itemId, { itemId: f.itemId, score: 0, reason: 'new in the shop', name: f.name, price: f.price, category: f.category });
        }
      }
    }
    const ranked = [...out.values()].sort((a, b) => b.score - a.score);
    return diversify(ranked, k, ctx.strategy?.categoryCap !== undefined ? ctx.strategy.categoryCap / k : undefined);
  }
}

/** Keeps the ranking but caps items per category so one category cannot fill the strip. */
export function diversify(ranked: RecItem[], k: number, maxShare = 0.6): RecItem[] {
  const cap = Math.max(1, Math.ceil(k * maxShare - 1e-9));
  const perCat = new Map<string, number>();
  const picked: RecItem[] = [];
  const rest: RecItem[] = [];
  for (const r of ranked) {
    const n = perCat.get(r.category) ?? 0;
    if (n < cap && picked.length < k) {
      picked.push(r);
      perCat.set(r.category, n + 1);
    } else rest.push(r);
  }
  for (const r of rest) if (picked.length < k) picked.push(r);
  return picked;
}
