/**
 * A shopper's socket that stops reading (a slow phone, a frozen tab): pushes for it
 * must not pile up in the engine. Beyond the socket's backpressure mark, a new recs
 * push replaces the pending one (coalescing), memory stays bounded, other shoppers
 * are served as usual, and once the socket reads again it gets the newest recs.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Engine } from '../../engine/index.js';
import { fetchMetrics, Shopper, startNats, startTestEngine, testEnv, type TestNats } from '../kit/index.js';

const metric = (text: string, name: string) => Number(new RegExp(`^${name}(?:\\{\\})? (\\d+(?:\\.\\d+)?)$`, 'm').exec(text)?.[1] ?? 0);

describe('gateway - backpressure', () => {
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

  it('gateway - a socket that stops reading gets its recs coalesced, memory stays bounded, and it gets the newest recs when it reads again', async () => {
    const items = [...engine.services.catalog.values()].slice(0, 400).map((p) => p.itemId);
    const slow = await Shopper.connect(engine.url);
    const calm = await Shopper.connect(engine.url);
    // The client stops reading: the kernel buffers fill, then uWS buffers, then the engine must coalesce.
    const sock = (slow.ws as unknown as { _socket: { pause(): void; resume(): void } })._socket;
    sock.pause();
    const rss0 = process.memoryUsage().rss;
    const post = (id: string, itemId: string) => fetch(`${engine.url}/api/events`, {
      method: 'POST', headers: { authorization: `Bearer ${slow.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ id, kind: 'view', itemId }),
    }).then((r) => assert.equal(r.status, 200));
    let coalesced = 0;
    let last = '';
    // Until the buffers are full and pushes coalesce (on a loaded box the shard merges
    // pushes itself first, so this is bounded by time, not by a count).
    const end = Date.now() + 90_000;
    for (let round = 0; Date.now() < end && coalesced === 0; round++) {
      // One event at a time, each answered by its own recs push (so the shard has nothing to merge).
      for (let i = 0; i < 100; i++) {
        last = `slow-${round}-${i}`;
        await post(last, items[(round * 100 + i) % items.length]!);
      }
      coalesced = metric(await fetchMetrics(engine), 'shop_ws_recs_coalesced_total');
    }
    assert.ok(coalesced > 0, 'recs for the stalled socket were coalesced');
    const growth = (process.memoryUsage().rss - rss0) / 1024 / 1024;
    assert.ok(growth < 200, `memory grew ${growth.toFixed(0)} MB`);

    // Others are served as usual meanwhile.
    await calm.track({ id: 'calm-1', kind: 'view', itemId: items[0] });
    await calm.waitFor((m) => m.type === 'recs' && m['causedBy'] === 'calm-1');

    // Reading again, the slow shopper's last recs reflect its last event.
    slow.messages.length = 0;
    sock.resume();
    await slow.waitFor((m) => m.type === 'recs' && m['causedBy'] === last, 20_000);
    slow.close();
    calm.close();
  });
});
