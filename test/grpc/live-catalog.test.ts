/**
 * Through the engine's own gRPC server (as start-engine wires it): a product
 * upserted over UpsertItems is recommended by the shards right away, and a price
 * change shows in the next recommendations.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import * as grpc from '@grpc/grpc-js';
import type { Engine } from '../../engine/index.js';
import { loadEngineProto } from '../../engine/grpc/index.js';
import type { ProtoGrpcType } from '../../protos/gen/engine/engine.js';
import type { EngineClient } from '../../protos/gen/engine/shop/v1/Engine.js';
import type { Item } from '../../protos/gen/engine/shop/v1/Item.js';
import type { Recommendations__Output } from '../../protos/gen/engine/shop/v1/Recommendations.js';
import type { UpsertSummary__Output } from '../../protos/gen/engine/shop/v1/UpsertSummary.js';
import { startNats, startTestEngine, testEnv, type TestNats } from '../kit/index.js';

const KEY = 'live-catalog-test-key-0123456789';

describe('grpc - live catalog', () => {
  let nats: TestNats;
  let engine: Engine;
  let c: EngineClient;
  const meta = new grpc.Metadata();
  meta.set('x-api-key', KEY);

  before(async () => {
    nats = await startNats();
    engine = await startTestEngine(testEnv(nats.url, { API_KEY: KEY }));
    const proto = grpc.loadPackageDefinition(loadEngineProto().packageDefinition) as unknown as ProtoGrpcType;
    c = new proto.shop.v1.Engine(`127.0.0.1:${engine.grpcPort}`, grpc.credentials.createInsecure());
  });
  after(async () => {
    c?.close();
    await engine?.stop();
    await nats?.stop();
  });

  const upsert = (rows: Item[]) => new Promise<UpsertSummary__Output>((resolve, reject) => {
    const call = c.UpsertItems(meta, (err, res) => (err ? reject(err) : resolve(res!)));
    for (const r of rows) call.write(r);
    call.end();
  });
  const recommend = (userId: string, category: string) => new Promise<Recommendations__Output>((resolve, reject) =>
    c.Recommend({ userId, category, k: 5 }, meta, { deadline: Date.now() + 5000 }, (err, res) => (err ? reject(err) : resolve(res!))));

  it('grpc - an upserted item in a new category is recommended at once, and its new price shows', async () => {
    const s = await upsert([
      { itemId: 'live-1', name: 'Glacier Tent', category: 'live-tents', description: 'four-season tent', price: 499, stock: 3, brand: 'Summit' },
      { itemId: 'live-2', name: 'Glacier Tent XL', category: 'live-tents', description: 'four-season tent, six people', price: 799, stock: 2, brand: 'Summit' },
    ]);
    assert.equal(s.created, 2);
    const userId = engine.services.sessions.create().userId;
    const first = await recommend(userId, 'live-tents');
    assert.deepEqual(first.items.map((i) => i.itemId).sort(), ['live-1', 'live-2']);
    assert.equal(first.items.find((i) => i.itemId === 'live-1')?.price, 499);

    const s2 = await upsert([{ itemId: 'live-1', price: 449, updateMask: { paths: ['price'] } }]);
    assert.deepEqual(s2.changes.map((x) => x.changedFields), [['price']]);
    const second = await recommend(userId, 'live-tents');
    assert.equal(second.items.find((i) => i.itemId === 'live-1')?.price, 449);
  });

  it('grpc - a new stock figure is the count on hand: sales before it are not subtracted again', async () => {
    await upsert([{ itemId: 'stock-1', name: 'Summit Stove', category: 'live-stoves', description: 'a camping stove', price: 89, stock: 2, brand: 'Summit' }]);
    const buyer = engine.services.sessions.create().userId;
    await engine.services.inventory.checkout(buyer, [{ itemId: 'stock-1', qty: 2 }]);
    const waitStock = async (want: number) => {
      const end = Date.now() + 10_000;
      while (engine.services.inventory.stockOf('stock-1') !== want && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
      assert.equal(engine.services.inventory.stockOf('stock-1'), want);
    };
    await waitStock(0);
    const shopper = engine.services.sessions.create().userId;
    assert.deepEqual((await recommend(shopper, 'live-stoves')).items.map((i) => i.itemId), [], 'sold out: not recommended');

    // The merchant restocks: 5 on hand now (the 2 sold are already gone from that count).
    await upsert([{ itemId: 'stock-1', stock: 5, updateMask: { paths: ['stock'] } }]);
    assert.equal(engine.services.inventory.stockOf('stock-1'), 5);
    assert.deepEqual((await recommend(shopper, 'live-stoves')).items.map((i) => i.itemId), ['stock-1'], 'restocked: recommended again');
    await engine.services.inventory.checkout(buyer, [{ itemId: 'stock-1', qty: 1 }]);
    await waitStock(4);
    // A change of price only keeps the stock baseline.
    await upsert([{ itemId: 'stock-1', price: 79, updateMask: { paths: ['price'] } }]);
    assert.equal(engine.services.inventory.stockOf('stock-1'), 4);
  });

  it('grpc - concurrent checkouts of the last units: exactly the units in stock are sold, the rest get E_OUT_OF_STOCK', async () => {
    await upsert([{ itemId: 'last-1', name: 'Last Lantern', category: 'live-lanterns', description: 'a lantern', price: 25, stock: 2, brand: 'Summit' }]);
    const buyers = Array.from({ length: 6 }, () => engine.services.sessions.create().userId);
    const results = await Promise.allSettled(buyers.map((u) => engine.services.inventory.checkout(u, [{ itemId: 'last-1', qty: 1 }])));
    const sold = results.filter((r) => r.status === 'fulfilled').length;
    const refused = results.filter((r) => r.status === 'rejected' && (r.reason as { code?: string }).code === 'E_OUT_OF_STOCK').length;
    assert.equal(sold, 2, 'two units, two orders');
    assert.equal(refused, 4);
    assert.equal(engine.services.inventory.stockOf('last-1'), 0, 'held while the purchases are folded');
    assert.equal(engine.services.inventory.unitsSold('last-1'), 2);
    // Once the item actor has folded both purchases, the holds are released, not counted twice.
    const profiles = await Promise.all(buyers.map((u) => engine.services.asks.profile(u)));
    assert.equal(profiles.filter((p) => p.purchased.includes('last-1')).length, 2);
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(engine.services.inventory.unitsSold('last-1'), 2);
    assert.equal(engine.services.inventory.stockOf('last-1'), 0);
  });

  it('grpc - /health stays 200 through repeated catalog-changing upserts (each swaps the content index)', async () => {
    const indexDirs = () => readdirSync(join(engine.config.dataDir, 'index')).sort().join(',');
    for (let round = 0; round < 3; round++) {
      const before = indexDirs();
      await upsert([{ itemId: `health-${round}`, name: `Trail Lamp ${round}`, category: 'live-lamps', description: 'a lamp', price: 20 + round, stock: 4, brand: 'Summit' }]);
      // The debounced rebuild writes a new index directory and prunes older ones.
      const end = Date.now() + 30_000;
      while (indexDirs() === before) {
        if (Date.now() > end) assert.fail(`round ${round}: the index was not rebuilt`);
        await new Promise((res) => setTimeout(res, 100));
      }
      let r = await fetch(`${engine.url}/health`);
      for (let i = 0; i < 50 && r.status !== 200; i++) {
        await new Promise((res) => setTimeout(res, 100));
        r = await fetch(`${engine.url}/health`);
      }
      assert.equal(r.status, 200, `round ${round}: ${await r.text()}`);
    }
  });
});
