/**
 * The operator side the dashboard stands on, against a real engine: login for a
 * session token, the live /admin/ws summary (a purchase shows within a second),
 * segment and CLV reports, and segment moves as log events the user actor folds.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import * as grpc from '@grpc/grpc-js';
import WebSocket from 'ws';
import { loadEngineProto } from '../../engine/grpc/index.js';
import type { ProtoGrpcType } from '../../protos/gen/engine/engine.js';
import type { AbcReport__Output } from '../../protos/gen/engine/shop/v1/AbcReport.js';
import type { AnalyticsClient } from '../../protos/gen/engine/shop/v1/Analytics.js';
import type { CohortReport__Output } from '../../protos/gen/engine/shop/v1/CohortReport.js';
import type { CustomerScores__Output } from '../../protos/gen/engine/shop/v1/CustomerScores.js';
import type { FunnelReport__Output } from '../../protos/gen/engine/shop/v1/FunnelReport.js';
import type { HotList__Output } from '../../protos/gen/engine/shop/v1/HotList.js';
import type { KpiReport__Output } from '../../protos/gen/engine/shop/v1/KpiReport.js';
import type { RfmReport__Output } from '../../protos/gen/engine/shop/v1/RfmReport.js';
import type { SegmentsReport__Output } from '../../protos/gen/engine/shop/v1/SegmentsReport.js';
import type { AdminServerMessage, AnalyticsLiveMessage } from '../../protos/admin-contract.js';
import type { Engine } from '../../engine/index.js';
import { readLog, startNats, startTestEngine, testEnv, type TestNats } from '../kit/index.js';

const KEY = 'dashboard-test-key-0123456789';
const DAY = 86_400_000;

class AdminSocket {
  readonly messages: AdminServerMessage[] = [];
  closed: { code: number; reason: string } | undefined;
  readonly #waiters = new Set<() => void>();
  constructor(readonly ws: WebSocket) {
    ws.on('message', (d) => {
      this.messages.push(JSON.parse(String(d)) as AdminServerMessage);
      for (const w of [...this.#waiters]) w();
    });
    ws.on('close', (code, reason) => {
      this.closed = { code, reason: String(reason) };
      for (const w of [...this.#waiters]) w();
    });
  }
  static open(url: string, token: string): Promise<AdminSocket> {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/admin/ws?token=${encodeURIComponent(token)}`);
    const s = new AdminSocket(ws);
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(s));
      ws.once('error', reject);
    });
  }
  async waitFor<T extends AdminServerMessage>(pred: (m: AdminServerMessage) => boolean, timeoutMs = 5000): Promise<T> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const m = this.messages.find(pred);
      if (m) return m as T;
      if (this.closed || Date.now() > end) throw new Error(`no such message in ${timeoutMs} ms (closed: ${JSON.stringify(this.closed)}; got ${this.messages.map((x) => x.type).join(',')})`);
      await new Promise<void>((r) => {
        const w = () => {
          this.#waiters.delete(w);
          r();
        };
        this.#waiters.add(w);
        setTimeout(w, 50);
      });
    }
  }
}

describe('analytics - the dashboard\'s API', () => {
  let nats: TestNats;
  let engine: Engine;
  const admin = (path: string, init: RequestInit = {}, auth: Record<string, string> = { 'x-api-key': KEY }) =>
    fetch(`${engine.url}${path}`, { ...init, headers: { ...auth, 'content-type': 'application/json', ...(init.headers as Record<string, string>) } });
  before(async () => {
    nats = await startNats();
    // without the default promotion rules: their coupons and order pricing are tested in test/promo
    engine = await startTestEngine(testEnv(nats.url, { API_KEY: KEY, PROMO_DEFAULT_RULES: 'false' }));
  });
  after(async () => {
    await engine?.stop();
    await nats?.stop();
  });

  it('dashboard - login trades the key for a session token that opens the admin API and /admin/ws, and nothing else does', async () => {
    assert.equal((await admin('/api/admin/session', { method: 'POST' }, {})).status, 401);
    assert.equal((await admin('/api/admin/session', { method: 'POST' }, { 'x-api-key': 'wrong-key-0123456789' })).status, 401);
    const r = await admin('/api/admin/session', { method: 'POST' });
    assert.equal(r.status, 200);
    const s = (await r.json()) as { token: string; expiresAt: number };
    assert.match(s.token, /^op1\./);
    assert.ok(s.expiresAt > Date.now() + 11 * 3600_000);
    const bearer = { authorization: `Bearer ${s.token}` };
    assert.equal((await admin('/api/admin/kpis', {}, bearer)).status, 200);
    // A session cannot log itself in again, and a forged or shopper token opens nothing.
    assert.equal((await admin('/api/admin/session', { method: 'POST' }, bearer)).status, 401);
    const forged = s.token.slice(0, -2) + (s.token.endsWith('A') ? 'BB' : 'AA');
    assert.equal((await admin('/api/admin/kpis', {}, { authorization: `Bearer ${forged}` })).status, 401);
    const shopper = (await (await fetch(`${engine.url}/api/session`, { method: 'POST' })).json()) as { token: string };
    assert.equal((await admin('/api/admin/kpis', {}, { authorization: `Bearer ${shopper.token}` })).status, 401);

    for (const bad of [forged, shopper.token, '', 'op1.1.x.y']) {
      const ws = await AdminSocket.open(engine.url, bad);
      const err = await ws.waitFor((m) => m.type === 'error');
      assert.equal((err as { code: string }).code, 'E_BAD_TOKEN');
      await ws.waitFor(() => ws.closed !== undefined).catch(() => undefined);
      assert.equal(ws.closed?.code, 4401);
    }
    const ok = await AdminSocket.open(engine.url, s.token);
    await ok.waitFor((m) => m.type === 'hello');
    const first = await ok.waitFor<AnalyticsLiveMessage>((m) => m.type === 'analytics');
    assert.equal(first.minutes.length, 60);
    ok.ws.send('{"type":"event"}');
    const e = await ok.waitFor((m) => m.type === 'error');
    assert.equal((e as { code: string }).code, 'E_BAD_REQUEST', 'the socket is read-only');
    ok.ws.close();
  });

  it('dashboard - when the log reaches a new day, customers whose RFM segment moved get a segment_change event their actor folds', async () => {
    // Three customers with past orders (imported with their own times), then today's traffic turns the day.
    const items = [...engine.services.catalog.values()].slice(0, 3);
    const today = Math.floor(Date.now() / DAY) * DAY;
    const lines = [
      { customerId: 'c1', orderId: 'o1', itemId: items[0]!.itemId, ts: today - 40 * DAY, qty: 1, price: 10, line: 1 },
      { customerId: 'c1', orderId: 'o2', itemId: items[1]!.itemId, ts: today - 2 * DAY, qty: 5, price: 30, line: 2 },
      { customerId: 'c2', orderId: 'o3', itemId: items[2]!.itemId, ts: today - 90 * DAY, qty: 1, price: 5, line: 3 },
      { customerId: 'c3', orderId: 'o4', itemId: items[0]!.itemId, ts: today - 1 * DAY, qty: 2, price: 20, line: 4 },
    ];
    const imp = await admin('/api/admin/import/orders', { method: 'POST', body: JSON.stringify({ lines }) });
    assert.equal(imp.status, 200, await imp.clone().text());
    // The import's newest order is yesterday: scored as of yesterday. A shopper's view today turns the day.
    const end = Date.now() + 15_000;
    let latest = new Map<string, { userId: string; segment?: string; previousSegment?: string; dueAt?: number }>();
    let sawYesterday = false;
    let viewed = false;
    while (Date.now() < end) {
      const moves = (await readLog(nats.url)).map((l) => l.event).filter((e) => e.kind === 'segment_change');
      sawYesterday ||= moves.some((m) => m.dueAt === today - DAY);
      if (sawYesterday && !viewed) {
        const shopper = (await (await fetch(`${engine.url}/api/session`, { method: 'POST' })).json()) as { token: string };
        const v = await fetch(`${engine.url}/api/events`, { method: 'POST', headers: { authorization: `Bearer ${shopper.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'view', itemId: items[0]!.itemId }) });
        assert.equal(v.status, 200);
        viewed = true;
      }
      latest = new Map();
      for (const m of moves.sort((a, b) => (a.dueAt ?? 0) - (b.dueAt ?? 0))) latest.set(m.userId, m);
      if ([...latest.values()].filter((m) => m.dueAt === today).length > 0 && latest.size >= 3) break;
      await sleep(200);
    }
    assert.ok(sawYesterday, 'the import\'s last day was scored');
    const rfm = (await (await admin(`/api/admin/rfm?asOf=${new Date(today).toISOString().slice(0, 10)}`)).json()) as { customers: number; segments: Record<string, number> };
    assert.equal(rfm.customers, 3);
    assert.equal(latest.size, 3, 'every customer got a segment');
    for (const m of latest.values()) {
      const c = (await (await admin(`/api/admin/customers/${m.userId}?asOf=${new Date(today).toISOString().slice(0, 10)}`)).json()) as { segment: string };
      assert.equal(m.segment, c.segment, `${m.userId}: the event names the segment the report gives`);
      const profile = (await engine.services.asks.profile(m.userId));
      assert.equal(profile.segment, m.segment, `${m.userId}: the user actor folded the move`);
    }
    const seg = (await (await admin('/api/admin/segments')).json()) as { customers: number; moved: number; transitions: Record<string, Record<string, number>> };
    assert.ok(seg.customers >= 3 && seg.moved >= 1 && seg.transitions['(none)'], JSON.stringify(seg));
    const clv = (await (await admin('/api/admin/clv?limit=5')).json()) as { customers: number; distribution: Array<{ customers: number }>; top: Array<{ customerId: string; clv12m: number }> };
    assert.ok(clv.customers >= 3, JSON.stringify(clv).slice(0, 300));
    assert.equal(clv.distribution.reduce((t, b) => t + b.customers, 0), clv.customers);
    assert.ok(clv.top.length >= 3 && clv.top[0]!.clv12m >= clv.top.at(-1)!.clv12m);
  });
  it('dashboard - a purchase reaches the live summary within a second: today\'s orders, revenue and rec attribution', async () => {
    const { token } = (await (await admin('/api/admin/session', { method: 'POST' })).json()) as { token: string };
    const ws = await AdminSocket.open(engine.url, token);
    const start = await ws.waitFor<AnalyticsLiveMessage>((m) => m.type === 'analytics');
    const item = [...engine.services.catalog.values()].find((p) => p.stock >= 10)!;
    const shopper = (await (await fetch(`${engine.url}/api/session`, { method: 'POST' })).json()) as { token: string };
    const post = (path: string, body: unknown) => fetch(`${engine.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${shopper.token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    assert.equal((await post('/api/events', { kind: 'rec_impression', itemIds: [item.itemId], slot: 'for-you' })).status, 200);
    assert.equal((await post('/api/events', { kind: 'rec_click', itemId: item.itemId, slot: 'for-you' })).status, 200);
    const bought = await post('/api/checkout', { lines: [{ itemId: item.itemId, qty: 2 }] });
    assert.equal(bought.status, 200, await bought.clone().text());
    const ackedAt = Date.now();
    const live = await ws.waitFor<AnalyticsLiveMessage>((m) => m.type === 'analytics' && m.today.orders > start.today.orders, 3000);
    const ms = Date.now() - ackedAt;
    assert.ok(ms < 1000, `the order showed ${ms} ms after checkout answered`);
    assert.equal(live.today.orders, start.today.orders + 1);
    assert.equal(live.today.revenue, Math.round((start.today.revenue + 2 * item.price) * 100) / 100);
    assert.equal(live.today.recOrders, start.today.recOrders + 1);
    assert.ok(live.today.recImpressions >= start.today.recImpressions + 1 && live.today.recCtr > 0);
    // The hot lists are re-read once a second: the item is there within two.
    await ws.waitFor<AnalyticsLiveMessage>((m) => m.type === 'analytics' && m.hot.products.some((p) => p.itemId === item.itemId && p.name === item.name), 2500);
    assert.ok(live.minutes.at(-1)!.orders >= 1, 'the current minute holds the order');
    ws.ws.close();

    // Impressions are checked like every event: unknown items and bad slots are typed errors.
    const bad = await post('/api/events', { kind: 'rec_impression', itemIds: ['no-such-item'] });
    assert.equal(bad.status, 404);
    const slot = await post('/api/events', { kind: 'rec_impression', itemIds: [item.itemId], slot: 'Bad Slot!' });
    assert.equal(((await slot.json()) as { error: { field: string } }).error.field, 'slot');
    const many = await post('/api/events', { kind: 'rec_impression', itemIds: Array.from({ length: 51 }, () => item.itemId) });
    assert.equal(((await many.json()) as { error: { field: string } }).error.field, 'itemIds');
    const seg = await post('/api/events', { kind: 'segment_change', segment: 'Champions' });
    assert.equal(((await seg.json()) as { error: { code: string } }).error.code, 'E_UNKNOWN_KIND');
  });


  it('dashboard - the same reports over gRPC shop.v1.Analytics, with the key, typed errors naming snake_case fields', async () => {
    const proto = grpc.loadPackageDefinition(loadEngineProto().packageDefinition) as unknown as ProtoGrpcType;
    const c: AnalyticsClient = new proto.shop.v1.Analytics(`127.0.0.1:${engine.grpcPort}`, grpc.credentials.createInsecure());
    const meta = new grpc.Metadata();
    meta.set('x-api-key', KEY);
    type Callback<Res> = (err: grpc.ServiceError | null, res?: Res) => void;
    const call = <Res>(method: keyof AnalyticsClient, req: object, md = meta) => new Promise<Res>((resolve, reject) => {
      (c[method] as unknown as (r: object, m: grpc.Metadata, cb: Callback<Res>) => void).call(c, req, md, (err, res) => (err ? reject(err) : resolve(res!)));
    });
    const http = async (path: string) => (await (await admin(path)).json()) as Record<string, unknown>;
    try {
      const asOf = new Date(Date.now() + DAY).toISOString().slice(0, 10);
      const rfm = await call<RfmReport__Output>('GetRfm', { asOf });
      assert.deepEqual({ customers: Number(rfm.customers), segments: Object.fromEntries(Object.entries(rfm.segments).map(([k, v]) => [k, Number(v)])) },
        { customers: (await http(`/api/admin/rfm?asOf=${asOf}`))['customers'], segments: (await http(`/api/admin/rfm?asOf=${asOf}`))['segments'] });
      const seg = await call<SegmentsReport__Output>('GetSegments', { asOf });
      assert.equal(Number(seg.moved), (await http(`/api/admin/segments?asOf=${asOf}`))['moved']);
      const cohorts = await call<CohortReport__Output>('GetCohorts', { asOf });
      assert.deepEqual(cohorts.cohorts.map((x) => x.cohort), ((await http(`/api/admin/cohorts?asOf=${asOf}`))['cohorts'] as Array<{ cohort: string }>).map((x) => x.cohort));
      const abc = await call<AbcReport__Output>('GetAbc', { asOf });
      const abcHttp = await http(`/api/admin/abc?asOf=${asOf}`);
      assert.equal(abc.totalRevenue, abcHttp['totalRevenue']);
      assert.equal(abc.top[0]!.abcClass, (abcHttp['top'] as Array<{ class: string }>)[0]!.class);
      const kpis = await call<KpiReport__Output>('GetKpis', { granularity: 'day' });
      assert.ok(Number(kpis.totals!.orders) >= 1 && kpis.totals!.revenue > 0);
      const hot = await call<HotList__Output>('GetHot', { kind: 'products', limit: 3 });
      assert.ok(hot.items.length > 0 && hot.items[0]!.itemId && hot.items[0]!.name);
      const funnel = await call<FunnelReport__Output>('GetFunnel', {});
      assert.ok(Number(funnel.total!.views) >= 1);
      const customer = (await readLog(nats.url)).find((l) => l.event.kind === 'segment_change')!.event.userId;
      const one = await call<CustomerScores__Output>('GetCustomer', { customerId: customer, asOf });
      const oneHttp = await http(`/api/admin/customers/${customer}?asOf=${asOf}`);
      assert.equal(one.segment, oneHttp['segment']);
      assert.equal(one.scored, true);

      const fail = (p: Promise<unknown>) => p.then(() => assert.fail('should fail'), (e: grpc.ServiceError) => e);
      const bad = await fail(call('GetRfm', { asOf: '12/01/2026' }));
      assert.equal(bad.code, grpc.status.INVALID_ARGUMENT);
      assert.equal(bad.metadata.get('shop-error-field')[0], 'as_of');
      assert.equal((await fail(call('GetKpis', { granularity: 'week' }))).metadata.get('shop-error-field')[0], 'granularity');
      assert.equal((await fail(call('GetCustomer', { customerId: 'u-nobody00000' }))).code, grpc.status.NOT_FOUND);
      assert.equal((await fail(call('GetCustomer', {}))).metadata.get('shop-error-field')[0], 'customer_id');
      assert.equal((await fail(call('GetRfm', {}, new grpc.Metadata()))).code, grpc.status.UNAUTHENTICATED);
    } finally {
      c.close();
    }
  });
});
