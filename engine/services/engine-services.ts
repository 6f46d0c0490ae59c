/**
 * What the engine offers its front doors (HTTP/WebSocket gateway, gRPC), one
 * concern per service: sessions, tracking events into the log, asks to user
 * actors, stock and checkout, catalog views and catalog admin. Front doors only
 * translate protocols; the rules live in these services, once. This object only
 * builds them and hands them out.
 */
import type { NatsConnection } from '@nats-io/transport-node';
import type { Catalog } from '../catalog/index.js';
import type { EventLog } from '../log/index.js';
import type { Logger, Metrics } from '../observability/index.js';
import type { PushRouter } from '../push/index.js';
import type { StateStore } from '../store/index.js';
import { Asks, type LocalShards } from './asks.js';
import { CatalogAdmin } from './catalog-admin.js';
import { CatalogViews } from './catalog-views.js';
import { Inventory } from './inventory.js';
import type { SessionTokens } from './session-tokens.js';
import { Tracking } from './tracking.js';
import { SearchService, Suggester, type LexicalIndex, type SearchServiceOptions, type VectorRetrieval } from '../search/index.js';
import { SearchFront } from './search-front.js';
import type { Ads } from './ads.js';
import { businessFactor, DEFAULT_LOGISTICS_WEIGHTS, type LogisticsWeights } from '../../actors/ranking/index.js';

export interface EngineServicesDeps {
  sessions: SessionTokens;
  catalog: Catalog;
  pushes: PushRouter;
  metrics: Metrics;
  log: EventLog;
  nc: NatsConnection;
  store: StateStore;
  localShards?: LocalShards;
  /** Hybrid search over the catalog's lexical index (absent: /api/search answers E_UNAVAILABLE). */
  search?: { lexical: LexicalIndex; vectors?: VectorRetrieval | undefined; options?: SearchServiceOptions; log?: Logger; logistics?: LogisticsWeights };
}

export class EngineServices {
  readonly sessions: SessionTokens;
  /** The products as loaded and upserted (no live stock: see catalogViews). */
  readonly catalog: Catalog;
  readonly pushes: PushRouter;
  readonly metrics: Metrics;
  readonly tracking: Tracking;
  readonly asks: Asks;
  readonly inventory: Inventory;
  readonly catalogViews: CatalogViews;
  readonly catalogAdmin: CatalogAdmin;
  readonly search: SearchFront | undefined;
  /** Sponsored products (set by the composition root once it follows the campaigns; absent: answers carry no ads). */
  ads: Ads | undefined;

  constructor(deps: EngineServicesDeps) {
    const { catalog, metrics, store, log } = deps;
    this.sessions = deps.sessions;
    this.catalog = catalog;
    this.pushes = deps.pushes;
    this.metrics = metrics;
    // Checkout appends through tracking and asks the user actor, and tracking turns
    // purchases into checkouts: the inventory reaches the other two through these calls.
    this.inventory = new Inventory({
      catalog, store, metrics, pushes: deps.pushes,
      track: (e) => this.tracking.track(e),
      asks: () => this.asks,
    });
    this.tracking = new Tracking({ log, catalog, inventory: this.inventory, metrics });
    this.asks = new Asks({ nc: deps.nc, log, catalog, tracking: this.tracking, metrics, localShards: deps.localShards });
    this.catalogViews = new CatalogViews({ catalog, store, inventory: this.inventory });
    this.catalogAdmin = new CatalogAdmin({ catalog, inventory: this.inventory });
    const search = deps.search;
    this.search = search === undefined ? undefined : new SearchFront({
      service: new SearchService({
        catalog, lexical: search.lexical, vectors: search.vectors,
        stockOf: (id) => this.inventory.stockOf(id), popularity: (id) => this.inventory.popularity(id),
        // Logistics x stock multiply relevance in the re-ranked head (docs/ads.md).
        business: (id, stock) => businessFactor(catalog.get(id) ?? {}, stock, search.logistics ?? DEFAULT_LOGISTICS_WEIGHTS).factor,
      }, search.options),
      suggester: new Suggester({ lexical: search.lexical, catalog, hot: (category) => this.search!.hot(category) }),
      asks: this.asks, catalog, metrics, log: search.log, logistics: search.logistics,
    });
  }
}
