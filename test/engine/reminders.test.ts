import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Engine } from '../../engine/index.js';
import { Shopper, startNats, startTestEngine, testEnv, type TestNats } from '../kit/index.js';

describe('actors - persisted reminders', () => {
  let nats: TestNats;
  let engine: Engine;
  let env: Record<string, string>;
  before(async () => {
    nats = await startNats();
    env = testEnv(nats.url, { CART_ABANDON_MS: '1500' });
    engine = await startTestEngine(env);
  });
  after(async () => {
    await engine?.stop();
    await nats?.stop();
  });

  it('actors - a cart-abandonment reminder set before a restart fires after it, once, as a coupon push', async () => {
    const items = [...engine.services.catalog.values()].slice(0, 3).map((p) => p.itemId);
    const s = await Shopper.connect(engine.url);
    await s.track({ id: 'c1', kind: 'cart_add', itemId: items[0] });
    s.close();
    await engine.stop();
    engine = await startTestEngine(env);
    const again = await Shopper.connect(engine.url, { userId: s.userId, token: s.token });
    const hello = await again.waitFor((m) => m.type === 'hello', 6000);
    // The overdue reminder fires on the shard's first tick after the restart, which on a
    // slow machine can come before this socket subscribed: then only the profile holds it.
    const pushed = await again.waitFor((m) => m.type === 'coupon', 6000).catch(() => undefined);
    const profile = await again.profile(engine.url);
    const coupons = profile['coupons'] as Array<{ code: string; rule: string; ts: number }>;
    assert.equal(coupons.length, 1);
    assert.equal(coupons[0]!.rule, 'cart_abandoned');
    assert.match(coupons[0]!.code, /^COMEBACK10-/);
    if (pushed) assert.equal((pushed['coupon'] as { code: string }).code, coupons[0]!.code);
    else assert.ok(coupons[0]!.ts <= (hello['ts'] as number), `coupon issued at ${coupons[0]!.ts}, after the socket said hello at ${hello['ts']}, was not pushed`);
    await new Promise((r) => setTimeout(r, 1000));
    // Issued before the socket subscribed (see above): in the profile, not pushed; else pushed exactly once.
    assert.equal(again.messages.filter((m) => m.type === 'coupon').length, pushed ? 1 : 0, 'fires once');
    again.close();
  });

  it('actors - a purchase before the deadline cancels the reminder', async () => {
    const items = [...engine.services.catalog.values()].filter((p) => p.stock > 5).slice(0, 2).map((p) => p.itemId);
    const s = await Shopper.connect(engine.url);
    await s.track({ id: 'c1', kind: 'cart_add', itemId: items[0] });
    const r = await fetch(`${engine.url}/api/checkout`, { method: 'POST', headers: { authorization: `Bearer ${s.token}` } });
    assert.equal(r.status, 200, await r.clone().text());
    await new Promise((res) => setTimeout(res, 2500));
    // The order earns the first-purchase coupon; the emptied cart earns no abandonment one.
    const rules = (list: unknown[]) => list.map((c) => (c as { rule: string }).rule);
    assert.deepEqual(rules(s.messages.filter((m) => m.type === 'coupon').map((m) => m['coupon'])), ['first_purchase_welcome']);
    const profile = await s.profile(engine.url);
    assert.deepEqual(rules(profile['coupons'] as unknown[]), ['first_purchase_welcome']);
    assert.equal((profile['orders'] as unknown[]).length, 1);
    s.close();
  });
});
