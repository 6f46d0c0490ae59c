/** The JSON API under /api/ (contract v1), plus /health and /metrics. */
import { sponsorRecs, sponsorSearch } from '../services/ad-answers.js';
import type { HttpRequest, HttpResponse, TemplatedApp } from 'uWebSockets.js';
import { DEFAULT_LIST_LIMIT, MAX_LIST_LIMIT, type SortOrder } from '../catalog/index.js';
import { asyncApiDocument, openApiDocument } from '../../protos/openapi/index.js';
import { AuthError, BadRequestError, ERROR_CODES, EngineError, NotFoundError } from '../errors/index.js';
import type { Logger } from '../observability/index.js';
import type { Coupon } from '../../protos/contract.js';
import { rewardText } from '../../actors/promo/index.js';
import { checkCouponField, checkIdempotencyKey, parseCheckoutLines, RECOMMEND_K, type ApiKeyCheck, type EngineServices, type RecommendOptions } from '../services/index.js';
import {
  adminPromotions, adminAds, adminCampaigns, adminCampaign, adminPutCampaign, adminExperiments, adminExperiment, adminPutExperiment, adminPromotionStats, adminCreatePromotion, adminUpdatePromotion, adminSetPromotionStatus, adminDryRunPromotion,
  adminAbc, adminClv, adminIntent, adminCohorts, adminSegments, adminSession, isOperatorRequest, adminCustomer, adminFunnel, adminHot, adminImportOrders, adminImportProducts, adminKpis, adminRfm, MAX_IMPORT_BODY_BYTES, type AdminDeps,
} from './admin-routes.js';
import { bearerToken, declaredLength, framingProblem, parseQuery, readJson, reply, sendError, sendJson, sendText, type Reply } from './http.js';

const MAX_BODY_BYTES = 64 * 1024;
/** The query parameters of GET /api/search (others are ignored, as on every route). */
const SEARCH_PARAMS = ['q', 'category', 'brand', 'minPrice', 'maxPrice', 'inStock', 'minRating', 'sort', 'page', 'limit'] as const;

export interface HealthSource {
  health(): { ok: boolean; [k: string]: unknown };
}

function intParam(q: URLSearchParams, name: string, dflt: number, min: number, max: number): number {
  const raw = q.get(name);
  if (raw === null || raw === '') return dflt;
  if (!/^\d+$/.test(raw)) throw new BadRequestError(`"${name}" must be an integer from ${min} to ${max}`, name);
  const n = Number(raw);
  if (n < min || n > max) throw new BadRequestError(`"${name}" must be an integer from ${min} to ${max}`, name);
  return n;
}

/** A path parameter, percent-decoded; bad encoding (`%ZZ`) is the client's error, not ours. */
function decodeParam(raw: string, index: number): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new BadRequestError(`path segment ${index + 1} is not valid percent-encoding`, 'path');
  }
}

/** What a handler may read of the request (uWS invalidates `req` when the handler returns). */
interface CapturedRequest {
  query: URLSearchParams;
  token: string | undefined;
  /** The `x-api-key` header (operators and services). */
  apiKey: string | undefined;
  idempotencyKey: string | undefined;
  /** The declared Content-Length, if any. */
  bodyLength: number | undefined;
  param: (i: number) => string;
}

/** Answers a request no handler takes; its body is never read, so the connection closes if one is coming. */
function refuse(res: HttpResponse, req: HttpRequest, err: EngineError, headers: Record<string, string> = {}): void {
  const r = reply(res);
  const problem = framingProblem(req);
  if (problem || (declaredLength(req) ?? 0) > 0) r.closeAfter = true;
  sendError(r, problem ?? err, undefined, headers);
}

/** A route mountApi mounted (every one is in the OpenAPI document: test/contract/openapi.test.ts). */
export interface MountedRoute {
  method: 'GET' | 'POST';
  path: string;
}

/** Serialised once: the documents are constant for a build. */
let apiDocs: { openapi: string; asyncapi: string } | undefined;
const docs = () => (apiDocs ??= { openapi: JSON.stringify(openApiDocument(ERROR_CODES)), asyncapi: JSON.stringify(asyncApiDocument()) });

/** Mounts the API on `app`; returns what it mounted (uWS patterns, `:name` for a parameter). */
export function mountApi(app: TemplatedApp, services: EngineServices, health: HealthSource, log: Logger, metricsKey?: ApiKeyCheck, admin?: AdminDeps): MountedRoute[] {
  const mounted: MountedRoute[] = [{ method: 'GET', path: '/health' }, { method: 'GET', path: '/metrics' }];
  const onInternal = (e: EngineError) => log.error('request failed', { err: e.cause ?? e });
  const requests = services.metrics.counter('shop_http_requests_total', 'HTTP API requests by route and status class');
  const latency = services.metrics.histogram('shop_http_request_seconds', 'HTTP API latency by route');

  /** Wraps a handler: captures request data synchronously (uWS invalidates `req` after return), times it, maps errors. */
  const route = (name: string, handler: (r: Reply, req: CapturedRequest) => Promise<unknown> | unknown) =>
    (res: HttpResponse, req: HttpRequest) => {
      const r = reply(res);
      const t0 = performance.now();
      const framing = framingProblem(req);
      if (framing) {
        r.closeAfter = true; // where this request's body ends is not certain
        sendError(r, framing);
        requests.inc({ route: name, status: '4xx' });
        return;
      }
      const params: string[] = [];
      for (let i = 0; i < 2; i++) params.push(req.getParameter(i) ?? '');
      const captured: CapturedRequest = {
        query: parseQuery(req.getQuery() ?? ''), token: bearerToken(req), apiKey: req.getHeader('x-api-key') || undefined,
        idempotencyKey: req.getHeader('idempotency-key') || undefined,
        bodyLength: declaredLength(req), param: (i: number) => decodeParam(params[i] ?? '', i),
      };
      Promise.resolve()
        .then(() => handler(r, captured))
        .then((body) => {
          if (body !== undefined) sendJson(r, 200, body);
          requests.inc({ route: name, status: '2xx' });
        })
        .catch((err: unknown) => {
          // Refused before its body was read (a bad token, say): do not wait for the rest of it.
          if ((captured.bodyLength ?? 0) > 0 && !r.bodyRead) r.closeAfter = true;
          sendError(r, err, onInternal);
          const code = err instanceof EngineError ? err.httpStatus : 500;
          requests.inc({ route: name, status: `${Math.floor(code / 100)}xx` });
        })
        .finally(() => latency.observe(performance.now() - t0, { route: name }));
    };

  const { asks, catalogViews, inventory, sessions, tracking } = services;
  const user = (token: string | undefined) => sessions.verify(token);

  app.get('/health', (res) => {
    const r = reply(res);
    const h = health.health();
    sendJson(r, h.ok ? 200 : 503, h);
  });
  app.get('/metrics', (res, req) => {
    const r = reply(res);
    // Prometheus sends the key as a bearer token (`authorization` in its scrape config).
    if (metricsKey && !metricsKey.matches(req.getHeader('x-api-key') || bearerToken(req))) {
      sendError(r, new AuthError('E_UNAUTHENTICATED', '/metrics needs the API key: x-api-key or Authorization: Bearer (METRICS_AUTH=false opens it)'), undefined, { 'www-authenticate': 'Bearer' });
      return;
    }
    services.metrics.render().then(
      (text) => sendText(r, 200, text, services.metrics.contentType()),
      (err: unknown) => sendError(r, err, onInternal),
    );
  });

  // Every API path with the methods it answers: any other standard method gets 405 and `Allow`.
  const methods = new Map<string, string[]>();
  const api = {
    get(path: string, h: ReturnType<typeof route>) {
      methods.set(path, [...(methods.get(path) ?? []), 'GET']);
      mounted.push({ method: 'GET', path });
      app.get(path, h);
    },
    post(path: string, h: ReturnType<typeof route>) {
      methods.set(path, [...(methods.get(path) ?? []), 'POST']);
      mounted.push({ method: 'POST', path });
      app.post(path, h);
    },
  };

  api.post('/api/session', route('session', () => sessions.create()));

  api.get('/api/profile', route('profile', (_r, req) => asks.profile(user(req.token))));
  api.get('/api/orders', route('orders', async (_r, req) => ({ orders: (await asks.profile(user(req.token))).orders })));
  api.get('/api/cart', route('cart', async (_r, req) => {
    const code = checkCouponField(req.query.get('coupon') ?? undefined);
    const p = await asks.profile(user(req.token));
    return catalogViews.cart(p.cart, code ? { coupons: p.coupons, code, now: Date.now() } : undefined);
  }));
  api.get('/api/coupons', route('coupons', async (_r, req) => {
    const now = Date.now();
    const coupons = (await asks.profile(user(req.token))).coupons.map((c) => couponView(c, now));
    return { coupons };
  }));

  api.get('/api/categories', route('categories', () => ({ categories: catalogViews.categories() })));
  api.get('/api/products', route('products', (_r, req) => {
    const q = req.query;
    const ids = q.get('ids');
    if (ids !== null) {
      const items = catalogViews.lookup(ids.split(',').filter((id) => id.length > 0));
      return { items, total: items.length, page: 1, limit: items.length };
    }
    return catalogViews.list({
      category: q.get('category') ?? '',
      q: q.get('q') ?? '',
      sort: (q.get('sort') || 'relevance') as SortOrder,
      page: intParam(q, 'page', 1, 1, 100_000),
      limit: intParam(q, 'limit', DEFAULT_LIST_LIMIT, 1, MAX_LIST_LIMIT),
    });
  }));
  // Hybrid search: a session token (optional) personalises the ranking.
  const searchFront = () => {
    if (services.search === undefined) throw new EngineError('E_UNAVAILABLE', 'search is not configured on this engine');
    return services.search;
  };
  api.get('/api/search', route('search', (_r, req) => {
    const q = req.query;
    const params: Record<string, string> = {};
    for (const name of SEARCH_PARAMS) {
      const v = q.get(name);
      if (v !== null) params[name] = v;
    }
    const userId = req.token ? user(req.token) : undefined;
    const ads = services.ads;
    // Ads only beside relevance-ordered results a shopper with a session sees (a click names who saw it).
    if (!ads || userId === undefined || (params['sort'] ?? 'relevance') !== 'relevance') return searchFront().search(params, userId);
    return searchFront().search(params, userId).then((r) => sponsorSearch(ads, catalogViews, services.catalog, r, userId, params['category']));
  }));
  api.get('/api/suggest', route('suggest', (_r, req) => searchFront().suggest({ q: req.query.get('q') ?? '', category: req.query.get('category') ?? '' })));
  api.get('/api/products/:itemId', route('product', (_r, req) => catalogViews.product(req.param(0))));

  api.get('/api/recommendations', route('recommendations', (_r, req) => {
    const q = req.query;
    const opts: RecommendOptions = { k: intParam(q, 'k', RECOMMEND_K.default, RECOMMEND_K.min, RECOMMEND_K.max) };
    const itemId = q.get('itemId');
    const category = q.get('category');
    if (itemId) opts.itemId = itemId;
    if (category) opts.category = category;
    // Without a session the shopper gets what a newcomer gets: trending items.
    const userId = req.token ? user(req.token) : undefined;
    const ads = services.ads;
    if (!ads || userId === undefined) return asks.recommend(userId ?? ANONYMOUS_USER, opts);
    return asks.recommend(userId, opts).then((r) => sponsorRecs(ads, services.catalog, (id) => inventory.stockOf(id), r, userId, opts.k ?? RECOMMEND_K.default, opts));
  }));

  api.post('/api/events', route('events', async (r, req) => {
    const userId = user(req.token);
    const body = await readJson(r, MAX_BODY_BYTES, req.bodyLength);
    const res = await tracking.track(tracking.validateEvent(body, { userId, source: 'http' }));
    return { type: 'ack', id: res.id, seq: res.seq, duplicate: res.duplicate || undefined };
  }));

  api.post('/api/checkout', route('checkout', async (r, req) => {
    const userId = user(req.token);
    const body = (await readJson(r, MAX_BODY_BYTES, req.bodyLength)) as { lines?: unknown; idempotencyKey?: unknown; coupon?: unknown } | undefined;
    const o = body !== null && typeof body === 'object' ? body : {};
    const lines = o.lines !== undefined ? parseCheckoutLines(o.lines) : undefined;
    const key = checkIdempotencyKey(o.idempotencyKey) ?? checkIdempotencyKey(req.idempotencyKey, 'Idempotency-Key');
    const coupon = checkCouponField(o.coupon);
    return inventory.checkout(userId, lines, { ...(key === undefined ? {} : { idempotencyKey: key }), ...(coupon ? { coupon } : {}) });
  }));

  api.get('/api/openapi.json', route('openapi', (r) => sendText(r, 200, docs().openapi, 'application/json; charset=utf-8')));
  api.get('/api/asyncapi.json', route('asyncapi', (r) => sendText(r, 200, docs().asyncapi, 'application/json; charset=utf-8')));

  if (admin) {
    api.post('/api/admin/session', route('admin_session', (_r, req) => adminSession(admin, req)));
    api.get('/api/admin/kpis', route('admin_kpis', (_r, req) => adminKpis(admin, req)));
    api.get('/api/admin/hot', route('admin_hot', (_r, req) => adminHot(admin, req)));
    api.get('/api/admin/funnel', route('admin_funnel', (_r, req) => adminFunnel(admin, req)));
    api.get('/api/admin/rfm', route('admin_rfm', (_r, req) => adminRfm(admin, req)));
    api.get('/api/admin/cohorts', route('admin_cohorts', (_r, req) => adminCohorts(admin, req)));
    api.get('/api/admin/abc', route('admin_abc', (_r, req) => adminAbc(admin, req)));
    api.get('/api/admin/segments', route('admin_segments', (_r, req) => adminSegments(admin, req)));
    api.get('/api/admin/clv', route('admin_clv', (_r, req) => adminClv(admin, req)));
    api.get('/api/admin/intent', route('admin_intent', (_r, req) => adminIntent(admin, req)));
    // Operator first, then the body: a stranger's 2 MB is not read.
    api.post('/api/admin/import/products', route('admin_import_products', async (r, req) => {
      if (!isOperatorRequest(admin, req.apiKey, req.token)) return adminImportProducts(admin, req, undefined);
      return adminImportProducts(admin, req, await readJson(r, MAX_IMPORT_BODY_BYTES, req.bodyLength));
    }));
    api.post('/api/admin/import/orders', route('admin_import_orders', async (r, req) => {
      if (!isOperatorRequest(admin, req.apiKey, req.token)) return adminImportOrders(admin, req, undefined);
      return adminImportOrders(admin, req, await readJson(r, MAX_IMPORT_BODY_BYTES, req.bodyLength));
    }));
    api.get('/api/admin/customers/:id', route('admin_customer', (_r, req) => adminCustomer(admin, req, req.param(0))));
    // Operator first, then the body, as for imports.
    const opBody = async (r: Reply, req: CapturedRequest) => (isOperatorRequest(admin, req.apiKey, req.token) ? readJson(r, MAX_BODY_BYTES, req.bodyLength) : undefined);
    api.get('/api/admin/promotions', route('admin_promotions', (_r, req) => adminPromotions(admin, req)));
    api.get('/api/admin/promotions/stats', route('admin_promotion_stats', (_r, req) => adminPromotionStats(admin, req)));
    api.post('/api/admin/promotions', route('admin_promotion_create', async (r, req) => adminCreatePromotion(admin, req, await opBody(r, req))));
    api.post('/api/admin/promotions/dry-run', route('admin_promotion_dry_run', async (r, req) => adminDryRunPromotion(admin, req, await opBody(r, req))));
    api.post('/api/admin/promotions/:id', route('admin_promotion_update', async (r, req) => adminUpdatePromotion(admin, req, req.param(0), await opBody(r, req))));
    api.get('/api/admin/ads', route('admin_ads', (_r, req) => adminAds(admin, req)));
    api.get('/api/admin/campaigns', route('admin_campaigns', (_r, req) => adminCampaigns(admin, req)));
    api.post('/api/admin/campaigns', route('admin_campaign_put', async (r, req) => adminPutCampaign(admin, req, await opBody(r, req))));
    api.get('/api/admin/campaigns/:id', route('admin_campaign', (_r, req) => adminCampaign(admin, req, req.param(0))));
    api.get('/api/admin/experiments', route('admin_experiments', (_r, req) => adminExperiments(admin, req)));
    api.post('/api/admin/experiments', route('admin_experiment_put', async (r, req) => adminPutExperiment(admin, req, await opBody(r, req))));
    api.get('/api/admin/experiments/:id', route('admin_experiment', (_r, req) => adminExperiment(admin, req, req.param(0))));
    api.post('/api/admin/promotions/:id/:action', route('admin_promotion_status', (_r, req) => adminSetPromotionStatus(admin, req, req.param(0), req.param(1))));
  }

  for (const [path, allowed] of methods) {
    const allow = allowed.join(', ');
    app.any(path, (res, req) => refuse(res, req, new EngineError('E_METHOD_NOT_ALLOWED', `${req.getCaseSensitiveMethod()} is not allowed on ${path}; use ${allow}`), { allow }));
  }
  const noRoute = (res: HttpResponse, req: HttpRequest) => refuse(res, req, new NotFoundError('E_NOT_FOUND', 'no such API route; see /api/openapi.json or README "HTTP API"'));
  app.any('/api', noRoute);
  app.any('/api/*', noRoute);
  return mounted;
}

/**
 * The routes mountApi mounts, read from its own registry by mounting onto a recorder:
 * no handler runs there, so the services it is given are never used (only their
 * metrics are registered, on a throwaway registry).
 */
export function listApiRoutes(): MountedRoute[] {
  const recorder = new Proxy({}, { get: () => () => recorder }) as TemplatedApp;
  const noop = () => ({ inc() {}, observe() {} });
  const services = { metrics: { counter: noop, histogram: noop } } as unknown as EngineServices;
  const admin: AdminDeps = { analytics: undefined as never, orderImport: undefined as never, isOperator: () => false, sessions: undefined as never, nameOf: () => '', promotions: undefined as never, experiments: undefined as never };
  return mountApi(recorder, services, { health: () => ({ ok: false }) }, undefined as never, undefined, admin);
}

/** A coupon as GET /api/coupons shows it: its status as of now (a live one past its expiry is expired), its reward in words. */
export function couponView(c: Coupon, now: number) {
  const status = c.status === 'live' && now >= c.expiresAt ? 'expired' : c.status;
  return { ...c, status, rewardText: rewardText(c.reward) };
}

/** A fixed id with no history: its recommendations are the cold-start ones. */
export const ANONYMOUS_USER = 'u-anonymous0';
