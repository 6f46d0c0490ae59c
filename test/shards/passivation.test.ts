import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { jetstream } from '@nats-io/jetstream';
import type { Engine } from '../../engine/index.js';
import { connectNats, dedupKey } from '../../engine/log/index.js';
import { eventSubject, partitionOf } from '../../engine/placement/index.js';
import { StateStore } from '../../engine/store/index.js';
import { encodeEvent, type ShopEvent } from '../../protos/index.js';
import { foldedPart, readSettledLog, referenceProfiles, startNats, startTestEngine, testEnv, type TestNats } from '../kit/index.js';

const USERS = 100_000;

describe('runtime - passivation under a small actor cap', () => {
  let nats: TestNats;
  let engine: Engine;
  let env: Record<string, string>;
  before(async () => {
    nats = await startNats();
    env = testEnv(nats.url, { ACTOR_CAP: '500' });
    engine = await startTestEngine(env);
  });
  after(async () => {
    await engine?.stop();
    await nats?.stop();
  });

  it('runtime - 100k users survive eviction and reactivation intact', async () => {
    const items = [...engine.services.catalog.values()].map((p) => p.itemId);
    const nc = await connectNats(nats.url, 'passivation-test');
    const js = jetstream(nc);
    const userId = (i: number) => `u-pass${String(i).padStart(8, '0')}`;
    // Two rounds over all users: the second reactivates every actor evicted after the first.
    const now = Date.now();
    for (let round = 0; round < 2; round++) {
      const pending: Array<Promise<unknown>> = [];
      for (let i = 0; i < USERS; i++) {
        const e: ShopEvent = round === 0
          ? { id: `r0-${i}`, userId: userId(i), kind: 'view', itemId: items[i % items.length]!, ts: now + i }
          : { id: `r1-${i}`, userId: userId(i), kind: 'cart_add', itemId: items[(i * 7) % items.length]!, qty: 1 + (i % 3), ts: now + USERS + i };
        pending.push(js.publish(eventSubject(partitionOf(e.userId, engine.config.partitions)), encodeEvent(e), { msgID: dedupKey(e) }));
        if (pending.length >= 2000) await Promise.all(pending.splice(0));
      }
      await Promise.all(pending);
    }
    await nc.close();
    const lastSeq = 2 * USERS;
    const deadline = Date.now() + 120_000;
    while (engine.shards.shards.some((s) => s.appliedSeq < lastSeq) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    assert.ok(engine.shards.shards.every((s) => s.appliedSeq >= lastSeq), 'shards applied the whole log');
    const stats = engine.shards.shards.map((s) => s.stats!);
    for (const st of stats) {
      assert.ok(st.activeUsers <= 500 + 1000, `active actors stay near the cap (got ${st.activeUsers})`);
      assert.ok(st.passivations > 50_000, `actors were passivated (${st.passivations})`);
    }

    // Every user's committed state equals the fold of the log.
    // Rules' coupon decisions may still be landing after the shoppers' events are applied.
    const expected = referenceProfiles(await readSettledLog(nats.url, () => Math.min(...engine.shards.shards.map((s) => s.appliedSeq)), 1000, 120_000), engine.services.catalog);
    assert.equal(expected.size, USERS);
    const { profileOf } = await import('../../actors/user/index.js');
    const store = StateStore.open(env['DATA_DIR']!);
    let checked = 0;
    for (const [id, want] of expected) {
      const got = store.users.get(id);
      assert.ok(got, `state of ${id} is in LMDB`);
      assert.deepEqual(foldedPart(profileOf(got)), foldedPart(want));
      checked++;
    }
    assert.equal(checked, USERS);
    // And through the actor (activation from LMDB): a sample over the API path.
    for (let i = 0; i < USERS; i += 997) {
      const p = await engine.services.asks.profile(userId(i));
      assert.deepEqual(foldedPart(p), foldedPart(expected.get(userId(i))!));
    }
  });
});
