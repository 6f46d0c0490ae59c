/**
 * The served OpenAPI 3.1 and AsyncAPI 3.0 documents against the engine: every
 * mounted route is documented and every documented path is mounted, every error
 * code is in the document, and real answers (good and bad input, every route) and
 * WebSocket messages validate against the documented schema for their status.
 */
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Engine } from '../../engine/index.js';
import { ERROR_CODES, type ErrorCode } from '../../engine/errors/index.js';
import { listApiRoutes } from '../../engine/gateway/api-routes.js';
import { asyncApiDocument, documentedErrors, openApiDocument, SERVER_MESSAGE_SCHEMA, type JsonSchema } from '../../protos/openapi/index.js';
import { Shopper, startNats, startTestEngine, testEnv, type TestNats } from '../kit/index.js';
import { ApiSchemas, messagePayload } from './api-schemas.js';

async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const API_KEY = 'openapi-test-key-0123456789';
const doc = openApiDocument(ERROR_CODES);
const asyncDoc = asyncApiDocument();
type Paths = Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: { properties?: { error?: { properties?: { code?: { enum?: string[] } } } } } }> }> }>>;
const paths = doc['paths'] as Paths;

/** uWS `:name` -> OpenAPI `{name}`. */
const template = (uwsPath: string) => uwsPath.replace(/:([A-Za-z]+)/g, '{$1}');

describe('openapi - the document and the route registry', () => {
  it('openapi - every route mountApi registers is documented, and every documented operation is registered', () => {
    const mounted = listApiRoutes().map((r) => `${r.method} ${template(r.path)}`).sort();
    const documented = Object.entries(paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`)).sort();
    assert.ok(mounted.includes('GET /health') && mounted.includes('GET /metrics') && mounted.includes('GET /api/openapi.json'), mounted.join(', '));
    assert.deepEqual(documented, mounted);
  });

  it('openapi - every ErrorCode is in the document with its HTTP status, and in an operation or listed as answered elsewhere', () => {
    const components = (doc['components'] as { schemas: Record<string, JsonSchema> }).schemas;
    assert.deepEqual([...(components['ErrorCode']!['enum'] as string[])].sort(), Object.keys(ERROR_CODES).sort());
    const table = doc['x-error-codes'] as Record<string, { http: number }>;
    const outside = doc['x-codes-outside-operations'] as Record<string, string>;
    const inOperations = new Set<string>();
    for (const [p, ops] of Object.entries(paths)) {
      for (const [m, op] of Object.entries(ops)) {
        for (const [status, res] of Object.entries(op.responses)) {
          const codes = res.content?.['application/json']?.schema.properties?.error?.properties?.code?.enum ?? [];
          for (const c of codes) {
            assert.equal(ERROR_CODES[c as ErrorCode]?.http, Number(status), `${m} ${p}: ${c} under ${status}`);
            inOperations.add(c);
          }
        }
      }
    }
    for (const [code, info] of Object.entries(ERROR_CODES)) {
      assert.equal(table[code]?.http, info.http, `x-error-codes ${code}`);
      assert.ok(inOperations.has(code) !== Object.hasOwn(outside, code), `${code}: in an operation xor in x-codes-outside-operations`);
    }
  });

  it('openapi - the validator refuses an undocumented field, a code of another status and a missing field (the checks can fail)', () => {
    const s = new ApiSchemas(doc);
    assert.equal(s.checkResponse('GET', '/api/products/{itemId}', 404, { error: { code: 'E_UNKNOWN_ITEM', message: 'x' } }), undefined);
    assert.match(s.checkResponse('GET', '/api/products/{itemId}', 404, { error: { code: 'E_TIMEOUT', message: 'x' } }) ?? '', /allowed values/);
    assert.match(s.checkResponse('POST', '/api/session', 200, { userId: 'u-0123456789', token: 't', expiresAt: 1, extra: 1 }) ?? '', /additional properties/);
    assert.match(s.checkResponse('POST', '/api/session', 200, { userId: 'u-0123456789', token: 't' }) ?? '', /expiresAt/);
    assert.throws(() => s.responseSchema('GET', '/api/cart', 409), /does not document status 409/);
  });
});

describe('openapi - answers of a real engine validate against the document', () => {
  let nats: TestNats;
  let engine: Engine;
  let schemas: ApiSchemas;
  let items: Array<{ itemId: string; stock: number }>;
  /** `METHOD template status` of every checked answer. */
  const seen = new Set<string>();

  before(async () => {
    nats = await startNats();
    engine = await startTestEngine(testEnv(nats.url, { API_KEY }));
    schemas = new ApiSchemas(doc);
    items = [...engine.services.catalog.values()].filter((p) => p.stock > 0 && p.stock < 900).slice(0, 5).map((p) => ({ itemId: p.itemId, stock: p.stock }));
    assert.equal(items.length, 5);
  });
  after(async () => {
    await engine?.stop();
    await nats?.stop();
  });

  /** Calls the engine and validates the JSON answer against `METHOD template` for its status. */
  async function call(method: string, tmpl: string, url: string, init: { headers?: Record<string, string>; body?: string } = {}, expect?: number | [number, ErrorCode]): Promise<{ status: number; body: unknown; headers: Headers }> {
    const r = await fetch(`${engine.url}${url}`, { method, headers: init.headers ?? {}, ...(init.body !== undefined ? { body: init.body } : {}) });
    const text = await r.text();
    const [status, code] = Array.isArray(expect) ? expect : [expect, undefined];
    if (status !== undefined) assert.equal(r.status, status, `${method} ${url}: ${text.slice(0, 300)}`);
    if (code !== undefined) assert.equal((JSON.parse(text) as { error: { code: string } }).error.code, code, text);
    assert.match(r.headers.get('content-type') ?? '', /^application\/json/, `${method} ${url}`);
    const body: unknown = JSON.parse(text);
    const problem = schemas.checkResponse(method, tmpl, r.status, body);
    assert.equal(problem, undefined, `${method} ${url} ${r.status}: ${problem}\n${text.slice(0, 500)}`);
    seen.add(`${method} ${tmpl} ${r.status}`);
    return { status: r.status, body, headers: r.headers };
  }

  /** A request on its own socket, for what fetch cannot send (two Content-Lengths, a 9 KB target), checked as `call` does. */
  async function raw(method: string, tmpl: string, request: string, expect: number): Promise<void> {
    const { status, body } = await rawRequest(request);
    assert.equal(status, expect, JSON.stringify(body));
    const problem = schemas.checkResponse(method, tmpl, status, body);
    assert.equal(problem, undefined, `${method} ${tmpl} ${status}: ${problem}`);
    seen.add(`${method} ${tmpl} ${status}`);
  }

  function rawRequest(request: string): Promise<{ status: number; body: unknown }> {
    return new Promise((resolve, reject) => {
      let text = '';
      const sock = connect(engine.port, '127.0.0.1', () => sock.write(request));
      sock.on('data', (d) => (text += d.toString()));
      sock.on('error', reject);
      sock.on('close', () => {
        const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1]);
        resolve({ status, body: JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4)) });
      });
    });
  }

  it('openapi - session, catalog and recommendation routes: good and bad input', async () => {
    const s = (await call('POST', '/api/session', '/api/session', {}, 200)).body as { token: string };
    await call('GET', '/api/categories', '/api/categories', {}, 200);
    const id = items[0]!.itemId;
    await call('GET', '/api/products', '/api/products?limit=5&sort=price_asc', {}, 200);
    await call('GET', '/api/products', '/api/products?q=shirt&page=2', {}, 200);
    await call('GET', '/api/products', `/api/products?ids=${id},nope`, {}, 200);
    await call('GET', '/api/products', '/api/products?limit=0', {}, [400, 'E_BAD_REQUEST']);
    await call('GET', '/api/products', '/api/products?sort=cheapest', {}, [400, 'E_BAD_REQUEST']);
    await call('GET', '/api/products', '/api/products?category=Not%20A%20Slug', {}, [400, 'E_BAD_REQUEST']);
    await call('GET', '/api/products/{itemId}', `/api/products/${id}`, {}, 200);
    await call('GET', '/api/products/{itemId}', '/api/products/no-such-item', {}, [404, 'E_UNKNOWN_ITEM']);
    await call('GET', '/api/products/{itemId}', '/api/products/%ZZ', {}, [400, 'E_BAD_REQUEST']);
    await call('GET', '/api/recommendations', '/api/recommendations', {}, 200);
    await call('GET', '/api/recommendations', `/api/recommendations?k=3&itemId=${id}`, { headers: { authorization: `Bearer ${s.token}` } }, 200);
    await call('GET', '/api/recommendations', '/api/recommendations?k=0', {}, [400, 'E_BAD_REQUEST']);
    await call('GET', '/api/recommendations', '/api/recommendations?itemId=no-such-item', {}, [404, 'E_UNKNOWN_ITEM']);
    await call('GET', '/api/recommendations', '/api/recommendations', { headers: { authorization: 'Bearer v1.garbage' } }, [401, 'E_BAD_TOKEN']);
    await call('GET', '/api/search', '/api/search?q=shirts&limit=3', {}, 200);
    await call('GET', '/api/search', `/api/search?q=wireles&inStock=true&minPrice=1&maxPrice=5000&sort=price_asc&page=1`, { headers: { authorization: `Bearer ${s.token}` } }, 200);
    await call('GET', '/api/search', '/api/search?q=xqzvwk', {}, 200);
    await call('GET', '/api/search', '/api/search', {}, 200);
    await call('GET', '/api/search', '/api/search?q=a&page=-1', {}, [400, 'E_BAD_REQUEST']);
    await call('GET', '/api/search', '/api/search?q=a', { headers: { authorization: 'Bearer v1.garbage' } }, [401, 'E_BAD_TOKEN']);
    await call('GET', '/api/suggest', '/api/suggest?q=sh', {}, 200);
    await call('GET', '/api/suggest', `/api/suggest?q=${'x'.repeat(300)}`, {}, [400, 'E_BAD_REQUEST']);
  });

  it('openapi - shopper routes: events, cart, profile, orders, checkout with good and bad input', async () => {
    const s = (await call('POST', '/api/session', '/api/session', {}, 200)).body as { token: string };
    const auth = { authorization: `Bearer ${s.token}`, 'content-type': 'application/json' };
    const [a, b] = [items[1]!, items[2]!];
    const ev = (body: unknown, expect: number | [number, ErrorCode]) => call('POST', '/api/events', '/api/events', { headers: auth, body: JSON.stringify(body) }, expect);
    await ev({ id: 'v1', kind: 'view', itemId: a.itemId }, 200);
    const dup = await ev({ id: 'v1', kind: 'view', itemId: a.itemId }, 200);
    assert.equal((dup.body as { duplicate?: boolean }).duplicate, true);
    await ev({ kind: 'cart_add', itemId: b.itemId, qty: 2 }, 200);
    await ev({ kind: 'search', query: 'shoes' }, 200);
    await ev({ kind: 'search', query: 'shoes', resultCount: 0, category: 'running-shoes' }, 200);
    await ev({ kind: 'search_click', query: 'shoes', itemId: a.itemId, position: 2 }, 200);
    await ev({ kind: 'search_click', query: 'shoes', itemId: a.itemId }, [400, 'E_BAD_EVENT']);
    await ev({ kind: 'teleport' }, [400, 'E_UNKNOWN_KIND']);
    await ev({ kind: 'view', itemId: a.itemId, qty: 0 }, [400, 'E_BAD_EVENT']);
    await ev({ kind: 'view', itemId: 'no-such-item' }, [404, 'E_UNKNOWN_ITEM']);
    await ev({ kind: 'purchase', itemId: a.itemId, qty: 1 }, [403, 'E_NOT_ALLOWED']);
    await call('POST', '/api/events', '/api/events', { headers: auth, body: '{"kind":' }, [400, 'E_BAD_JSON']);
    await call('POST', '/api/events', '/api/events', { headers: auth, body: JSON.stringify({ kind: 'view', itemId: a.itemId, pad: 'x'.repeat(70_000) }) }, [413, 'E_TOO_LARGE']);
    await call('POST', '/api/events', '/api/events', { body: '{}' }, [401, 'E_BAD_TOKEN']);

    const cart = (await call('GET', '/api/cart', '/api/cart', { headers: auth }, 200)).body as { lines: unknown[] };
    assert.equal(cart.lines.length, 1);
    await call('GET', '/api/cart', '/api/cart', {}, [401, 'E_BAD_TOKEN']);
    const profile = (await call('GET', '/api/profile', '/api/profile', { headers: auth }, 200)).body as { recent: string[] };
    assert.deepEqual(profile.recent, [a.itemId]);
    await call('GET', '/api/profile', '/api/profile', { headers: { authorization: 'Bearer nope' } }, [401, 'E_BAD_TOKEN']);

    const co = (body: unknown, expect: number | [number, ErrorCode], headers: Record<string, string> = {}) =>
      call('POST', '/api/checkout', '/api/checkout', { headers: { ...auth, ...headers }, body: JSON.stringify(body) }, expect);
    await co({}, 200, { 'idempotency-key': 'order-1' });
    await co({ lines: [] }, [400, 'E_BAD_REQUEST']);
    await co({ lines: [{ itemId: 'no-such-item', qty: 1 }] }, [404, 'E_UNKNOWN_ITEM']);
    await co({ lines: [{ itemId: a.itemId, qty: a.stock + 1 }] }, [409, 'E_OUT_OF_STOCK']);
    await co({ idempotencyKey: 'bad key with spaces' }, [400, 'E_BAD_REQUEST']);
    const orders = (await call('GET', '/api/orders', '/api/orders', { headers: auth }, 200)).body as { orders: unknown[] };
    assert.equal(orders.orders.length, 1);
    // The placed order earned the first-purchase coupon (a default rule): listed, quoted in the cart, refused when foreign.
    const listed = await eventually(async () => ((await call('GET', '/api/coupons', '/api/coupons', { headers: auth }, 200)).body as { coupons: Array<{ code: string; rule: string }> }).coupons, (l) => l.length > 0);
    assert.equal(listed[0]!.rule, 'first_purchase_welcome');
    await call('GET', '/api/coupons', '/api/coupons', {}, [401, 'E_BAD_TOKEN']);
    await ev({ kind: 'cart_add', itemId: b.itemId, qty: 1 }, 200);
    const quoted = (await call('GET', '/api/cart', `/api/cart?coupon=${listed[0]!.code}`, { headers: auth }, 200)).body as { coupon: { applied: boolean } };
    assert.equal(typeof quoted.coupon.applied, 'boolean');
    const unknown = (await call('GET', '/api/cart', '/api/cart?coupon=NOPE-1', { headers: auth }, 200)).body as { coupon: { applied: boolean; error: { code: string } } };
    assert.deepEqual([unknown.coupon.applied, unknown.coupon.error.code], [false, 'E_COUPON_UNKNOWN']);
    await call('GET', '/api/cart', '/api/cart?coupon=bad%20code', { headers: auth }, [400, 'E_BAD_REQUEST']);
    await co({ coupon: 'NOPE-1' }, [404, 'E_COUPON_UNKNOWN']);
    await co({ coupon: 'not a code!' }, [400, 'E_BAD_REQUEST']);
    await call('GET', '/api/orders', '/api/orders', {}, [401, 'E_BAD_TOKEN']);
  });

  it('openapi - admin, meta, health and metrics routes; 405, 404, 414 and framing answers', async () => {
    const key = { 'x-api-key': API_KEY };
    await call('GET', '/api/admin/kpis', '/api/admin/kpis?granularity=minute', { headers: key }, 200);
    await call('GET', '/api/admin/kpis', '/api/admin/kpis?granularity=week', { headers: key }, [400, 'E_BAD_REQUEST']);
    await call('GET', '/api/admin/kpis', '/api/admin/kpis', {}, [401, 'E_UNAUTHENTICATED']);
    await call('GET', '/api/admin/hot', '/api/admin/hot', { headers: { authorization: `Bearer ${API_KEY}` } }, 200);
    await call('GET', '/api/admin/hot', '/api/admin/hot?kind=queries&limit=5', { headers: key }, 200);
    await call('GET', '/api/admin/hot', '/api/admin/hot?limit=501', { headers: key }, [400, 'E_BAD_REQUEST']);
    await call('GET', '/api/admin/hot', '/api/admin/hot', { headers: { 'x-api-key': 'wrong-key-0123456789' } }, [401, 'E_UNAUTHENTICATED']);
    await call('GET', '/api/admin/funnel', '/api/admin/funnel?from=2020-01-01', { headers: key }, 200);
    await call('GET', '/api/admin/funnel', '/api/admin/funnel?from=yesterday', { headers: key }, [400, 'E_BAD_REQUEST']);
    await call('GET', '/api/admin/funnel', '/api/admin/funnel', {}, [401, 'E_UNAUTHENTICATED']);

    const login = await call('POST', '/api/admin/session', '/api/admin/session', { headers: key }, 200);
    await call('POST', '/api/admin/session', '/api/admin/session', {}, [401, 'E_UNAUTHENTICATED']);
    const operator = { authorization: `Bearer ${(login.body as { token: string }).token}` };
    await call('GET', '/api/admin/kpis', '/api/admin/kpis', { headers: operator }, 200);
    await call('GET', '/api/admin/segments', '/api/admin/segments?asOf=2030-01-01&since=2029-01-01', { headers: operator }, 200);
    await call('GET', '/api/admin/segments', '/api/admin/segments?asOf=2030-01-01&since=2031-01-01', { headers: key }, [400, 'E_BAD_REQUEST']);
    await call('GET', '/api/admin/segments', '/api/admin/segments', {}, [401, 'E_UNAUTHENTICATED']);
    await call('GET', '/api/admin/clv', '/api/admin/clv?limit=3', { headers: key }, 200);
    await call('GET', '/api/admin/clv', '/api/admin/clv?limit=0', { headers: key }, [400, 'E_BAD_REQUEST']);
    await call('GET', '/api/admin/clv', '/api/admin/clv', {}, [401, 'E_UNAUTHENTICATED']);
    await call('GET', '/api/admin/intent', '/api/admin/intent', { headers: key }, 200);
    await call('GET', '/api/admin/intent', '/api/admin/intent', {}, [401, 'E_UNAUTHENTICATED']);
    for (const what of ['rfm', 'cohorts', 'abc']) {
      await call('GET', `/api/admin/${what}`, `/api/admin/${what}?asOf=2030-01-01`, { headers: key }, 200);
      await call('GET', `/api/admin/${what}`, `/api/admin/${what}?asOf=01/01/2030`, { headers: key }, [400, 'E_BAD_REQUEST']);
      await call('GET', `/api/admin/${what}`, `/api/admin/${what}`, {}, [401, 'E_UNAUTHENTICATED']);
    }
    const post = (path: string, body: unknown, expect: number | [number, ErrorCode], headers: Record<string, string> = key) =>
      call('POST', path, path, { headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) }, expect);
    const row = { itemId: 'imp-mug-1', name: 'Imported mug', category: 'kitchen', description: '', price: 4.5, stock: 10, brand: 'Imp' };
    await post('/api/admin/import/products', { items: [row] }, 200);
    await post('/api/admin/import/products', { items: [] }, [400, 'E_BAD_REQUEST']);
    await post('/api/admin/import/products', { items: [row] }, [401, 'E_UNAUTHENTICATED'], {});
    const line = { customerId: '12345', orderId: 'inv-1', itemId: 'imp-mug-1', ts: Date.UTC(2020, 0, 2), qty: 2, price: 4.5, line: 1 };
    await post('/api/admin/import/orders', { lines: [line] }, 200);
    await post('/api/admin/import/orders', { lines: [{ ...line, qty: 0 }] }, [400, 'E_BAD_REQUEST']);
    await post('/api/admin/import/orders', { lines: [line] }, [401, 'E_UNAUTHENTICATED'], {});
    await call('GET', '/api/admin/customers/{id}', '/api/admin/customers/u-nobody0000', { headers: key }, [404, 'E_NOT_FOUND']);
    await call('GET', '/api/admin/customers/{id}', '/api/admin/customers/u-nobody0000', {}, [401, 'E_UNAUTHENTICATED']);
    // The imported orders reach the analytics consumer through the log: poll until the customer is known.
    const customer = `/api/admin/customers/u-imp12345`;
    for (let i = 0; i < 100 && (await fetch(`${engine.url}${customer}`, { headers: key })).status === 404; i++) await new Promise((r) => setTimeout(r, 100));
    await call('GET', '/api/admin/customers/{id}', customer, { headers: key }, 200);

    const rule = { id: 'contract_rule', title: 'Contract', trigger: { type: 'event', kinds: ['view'] }, reward: { type: 'amount', amount: 2 } };
    await post('/api/admin/promotions', rule, 200);
    await post('/api/admin/promotions', rule, [400, 'E_BAD_REQUEST']);
    await post('/api/admin/promotions', { ...rule, id: 'contract_bad', reward: { type: 'hug' } }, [400, 'E_BAD_RULE']);
    await post('/api/admin/promotions', rule, [401, 'E_UNAUTHENTICATED'], {});
    await call('POST', '/api/admin/promotions/{id}', '/api/admin/promotions/contract_rule', { headers: { ...key, 'content-type': 'application/json' }, body: JSON.stringify({ ...rule, title: 'Contract v2' }) }, 200);
    await call('POST', '/api/admin/promotions/{id}', '/api/admin/promotions/nope', { headers: { ...key, 'content-type': 'application/json' }, body: JSON.stringify({ ...rule, id: 'nope' }) }, [404, 'E_NOT_FOUND']);
    await call('POST', '/api/admin/promotions/{id}/{action}', '/api/admin/promotions/contract_rule/pause', { headers: key }, 200);
    await call('POST', '/api/admin/promotions/{id}/{action}', '/api/admin/promotions/nope/pause', { headers: key }, [404, 'E_NOT_FOUND']);
    const listing = (await call('GET', '/api/admin/promotions', '/api/admin/promotions', { headers: key }, 200)).body as { rules: Array<{ id: string; version: number; status: string }> };
    assert.deepEqual(listing.rules.filter((r) => r.id === 'contract_rule').map((r) => [r.version, r.status]), [[3, 'paused']]);
    assert.ok(listing.rules.length >= 16, 'the default rules are there too');
    assert.ok(!listing.rules.some((r) => r.id === 'contract_bad'), 'a refused rule changed nothing');
    await call('GET', '/api/admin/promotions', '/api/admin/promotions', {}, [401, 'E_UNAUTHENTICATED']);
    await call('GET', '/api/admin/promotions/stats', '/api/admin/promotions/stats', { headers: key }, 200);
    await call('GET', '/api/admin/promotions/stats', '/api/admin/promotions/stats', {}, [401, 'E_UNAUTHENTICATED']);
    // Ad campaigns (docs/ads.md).
    const campaign = { id: 'contract_camp', itemIds: [row.itemId], bidPerClick: 0.3, dailyBudget: 5, totalBudget: 10 };
    await post('/api/admin/campaigns', campaign, 200);
    await post('/api/admin/campaigns', { ...campaign, bidPerClick: 0 }, [400, 'E_BAD_CAMPAIGN']);
    await post('/api/admin/campaigns', campaign, [401, 'E_UNAUTHENTICATED'], {});
    await call('GET', '/api/admin/campaigns', '/api/admin/campaigns', { headers: key }, 200);
    await call('GET', '/api/admin/campaigns', '/api/admin/campaigns', {}, [401, 'E_UNAUTHENTICATED']);
    await call('GET', '/api/admin/ads', '/api/admin/ads', { headers: key }, 200);
    await call('GET', '/api/admin/ads', '/api/admin/ads', {}, [401, 'E_UNAUTHENTICATED']);
    await call('GET', '/api/admin/campaigns/{id}', '/api/admin/campaigns/contract_camp', { headers: key }, 200);
    await call('GET', '/api/admin/campaigns/{id}', '/api/admin/campaigns/nope', { headers: key }, [404, 'E_NOT_FOUND']);

    // Experiments (docs/experiments.md).
    const experiment = { id: 'contract_exp', metric: 'conversion', variants: [{ name: 'control', weight: 1, config: {} }, { name: 'knn', weight: 1, config: { fusionMode: 0 } }] };
    await post('/api/admin/experiments', experiment, 200);
    await post('/api/admin/experiments', { ...experiment, metric: 'joy' }, [400, 'E_BAD_REQUEST']);
    await call('GET', '/api/admin/experiments', '/api/admin/experiments', { headers: key }, 200);
    await call('GET', '/api/admin/experiments', '/api/admin/experiments', {}, [401, 'E_UNAUTHENTICATED']);
    await call('GET', '/api/admin/experiments/{id}', '/api/admin/experiments/contract_exp', { headers: key }, 200);
    await call('GET', '/api/admin/experiments/{id}', '/api/admin/experiments/nope', { headers: key }, [404, 'E_NOT_FOUND']);
    const dry = (await post('/api/admin/promotions/dry-run', { rule: { ...rule, id: 'contract_draft' }, hours: 1 }, 200)).body as { window: { events: number } };
    assert.ok(dry.window.events > 0, 'the dry run read the recent log');
    await post('/api/admin/promotions/dry-run', { rule: { ...rule, reward: { type: 'amount', amount: -1 } } }, [400, 'E_BAD_RULE']);

    const served = (await call('GET', '/api/openapi.json', '/api/openapi.json', {}, 200)).body;
    assert.deepEqual(served, JSON.parse(JSON.stringify(doc)), 'the engine serves the document this test checks');
    assert.deepEqual((await call('GET', '/api/asyncapi.json', '/api/asyncapi.json', {}, 200)).body, JSON.parse(JSON.stringify(asyncDoc)));
    await call('GET', '/health', '/health', {}, 200);

    const metrics = await fetch(`${engine.url}/metrics`, { headers: key });
    assert.equal(metrics.status, 200);
    assert.match(metrics.headers.get('content-type') ?? '', /^text\/plain/);
    assert.ok(paths['/metrics']!['get']!.responses['200']!.content!['text/plain'], 'documented as text/plain');
    await call('GET', '/metrics', '/metrics', {}, [401, 'E_UNAUTHENTICATED']);

    const responses = (doc['components'] as { responses: Record<string, { content: Record<string, { schema: unknown }> }> }).responses;
    const wrongMethod = await fetch(`${engine.url}/api/cart`, { method: 'DELETE' });
    assert.equal(wrongMethod.status, 405);
    assert.equal(wrongMethod.headers.get('allow'), 'GET');
    const wrongBody: unknown = await wrongMethod.json();
    assert.equal(schemas.checkSchema('405', responses['MethodNotAllowed']!.content['application/json']!.schema, wrongBody), undefined);
    assert.equal((wrongBody as { error: { code: string } }).error.code, 'E_METHOD_NOT_ALLOWED');
    const unknown = await fetch(`${engine.url}/api/nothing-here`);
    assert.equal(unknown.status, 404);
    assert.equal(schemas.checkSchema('404', responses['NotFound']!.content['application/json']!.schema, await unknown.json()), undefined);

    await raw('GET', '/api/products', `GET /api/products?q=${'a'.repeat(9000)} HTTP/1.1\r\nHost: x\r\n\r\n`, 414);
    await raw('POST', '/api/session', 'POST /api/session HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 5\r\n\r\n{}', 400);
  });

  it('openapi - every operation had its 200 and at least one error answer checked', () => {
    for (const [p, ops] of Object.entries(paths)) {
      for (const m of Object.keys(ops)) {
        const key = `${m.toUpperCase()} ${p}`;
        if (p === '/metrics') continue; // its 200 is text, checked above
        assert.ok(seen.has(`${key} 200`), `${key} 200 was not checked`);
        const errors = documentedErrors().get(key) ?? [];
        const isMeta = p === '/health' || p.endsWith('api.json') || p === '/api/categories';
        if (!isMeta) assert.ok([...seen].some((s) => s.startsWith(`${key} `) && !s.endsWith(' 200')), `${key}: no error answer was checked (documented: ${errors.join(', ')})`);
      }
    }
  });

  it('asyncapi - hello, ack, error, recs and order messages of a real socket validate against the payload schemas', async () => {
    const ws = new ApiSchemas(asyncDoc);
    const s = await Shopper.connect(engine.url);
    const [a] = items;
    s.send({ type: 'event', id: 'ws-1', kind: 'view', itemId: a!.itemId });
    s.send({ type: 'event', id: 'ws-2', kind: 'view', itemId: 'no-such-item' });
    s.send({ type: 'gossip' });
    s.send('not json');
    await s.waitFor((m) => m.type === 'ack' && m['id'] === 'ws-1');
    await s.waitFor((m) => m.type === 'recs' && m['causedBy'] === 'ws-1');
    await s.waitFor((m) => m.type === 'error' && m['id'] === 'ws-2');
    await s.waitFor((m) => m.type === 'error' && m['code'] === 'E_BAD_JSON');
    const r = await fetch(`${engine.url}/api/checkout`, { method: 'POST', headers: { authorization: `Bearer ${s.token}` }, body: JSON.stringify({ lines: [{ itemId: a!.itemId, qty: 1 }] }) });
    assert.equal(r.status, 200, await r.text());
    await s.waitFor((m) => m.type === 'order');
    s.close();

    const types = new Set<string>();
    for (const m of s.messages) {
      const problem = ws.checkSchema(`message ${m.type}`, messagePayload(asyncDoc, m.type), m);
      assert.equal(problem, undefined, `${m.type}: ${problem}\n${JSON.stringify(m).slice(0, 400)}`);
      types.add(m.type);
    }
    for (const t of ['hello', 'ack', 'error', 'recs', 'order']) assert.ok(types.has(t), `saw a ${t} message`);
    assert.equal(ws.checkSchema('bad ack', messagePayload(asyncDoc, 'ack'), { type: 'ack', id: 'x' })?.includes('seq'), true, 'a wrong message fails');
    assert.equal(ws.checkComponent(SERVER_MESSAGE_SCHEMA.hello, { type: 'hello', userId: 'u-0123456789', ts: 1 }), undefined);

    // The operator feed: hello and a live summary, validated the same way.
    const login = (await (await fetch(`${engine.url}/api/admin/session`, { method: 'POST', headers: { 'x-api-key': API_KEY } })).json()) as { token: string };
    const admin = new WebSocket(`${engine.url.replace(/^http/, 'ws')}/admin/ws?token=${encodeURIComponent(login.token)}`);
    const adminMessages = await new Promise<Array<{ type: string }>>((resolve, reject) => {
      const got: Array<{ type: string }> = [];
      admin.on('message', (d) => {
        got.push(JSON.parse(String(d)) as { type: string });
        if (got.some((m) => m.type === 'analytics')) resolve(got);
      });
      admin.once('error', reject);
    });
    admin.close();
    for (const m of adminMessages) {
      const problem = ws.checkSchema(`admin ${m.type}`, messagePayload(asyncDoc, m.type === 'hello' ? 'adminHello' : m.type), m);
      assert.equal(problem, undefined, `${m.type}: ${problem}\n${JSON.stringify(m).slice(0, 400)}`);
    }

    const closed = await Shopper.connect(engine.url, { userId: 'u-0000000000', token: 'v1.bad' });
    const err = closed.messages[0]!;
    assert.equal(ws.checkSchema('message error', messagePayload(asyncDoc, 'error'), err), undefined);
    assert.equal((await closed.waitClosed()).code, 4401);
  });
});
