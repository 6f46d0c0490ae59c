import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RequestOne } from '@nats-io/nats-core/internal';
import type { NatsConnection } from '@nats-io/transport-node';
import { connectNats } from '../../engine/log/index.js';
import { startNats, type TestNats } from '../kit/index.js';

describe('log - nats client', () => {
  let nats: TestNats;
  let nc: NatsConnection;
  before(async () => {
    nats = await startNats();
    nc = await connectNats(nats.url, 'nats-client-test');
  });
  after(async () => {
    await nc?.close();
    await nats?.stop();
  });

  it('log - with the cancel patch, requests are answered, and failures still carry their real cause', async () => {
    assert.equal((RequestOne.prototype as { __shopCancelPatched?: boolean }).__shopCancelPatched, true);
    const sub = nc.subscribe('echo', { callback: (_e, m) => void m.respond(m.data) });
    for (let i = 0; i < 20; i++) assert.equal((await nc.request('echo', `x${i}`, { timeout: 2000 })).string(), `x${i}`);
    sub.unsubscribe();

    // No responders: rejected with nats.js's own error, not the shared "cancelled" one.
    const noResp = await nc.request('nobody.here', 'x', { timeout: 2000 }).then(() => undefined, (e: unknown) => e as Error & { isNoResponders?: () => boolean });
    assert.ok(noResp && noResp.isNoResponders?.(), `no responders error, got ${String(noResp)}`);
    // A silent responder: a timeout.
    const silent = nc.subscribe('silent', { callback: () => undefined });
    const timedOut = await nc.request('silent', 'x', { timeout: 100 }).then(() => undefined, (e: unknown) => e as Error);
    assert.match(String(timedOut?.message), /timeout/i);
    silent.unsubscribe();
  });
});
