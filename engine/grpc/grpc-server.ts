/**
 * The gRPC front door: shop.v1.Engine, grpc.health.v1.Health and server
 * reflection on one grpc-js server.
 *
 * Lifecycle: created -> starting -> serving -> draining -> stopped. `stop()` marks
 * health NOT_SERVING, refuses new calls, ends open Engine streams with UNAVAILABLE,
 * lets unary calls finish for up to `drainMs`, then closes every connection.
 */
import { adHandlers } from './ad-handlers.js';
import { experimentHandlers } from './experiment-handlers.js';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { ReflectionService } from '@grpc/reflection';
import { HealthImplementation, protoPath as healthProtoPath, type ServingStatus } from 'grpc-health-check';
import type { EngineHandlers } from '../../protos/gen/engine/shop/v1/Engine.js';
import type { Logger, Metrics } from '../observability/index.js';
import type { EngineServices } from '../services/index.js';
import { ApiKeyCheck } from '../services/api-key.js';
import { Budget } from './budget.js';
import { CallGuard, type GuardStats } from './call-guard.js';
import type { AdminDeps } from '../gateway/admin-routes.js';
import { analyticsHandlers } from './analytics-handlers.js';
import { ANALYTICS_SERVICE, ENGINE_SERVICE, loadEngineProto } from './proto.js';
import { streamRecommendations, type StreamStats } from './recommend-stream.js';
import { trackBatch } from './track-batch.js';
import { promotionHandlers } from './promotion-handlers.js';
import { unaryHandlers } from './unary-handlers.js';
import { searchHandlers } from './search-handlers.js';
import { upsertItems, type ItemsChangedHook } from './upsert-items.js';

export const DEFAULT_GRPC_HOST = '0.0.0.0';
export const DEFAULT_MAX_IN_FLIGHT = 256;
export const DEFAULT_MAX_STREAMS = 1000;
export const DEFAULT_BATCH_WINDOW = 256;
export const DEFAULT_MAX_BATCH_EVENTS = 4096;
export const DEFAULT_MAX_RECEIVE_BYTES = 1024 * 1024;
export const DEFAULT_MAX_SEND_BYTES = 8 * 1024 * 1024;
export const DEFAULT_DRAIN_MS = 5000;
export const DEFAULT_HEALTH_POLL_MS = 1000;
const DRAIN_POLL_MS = 10;

export interface GrpcServerOptions {
  /** `{ apiKey }` to require `x-api-key` on every Engine call, or `false` to accept any caller (say so explicitly). */
  auth: { apiKey: string } | false;
  /** Interface to bind. @default '0.0.0.0' */
  host?: string;
  /**
   * Serve server reflection, without the API key: it tells what protos/ already
   * publishes (the schema), never data, and lets grpcurl and Postman work without
   * .proto files. @default true (GRPC_REFLECTION=false turns it off)
   */
  reflection?: boolean;
  /** @default grpc.ServerCredentials.createInsecure() (terminate TLS in front, or pass TLS credentials) */
  credentials?: grpc.ServerCredentials;
  /** Unary calls being worked on at once; more are refused with RESOURCE_EXHAUSTED. At 2k calls/s and a few ms each about 10 are in flight; a long queue only makes calls outlive their deadlines. @default 256 */
  maxInFlight?: number;
  /** Open streaming calls (all three kinds); more are refused with RESOURCE_EXHAUSTED. @default 1000 */
  maxStreams?: number;
  /** TrackBatch events of one stream appended at once before reads pause. @default 256 */
  batchWindow?: number;
  /** TrackBatch events being appended over all streams. @default 4096 */
  maxBatchEvents?: number;
  /** Largest request message; larger ones fail with RESOURCE_EXHAUSTED. @default 1 MiB */
  maxReceiveBytes?: number;
  /** Largest response message. @default 8 MiB */
  maxSendBytes?: number;
  /** How long stop() lets calls finish before closing connections. @default 5000 */
  drainMs?: number;
  /** Engine readiness for grpc.health.v1 (polled every `healthPollMs`); without it the server reports SERVING while it runs. */
  health?: () => { ok: boolean };
  /** @default 1000 */
  healthPollMs?: number;
  /** Told about every batch of rows UpsertItems applied; see upsert-items.ts. */
  onItemsChanged?: ItemsChangedHook;
  /** Serves shop.v1.Analytics (the admin API's reports) when given. */
  analytics?: AdminDeps;
  /** @default services.metrics */
  metrics?: Metrics;
  log?: Logger;
}

export type GrpcServerState = 'created' | 'starting' | 'serving' | 'draining' | 'stopped';

export interface GrpcServerStats extends GuardStats, StreamStats {
  batchEventsInFlight: number;
}

function positiveInt(name: string, v: number | undefined, dflt: number): number {
  if (v === undefined) return dflt;
  if (!Number.isSafeInteger(v) || v < 1) throw new RangeError(`options.${name} must be a positive integer, got ${String(v)}`);
  return v;
}

export class GrpcServer {
  readonly #server: grpc.Server;
  readonly #guard: CallGuard;
  readonly #health: HealthImplementation;
  readonly #healthSource: (() => { ok: boolean }) | undefined;
  readonly #healthPollMs: number;
  readonly #batchEvents: Budget;
  readonly #streamStats: StreamStats = { coalesced: 0, couponsDropped: 0 };
  readonly #host: string;
  readonly #credentials: grpc.ServerCredentials;
  readonly #drainMs: number;
  readonly #log: Logger | undefined;
  #state: GrpcServerState = 'created';
  #port = 0;
  #poll: NodeJS.Timeout | undefined;
  #stopping: Promise<void> | undefined;

  constructor(services: EngineServices, options: GrpcServerOptions) {
    if (typeof options !== 'object' || options === null) throw new TypeError('options are required (at least { auth })');
    const { auth } = options;
    if (auth !== false && (typeof auth !== 'object' || auth === null)) throw new TypeError('options.auth must be { apiKey } or false');
    const apiKey = auth === false ? undefined : new ApiKeyCheck(auth.apiKey);
    this.#host = options.host ?? DEFAULT_GRPC_HOST;
    this.#credentials = options.credentials ?? grpc.ServerCredentials.createInsecure();
    this.#drainMs = positiveInt('drainMs', options.drainMs, DEFAULT_DRAIN_MS);
    this.#healthPollMs = positiveInt('healthPollMs', options.healthPollMs, DEFAULT_HEALTH_POLL_MS);
    this.#healthSource = options.health;
    this.#log = options.log;
    const metrics = options.metrics ?? services.metrics;
    const window = positiveInt('batchWindow', options.batchWindow, DEFAULT_BATCH_WINDOW);
    this.#batchEvents = new Budget(positiveInt('maxBatchEvents', options.maxBatchEvents, DEFAULT_MAX_BATCH_EVENTS));
    this.#guard = new CallGuard({
      apiKey,
      maxInFlight: positiveInt('maxInFlight', options.maxInFlight, DEFAULT_MAX_IN_FLIGHT),
      maxStreams: positiveInt('maxStreams', options.maxStreams, DEFAULT_MAX_STREAMS),
      metrics,
      log: options.log,
    });
    metrics.gauge('shop_grpc_in_flight', 'gRPC unary calls being worked on', () => this.#guard.unary.used);
    metrics.gauge('shop_grpc_open_streams', 'open gRPC streaming calls', () => this.#guard.streams.used);

    this.#server = new grpc.Server({
      'grpc.max_receive_message_length': positiveInt('maxReceiveBytes', options.maxReceiveBytes, DEFAULT_MAX_RECEIVE_BYTES),
      'grpc.max_send_message_length': positiveInt('maxSendBytes', options.maxSendBytes, DEFAULT_MAX_SEND_BYTES),
    });
    const proto = loadEngineProto();
    const g = this.#guard;
    const u = unaryHandlers(services);
    const search = searchHandlers(services);
    const p = promotionHandlers(services, options.analytics?.promotions);
    const ads = adHandlers(() => services.ads);
    const exps = experimentHandlers(() => options.analytics?.experiments);
    const handlers: EngineHandlers = {
      Track: g.unaryCall('Track', u.track, { coalesce: true }),
      TrackBatch: g.bidiStream('TrackBatch', trackBatch(services, { window, events: this.#batchEvents })),
      Recommend: g.unaryCall('Recommend', u.recommend, { coalesce: true }),
      StreamRecommendations: g.serverStream('StreamRecommendations', streamRecommendations(services, this.#streamStats)),
      GetProfile: g.unaryCall('GetProfile', u.getProfile, { coalesce: true }),
      Checkout: g.unaryCall('Checkout', u.checkout),
      UpsertItems: g.clientStream('UpsertItems', upsertItems(services, options.onItemsChanged)),
      GetItem: g.unaryCall('GetItem', u.getItem),
      ListItems: g.unaryCall('ListItems', u.listItems),
      ListCategories: g.unaryCall('ListCategories', u.listCategories),
      Search: g.unaryCall('Search', search.search),
      Suggest: g.unaryCall('Suggest', search.suggest),
      ListCoupons: g.unaryCall('ListCoupons', p.listCoupons),
      ListPromotions: g.unaryCall('ListPromotions', p.listPromotions),
      PutPromotion: g.unaryCall('PutPromotion', p.putPromotion),
      SetPromotionStatus: g.unaryCall('SetPromotionStatus', p.setPromotionStatus),
      DryRunPromotion: g.unaryCall('DryRunPromotion', p.dryRunPromotion),
      PutAdCampaign: g.unaryCall('PutAdCampaign', ads.putAdCampaign),
      GetAdCampaign: g.unaryCall('GetAdCampaign', ads.getAdCampaign),
      PutExperiment: g.unaryCall('PutExperiment', exps.putExperiment),
      GetExperiment: g.unaryCall('GetExperiment', exps.getExperiment),
    };
    this.#server.addService(proto.service, handlers);
    if (options.analytics) this.#server.addService(proto.analytics, analyticsHandlers(options.analytics, g));

    this.#health = new HealthImplementation({ '': 'NOT_SERVING', [ENGINE_SERVICE]: 'NOT_SERVING', [ANALYTICS_SERVICE]: 'NOT_SERVING' });
    this.#health.addToServer(this.#server);
    // Reflection describes the Engine API and the health service (both from their .proto files).
    if (options.reflection ?? true) {
      const healthPkg = protoLoader.loadSync(healthProtoPath);
      new ReflectionService({ ...proto.packageDefinition, ...healthPkg }).addToServer(this.#server);
    }
  }

  get state(): GrpcServerState {
    return this.#state;
  }

  get port(): number {
    return this.#port;
  }

  get stats(): GrpcServerStats {
    return { ...this.#guard.stats, ...this.#streamStats, batchEventsInFlight: this.#batchEvents.used };
  }

  /** Binds `host:port` (0 = any free port) and resolves with the bound port. */
  async start(port: number): Promise<number> {
    if (this.#state !== 'created') throw new Error(`GrpcServer.start: already ${this.#state}`);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`port must be 0..65535, got ${port}`);
    this.#state = 'starting';
    try {
      this.#port = await new Promise<number>((resolve, reject) => {
        this.#server.bindAsync(`${this.#host}:${port}`, this.#credentials, (err, bound) => (err ? reject(err) : resolve(bound)));
      });
    } catch (err) {
      this.#state = 'stopped';
      throw err;
    }
    this.#state = 'serving';
    this.#updateHealth();
    this.#poll = setInterval(() => this.#updateHealth(), this.#healthPollMs);
    this.#poll.unref();
    this.#log?.info('gRPC listening', { host: this.#host, port: this.#port });
    return this.#port;
  }

  #setHealth(status: ServingStatus): void {
    this.#health.setStatus('', status);
    this.#health.setStatus(ENGINE_SERVICE, status);
    this.#health.setStatus(ANALYTICS_SERVICE, status);
  }

  #updateHealth(): void {
    if (this.#state !== 'serving') return;
    let ok = true;
    try {
      ok = this.#healthSource?.().ok ?? true;
    } catch (err) {
      ok = false;
      this.#log?.warn('health source failed', { err });
    }
    this.#setHealth(ok ? 'SERVING' : 'NOT_SERVING');
  }

  /** Drains (see the lifecycle above) and closes. Safe to call more than once. */
  stop(): Promise<void> {
    return (this.#stopping ??= this.#drain());
  }

  async #drain(): Promise<void> {
    if (this.#state === 'created' || this.#state === 'stopped') {
      this.#state = 'stopped';
      return;
    }
    this.#state = 'draining';
    clearInterval(this.#poll);
    this.#setHealth('NOT_SERVING');
    // Streams would hold tryShutdown open forever: end them now with UNAVAILABLE.
    this.#guard.abortAll();
    // tryShutdown refuses new calls (GOAWAY) and closes connections once idle; health
    // Watch and reflection streams never end by themselves, so once the Engine's own
    // calls are done (or drainMs passed) the rest is closed.
    await new Promise<void>((resolve) => {
      const t0 = Date.now();
      const check = setInterval(() => {
        const s = this.#guard.stats;
        const idle = s.inFlight === 0 && s.streams === 0;
        if (!idle && Date.now() - t0 < this.#drainMs) return;
        clearInterval(check);
        if (!idle) this.#log?.warn('gRPC calls still open after drain; closing connections', { drainMs: this.#drainMs, ...s });
        this.#server.forceShutdown();
      }, DRAIN_POLL_MS);
      this.#server.tryShutdown(() => {
        clearInterval(check);
        resolve();
      });
    });
    this.#state = 'stopped';
    this.#log?.info('gRPC stopped', this.stats as unknown as Record<string, unknown>);
  }
}
