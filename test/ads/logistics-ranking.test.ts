/**
 * Logistics and stock in ranking: pure factors as documented, and end to end through
 * the real engine's search: of three otherwise equal products, the late-delivering /
 * often-returned one ranks below the good one, and a low-stock one changes the order as
 * documented (0.5 + 0.1 x units under LOW_STOCK); the notes say why.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { businessFactor, checkLogisticsWeights, DEFAULT_LOGISTICS_WEIGHTS, deliveryReason, logisticsScore, stockScore } from '../../actors/ranking/index.js';
import { loadConfig } from '../../engine/config/index.js';
import { spawnEngine, startNats, testEnv, type EngineProcess, type TestNats } from '../kit/index.js';
import { API_KEY, eventually, session } from '../stock/stock-kit.js';

describe('ads - logistics and stock factors', () => {
  it('ads - a slow, late or often-returned product scores below an otherwise equal one; unknown fields are neutral', () => {
    const good = logisticsScore({ deliveryDays: 1, lateDeliveryRate: 0.01, returnRate: 0.02 });
    assert.ok(logisticsScore({ deliveryDays: 9, lateDeliveryRate: 0.01, returnRate: 0.02 }) < good);
    assert.ok(logisticsScore({ deliveryDays: 1, lateDeliveryRate: 0.4, returnRate: 0.02 }) < good);
    assert.ok(logisticsScore({ deliveryDays: 1, lateDeliveryRate: 0.01, returnRate: 0.35 }) < good);
    assert.equal(logisticsScore({}), 1);
    // The worst case takes off `strength` at most.
    assert.equal(logisticsScore({ deliveryDays: 60, lateDeliveryRate: 1, returnRate: 1 }), 1 - DEFAULT_LOGISTICS_WEIGHTS.strength);
    assert.equal(deliveryReason({ deliveryDays: 1 }), 'ships in 1 day');
    assert.equal(deliveryReason({ deliveryDays: 0 }), 'ships today');
  });

  it('ads - stock: 0 when sold out, a penalty near zero, neutral, a small boost when plentiful; "only N left"', () => {
    assert.deepEqual([0, 1, 2, 4, 5, 49, 50, 500].map(stockScore), [0, 0.6, 0.7, 0.9, 1, 1, 1.05, 1.05]);
    assert.equal(businessFactor({ deliveryDays: 1 }, 2).reason, 'only 2 left');
    assert.equal(businessFactor({ deliveryDays: 1 }, 20).reason, 'ships in 1 day');
  });

  it('ads - operators tune the weights in config (LOGISTICS_WEIGHTS), checked at start', () => {
    const c = loadConfig({ LOGISTICS_WEIGHTS: 'delivery:1,late:0,returns:1,strength:0.5' });
    assert.deepEqual(c.logisticsWeights, { delivery: 0.5, late: 0, returns: 0.5, strength: 0.5 });
    assert.throws(() => loadConfig({ LOGISTICS_WEIGHTS: 'speed:1' }), /LOGISTICS_WEIGHTS/);
    assert.throws(() => loadConfig({ LOGISTICS_WEIGHTS: 'strength:2' }), /LOGISTICS_WEIGHTS/);
    assert.throws(() => checkLogisticsWeights({ ...DEFAULT_LOGISTICS_WEIGHTS, late: -1 }), RangeError);
  });
});

describe('ads - logistics in search, end to end', () => {
  let nats: TestNats | undefined;
  let engine: EngineProcess | undefined;
  after(async () => {
    await engine?.stop();
    await nats?.stop();
  });

  it('ads - a late-delivering, often-returned twin ranks below the good one; low stock moves a twin down; notes say why', async () => {
    nats = await startNats();
    engine = await spawnEngine(testEnv(nats.url, { API_KEY, PROMO_DEFAULT_RULES: 'false', ADS: 'false' }));
    const twin = (itemId: string, extra: Record<string, unknown>) => ({ itemId, name: 'Zorblax lantern', category: 'camping', description: 'A zorblax lantern', price: 20, stock: 30, brand: 'Zorb', ...extra });
    const items = [
      twin('zl-late', { deliveryDays: 12, lateDeliveryRate: 0.3, returnRate: 0.25 }),
      twin('zl-low', { deliveryDays: 1, lateDeliveryRate: 0.02, returnRate: 0.02, stock: 2 }),
      twin('zl-good', { deliveryDays: 1, lateDeliveryRate: 0.02, returnRate: 0.02 }),
    ];
    const r = await fetch(`${engine.url}/api/admin/import/products`, { method: 'POST', headers: { 'x-api-key': API_KEY, 'content-type': 'application/json' }, body: JSON.stringify({ items }) });
    assert.equal(r.status, 200, await r.clone().text());
    const bad = await fetch(`${engine.url}/api/admin/import/products`, { method: 'POST', headers: { 'x-api-key': API_KEY, 'content-type': 'application/json' }, body: JSON.stringify({ items: [twin('zl-bad', { returnRate: 1.5 })] }) });
    assert.equal(bad.status, 400, 'a return rate above 1 is refused');
    const product = (await (await fetch(`${engine.url}/api/products/zl-late`)).json()) as Record<string, unknown>;
    assert.deepEqual([product['deliveryDays'], product['lateDeliveryRate'], product['returnRate']], [12, 0.3, 0.25]);
    const s = await session(engine.url);
    const ranked = await eventually(async () => ((await (await fetch(`${engine!.url}/api/search?q=zorblax`, { headers: { authorization: `Bearer ${s.token}` } })).json()) as { items: Array<{ itemId: string; score: number; note?: string }> }).items,
      (list) => list.filter((i) => i.itemId.startsWith('zl-')).length === 3, 'the three twins are searchable', 30_000);
    const order = ranked.filter((i) => i.itemId.startsWith('zl-'));
    // good 1.0 x 1 ; low stock: 0.5 + 0.2 = 0.7 ; late: 1 - 0.3 x (0.4 x 11/13 + 0.3 x 0.3 + 0.3 x 0.25) = 0.849
    assert.deepEqual(order.map((i) => i.itemId), ['zl-good', 'zl-late', 'zl-low']);
    assert.equal(order.find((i) => i.itemId === 'zl-good')!.note, 'ships in 1 day');
    assert.equal(order.find((i) => i.itemId === 'zl-low')!.note, 'only 2 left');
    const [g, l] = [order[0]!.score, order[1]!.score];
    assert.ok(Math.abs(l / g - logisticsScore({ deliveryDays: 12, lateDeliveryRate: 0.3, returnRate: 0.25 }) / logisticsScore({ deliveryDays: 1, lateDeliveryRate: 0.02, returnRate: 0.02 })) < 1e-6, `score ratio ${l / g}`);
  });
});
