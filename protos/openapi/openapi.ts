/**
 * The OpenAPI 3.1 document of the HTTP API (README "HTTP API"), served at
 * GET /api/openapi.json. Each operation lists the error codes it can answer; they
 * are grouped into responses by the HTTP status of the engine's error table, which
 * the caller passes in (protos/ imports nothing of the engine).
 */
import type { ErrorCode } from '../contract.js';
import { ALL_ERROR_CODES, COMPONENT_SCHEMAS, CATEGORY_PATTERN, ITEM_ID_PATTERN, SORT_ORDER_LIST } from './schemas.js';
import { ref, type JsonSchema } from './json-schema.js';

/** What the document needs of engine/errors ERROR_CODES. */
export type ErrorTable = Readonly<Record<ErrorCode, { readonly http: number; readonly summary: string }>>;

/** Codes no documented operation answers, and where they come from; every other code is in some operation (tested). */
export const CODES_OUTSIDE_OPERATIONS: Readonly<Partial<Record<ErrorCode, string>>> = {
  E_CANCELLED: 'gRPC only: the caller cancelled the call',
  E_BAD_CATALOG: 'catalog import (start-up CATALOG file) and gRPC UpsertItems',
  E_BAD_CONFIG: 'start-up: a configuration value is invalid',
  E_RATE_LIMITED: 'WebSocket only: per-socket and per-user message limits',
  E_BAD_MODEL: 'model files of eval and the intent model (CLI)',
  E_BAD_DATASET: 'training and evaluation data files (CLI)',
  E_METHOD_NOT_ALLOWED: 'any method a path does not list (405 with `Allow`): see components.responses.MethodNotAllowed',
};

type Security = Array<Record<string, string[]>>;

interface Operation {
  method: 'get' | 'post';
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  security?: Security;
  parameters?: JsonSchema[];
  requestBody?: JsonSchema;
  ok: { description: string; schema?: JsonSchema; content?: JsonSchema; headers?: JsonSchema };
  /** Error codes this operation answers with (besides the ones every API operation can). */
  errors: ErrorCode[];
  /** Also answers 503 with the `ok` schema (health). */
  extraResponses?: Record<string, JsonSchema>;
  /** /health and /metrics are outside /api: no framing checks there. */
  outsideApi?: boolean;
}

/** Every /api operation: a 400 for ambiguous framing (two Content-Length values), 414, and 500. */
const EVERY_API_OPERATION: ErrorCode[] = ['E_BAD_REQUEST', 'E_URL_TOO_LONG', 'E_INTERNAL'];
const BODY: ErrorCode[] = ['E_BAD_JSON', 'E_TOO_LARGE'];
const SESSION: ErrorCode[] = ['E_BAD_TOKEN', 'E_TOKEN_EXPIRED'];
/** Reads answered by the user actor's shard. */
const ASK: ErrorCode[] = ['E_UNAVAILABLE', 'E_TIMEOUT'];
/** Appends to the log. */
const APPEND: ErrorCode[] = ['E_OVERLOADED', 'E_UNAVAILABLE', 'E_TIMEOUT', 'E_STORAGE_FULL'];

const shopper: Security = [{ session: [] }];
const operator: Security = [{ apiKey: [] }, { operatorBearer: [] }];
const json = (schema: JsonSchema) => ({ 'application/json': { schema } });

const query = (name: string, schema: JsonSchema, description: string): JsonSchema => ({ name, in: 'query', required: false, schema, description });
const timeQuery = (name: string, dflt: string) => query(name, { type: 'string', examples: ['2026-12-01', '2026-12-01T10:00:00Z', '1764583200000'] },
  `ISO date (YYYY-MM-DD, UTC midnight), ISO date-time or ms since the epoch; default ${dflt}`);

const asOf = query('asOf', { type: 'string', format: 'date' }, 'orders before its 00:00 UTC count; default tomorrow (all orders)');

const OPERATIONS: Operation[] = [
  {
    method: 'post', path: '/api/session', operationId: 'createSession', tags: ['session'],
    summary: 'A new shopper: a fresh user id and its signed session token',
    description: 'There is no renewal: a shopper whose token expired creates a new session (a new user id).',
    ok: { description: 'the session', schema: ref('Session') }, errors: [],
  },
  {
    method: 'get', path: '/api/profile', operationId: 'getProfile', tags: ['shopper'], security: shopper,
    summary: 'The user actor\'s live state, after every event of this shopper acked before the call',
    ok: { description: 'the profile', schema: ref('Profile') }, errors: [...SESSION, ...ASK],
  },
  {
    method: 'get', path: '/api/orders', operationId: 'listOrders', tags: ['shopper'], security: shopper,
    summary: 'The shopper\'s orders, newest last', ok: { description: 'the orders', schema: ref('OrderList') }, errors: [...SESSION, ...ASK],
  },
  {
    method: 'get', path: '/api/cart', operationId: 'getCart', tags: ['shopper'], security: shopper,
    summary: 'The shopper\'s cart with its products, priced as checkout prices it (delivery, and the discount of a quoted coupon per line)',
    parameters: [query('coupon', { type: 'string', pattern: '^(\\*|[A-Za-z0-9-]{1,40})$' }, 'a coupon code to quote (or * for the best eligible); why it does not apply is in `coupon.error`')],
    ok: { description: 'the cart', schema: ref('Cart') }, errors: [...SESSION, ...ASK],
  },
  {
    method: 'get', path: '/api/coupons', operationId: 'listCoupons', tags: ['shopper'], security: shopper,
    summary: 'The shopper\'s coupons (live, held, used, expired) with their reward, scope and expiry',
    ok: { description: 'the coupons', schema: ref('CouponList') }, errors: [...SESSION, ...ASK],
  },
  {
    method: 'get', path: '/api/categories', operationId: 'listCategories', tags: ['catalog'],
    summary: 'Every category with its product count', ok: { description: 'the categories', schema: ref('CategoryList') }, errors: [],
  },
  {
    method: 'get', path: '/api/products', operationId: 'listProducts', tags: ['catalog'],
    summary: 'A page of products (by category and/or keyword query, sorted), or a batch lookup with `ids`',
    parameters: [
      query('category', { type: 'string', pattern: `^$|${CATEGORY_PATTERN}` }, 'only this category; empty = all'),
      query('q', { type: 'string', maxLength: 200 }, 'keyword query over name, brand, category, tags and description'),
      query('sort', { type: 'string', enum: [...SORT_ORDER_LIST], default: 'relevance' }, '`relevance` orders by search score with `q`, by catalog order without'),
      query('page', { type: 'integer', minimum: 1, maximum: 100_000, default: 1 }, '1-based'),
      query('limit', { type: 'integer', minimum: 1, maximum: 100, default: 24 }, 'products per page'),
      { ...query('ids', { type: 'string', examples: ['sku-000001,sku-000002'] }, 'up to 100 comma-separated item ids: a batch lookup (unknown ids are left out; the other parameters are ignored)'), style: 'form', explode: false },
    ],
    ok: { description: 'a page of products', schema: ref('ProductList') }, errors: [],
  },
  {
    method: 'get', path: '/api/search', operationId: 'search', tags: ['catalog'], security: [{}, { session: [] }],
    summary: 'Hybrid search (BM25 + vectors, fused per query type) with filters, exact facet counts, sort and paging; with a session token, re-ranked for the shopper (boost reasons in each item)',
    parameters: [
      query('q', { type: 'string', maxLength: 256 }, 'what the shopper typed (typos, plurals and synonyms are understood); empty = browse with facets'),
      query('category', { type: 'string', pattern: `^$|${CATEGORY_PATTERN}` }, 'only this category'),
      query('brand', { type: 'string', maxLength: 100 }, 'only this brand (case-insensitive)'),
      query('minPrice', { type: 'number', minimum: 0 }, 'lowest price'),
      query('maxPrice', { type: 'number', minimum: 0 }, 'highest price (not below minPrice)'),
      query('inStock', { type: 'string', enum: ['true', 'false', '1', '0'] }, 'true: only items that can be bought now'),
      query('minRating', { type: 'number', minimum: 0, maximum: 5 }, 'only items rated at least this'),
      query('sort', { type: 'string', enum: ['relevance', 'price_asc', 'price_desc', 'rating', 'popularity', 'name'], default: 'relevance' }, 'order'),
      query('page', { type: 'integer', minimum: 1, maximum: 1000, default: 1 }, '1-based'),
      query('limit', { type: 'integer', minimum: 1, maximum: 100, default: 24 }, 'items per page'),
    ],
    ok: { description: 'a page of results with facets', schema: ref('SearchResponse') }, errors: [...SESSION, 'E_UNAVAILABLE'],
  },
  {
    method: 'get', path: '/api/suggest', operationId: 'suggest', tags: ['catalog'],
    summary: 'Autocomplete while typing: hot queries (decayed counts of searches on the log), catalog word completions and matching products',
    parameters: [
      query('q', { type: 'string', maxLength: 256 }, 'what was typed so far'),
      query('category', { type: 'string', pattern: `^$|${CATEGORY_PATTERN}` }, 'hot queries searched in this category'),
    ],
    ok: { description: 'suggestions', schema: ref('SuggestResponse') }, errors: ['E_UNAVAILABLE'],
  },
  {
    method: 'get', path: '/api/products/{itemId}', operationId: 'getProduct', tags: ['catalog'],
    summary: 'One product with its live stock',
    parameters: [{ name: 'itemId', in: 'path', required: true, schema: { type: 'string', pattern: ITEM_ID_PATTERN }, description: 'percent-encoded; bad encoding is E_BAD_REQUEST (field `path`)' }],
    ok: { description: 'the product', schema: ref('ProductView') }, errors: ['E_UNKNOWN_ITEM'],
  },
  {
    method: 'get', path: '/api/recommendations', operationId: 'getRecommendations', tags: ['shopper'], security: [{}, { session: [] }],
    summary: 'Recommendations for the shopper (without a token: what a newcomer gets, trending items)',
    parameters: [
      query('k', { type: 'integer', minimum: 1, maximum: 100, default: 8 }, 'how many'),
      query('itemId', { type: 'string', pattern: ITEM_ID_PATTERN }, 'context: the item being looked at (must exist)'),
      query('category', { type: 'string' }, 'context: only this category'),
    ],
    ok: { description: 'the recommendations', schema: ref('Recommendations') }, errors: [...SESSION, 'E_UNKNOWN_ITEM', ...ASK],
  },
  {
    method: 'post', path: '/api/events', operationId: 'trackEvent', tags: ['shopper'], security: shopper,
    summary: 'Records one event; answers once the log stored it (a retried `id` is stored once)',
    requestBody: { required: true, content: json(ref('EventInput')) },
    ok: { description: 'stored', schema: ref('Ack') },
    errors: [...SESSION, ...BODY, 'E_BAD_EVENT', 'E_UNKNOWN_KIND', 'E_UNKNOWN_ITEM', 'E_NOT_ALLOWED', ...APPEND],
  },
  {
    method: 'post', path: '/api/checkout', operationId: 'checkout', tags: ['shopper'], security: shopper,
    summary: 'Buys the cart (or the given lines), all lines or none',
    description: 'Each item\'s units are decided by its owner actor through the log. With an idempotency key (body or header) a retry reports the one outcome; '
      + 'retry E_TIMEOUT with the same key. E_OUT_OF_STOCK names the item in `field`.',
    parameters: [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', minLength: 1, maxLength: 128 }, description: 'printable ASCII; the body\'s `idempotencyKey` wins' }],
    requestBody: { required: false, content: json(ref('CheckoutRequest')) },
    ok: { description: 'the order was placed', schema: ref('OrderResult') },
    errors: [...SESSION, ...BODY, 'E_UNKNOWN_ITEM', 'E_OUT_OF_STOCK', 'E_COUPON_UNKNOWN', 'E_COUPON_EXPIRED', 'E_COUPON_USED', 'E_COUPON_NOT_APPLICABLE', ...APPEND],
  },
  {
    method: 'post', path: '/api/admin/session', operationId: 'adminSession', tags: ['admin'], security: [{ apiKey: [] }],
    summary: 'Operator login for the dashboard: trades the API key for a session token',
    description: 'Only the API key logs in (a session token cannot renew itself). Rotating API_KEY ends every session.',
    ok: { description: 'the session', schema: ref('OperatorSession') }, errors: ['E_UNAUTHENTICATED'],
  },
  {
    method: 'get', path: '/api/admin/kpis', operationId: 'adminKpis', tags: ['admin'], security: operator,
    summary: 'Live shop KPIs per minute, hour or day, with totals and rates',
    parameters: [
      query('granularity', { type: 'string', enum: ['minute', 'hour', 'day'], default: 'hour' }, 'bucket size (at most 2880 buckets per answer)'),
      timeQuery('from', '`to` minus a day'), timeQuery('to', 'now'),
    ],
    ok: { description: 'the KPIs', schema: ref('KpiReport') }, errors: ['E_UNAUTHENTICATED'],
  },
  {
    method: 'get', path: '/api/admin/hot', operationId: 'adminHot', tags: ['admin'], security: operator,
    summary: 'The hottest products or search queries now (decayed scores)',
    parameters: [
      query('kind', { type: 'string', enum: ['products', 'queries'], default: 'products' }, 'what to rank'),
      query('limit', { type: 'integer', minimum: 1, maximum: 500, default: 20 }, 'how many'),
    ],
    ok: { description: 'the ranking', schema: ref('HotList') }, errors: ['E_UNAUTHENTICATED'],
  },
  {
    method: 'get', path: '/api/admin/funnel', operationId: 'adminFunnel', tags: ['admin'], security: operator,
    summary: 'Views, cart adds and purchases per category over whole UTC days',
    parameters: [timeQuery('from', '`to` minus 7 days'), timeQuery('to', 'now')],
    ok: { description: 'the funnel', schema: ref('Funnel') }, errors: ['E_UNAUTHENTICATED'],
  },
  ...(['rfm', 'cohorts'] as const).map((what): Operation => ({
    method: 'get', path: `/api/admin/${what}`, operationId: `admin${what[0]!.toUpperCase()}${what.slice(1)}`, tags: ['admin'], security: operator,
    summary: what === 'rfm' ? 'RFM scores and segments of every customer, as of a date' : 'Monthly acquisition cohorts and their retention, as of a date',
    parameters: [asOf],
    ok: { description: 'the report', schema: ref('CustomerReport') }, errors: ['E_UNAUTHENTICATED'],
  })),
  {
    method: 'get', path: '/api/admin/abc', operationId: 'adminAbc', tags: ['admin'], security: operator,
    summary: 'ABC classes of products by revenue, between `from` and `asOf`',
    parameters: [asOf, query('from', { type: 'string', format: 'date' }, 'first day counted (default: all history)')],
    ok: { description: 'the report', schema: ref('CustomerReport') }, errors: ['E_UNAUTHENTICATED'],
  },
  {
    method: 'get', path: '/api/admin/segments', operationId: 'adminSegments', tags: ['admin'], security: operator,
    summary: 'RFM segment sizes as of a date, and how many customers moved between segments since another',
    parameters: [asOf, query('since', { type: 'string', format: 'date' }, 'the earlier date (default: 30 days before asOf)')],
    ok: { description: 'the report', schema: ref('CustomerReport') }, errors: ['E_UNAUTHENTICATED'],
  },
  {
    method: 'get', path: '/api/admin/clv', operationId: 'adminClv', tags: ['admin'], security: operator,
    summary: 'Lifetime value of every customer (BG/NBD + Gamma-Gamma fitted as of the date): distribution and the top customers',
    parameters: [asOf, query('limit', { type: 'integer', minimum: 1, maximum: 500, default: 20 }, 'how many top customers')],
    ok: { description: 'the report', schema: ref('CustomerReport') }, errors: ['E_UNAUTHENTICATED'],
  },
  {
    method: 'get', path: '/api/admin/intent', operationId: 'adminIntent', tags: ['admin'], security: operator,
    summary: 'The live purchase-intent model: version in force, last fit, prequential ROC-AUC and calibration, open sessions by score',
    ok: { description: 'the report', schema: ref('IntentReport') }, errors: ['E_UNAUTHENTICATED', 'E_UNAVAILABLE'],
  },
  {
    method: 'get', path: '/api/admin/customers/{id}', operationId: 'adminCustomer', tags: ['admin'], security: operator,
    summary: 'One customer: order history, RFM, P(alive), expected purchases and CLV',
    parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: 'the engine user id' }, asOf],
    ok: { description: 'the customer', schema: ref('CustomerReport') }, errors: ['E_UNAUTHENTICATED', 'E_NOT_FOUND'],
  },
  {
    method: 'get', path: '/api/admin/promotions', operationId: 'adminPromotions', tags: ['admin'], security: operator,
    summary: 'The promotion rules in force (version, status, the rule, its budget numbers) and refused definitions',
    ok: { description: 'the rules', schema: ref('PromotionList') }, errors: ['E_UNAUTHENTICATED', 'E_UNAVAILABLE'],
  },
  {
    method: 'get', path: '/api/admin/promotions/stats', operationId: 'adminPromotionStats', tags: ['admin'], security: operator,
    summary: 'Per-rule numbers for the dashboard: issued, refused by budget, redeemed, released, spend today and in all',
    ok: { description: 'the numbers', schema: ref('PromotionStats') }, errors: ['E_UNAUTHENTICATED', 'E_UNAVAILABLE'],
  },
  {
    method: 'post', path: '/api/admin/promotions', operationId: 'adminCreatePromotion', tags: ['admin'], security: operator,
    summary: 'Creates a rule: appends its version 1 to the log (every shard applies it from that position on)',
    requestBody: { required: true, content: json(ref('PromoRule')) },
    ok: { description: 'published', schema: ref('PromotionPublished') }, errors: ['E_UNAUTHENTICATED', ...BODY, 'E_BAD_RULE', 'E_UNAVAILABLE', 'E_STORAGE_FULL'],
  },
  {
    method: 'post', path: '/api/admin/promotions/dry-run', operationId: 'adminDryRunPromotion', tags: ['admin'], security: operator,
    summary: 'Folds the recent log with a draft rule alone in force: how many coupons it would have issued, to whom, at what cost',
    requestBody: { required: true, content: json(ref('DryRunRequest')) },
    ok: { description: 'the dry run', schema: ref('DryRunResult') }, errors: ['E_UNAUTHENTICATED', ...BODY, 'E_BAD_RULE', 'E_UNAVAILABLE'],
  },
  {
    method: 'post', path: '/api/admin/promotions/{id}', operationId: 'adminUpdatePromotion', tags: ['admin'], security: operator,
    summary: 'Updates a rule: appends the next version (the whole rule; `id` may be left out)',
    parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: 'the rule id' }],
    requestBody: { required: true, content: json(ref('PromoRule')) },
    ok: { description: 'published', schema: ref('PromotionPublished') }, errors: ['E_UNAUTHENTICATED', ...BODY, 'E_BAD_RULE', 'E_NOT_FOUND', 'E_UNAVAILABLE', 'E_STORAGE_FULL'],
  },
  {
    method: 'get', path: '/api/admin/ads', operationId: 'adminAds', tags: ['admin'], security: operator,
    summary: 'The ads panel: every campaign with its numbers, and the CTR model folded from the log (version, log position, fingerprint, progressive logloss, calibration)',
    ok: { description: 'campaigns and model', schema: ref('AdsOverview') }, errors: ['E_UNAUTHENTICATED', 'E_UNAVAILABLE'],
  },
  {
    method: 'get', path: '/api/admin/campaigns', operationId: 'adminCampaigns', tags: ['admin'], security: operator,
    summary: 'Ad campaigns in force with their spend, impressions and clicks',
    ok: { description: 'the campaigns', schema: ref('CampaignList') }, errors: ['E_UNAUTHENTICATED', 'E_UNAVAILABLE'],
  },
  {
    method: 'post', path: '/api/admin/campaigns', operationId: 'adminPutCampaign', tags: ['admin'], security: operator,
    summary: 'Creates a campaign (version 1) or replaces it (its next version) as a definition event on the log',
    requestBody: { required: true, content: json(ref('Campaign')) },
    ok: { description: 'published', schema: ref('PromotionPublished') }, errors: ['E_UNAUTHENTICATED', ...BODY, 'E_BAD_CAMPAIGN', 'E_UNAVAILABLE', 'E_STORAGE_FULL'],
  },
  {
    method: 'get', path: '/api/admin/campaigns/{id}', operationId: 'adminCampaign', tags: ['admin'], security: operator,
    summary: 'One campaign: spend (in all and today), impressions, charged clicks, refusals',
    parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: 'the campaign id' }],
    ok: { description: 'the campaign', schema: ref('CampaignStats') }, errors: ['E_UNAUTHENTICATED', 'E_NOT_FOUND', 'E_UNAVAILABLE'],
  },
  {
    method: 'get', path: '/api/admin/experiments', operationId: 'adminExperiments', tags: ['admin'], security: operator,
    summary: 'A/B tests in force with their exposures, decision and SRM status',
    ok: { description: 'the experiments', schema: ref('ExperimentList') }, errors: ['E_UNAUTHENTICATED'],
  },
  {
    method: 'post', path: '/api/admin/experiments', operationId: 'adminPutExperiment', tags: ['admin'], security: operator,
    summary: 'Creates an experiment (version 1) or replaces it (its next version; changed weights start a new phase) as a definition event on the log',
    requestBody: { required: true, content: json(ref('Experiment')) },
    ok: { description: 'published', schema: ref('ExperimentPublished') }, errors: ['E_UNAUTHENTICATED', ...BODY, 'E_STORAGE_FULL'],
  },
  {
    method: 'get', path: '/api/admin/experiments/{id}', operationId: 'adminExperiment', tags: ['admin'], security: operator,
    summary: 'One experiment\'s current phase: per-variant table, lifts with fixed and sequential intervals, the decision, SRM, guardrails',
    parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: 'the experiment id' }],
    ok: { description: 'the report', schema: ref('ExperimentReport') }, errors: ['E_UNAUTHENTICATED', 'E_NOT_FOUND'],
  },
  {
    method: 'post', path: '/api/admin/promotions/{id}/{action}', operationId: 'adminSetPromotionStatus', tags: ['admin'], security: operator,
    summary: 'Pauses or resumes a rule (a new version with only the status changed); coupons already issued stay usable',
    parameters: [
      { name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: 'the rule id' },
      { name: 'action', in: 'path', required: true, schema: { enum: ['pause', 'resume'] }, description: 'pause or resume' },
    ],
    ok: { description: 'published', schema: ref('PromotionPublished') }, errors: ['E_UNAUTHENTICATED', 'E_NOT_FOUND', 'E_UNAVAILABLE', 'E_STORAGE_FULL'],
  },
  {
    method: 'post', path: '/api/admin/import/products', operationId: 'adminImportProducts', tags: ['admin'], security: operator,
    summary: 'History import, step 1: create or update products (at most 5000 per request; body up to 2 MiB)',
    requestBody: { required: true, content: json(ref('ImportProductsRequest')) },
    ok: { description: 'what changed', schema: ref('ImportProductsResult') }, errors: ['E_UNAUTHENTICATED', ...BODY],
  },
  {
    method: 'post', path: '/api/admin/import/orders', operationId: 'adminImportOrders', tags: ['admin'], security: operator,
    summary: 'History import, step 2: past order lines onto the log as purchases with their own times (a re-run adds nothing)',
    requestBody: { required: true, content: json(ref('ImportOrdersRequest')) },
    ok: { description: 'what was appended', schema: ref('ImportOrdersResult') }, errors: ['E_UNAUTHENTICATED', ...BODY, 'E_BAD_IMPORT', ...APPEND],
  },
  {
    method: 'get', path: '/api/openapi.json', operationId: 'getOpenApi', tags: ['meta'],
    summary: 'This document', ok: { description: 'OpenAPI 3.1', schema: ref('ApiDocument') }, errors: [],
  },
  {
    method: 'get', path: '/api/asyncapi.json', operationId: 'getAsyncApi', tags: ['meta'],
    summary: 'The AsyncAPI 3.0 document of the shopper WebSocket `/ws`', ok: { description: 'AsyncAPI 3.0', schema: ref('ApiDocument') }, errors: [],
  },
  {
    method: 'get', path: '/health', operationId: 'getHealth', tags: ['meta'], outsideApi: true,
    summary: 'Readiness: 200 when NATS (JetStream answering), every shard and the index are ready and the disk is not full, else 503',
    ok: { description: 'ready', schema: ref('Health') }, errors: [],
    extraResponses: { 503: { description: 'not ready: the fields say what is not', content: json(ref('Health')) } },
  },
  {
    method: 'get', path: '/metrics', operationId: 'getMetrics', tags: ['meta'], outsideApi: true, security: [{ apiKey: [] }, { operatorBearer: [] }, {}],
    summary: 'Prometheus metrics (text exposition format); needs the API key unless METRICS_AUTH=false',
    ok: { description: 'the metrics', content: { 'text/plain': { schema: { type: 'string' } } } }, errors: ['E_UNAUTHENTICATED'],
  },
];

/** The error codes each operation is documented with, for tests: `METHOD path` -> codes. */
export function documentedErrors(): Map<string, ErrorCode[]> {
  return new Map(OPERATIONS.map((op) => [`${op.method.toUpperCase()} ${op.path}`, errorsOf(op)]));
}

function errorsOf(op: Operation): ErrorCode[] {
  const all = op.outsideApi ? op.errors : [...EVERY_API_OPERATION, ...op.errors];
  return [...new Set(all)];
}

/** The error responses of one operation: one per HTTP status, its `code` limited to the codes of that status. */
function errorResponses(codes: readonly ErrorCode[], table: ErrorTable): Record<string, JsonSchema> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const c of codes) byStatus.set(table[c].http, [...(byStatus.get(table[c].http) ?? []), c]);
  const out: Record<string, JsonSchema> = {};
  for (const [status, list] of [...byStatus].sort((a, b) => a[0] - b[0])) {
    out[String(status)] = {
      description: list.map((c) => `\`${c}\`: ${table[c].summary}`).join('; '),
      content: json({
        type: 'object', required: ['error'],
        properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string', enum: list }, message: { type: 'string' }, field: { type: 'string' } } } },
      }),
    };
  }
  return out;
}

function operationObject(op: Operation, table: ErrorTable): JsonSchema {
  const ok: JsonSchema = { description: op.ok.description, content: op.ok.content ?? json(op.ok.schema ?? {}) };
  const o: JsonSchema = {
    operationId: op.operationId, summary: op.summary, tags: op.tags,
    responses: { 200: ok, ...op.extraResponses, ...errorResponses(errorsOf(op), table) },
  };
  if (op.description) o['description'] = op.description;
  if (op.security) o['security'] = op.security;
  if (op.parameters) o['parameters'] = op.parameters;
  if (op.requestBody) o['requestBody'] = op.requestBody;
  return o;
}

/** The OpenAPI 3.1 document; `table` is engine/errors ERROR_CODES. */
export function openApiDocument(table: ErrorTable, version = '1.0.0'): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const op of OPERATIONS) (paths[op.path] ??= {})[op.method] = operationObject(op, table);
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'shop-brain HTTP API', version,
      summary: 'Real-time personalisation engine: sessions, catalog, events, recommendations, checkout, operator analytics',
      description: 'Contract v1 (protos/contract.ts). Errors are `{"error":{"code","message","field"?}}` with a stable code (docs/errors.md). '
        + 'A method a path does not list gets 405 `E_METHOD_NOT_ALLOWED` with an `Allow` header; an unknown /api path gets 404 `E_NOT_FOUND`. '
        + 'The shopper WebSocket `/ws` is described by GET /api/asyncapi.json.',
      license: { name: 'UNLICENSED', identifier: 'UNLICENSED' },
    },
    servers: [{ url: '/', description: 'the engine itself (PORT, default 8080)' }],
    tags: [
      { name: 'session' }, { name: 'catalog' }, { name: 'shopper', description: 'needs a session token' },
      { name: 'admin', description: 'needs the operator API key' }, { name: 'meta' },
    ],
    paths,
    components: {
      schemas: COMPONENT_SCHEMAS,
      securitySchemes: {
        session: { type: 'http', scheme: 'bearer', description: 'the token of POST /api/session' },
        apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key', description: 'the operator key (API_KEY, or DATA_DIR/api-key)' },
        operatorBearer: { type: 'http', scheme: 'bearer', description: 'the operator key as a bearer token (as Prometheus sends it)' },
      },
      responses: {
        MethodNotAllowed: {
          description: '`E_METHOD_NOT_ALLOWED`: the method is not one this path answers; `Allow` lists those it does',
          headers: { Allow: { schema: { type: 'string' }, description: 'e.g. `GET`' } },
          content: json(ref('HttpErrorBody')),
        },
        NotFound: { description: '`E_NOT_FOUND`: no such API route', content: json(ref('HttpErrorBody')) },
      },
    },
    'x-error-codes': Object.fromEntries(ALL_ERROR_CODES.map((c) => [c, { http: table[c].http, summary: table[c].summary }])),
    'x-codes-outside-operations': CODES_OUTSIDE_OPERATIONS,
  };
}
