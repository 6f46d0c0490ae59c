/**
 * Composition root: starts the pieces in dependency order (NATS -> log -> LMDB ->
 * catalog -> index -> shards -> gateway) and stops them in reverse.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NatsConnection } from '@nats-io/transport-node';
import type { EngineConfig } from '../config/index.js';
import { Gateway, type AdminDeps } from '../gateway/index.js';
import { GrpcServer } from '../grpc/index.js';
import { connectNats, EmbeddedNatsServer, EventLog, LogHealth, redactNatsUrl } from '../log/index.js';
import { AnalyticsConsumer } from '../analytics/index.js';
import { createLogger, Metrics, type Logger } from '../observability/index.js';
import { PushRouter } from '../push/index.js';
import { ShardSupervisor } from '../shards/index.js';
import { Ads } from '../services/ads.js';
import { Experiments } from '../services/experiments.js';
import { ApiKeyCheck, EngineServices, OperatorSessions, OrderImport, Promotions, publishDefaultRules, resolveApiKey, SessionTokens } from '../services/index.js';
import { StateStore } from '../store/index.js';
import { setupCatalog } from './catalog-setup.js';
import { CatalogUpdates } from './catalog-updates.js';
import { pruneIndexes, setupIndex } from './index-setup.js';
import { loadSearchVectors } from './search-setup.js';
import { annIndexReady, PUSH_LATENCY_BUCKETS_MS } from '../shards/index.js';

export interface Engine {
  readonly config: EngineConfig;
  readonly port: number;
  readonly grpcPort: number;
  readonly url: string;
  readonly natsUrl: string;
  readonly services: EngineServices;
  readonly shards: ShardSupervisor;
  readonly analytics: AnalyticsConsumer;
  readonly log: Logger;
  health(): { ok: boolean; [k: string]: unknown };
  /** Graceful stop: close sockets, drain shards (commit), close NATS and LMDB, stop the embedded server. */
  stop(): Promise<void>;
}

export interface StartOptions {
  log?: Logger;
  /** Mounts the storefront (kept optional so the engine core has no UI dependency). */
  mountSite?: ConstructorParameters<typeof Gateway>[0]['mountSite'];
}

function secretFrom(config: EngineConfig): string {
  if (config.sessionSecret) return config.sessionSecret;
  const file = join(config.dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const s = randomBytes(32).toString('hex');
  writeFileSync(file, s, { mode: 0o600 });
  return s;
}

export async function startEngine(config: EngineConfig, opts: StartOptions = {}): Promise<Engine> {
  const log = opts.log ?? createLogger(config.logLevel);
  const t0 = performance.now();
  // Shopper state, session secret, API key and the log are for this user only: files
  // the engine (and its nats-server child) creates get 0600 / directories 0700.
  process.umask(0o077);
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  chmodSync(config.dataDir, 0o700);
  const cleanups: Array<() => Promise<void> | void> = [];
  const cleanup = async () => {
    for (const c of cleanups.reverse()) await Promise.resolve(c()).catch((err: unknown) => log.warn('cleanup step failed', { err }));
  };
  try {
    let natsUrl = config.natsUrl;
    let embedded: EmbeddedNatsServer | undefined;
    if (natsUrl === undefined) {
      const server = new EmbeddedNatsServer({ dataDir: config.dataDir, port: config.natsPort, log: log.child('nats') });
      natsUrl = await server.start();
      embedded = server;
      cleanups.push(() => server.stop());
    }
    const nc: NatsConnection = await connectNats(natsUrl, 'engine-main', log.child('nats-client'));
    cleanups.push(() => nc.drain().catch(() => undefined));
    const eventLog = await EventLog.open(nc, config.partitions, config.streamReplicas);
    const logHealth = new LogHealth(nc, {
      dataDir: config.dataDir,
      minFreeBytes: config.diskMinFreeMb * 1024 * 1024,
      log: log.child('log-health'),
      // An external NATS is its operator's to restart; the embedded one is ours.
      ...(embedded && { onStuck: () => void embedded!.restart('JetStream stopped answering') }),
    });
    await logHealth.start();
    cleanups.push(() => logHealth.stop());
    eventLog.guardStorage(logHealth);
    const store = StateStore.open(config.dataDir);
    cleanups.push(() => store.close());
    const { catalog, fingerprint, searchIndex } = await setupCatalog(config.catalog, config.demoCatalogSize, store, log.child('catalog'));
    const indexDir = await setupIndex(catalog, fingerprint, config.dataDir, log.child('index'));
    pruneIndexes(config.dataDir, [indexDir], log.child('index'));
    const vectors = loadSearchVectors(indexDir, catalog, searchIndex, log.child('search'));

    // Before the shards start: every shard, and a replay, applies the rules from the same log position on.
    if (config.promoDefaults) await publishDefaultRules(eventLog, nc, log.child('promotions'));

    const shards = new ShardSupervisor({
      shards: config.shards,
      partitions: config.partitions,
      natsUrl,
      dataDir: config.dataDir,
      cartAbandonMs: config.cartAbandonMs,
      actorCap: config.actorCap,
      actorIdleMs: config.actorIdleMs,
      excludePurchased: config.excludePurchased,
      logistics: config.logisticsWeights,
      logLevel: config.logLevel,
      niceness: config.shardNiceness,
      indexDir,
      intent: { enabled: config.intent, bands: config.intentBands, gapMs: config.intentSessionGapMs },
    }, log.child('shards'));
    shards.start();
    cleanups.push(() => shards.drain());
    await shards.whenServing(120_000);

    const metrics = new Metrics();
    const services = new EngineServices({
      sessions: new SessionTokens(secretFrom(config), config.tokenTtlS),
      catalog, pushes: new PushRouter(nc), metrics, log: eventLog, nc, store, localShards: shards,
      search: { lexical: searchIndex.lexical, vectors, log: log.child('search'), logistics: config.logisticsWeights },
    });
    if (config.ads) {
      const ads = new Ads({ log: eventLog, nc, store, catalog, stockOf: (id) => services.inventory.stockOf(id), metrics, dataDir: config.dataDir, logger: log.child('ads') },
        { reservePrice: config.adsReservePrice, slotShare: config.adsSlotShare, logistics: config.logisticsWeights });
      await ads.start();
      cleanups.push(async () => ads.close());
      services.ads = ads;
    }
    metrics.gauge('shop_shard_applied_seq', 'last log sequence applied by each shard', () => shards.shards.map((s) => [{ shard: String(s.index) }, s.appliedSeq]));
    metrics.gauge('shop_shard_serving', '1 when the shard is serving', () => shards.shards.map((s) => [{ shard: String(s.index) }, s.state === 'serving' ? 1 : 0]));
    metrics.counterFrom('shop_shard_restarts_total', 'restarts of each shard since start', () => shards.shards.map((s) => [{ shard: String(s.index) }, s.restarts]));
    metrics.gauge('shop_active_actors', 'actors in memory per shard', () => shards.shards.map((s) => [{ shard: String(s.index) }, (s.stats?.activeUsers ?? 0) + (s.stats?.activeItems ?? 0)]));
    metrics.gauge('shop_shard_pending_pushes', 'users waiting for a recs recompute per shard (coalesced)', () => shards.shards.map((s) => [{ shard: String(s.index) }, s.stats?.pendingPushes ?? 0]));
    metrics.counterFrom('shop_recs_cache_hits_total', 'Recommend asks answered from a user\'s last recs, per shard', () => shards.shards.map((s) => [{ shard: String(s.index) }, s.stats?.recsCacheHits ?? 0]));
    metrics.histogramFrom('shop_event_push_seconds', 'event accepted (its time) -> recs push leaving the shard, per shard', PUSH_LATENCY_BUCKETS_MS,
      () => shards.shards.map((s) => [{ shard: String(s.index) }, s.stats?.pushLatency ?? { counts: [], sumMs: 0, count: 0 }]));
    metrics.gauge('shop_intent_model_version', 'the live intent model version in force in each shard (0: none yet)', () => shards.shards.map((s) => [{ shard: String(s.index) }, s.stats?.intentModelVersion ?? 0]));
    metrics.gauge('shop_definitions_refused', 'definitions (model files) each shard refused, keeping the previous one', () => shards.shards.map((s) => [{ shard: String(s.index) }, s.stats?.definitionsRefused ?? 0]));
    metrics.gauge('shop_shard_lag_events', 'events in the log after the last one each shard was delivered', () => shards.shards.map((s) => [{ shard: String(s.index) }, s.stats?.lagEvents ?? 0]));
    metrics.gauge('shop_recompute_p50_seconds', 'median recommendation recompute per shard', () => shards.shards.map((s) => [{ shard: String(s.index) }, (s.stats?.recomputeMsP50 ?? 0) / 1000]));

    // Per-rule coupon numbers, read from the rule actors' committed state (any node's scrape sees the owner's writes in LMDB).
    const ruleRows = (pick: (b: import('../../actors/promo/index.js').RuleBudgetState) => number) => () =>
      [...store.rules.getRange()].map(({ key, value }) => [{ rule: String(key) }, pick(value)] as [Record<string, string>, number]);
    metrics.counterFrom('shop_promo_coupons_issued_total', 'coupons granted by each promotion rule\'s budget owner', ruleRows((b) => b.issued), ['rule']);
    metrics.counterFrom('shop_promo_coupons_redeemed_total', 'coupons of each rule redeemed by a placed order', ruleRows((b) => b.redeemed), ['rule']);
    metrics.counterFrom('shop_promo_coupons_refused_total', 'coupons each rule\'s budget (or pause) refused', ruleRows((b) => b.refused), ['rule']);
    metrics.counterFrom('shop_promo_coupons_released_total', 'coupons of each rule that expired unused (budget given back)', ruleRows((b) => b.released), ['rule']);
    metrics.gauge('shop_promo_discount_redeemed', 'discount given by each rule\'s redeemed coupons (currency units)', ruleRows((b) => b.redeemedMoney), ['rule']);

    metrics.gauge('shop_jetstream_up', '1 when JetStream answered its last probe (once a second)', () => (logHealth.jetstream ? 1 : 0));
    metrics.gauge('shop_storage_full', '1 while events are refused because the disk under DATA_DIR is nearly full', () => (logHealth.storageFull ? 1 : 0));
    metrics.gauge('shop_data_dir_free_bytes', 'free bytes on the filesystem of DATA_DIR', () => logHealth.snapshot().freeBytes);
    if (embedded) metrics.counterFrom('shop_nats_server_restarts_total', 'restarts of the embedded nats-server since start', () => [[{}, embedded!.restarts]]);

    // Set once the catalog updater exists; each catalog-changing upsert builds a new index directory.
    let currentIndexDir = () => indexDir;
    const health = () => {
      const l = logHealth.snapshot();
      const natsOk = !nc.isClosed() && l.jetstream;
      const shardStates = shards.shards.map((s) => s.state);
      const indexReady = annIndexReady(currentIndexDir());
      return {
        ok: natsOk && !l.storageFull && shards.allServing() && indexReady,
        nats: natsOk, storageFull: l.storageFull, log: l, shards: shardStates, index: indexReady, catalog: catalog.size,
      };
    };
    // The shop-level fold of the log, apart from the shards (its own cursor and LMDB).
    const analytics = new AnalyticsConsumer({
      natsUrl, dataDir: config.dataDir, log: log.child('analytics'), logLevel: config.logLevel, partitions: config.partitions, streamReplicas: config.streamReplicas,
      ...(config.segmentRules ? { segmentRules: config.segmentRules } : {}),
      ...(config.intent ? { intent: { gapMs: config.intentSessionGapMs, everyMs: config.intentTrainEveryMs, minSessions: config.intentMinSessions } } : {}),
    });
    if (config.analytics) await analytics.start();
    if (config.analytics) services.search?.setHotSource((kind, limit) => analytics.hot(kind as 'q', limit));
    else log.warn('ANALYTICS=false: this process does not fold the log for /api/admin (another node may)');
    cleanups.push(() => analytics.close());
    metrics.gauge('shop_analytics_applied_seq', 'last log sequence the analytics consumer folded', () => analytics.appliedSeq);
    const intentAuc = () => {
      const r = analytics.intentReport;
      const auc = r ? (JSON.parse(r) as { prequential: { auc: number | null } }).prequential.auc : null;
      return auc ?? Number.NaN;
    };
    metrics.gauge('shop_intent_prequential_auc', 'ROC-AUC of the live intent model, each session scored before its outcome (NaN: not enough sessions)', intentAuc);
    metrics.gauge('shop_analytics_lag_events', 'events in the log after the last one the analytics consumer was delivered', () => analytics.lagEvents);
    const foldDelay = metrics.histogram('shop_analytics_fold_delay_seconds', 'time from an event\'s store in the log to the analytics fold\'s commit (the longest per 250 ms report)', [10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000, 30_000]);
    analytics.onProgress((p) => {
      if (p.moved) foldDelay.observe(p.foldDelayMs);
    });

    // A/B tests: definitions on the log, numbers from the analytics fold (this node's, or another's LMDB when it runs elsewhere).
    const experiments = new Experiments({ log: eventLog, nc, sums: (key) => analytics.store.experiments.get(key), logger: log.child('experiments') });
    await experiments.start({ guardrails: config.analytics });
    cleanups.push(async () => experiments.close());
    metrics.counterFrom('shop_experiment_guardrail_stops_total', 'experiment variants this node stopped because a guardrail was breached', () => [[{}, experiments.guardrailStops]]);

    // Catalog updates start after the gateway; the importer reaches them through this.
    let updatesRef: CatalogUpdates | undefined;
    // The operator key: gRPC callers, /metrics, the admin API.
    const apiKey = resolveApiKey(config.apiKey, config.dataDir);
    const operatorKey = new ApiKeyCheck(apiKey);
    // The operator API over HTTP (/api/admin), the dashboard's socket and gRPC shop.v1.Analytics.
    const adminDeps: AdminDeps = {
      analytics, isOperator: (key) => operatorKey.matches(key), sessions: new OperatorSessions(apiKey),
      nameOf: (itemId) => catalog.get(itemId)?.name ?? '',
      promotions: new Promotions({ log: eventLog, nc, store, catalog, cartAbandonMs: config.cartAbandonMs }),
      ads: services.ads,
      experiments,
      orderImport: new OrderImport({
        catalog, catalogAdmin: services.catalogAdmin, tracking: services.tracking,
        knownLine: (userId, orderId, eventId) => analytics.customerOrders(userId).some((o) => o.orderId === orderId && o.eventIds?.includes(eventId)),
        itemsChanged: (products, changes) => (updatesRef ? updatesRef.apply({ products, changes }) : Promise.resolve()),
      }),
    };
    const gatewayOpts: ConstructorParameters<typeof Gateway>[0] = {
      services, health: { health }, log: log.child('gateway'), port: config.port, host: config.host,
      maxWsMessagesPerS: config.maxWsMessagesPerS, maxUserMessagesPerS: config.maxUserMessagesPerS, wsAllowedOrigins: config.wsAllowedOrigins,
      metricsKey: config.metricsAuth ? operatorKey : undefined, allowUwsFallback: config.allowUwsFallback,
      admin: adminDeps,
    };
    if (opts.mountSite) gatewayOpts.mountSite = opts.mountSite;
    const gateway = new Gateway(gatewayOpts);
    const port = await gateway.listen();
    cleanups.push(() => gateway.close());

    const updates = new CatalogUpdates({ catalog, store, shards, dataDir: config.dataDir, log: log.child('catalog'), indexDir });
    cleanups.push(() => updates.close());
    currentIndexDir = () => updates.indexDir;
    updatesRef = updates;
    if (!config.grpcAuth) log.warn('gRPC authentication is OFF (GRPC_AUTH=false): any caller may use the Engine service');
    const grpc = new GrpcServer(services, {
      auth: config.grpcAuth ? { apiKey } : false,
      host: config.host,
      reflection: config.grpcReflection,
      health: () => health(),
      onItemsChanged: (changed) => updates.apply(changed),
      maxInFlight: config.grpcMaxInFlight,
      maxStreams: config.grpcMaxStreams,
      log: log.child('grpc'),
      analytics: adminDeps,
    });
    const grpcPort = await grpc.start(config.grpcPort);
    cleanups.push(() => grpc.stop());
    log.info('engine ready', { url: `http://127.0.0.1:${port}`, grpcPort, nats: redactNatsUrl(natsUrl), shards: config.shards, startMs: Math.round(performance.now() - t0) });

    let stopping: Promise<void> | undefined;
    return {
      config, port, grpcPort, url: `http://127.0.0.1:${port}`, natsUrl, services, shards, analytics, log, health,
      stop: () => (stopping ??= cleanup()),
    };
  } catch (err) {
    await cleanup();
    throw err;
  }
}
