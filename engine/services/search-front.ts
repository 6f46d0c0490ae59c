/**
 * Search as the front doors offer it: the shopper's live context read from their user
 * actor (in parallel with nothing else to wait for: the ask is the only I/O), then the
 * synchronous hybrid search; suggestions with hot queries from the analytics fold.
 */
import { businessFactor, DEFAULT_LOGISTICS_WEIGHTS, type LogisticsWeights } from '../../actors/ranking/index.js';
import type { Catalog } from '../catalog/index.js';
import type { Logger, Metrics } from '../observability/index.js';
import {
  checkSearchQuery, NO_CONTEXT, shopperContext, type HotQuerySource, type SearchService, type ShopperContext, type Suggester,
} from '../search/index.js';
import type { SearchQuery, SearchResponse, SuggestQuery, SuggestResponse } from '../../protos/search-contract.js';
import type { Asks } from './asks.js';

/** A search never waits longer than this for the shopper's profile: it answers unpersonalised instead. */
export const CONTEXT_TIMEOUT_MS = 200;
/** Hot query lists are re-read from the analytics store at most this often (a read scans every key). */
export const HOT_CACHE_MS = 1000;

export interface SearchFrontDeps {
  service: SearchService;
  suggester: Suggester;
  asks: Asks;
  catalog: Catalog;
  metrics: Metrics;
  log?: Logger | undefined;
  /** Weights of the logistics multiplier. @default DEFAULT_LOGISTICS_WEIGHTS */
  logistics?: LogisticsWeights | undefined;
}

export class SearchFront {
  readonly service: SearchService;
  readonly #suggester: Suggester;
  readonly #asks: Asks;
  readonly #catalog: Catalog;
  readonly #log: Logger | undefined;
  readonly #logistics: LogisticsWeights;
  readonly #contextFailures: { inc(): void };
  readonly #zero: { inc(): void };
  #hotRead: ((kind: string, limit: number) => Array<{ key: string; score: number }>) | undefined;
  #hotCache = new Map<string, { at: number; rows: Array<{ query: string; score: number }> }>();

  constructor(deps: SearchFrontDeps) {
    this.service = deps.service;
    this.#suggester = deps.suggester;
    this.#asks = deps.asks;
    this.#catalog = deps.catalog;
    this.#log = deps.log;
    this.#logistics = deps.logistics ?? DEFAULT_LOGISTICS_WEIGHTS;
    this.#contextFailures = deps.metrics.counter('shop_search_context_failures_total', 'searches answered without personalisation because the profile ask failed or was late');
    this.#zero = deps.metrics.counter('shop_search_zero_results_total', 'searches that found nothing, not even with relaxed matching or a fallback');
  }

  /** The analytics fold's hot lists (set once analytics runs; without it suggestions have no hot queries). */
  setHotSource(read: (kind: string, limit: number) => Array<{ key: string; score: number }>): void {
    this.#hotRead = read;
  }

  /** Hot queries, best first, cached for HOT_CACHE_MS. */
  readonly hot: HotQuerySource = (category) => {
    if (this.#hotRead === undefined) return [];
    const kind = category === undefined ? 'q' : `qc:${category}|`;
    const now = Date.now();
    const cached = this.#hotCache.get(kind);
    if (cached && now - cached.at < HOT_CACHE_MS) return cached.rows;
    const rows = this.#hotRead(kind, 200).map((r) => ({ query: r.key, score: r.score }));
    if (this.#hotCache.size > 1000) this.#hotCache.clear();
    this.#hotCache.set(kind, { at: now, rows });
    return rows;
  };

  async search(query: SearchQuery | Record<string, unknown>, userId?: string): Promise<SearchResponse> {
    checkSearchQuery(query); // bad input is refused before any ask
    const ctx = userId === undefined ? NO_CONTEXT : await this.#context(userId);
    const r = this.service.search(query, ctx);
    if (r.total === 0) this.#zero.inc();
    return this.#notes(r);
  }

  /** The notes of logistics and stock ("ships in 1 day", "only 2 left"); the multiplier itself is in the search's re-rank. */
  #notes(r: SearchResponse): SearchResponse {
    const items = r.items.map((it) => {
      const { reason } = businessFactor(this.#catalog.get(it.itemId) ?? {}, it.stock, this.#logistics);
      return reason ? { ...it, note: reason } : it;
    });
    return { ...r, items };
  }

  suggest(query: SuggestQuery | Record<string, unknown>): SuggestResponse {
    return this.#suggester.suggest(query);
  }

  async #context(userId: string): Promise<ShopperContext> {
    try {
      return shopperContext(await this.#asks.profile(userId, { timeoutMs: CONTEXT_TIMEOUT_MS }), this.#catalog);
    } catch (err) {
      this.#contextFailures.inc();
      this.#log?.warn('search without personalisation: profile ask failed', { err, userId });
      return NO_CONTEXT;
    }
  }
}
