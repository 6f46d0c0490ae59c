import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import type { Engine } from '../../engine/index.js';
import { partitionOf } from '../../engine/placement/index.js';
import { fetchMetrics, foldedPart, readSettledLog, referenceProfiles, Shopper, startNats, startTestEngine, startTraffic, testEnv, type TestNats } from '../kit/index.js';

describe('runtime - a shard worker killed mid-stream', () => {
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

  const shardOf = (userId: string) => partitionOf(userId, engine.config.partitions) % engine.config.shards;

  it('runtime - the other shards keep serving and the restarted shard catches up with identical state', async () => {
    const itemIds = [...engine.services.catalog.values()].slice(0, 200).map((p) => p.itemId);
    const traffic = await startTraffic(engine.url, { shoppers: 30, itemIds, inFlight: 3 });
    await sleep(1000);
    await engine.shards.crash(0);
    // A user of the crashed shard: the ask is answered (restarted already) or fails with a
    // typed error (single node: nobody else serves the partition), and never hangs.
    const victim = traffic.shoppers.find((s) => shardOf(s.userId) === 0)!;
    const t0 = Date.now();
    const res = await fetch(`${engine.url}/api/profile`, { headers: { authorization: `Bearer ${victim.token}` } });
    assert.ok(res.status === 200 || res.status === 503 || res.status === 504, `status ${res.status}`);
    if (res.status !== 200) assert.match(((await res.json()) as { error: { code: string } }).error.code, /^E_(UNAVAILABLE|TIMEOUT)$/);
    assert.ok(Date.now() - t0 < 3000, 'the ask ended within its timeout');

    // While shard 0 is down (or recovering), a shopper owned by shard 1 still gets acks and pushes.
    let other: Shopper;
    do other = await Shopper.connect(engine.url);
    while (shardOf(other.userId) !== 1);
    const ack = await other.track({ id: 'during-crash', kind: 'view', itemId: itemIds[0] });
    assert.ok((ack['seq'] as number) > 0);
    await other.waitFor((m) => m.type === 'recs' && m['causedBy'] === 'during-crash', 3000);

    await sleep(1000);
    await traffic.stop();
    await engine.shards.whenServing(30_000);
    assert.ok(engine.shards.shards[0]!.restarts >= 1, 'shard 0 was restarted');

    // Coupon decisions (and a restarted shard's resent outbox) may still be landing.
    const log = await readSettledLog(nats.url, () => Math.min(...engine.shards.shards.map((s) => s.appliedSeq)));
    const expected = referenceProfiles(log, engine.services.catalog);
    let onShard0 = 0;
    for (const s of [...traffic.shoppers, other]) {
      if (shardOf(s.userId) === 0) onShard0++;
      const got = await s.profile(engine.url);
      assert.deepEqual(foldedPart(got), foldedPart(JSON.parse(JSON.stringify(expected.get(s.userId)))), `profile of ${s.userId} (shard ${shardOf(s.userId)})`);
    }
    assert.ok(onShard0 > 5, 'enough users on the crashed shard');
    // Asks go to this process's shard threads directly; NATS only while one is down.
    const metrics = await fetchMetrics(engine);
    const local = Number(/^shop_asks_total\{route="local"\} (\d+)/m.exec(metrics)?.[1] ?? 0);
    assert.ok(local >= traffic.shoppers.length + 1, `profiles were asked locally (${local})`);
    for (const s of [...traffic.shoppers, other]) s.close();
  });
});
