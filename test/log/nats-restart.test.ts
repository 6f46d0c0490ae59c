/**
 * The embedded nats-server killed (kill -9) under load: the engine restarts it on the
 * same store and port, events are accepted again without an engine restart, no acked
 * event is lost, and /health says the truth throughout (503 while JetStream is gone).
 */
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Engine } from '../../engine/index.js';
import { connectNats } from '../../engine/log/index.js';
import { fetchMetrics, Shopper, startTestEngine, startTraffic, testEnv } from '../kit/index.js';
import { assertAckedInLog, waitHealth } from './log-faults-kit.js';

describe('log - the embedded nats-server dies', () => {
  let engine: Engine;
  before(async () => {
    engine = await startTestEngine(testEnv(undefined));
  });
  after(async () => {
    await engine?.stop();
  });

  it('log - kill -9 of the embedded nats-server under load: restarted on its store and port, events resume, nothing acked lost', async () => {
    const pidFile = join(engine.config.dataDir, 'nats', 'nats-server.pid');
    const oldPid = Number(readFileSync(pidFile, 'utf8'));
    const itemIds = [...engine.services.catalog.values()].slice(0, 50).map((p) => p.itemId);
    const traffic = await startTraffic(engine.url, { shoppers: 12, itemIds, inFlight: 2 });
    await new Promise((r) => setTimeout(r, 1500));
    const ackedBefore = [...traffic.acked.values()].reduce((n, s) => n + s.size, 0);
    assert.ok(ackedBefore > 0, 'traffic is flowing');

    process.kill(oldPid, 'SIGKILL');
    // The restart usually beats the once-a-second probe, so /health may never see it down.
    const end = Date.now() + 30_000;
    while (Number(readFileSync(pidFile, 'utf8')) === oldPid || !engine.health().ok) {
      if (Date.now() > end) assert.fail(`no healthy restart: ${JSON.stringify(engine.health())}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const up = await waitHealth(engine.url, (h) => h.status === 200, 5000, 'after the restart');
    assert.equal(up.body.nats, true);
    assert.equal(new URL(engine.natsUrl).port, new URL(readFileSync(join(engine.config.dataDir, 'nats', 'url'), 'utf8')).port, 'on the same port');

    // Writes resume (acks) and so does the read path (the shards consume again: a push arrives).
    const s = await Shopper.connect(engine.url);
    // A publish in flight while the client reconnects may go unconfirmed (E_UNAVAILABLE):
    // the contract is to retry with the same id, and the log keeps it once.
    for (let attempt = 0; ; attempt++) {
      try {
        await s.track({ id: 'after-restart-1', kind: 'view', itemId: itemIds[0] }, 15_000);
        break;
      } catch (err) {
        if ((err as { code?: string }).code !== 'E_UNAVAILABLE' || attempt >= 3) throw err;
      }
    }
    await s.waitFor((m) => m.type === 'recs' && m['causedBy'] === 'after-restart-1', 15_000);
    s.close();
    const ackedAtRestart = [...traffic.acked.values()].reduce((n, x) => n + x.size, 0);
    // Events that were in flight at the kill fail after the publish timeout (5 s); then the loops go on.
    const acked = () => [...traffic.acked.values()].reduce((n, x) => n + x.size, 0);
    for (let i = 0; i < 150 && acked() <= ackedAtRestart + 50; i++) await new Promise((r) => setTimeout(r, 100));
    await traffic.stop();
    const ackedAfter = acked();
    assert.ok(ackedAfter > ackedAtRestart, `the same sockets' events are acked again (${ackedAtRestart} -> ${ackedAfter})`);
    for (const sh of traffic.shoppers) sh.close();

    const checked = await assertAckedInLog(engine.natsUrl, traffic.acked);
    assert.equal(checked, ackedAfter);
  });

  it('log - a stalled nats-server (SIGSTOP) turns /health 503 within seconds, and 200 again once it runs', async () => {
    const pid = Number(readFileSync(join(engine.config.dataDir, 'nats', 'nats-server.pid'), 'utf8'));
    process.kill(pid, 'SIGSTOP');
    try {
      const down = await waitHealth(engine.url, (h) => h.status === 503, 6000, 'with nats-server stopped');
      assert.equal(down.body.nats, false, 'the client object is still open, but JetStream does not answer');
      const metrics = await fetchMetrics(engine);
      assert.match(metrics, /^shop_jetstream_up 0$/m);
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    await waitHealth(engine.url, (h) => h.status === 200, 10_000, 'after SIGCONT');
    assert.match(await fetchMetrics(engine), /^shop_jetstream_up 1$/m);
  });

  it('log - the embedded nats-server wants the engine\'s login; DATA_DIR is 0700 and what the engine writes 0600', async () => {
    const url = new URL(engine.natsUrl);
    assert.ok(url.username && url.password, 'the engine connects with a generated login');
    await assert.rejects(connectNats(`nats://127.0.0.1:${url.port}`, 'intruder'), /cannot connect/);
    const mode = (p: string) => (statSync(p).mode & 0o777).toString(8);
    const dir = engine.config.dataDir;
    assert.equal(mode(dir), '700');
    for (const f of ['api-key', 'nats/password', 'nats/url', 'state/data.mdb']) assert.equal(mode(join(dir, f)), '600', f);
    const outsider = (p: string) => statSync(p).mode & 0o077;
    for (const d of ['state', 'nats', 'nats/store']) assert.equal(outsider(join(dir, d)), 0, `${d} is closed to others`);
  });
});
