import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import type { Engine } from '../../engine/index.js';
import { partitionOf } from '../../engine/log/index.js';
import { readLog, referenceProfiles, Shopper, startNats, startTestEngine, startTraffic, testEnv, type TestNats } from '../kit/index.js';

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

    const log = await readLog(nats.url);
    const expected = referenceProfiles(log, engine.services.catalog);
    let onShard0 = 0;
    for (const s of [...traffic.shoppers, other]) {
      if (shardOf(s.userId) === 0) onShard0++;
      const got = await s.profile(engine.url);
      assert.deepEqual(got, JSON.parse(JSON.stringify(expected.get(s.userId))), `profile of ${s.userId} (shard ${shardOf(s.userId)})`);
    }
    assert.ok(onShard0 > 5, 'enough users on the crashed shard');
    for (const s of [...traffic.shoppers, other]) s.close();
  });
});
