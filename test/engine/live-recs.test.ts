import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Engine } from '../../engine/index.js';
import { Shopper, startNats, startTestEngine, testEnv, type TestNats } from '../kit/index.js';

describe('recommend - live in the user actor', () => {
  let nats: TestNats;
  let engine: Engine;
  before(async () => {
    nats = await startNats();
    engine = await startTestEngine(testEnv(nats.url));
  });
  after(async () => {
    await engine?.stop();
    await nats?.stop();
  });

  type Rec = { itemId: string; category: string; reason: string };

  it('recommend - viewing several items of one category moves the pushed recommendations toward that category', async () => {
    const cats = engine.services.catalog.categories().sort((a, b) => b.count - a.count);
    const target = cats[3]!.category;
    const inTarget = [...engine.services.catalog.values()].filter((p) => p.category === target).slice(0, 4);
    const s = await Shopper.connect(engine.url);
    const share = (items: Rec[]) => items.filter((r) => r.category === target).length / Math.max(1, items.length);
    let last: Rec[] = [];
    const shares: number[] = [];
    for (const [i, p] of inTarget.entries()) {
      await s.track({ id: `v${i}`, kind: 'view', itemId: p.itemId });
      const m = await s.waitFor((x) => x.type === 'recs' && x['causedBy'] === `v${i}`);
      last = m['items'] as Rec[];
      shares.push(share(last));
    }
    assert.ok(shares[shares.length - 1]! >= 0.5, `most suggestions are in ${target} after 4 views (shares ${shares.join(',')})`);
    assert.ok(last.every((r) => r.reason.length > 0));
    assert.ok(!last.some((r) => r.itemId === inTarget[inTarget.length - 1]!.itemId), 'the item on screen is not suggested');
    s.close();
  });

  it('recommend - items other shoppers viewed together are suggested ("people also viewed")', async () => {
    const items = [...engine.services.catalog.values()].filter((p) => p.stock > 0);
    const a = items[100]!;
    const b = items.find((p, i) => i > 1000 && p.category !== a.category)!; // unrelated by content
    for (let i = 0; i < 5; i++) {
      const s = await Shopper.connect(engine.url);
      await s.track({ id: 'x1', kind: 'view', itemId: a.itemId });
      await s.track({ id: 'x2', kind: 'view', itemId: b.itemId });
      s.close();
    }
    const me = await Shopper.connect(engine.url);
    await me.track({ id: 'm1', kind: 'view', itemId: a.itemId });
    const m = await me.waitFor((x) => x.type === 'recs' && x['causedBy'] === 'm1');
    const recs = m['items'] as Rec[];
    assert.ok(recs.some((r) => r.itemId === b.itemId), `co-viewed item suggested: ${JSON.stringify(recs.map((r) => r.itemId))}`);
    me.close();
  });

  it('recommend - an out-of-stock item is never recommended', async () => {
    const items = [...engine.services.catalog.values()];
    const cat = items[0]!.category;
    const sameCat = items.filter((p) => p.category === cat && p.stock > 0 && p.stock <= 3);
    const sold = sameCat[0]!;
    const buyer = await Shopper.connect(engine.url);
    const r = await fetch(`${engine.url}/api/checkout`, {
      method: 'POST',
      headers: { authorization: `Bearer ${buyer.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ lines: [{ itemId: sold.itemId, qty: sold.stock }] }),
    });
    assert.equal(r.status, 200, await r.clone().text());
    await buyer.profile(engine.url); // read-your-writes: the purchase is folded
    // Wait until the item actor has folded the sale (stock 0 is visible).
    for (let i = 0; i < 50 && engine.services.inventory.stockOf(sold.itemId) > 0; i++) await new Promise((res) => setTimeout(res, 50));
    assert.equal(engine.services.inventory.stockOf(sold.itemId), 0);
    const again = await fetch(`${engine.url}/api/checkout`, {
      method: 'POST', headers: { authorization: `Bearer ${buyer.token}` }, body: JSON.stringify({ lines: [{ itemId: sold.itemId, qty: 1 }] }),
    });
    assert.equal(again.status, 409);
    // Shoppers who co-viewed it with its neighbours would otherwise be shown it.
    const viewer = await Shopper.connect(engine.url);
    for (const [i, p] of items.filter((x) => x.category === cat).slice(0, 5).entries()) {
      await viewer.track({ id: `o${i}`, kind: 'view', itemId: p.itemId });
      await viewer.track({ id: `s${i}`, kind: 'view', itemId: sold.itemId }).catch(() => undefined);
    }
    await viewer.track({ id: 'last', kind: 'view', itemId: items.filter((x) => x.category === cat)[6]!.itemId });
    const m = await viewer.waitFor((x) => x.type === 'recs' && x['causedBy'] === 'last');
    assert.ok(!(m['items'] as Rec[]).some((x) => x.itemId === sold.itemId), 'sold-out item absent');
    const api = await fetch(`${engine.url}/api/recommendations?k=50&category=${cat}`, { headers: { authorization: `Bearer ${viewer.token}` } });
    const body = (await api.json()) as { items: Rec[] };
    assert.ok(body.items.length > 0);
    assert.ok(!body.items.some((x) => x.itemId === sold.itemId));
    buyer.close();
    viewer.close();
  });

  it('recommend - a plain Recommend reuses the recs pushed for the current state; a new event or a sell-out is never answered from it', async () => {
    const items = [...engine.services.catalog.values()].filter((p) => engine.services.inventory.stockOf(p.itemId) >= 3).slice(0, 40);
    const s = await Shopper.connect(engine.url);
    await s.track({ id: 'c0', kind: 'view', itemId: items[0]!.itemId });
    const pushed = (await s.waitFor((x) => x.type === 'recs' && x['causedBy'] === 'c0'))['items'] as Rec[];
    const hits = () => engine.shards.shards.reduce((n, sh) => n + (sh.stats?.recsCacheHits ?? 0), 0);
    const before = hits();
    const again = await engine.services.asks.recommend(s.userId, { k: 8 });
    assert.deepEqual(again.items.map((r) => r.itemId), pushed.map((r) => r.itemId), 'same state, same recs');
    await new Promise((r) => setTimeout(r, 1200)); // shard stats are posted every second
    assert.ok(hits() > before, 'answered from the cache');

    // A new event: the answer reflects it (the cache is keyed by the state's sequence).
    const ack = await s.track({ id: 'c1', kind: 'view', itemId: items[1]!.itemId });
    const after1 = await engine.services.asks.recommend(s.userId, { k: 8 });
    assert.ok(!after1.items.some((r) => r.itemId === items[1]!.itemId), 'the item just viewed is on screen, not suggested');
    assert.ok((ack['seq'] as number) > 0);

    // Sell out the first cached suggestion: it disappears from the next answer at once.
    const pushed1 = (await s.waitFor((x) => x.type === 'recs' && x['causedBy'] === 'c1'))['items'] as Rec[];
    const victim = pushed1[0]!.itemId;
    const buyer = engine.services.sessions.create().userId;
    await engine.services.inventory.checkout(buyer, [{ itemId: victim, qty: engine.services.inventory.stockOf(victim) }]);
    // The shard sees the purchase once it folded it (milliseconds), well within the cache's life.
    let after2 = await engine.services.asks.recommend(s.userId, { k: 8 });
    for (const end = Date.now() + 1000; after2.items.some((r) => r.itemId === victim) && Date.now() < end; ) {
      await new Promise((r) => setTimeout(r, 20));
      after2 = await engine.services.asks.recommend(s.userId, { k: 8 });
    }
    assert.ok(!after2.items.some((r) => r.itemId === victim), 'a sold-out item is not served from the cache');
    s.close();
  });
});
