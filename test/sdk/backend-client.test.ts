/** ShopBackendClient (gRPC) and examples/typescript-grpc.ts against a real engine. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Engine } from '../../engine/index.js';
import { main as grpcExample } from '../../examples/typescript-grpc.js';
import { ShopApiError, ShopBackendClient } from '../../sdk/src/backend.js';
import { startNats, startTestEngine, testEnv, type TestNats } from '../kit/index.js';

const API_KEY = 'sdk-backend-test-key-0123456789';

describe('sdk - ShopBackendClient against a real engine', () => {
  let nats: TestNats;
  let engine: Engine;
  let client: ShopBackendClient;
  let items: Array<{ itemId: string; stock: number }>;

  before(async () => {
    nats = await startNats();
    engine = await startTestEngine(testEnv(nats.url, { API_KEY }));
    client = new ShopBackendClient({ address: `127.0.0.1:${engine.grpcPort}`, apiKey: API_KEY });
    items = [...engine.services.catalog.values()].filter((p) => p.stock > 3 && p.stock < 900).slice(0, 3).map((p) => ({ itemId: p.itemId, stock: p.stock }));
  });
  after(async () => {
    client?.close();
    await engine?.stop();
    await nats?.stop();
  });

  it('sdk - track, trackBatch, recommend, profile, checkout and upsertItems with the API key', async () => {
    const userId = 'u-sdkbackend01';
    const [a, b] = [items[0]!, items[1]!];
    const ack = await client.track({ id: 'b-view-1', userId, kind: 'VIEW', itemId: a.itemId });
    assert.ok(ack.seq > 0);
    assert.equal((await client.track({ id: 'b-view-1', userId, kind: 'VIEW', itemId: a.itemId })).duplicate, true);
    const acks = await client.trackBatch([
      { userId, kind: 'CART_ADD', itemId: b.itemId, qty: 1 },
      { userId, kind: 'VIEW', itemId: 'no-such-item' },
      { userId, kind: 'SEARCH', query: 'mug' },
    ]);
    assert.deepEqual(acks.map((x) => [x.index, x.error?.code ?? 'ok']), [[0, 'ok'], [1, 'E_UNKNOWN_ITEM'], [2, 'ok']]);
    assert.ok((await client.recommend({ userId, k: 3 })).items.length > 0);
    const order = await client.checkout({ userId, idempotencyKey: 'b-order-1' });
    assert.equal((await client.checkout({ userId, idempotencyKey: 'b-order-1' })).orderId, order.orderId);
    const profile = await client.profile(userId);
    assert.deepEqual([profile.recent[0], profile.orders.length], [a.itemId, 1]);
    const summary = await client.upsertItems([
      { itemId: 'sdk-item-1', name: 'SDK item', category: 'kitchen', description: '', price: 3, stock: 5, brand: 'SDK' },
      { itemId: 'bad id!', name: 'x', category: 'kitchen', description: '', price: 1, stock: 1, brand: 'x' },
    ]);
    assert.deepEqual([summary.created, summary.rejected], [1, 1]);
    const found = await client.search({ query: 'sdk item', userId });
    assert.equal(found.items[0]?.item?.itemId, 'sdk-item-1');
    assert.ok(found.facets?.category.some((c) => c.value === 'kitchen'));
    assert.equal((await client.suggest('sdk')).products[0]?.itemId, 'sdk-item-1');
    await assert.rejects(client.search({ query: 'x'.repeat(300) }), (e: unknown) => e instanceof ShopApiError && e.code === 'E_BAD_REQUEST' && e.field === 'query');
  });

  it('sdk - failed calls are ShopApiError with the engine code, field and gRPC status', async () => {
    await assert.rejects(client.checkout({ userId: 'u-sdkbackend02', lines: [{ itemId: items[2]!.itemId, qty: items[2]!.stock + 1 }] }),
      (e: unknown) => e instanceof ShopApiError && e.code === 'E_OUT_OF_STOCK' && e.grpcStatus === 9 && e.field !== undefined);
    await assert.rejects(client.track({ userId: 'u-sdkbackend02', kind: 'VIEW' }), (e: unknown) => e instanceof ShopApiError && e.code === 'E_BAD_EVENT' && e.field === 'item_id');
    const stranger = new ShopBackendClient({ address: `127.0.0.1:${engine.grpcPort}`, apiKey: 'wrong-key-0123456789' });
    await assert.rejects(stranger.profile('u-sdkbackend02'), (e: unknown) => e instanceof ShopApiError && e.code === 'E_UNAUTHENTICATED' && e.grpcStatus === 16);
    stranger.close();
    assert.throws(() => new ShopBackendClient({ address: 'nowhere', apiKey: API_KEY }), TypeError);
    assert.throws(() => new ShopBackendClient({ address: '127.0.0.1:1', apiKey: API_KEY, deadlineMs: 0 }), RangeError);
  });

  it('sdk - examples/typescript-grpc.ts runs against the engine', async () => {
    const log = console.log;
    const lines: string[] = [];
    console.log = (...a: unknown[]) => void lines.push(a.join(' '));
    try {
      assert.equal(await grpcExample(`127.0.0.1:${engine.grpcPort}`, API_KEY), 1);
    } finally {
      console.log = log;
    }
    assert.ok(lines.some((l) => l.startsWith('typed error: E_OUT_OF_STOCK')), lines.join('\n'));
  });
});
