import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Engine } from '../../engine/index.js';
import { Shopper, startNats, startTestEngine, testEnv, type TestNats } from '../kit/index.js';

describe('gateway - websocket round trip', () => {
  let nats: TestNats;
  let engine: Engine;
  let itemIds: string[];

  before(async () => {
    nats = await startNats();
    engine = await startTestEngine(testEnv(nats.url));
    itemIds = [...engine.services.catalog.values()].slice(0, 50).map((p) => p.itemId);
  });
  after(async () => {
    await engine?.stop();
    await nats?.stop();
  });

  it('gateway - an event is acked with its log sequence, then a recs push names it in causedBy and seq', async () => {
    const s = await Shopper.connect(engine.url);
    const ack = await s.track({ id: 'view-1', kind: 'view', itemId: itemIds[0] });
    assert.equal(ack['id'], 'view-1');
    assert.ok(typeof ack['seq'] === 'number' && ack['seq'] > 0);
    const recs = await s.waitFor((m) => m.type === 'recs' && m['causedBy'] === 'view-1');
    assert.equal(recs['seq'], ack['seq'], 'the push names the log sequence it reflects');
    const items = recs['items'] as Array<{ itemId: string; score: number; reason: string }>;
    assert.ok(items.length > 0, 'recs has items');
    for (const it of items) {
      assert.equal(typeof it.itemId, 'string');
      assert.equal(typeof it.score, 'number');
      assert.ok(it.reason.length > 0);
    }
    const profile = await s.profile(engine.url);
    assert.deepEqual(profile['recent'], [itemIds[0]]);
    s.close();
  });

  it('gateway - a retried event id is stored once and acked with the same sequence', async () => {
    const s = await Shopper.connect(engine.url);
    const a = await s.track({ id: 'dup-1', kind: 'cart_add', itemId: itemIds[1], qty: 2 });
    s.messages.length = 0;
    const b = await s.track({ id: 'dup-1', kind: 'cart_add', itemId: itemIds[1], qty: 2 });
    assert.equal(b['seq'], a['seq']);
    assert.equal(b['duplicate'], true);
    const profile = await s.profile(engine.url);
    assert.deepEqual(profile['cart'], [{ itemId: itemIds[1], qty: 2 }]);
    s.close();
  });
});
