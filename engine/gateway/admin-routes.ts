/**
 * The operator API under /api/admin/ (the API key in `x-api-key` or as a bearer
 * token): live KPIs, hot products and queries, the funnel per category.
 */
import type { Ads } from '../services/ads.js';
import type { Experiments } from '../services/experiments.js';
import type { AnalyticsConsumer, Granularity } from '../analytics/index.js';
import { GRANULARITIES, kpiReport, tomorrowUtc } from '../analytics/index.js';
import { AuthError, BadRequestError, NotFoundError, UnavailableError } from '../errors/index.js';
import { parseImportLines, type OperatorSessions, type OrderImport, type Promotions } from '../services/index.js';

const DAY_MS = 86_400_000;
/** Buckets one answer may hold: a day of minutes, ~4 months of hours, years of days. */
const MAX_BUCKETS = 1440 * 2;
const SPAN_MS: Record<Granularity, number> = { minute: 60_000, hour: 3_600_000, day: DAY_MS };

export interface AdminRequest {
  query: URLSearchParams;
  token: string | undefined;
  apiKey: string | undefined;
}

export interface AdminDeps {
  analytics: AnalyticsConsumer;
  orderImport: OrderImport;
  /** True when the presented key is the operator's. */
  isOperator(key: string | undefined): boolean;
  /** The dashboard's logins (tokens issued for the API key). */
  sessions: OperatorSessions;
  /** Product names for the dashboard's lists ('' when unknown). */
  nameOf(itemId: string): string;
  /** Promotion rules on the log (create, update, pause, list, dry-run, numbers). */
  promotions: Promotions;
  /** Ad campaigns on the log (create or replace, list, numbers); absent: ads are off. */
  ads?: Ads | undefined;
  /** A/B tests on the log (create or replace, list, live report). */
  experiments: Experiments;
}

/** The API key (x-api-key or bearer), or a dashboard session token as bearer. */
export function isOperatorRequest(deps: AdminDeps, apiKey: string | undefined, token: string | undefined): boolean {
  return deps.isOperator(apiKey ?? token) || (apiKey === undefined && token !== undefined && deps.sessions.valid(token));
}

function operator(deps: AdminDeps, req: AdminRequest): void {
  if (!isOperatorRequest(deps, req.apiKey, req.token)) {
    throw new AuthError('E_UNAUTHENTICATED', 'the admin API needs the API key (x-api-key or Authorization: Bearer) or an operator session token (POST /api/admin/session)');
  }
}

/** Logs an operator in: the API key itself is required (a session cannot extend itself). */
export function adminSession(deps: AdminDeps, req: AdminRequest) {
  if (!deps.isOperator(req.apiKey ?? req.token)) throw new AuthError('E_UNAUTHENTICATED', 'logging in needs the API key in x-api-key (DATA_DIR/api-key, or API_KEY)');
  return deps.sessions.issue();
}

/** `from`/`to` as ISO dates or times (or ms since the epoch). */
function timeParam(q: URLSearchParams, name: string, dflt: number): number {
  const raw = q.get(name);
  if (raw === null || raw === '') return dflt;
  const t = /^\d{1,15}$/.test(raw) ? Number(raw) : Date.parse(raw.length === 10 ? `${raw}T00:00:00Z` : raw);
  if (!Number.isFinite(t)) throw new BadRequestError(`"${name}" must be an ISO date (YYYY-MM-DD), date-time or ms since the epoch`, name);
  return t;
}

function limitParam(q: URLSearchParams, dflt: number, max: number): number {
  const raw = q.get('limit');
  if (raw === null || raw === '') return dflt;
  if (!/^\d{1,4}$/.test(raw) || Number(raw) < 1 || Number(raw) > max) throw new BadRequestError(`"limit" must be an integer from 1 to ${max}`, 'limit');
  return Number(raw);
}

export function adminKpis(deps: AdminDeps, req: AdminRequest) {
  operator(deps, req);
  const q = req.query;
  const g = (q.get('granularity') || 'hour') as Granularity;
  if (!GRANULARITIES.includes(g)) throw new BadRequestError(`"granularity" must be one of ${GRANULARITIES.join(', ')}`, 'granularity');
  const to = timeParam(q, 'to', Date.now());
  const from = timeParam(q, 'from', to - DAY_MS);
  if (from > to) throw new BadRequestError('"from" must not be after "to"', 'from');
  if ((to - from) / SPAN_MS[g] > MAX_BUCKETS) throw new BadRequestError(`at most ${MAX_BUCKETS} ${g} buckets per answer: narrow from..to or take a coarser granularity`, 'from');
  return kpiReport(g, from, to, deps.analytics.kpis(g, from, to));
}

export function adminHot(deps: AdminDeps, req: AdminRequest) {
  operator(deps, req);
  const kind = req.query.get('kind') || 'products';
  if (kind !== 'products' && kind !== 'queries') throw new BadRequestError('"kind" must be products or queries', 'kind');
  const limit = limitParam(req.query, 20, 500);
  const rows = deps.analytics.hot(kind === 'products' ? 'p' : 'q', limit);
  return { kind, items: rows.map((r) => (kind === 'products' ? { itemId: r.key, name: deps.nameOf(r.key), score: r.score } : { query: r.key, score: r.score })) };
}

export function adminFunnel(deps: AdminDeps, req: AdminRequest) {
  operator(deps, req);
  const to = timeParam(req.query, 'to', Date.now());
  const from = timeParam(req.query, 'from', to - 7 * DAY_MS);
  const day = (t: number) => new Date(t).toISOString().slice(0, 10);
  const per = deps.analytics.funnel(day(from), day(to));
  const categories = [...per].map(([category, f]) => ({ category, ...f })).sort((a, b) => b.views - a.views || (a.category < b.category ? -1 : 1));
  const total = categories.reduce((t, c) => ({ views: t.views + c.views, cartAdds: t.cartAdds + c.cartAdds, purchases: t.purchases + c.purchases }), { views: 0, cartAdds: 0, purchases: 0 });
  return { from: day(from), to: day(to), total, categories };
}

/** `asOf` / `from` for customer analytics: a UTC date (its 00:00 is the cut). */
function dateParam(q: URLSearchParams, name: string, dflt: number | undefined): number | undefined {
  const raw = q.get(name);
  if (raw === null || raw === '') return dflt;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || !Number.isFinite(Date.parse(`${raw}T00:00:00Z`))) {
    throw new BadRequestError(`"${name}" must be a date YYYY-MM-DD (orders before its 00:00 UTC count)`, name);
  }
  return Date.parse(`${raw}T00:00:00Z`);
}

export function adminRfm(deps: AdminDeps, req: AdminRequest) {
  operator(deps, req);
  return deps.analytics.customers.rfm(dateParam(req.query, 'asOf', tomorrowUtc())!);
}

export function adminCohorts(deps: AdminDeps, req: AdminRequest) {
  operator(deps, req);
  return deps.analytics.customers.cohorts(dateParam(req.query, 'asOf', tomorrowUtc())!);
}

export function adminAbc(deps: AdminDeps, req: AdminRequest) {
  operator(deps, req);
  const asOf = dateParam(req.query, 'asOf', tomorrowUtc())!;
  const from = dateParam(req.query, 'from', undefined);
  if (from !== undefined && from >= asOf) throw new BadRequestError('"from" must be before "asOf"', 'from');
  const r = deps.analytics.customers.abc(asOf, from);
  return { ...r, top: r.top.map((p) => ({ ...p, name: deps.nameOf(p.itemId) })) };
}

export function adminSegments(deps: AdminDeps, req: AdminRequest) {
  operator(deps, req);
  const asOf = dateParam(req.query, 'asOf', tomorrowUtc())!;
  const since = dateParam(req.query, 'since', asOf - 30 * DAY_MS)!;
  if (since >= asOf) throw new BadRequestError('"since" must be before "asOf"', 'since');
  return deps.analytics.customers.segments(asOf, since);
}

export function adminClv(deps: AdminDeps, req: AdminRequest) {
  operator(deps, req);
  return deps.analytics.customers.clvOverview(dateParam(req.query, 'asOf', tomorrowUtc())!, limitParam(req.query, 20, 500));
}

/** The live intent model: version, last fit, prequential ROC-AUC, calibration, the spread of open sessions' scores. */
export function adminIntent(deps: AdminDeps, req: AdminRequest) {
  operator(deps, req);
  const r = deps.analytics.intentReport;
  if (r === undefined) throw new UnavailableError('the intent trainer has not reported yet (starting, or INTENT / ANALYTICS is off on this node)');
  return JSON.parse(r) as unknown;
}

export async function adminCustomer(deps: AdminDeps, req: AdminRequest, customerId: string) {
  operator(deps, req);
  const r = await deps.analytics.customers.customer(customerId, dateParam(req.query, 'asOf', tomorrowUtc())!);
  if (!r) throw new NotFoundError('E_NOT_FOUND', `no orders of customer "${customerId.slice(0, 64)}"`);
  return r;
}

export function adminImportProducts(deps: AdminDeps, req: AdminRequest, body: unknown) {
  operator(deps, req);
  return deps.orderImport.products((body as { items?: unknown } | undefined)?.items);
}

export function adminImportOrders(deps: AdminDeps, req: AdminRequest, body: unknown) {
  operator(deps, req);
  return deps.orderImport.orders(parseImportLines(body));
}

/** Import batches are bigger than shopper requests. */
export const MAX_IMPORT_BODY_BYTES = 2 * 1024 * 1024;

/** The promotion rules in force (versions, status, each rule's budget numbers) and the refused definitions. */
export function adminPromotions(deps: AdminDeps, req: AdminRequest) {
  operator(deps, req);
  return deps.promotions.list();
}

/** Per-rule numbers for the dashboard: issued, refused by budget, redeemed, spend today and in all. */
export function adminPromotionStats(deps: AdminDeps, req: AdminRequest) {
  operator(deps, req);
  return deps.promotions.stats();
}

export function adminCreatePromotion(deps: AdminDeps, req: AdminRequest, body: unknown) {
  operator(deps, req);
  return deps.promotions.create(body);
}

export function adminUpdatePromotion(deps: AdminDeps, req: AdminRequest, id: string, body: unknown) {
  operator(deps, req);
  return deps.promotions.update(id, body);
}

export function adminSetPromotionStatus(deps: AdminDeps, req: AdminRequest, id: string, action: string) {
  operator(deps, req);
  if (action !== 'pause' && action !== 'resume') throw new NotFoundError('E_NOT_FOUND', `no action "${action.slice(0, 32)}": use pause or resume`);
  return deps.promotions.setStatus(id, action === 'pause' ? 'paused' : 'active');
}

export function adminDryRunPromotion(deps: AdminDeps, req: AdminRequest, body: unknown) {
  operator(deps, req);
  return deps.promotions.dryRun(body);
}

function adsOf(deps: AdminDeps): Ads {
  if (!deps.ads) throw new UnavailableError('sponsored products are off on this engine (ADS=false)');
  return deps.ads;
}

export function adminCampaigns(deps: AdminDeps, req: AdminRequest) {
  operator(deps, req);
  return adsOf(deps).list();
}

export function adminCampaign(deps: AdminDeps, req: AdminRequest, id: string) {
  operator(deps, req);
  return adsOf(deps).stats(id);
}

/** The dashboard's ads panel: every campaign's numbers and the CTR model (log position, fingerprint, calibration). */
export function adminAds(deps: AdminDeps, req: AdminRequest) {
  operator(deps, req);
  const ads = adsOf(deps);
  return { ...ads.list(), model: ads.modelReport() };
}

/** Creates a campaign (version 1) or replaces the one with this id (its next version). */
export function adminPutCampaign(deps: AdminDeps, req: AdminRequest, body: unknown) {
  operator(deps, req);
  return adsOf(deps).put(body);
}

export function adminExperiments(deps: AdminDeps, req: AdminRequest) {
  operator(deps, req);
  return deps.experiments.list();
}

export function adminExperiment(deps: AdminDeps, req: AdminRequest, id: string) {
  operator(deps, req);
  return deps.experiments.report(id);
}

/** Creates an experiment (version 1) or replaces the one with this id (its next version; changed weights start a new phase). */
export function adminPutExperiment(deps: AdminDeps, req: AdminRequest, body: unknown) {
  operator(deps, req);
  return deps.experiments.put(body);
}
