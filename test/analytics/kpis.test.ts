/**
 * The analytics consumer against an independent fold of the log: live (in process)
 * and across a kill -9 of the whole engine (it resumes exactly after its last batch:
 * nothing counted twice, nothing missed).
 */
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, describe, it } from 'node:test';
import { Catalog, demoCatalog, DEFAULT_DEMO_SEED } from '../../engine/catalog/index.js';
import { readLog, spawnEngine, startNats, startTestEngine, startTraffic, TEST_CATALOG_SIZE, testEnv, type EngineProcess, type TestNats } from '../kit/index.js';
import { referenceKpis, type KpiTotals } from '../kit/kpi-reference.js';

const KEY = 'analytics-test-key-0123456789';
const FIELDS: Array<keyof KpiTotals> = ['revenue', 'orders', 'units', 'views', 'cartAdds', 'searches', 'recClicks', 'sessions', 'cartSessions', 'orderSessions', 'cartOrderSessions', 'newCustomers', 'returningOrders', 'recImpressions', 'recOrders', 'recRevenue'];

async function kpiTotals(url: string): Promise<KpiTotals & Record<string, number>> {
  const from = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
  const to = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const r = await fetch(`${url}/api/admin/kpis?granularity=day&from=${from}&to=${to}`, { headers: { 'x-api-key': KEY } });
  assert.equal(r.status, 200, await r.clone().text());
  return ((await r.json()) as { totals: KpiTotals & Record<string, number> }).totals;
}

/** Checkouts of 1-2 lines by some shoppers, over HTTP, as the storefront makes them. */
async function checkouts(url: string, tokens: string[], itemIds: string[]): Promise<number> {
  let placed = 0;
  for (const [i, token] of tokens.entries()) {
    const lines = [{ itemId: itemIds[i % itemIds.length]!, qty: 1 }, ...(i % 2 ? [{ itemId: itemIds[(i + 7) % itemIds.length]!, qty: 2 }] : [])];
    // Every third shopper clicked the first line's item in a rec strip first: that order is credited to recs.
    if (i % 3 === 0) {
      const ev = { kind: 'rec_click', itemId: lines[0]!.itemId, slot: 'for-you' };
      const c = await fetch(`${url}/api/events`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(ev) });
      assert.equal(c.status, 200, await c.text());
    }
    const r = await fetch(`${url}/api/checkout`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ lines }) });
    if (r.status === 200) placed++;
  }
  return placed;
}

async function caughtUp(url: string, natsUrl: string): Promise<void> {
  const last = (await readLog(natsUrl)).at(-1)?.seq ?? 0;
  const end = Date.now() + 30_000;
  for (;;) {
    const m = await (await fetch(`${url}/metrics`, { headers: { 'x-api-key': KEY } })).text();
    const applied = Number(/^shop_analytics_applied_seq (\d+)$/m.exec(m)?.[1] ?? 0);
    if (applied >= last) return;
    if (Date.now() > end) assert.fail(`analytics at ${applied}, log at ${last}`);
    await sleep(100);
  }
}

function assertEqualTotals(got: Record<string, number>, want: KpiTotals): void {
  for (const f of FIELDS) assert.equal(got[f], want[f], `${f}: engine ${got[f]}, reference ${want[f]}`);
}

describe('analytics - KPIs from the log', () => {
  let nats: TestNats;
  let child: EngineProcess | undefined;
  after(async () => {
    await child?.stop();
    await nats?.stop();
  });

  it('analytics - live KPI totals equal an independent fold of the log; the admin API wants the key', async () => {
    nats = await startNats();
    const engine = await startTestEngine(testEnv(nats.url, { API_KEY: KEY }));
    try {
      const stocked = [...engine.services.catalog.values()].filter((p) => p.stock >= 20).map((p) => p.itemId);
      const traffic = await startTraffic(engine.url, { shoppers: 10, itemIds: stocked.slice(0, 100), inFlight: 2 });
      await sleep(1500);
      const placed = await checkouts(engine.url, traffic.shoppers.map((s) => s.token), stocked);
      await traffic.stop();
      for (const s of traffic.shoppers) s.close();
      assert.ok(placed > 5, `orders placed (${placed})`);
      await caughtUp(engine.url, nats.url);
      const want = referenceKpis(await readLog(nats.url));
      assert.ok(want.orders >= placed && want.views > 0);
      assert.ok(want.recImpressions > 0 && want.recOrders > 0 && want.recRevenue > 0, `recs shown and credited: ${JSON.stringify(want)}`);
      assertEqualTotals(await kpiTotals(engine.url), want);

      assert.equal((await fetch(`${engine.url}/api/admin/kpis`)).status, 401);
      assert.equal((await fetch(`${engine.url}/api/admin/kpis?granularity=week`, { headers: { 'x-api-key': KEY } })).status, 400);
      // Customer analytics over the same histories: every buyer is a customer with a segment.
      const admin = async (path: string) => {
        const r = await fetch(`${engine.url}${path}`, { headers: { 'x-api-key': KEY } });
        assert.equal(r.status, 200, `${path}: ${await r.clone().text()}`);
        return r.json() as Promise<Record<string, unknown>>;
      };
      const rfm = (await admin('/api/admin/rfm')) as { customers: number; segments: Record<string, number> };
      assert.equal(rfm.customers, want.newCustomers, 'customers = shoppers with an order');
      assert.equal(Object.values(rfm.segments).reduce((a, b) => a + b, 0), rfm.customers);
      const cohorts = (await admin('/api/admin/cohorts')) as { cohorts: Array<{ size: number }> };
      assert.equal(cohorts.cohorts.reduce((n, c) => n + c.size, 0), rfm.customers);
      const abc = (await admin('/api/admin/abc')) as { classes: { A: number; B: number; C: number } };
      assert.ok(abc.classes.A >= 1);
      const buyer = traffic.shoppers.find((x) => x.userId)!;
      const c = await fetch(`${engine.url}/api/admin/customers/${buyer.userId}`, { headers: { 'x-api-key': KEY } });
      if (c.status === 200) {
        const body = (await c.json()) as { segment: string | null; orders: number; pAlive: number | null };
        assert.ok(body.orders >= 1 && typeof body.segment === 'string');
      } else assert.equal(c.status, 404);
      assert.equal((await fetch(`${engine.url}/api/admin/rfm?asOf=2026-13-40`, { headers: { 'x-api-key': KEY } })).status, 400);
      const hot = (await (await fetch(`${engine.url}/api/admin/hot?kind=products&limit=5`, { headers: { 'x-api-key': KEY } })).json()) as { items: Array<{ itemId: string; score: number }> };
      assert.equal(hot.items.length, 5);
      assert.ok(hot.items[0]!.score >= hot.items[4]!.score);
    } finally {
      await engine.stop();
    }
  });

  it('analytics - after kill -9 of the engine mid-traffic and a restart, KPI totals equal the fold of the log', async () => {
    const natsB = await startNats();
    try {
      const env = testEnv(natsB.url, { API_KEY: KEY });
      child = await spawnEngine(env);
      const catalog = new Catalog(demoCatalog({ count: TEST_CATALOG_SIZE, seed: DEFAULT_DEMO_SEED }));
      const stocked = [...catalog.values()].filter((p) => p.stock >= 20).map((p) => p.itemId);
      const traffic = await startTraffic(child.url, { shoppers: 20, itemIds: stocked.slice(0, 200), inFlight: 4 });
      await sleep(1200);
      await checkouts(child.url, traffic.shoppers.slice(0, 10).map((s) => s.token), stocked);
      await child.kill9();
      await traffic.stop();
      for (const s of traffic.shoppers) s.close();
      child = await spawnEngine(env);
      await caughtUp(child.url, natsB.url);
      assertEqualTotals(await kpiTotals(child.url), referenceKpis(await readLog(natsB.url)));
      await child.stop();
      child = undefined;
    } finally {
      await natsB.stop();
    }
  });
});
