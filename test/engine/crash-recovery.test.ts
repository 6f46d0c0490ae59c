import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, describe, it } from 'node:test';
import { Catalog, demoCatalog, DEFAULT_DEMO_SEED } from '../../engine/catalog/index.js';
import { foldedPart, readSettledLog, referenceProfiles, spawnEngine, startNats, startTestEngine, startTraffic, TEST_CATALOG_SIZE, testEnv, type EngineProcess } from '../kit/index.js';

describe('recovery - kill -9 of the whole engine', () => {
  let engine: EngineProcess | undefined;
  after(async () => {
    await engine?.stop();
  });

  it('recovery - after kill -9 mid-stream, every acked event is in the log and every profile equals a fold of the log', async () => {
    // Embedded nats-server: the restart must also cope with the server the killed engine left behind.
    const env = testEnv(undefined);
    engine = await spawnEngine(env);
    const catalog = new Catalog(demoCatalog({ count: TEST_CATALOG_SIZE, seed: DEFAULT_DEMO_SEED }));
    const itemIds = [...catalog.values()].slice(0, 300).map((p) => p.itemId);
    const traffic = await startTraffic(engine.url, { shoppers: 40, itemIds, inFlight: 4 });
    await sleep(2500);
    await engine.kill9();
    await traffic.stop();
    const ackedCount = [...traffic.acked.values()].reduce((n, s) => n + s.size, 0);
    assert.ok(ackedCount > 500, `enough traffic before the kill (acked ${ackedCount})`);

    engine = await spawnEngine(env);
    const natsUrl = readFileSync(join(env['DATA_DIR']!, 'nats', 'url'), 'utf8').trim();
    // A separate process: wait for the log to stop growing (resent outboxes, coupon decisions).
    const log = await readSettledLog(natsUrl, () => Number.MAX_SAFE_INTEGER, 1000);
    const inLog = new Set(log.map((l) => `${l.event.userId}/${l.event.id}`));
    for (const [userId, ids] of traffic.acked) {
      for (const id of ids) assert.ok(inLog.has(`${userId}/${id}`), `acked event ${userId}/${id} is in the log`);
    }
    const expected = referenceProfiles(log, catalog);
    for (const s of traffic.shoppers) {
      const r = await fetch(`${engine.url}/api/profile`, { headers: { authorization: `Bearer ${s.token}` } });
      assert.equal(r.status, 200);
      const got = await r.json();
      const want = expected.get(s.userId);
      assert.ok(want, `user ${s.userId} has events in the log`);
      assert.deepEqual(foldedPart(got as object), foldedPart(JSON.parse(JSON.stringify(want)) as object), `profile of ${s.userId} equals the fold of the log`);
    }
    for (const s of traffic.shoppers) s.close();
  });
});

describe('recovery - replay of history the actors already hold', () => {
  it('recovery - without model snapshots a restart replays the whole log for the model yet applies no event twice', async () => {
    const nats = await startNats();
    const env = testEnv(nats.url);
    let engine = await startTestEngine(env);
    try {
      const itemIds = [...engine.services.catalog.values()].slice(0, 100).map((p) => p.itemId);
      // More events than one shard batch (1000), so a replay spans several commits.
      const traffic = await startTraffic(engine.url, { shoppers: 20, itemIds, inFlight: 8 });
      while (traffic.sent < 3000) await sleep(100);
      await traffic.stop();
      await engine.stop();
      rmSync(join(env['DATA_DIR']!, 'model'), { recursive: true, force: true });
      engine = await startTestEngine(env);
      const expected = referenceProfiles(await readSettledLog(nats.url, () => Math.min(...engine.shards.shards.map((s) => s.appliedSeq))), engine.services.catalog);
      for (const s of traffic.shoppers) {
        const got = await s.profile(engine.url);
        assert.deepEqual(foldedPart(got), foldedPart(JSON.parse(JSON.stringify(expected.get(s.userId)))), `profile of ${s.userId}`);
      }
      for (const s of traffic.shoppers) s.close();
    } finally {
      await engine.stop();
      await nats.stop();
    }
  });
});
