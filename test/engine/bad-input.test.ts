import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { connect } from 'node:net';
import WebSocket from 'ws';
import type { Engine } from '../../engine/index.js';
import { resolveApiKey, SessionTokens } from '../../engine/services/index.js';
import { Shopper, startNats, startTestEngine, testEnv, type TestNats } from '../kit/index.js';

describe('gateway - bad input', () => {
  let nats: TestNats;
  let engine: Engine;
  let item: string;
  before(async () => {
    nats = await startNats();
    engine = await startTestEngine(testEnv(nats.url, { MAX_WS_MESSAGES_PER_S: '20' }));
    item = engine.services.catalog.values().next().value!.itemId;
  });
  after(async () => {
    await engine?.stop();
    await nats?.stop();
  });

  async function expectError(s: Shopper, raw: string, code: string, id?: string) {
    s.messages.length = 0;
    s.send(raw);
    const m = await s.waitFor((x) => x.type === 'error');
    assert.equal(m['code'], code, `${raw.slice(0, 60)} -> ${JSON.stringify(m)}`);
    assert.equal(typeof m['message'], 'string');
    if (id) assert.equal(m['id'], id);
    await new Promise((r) => setTimeout(r, 60)); // stay under the rate limit
  }

  it('gateway - malformed, unknown, mistyped and oversized messages get typed errors and the socket stays usable', async () => {
    const s = await Shopper.connect(engine.url);
    await expectError(s, '{not json', 'E_BAD_JSON');
    await expectError(s, '[1,2]', 'E_BAD_REQUEST');
    await expectError(s, JSON.stringify({ type: 'subscribe' }), 'E_UNKNOWN_KIND');
    await expectError(s, JSON.stringify({ type: 'event', id: 'k1', kind: 'teleport', itemId: item }), 'E_UNKNOWN_KIND', 'k1');
    await expectError(s, JSON.stringify({ type: 'event', id: 'k2', kind: 'reminder' }), 'E_UNKNOWN_KIND', 'k2');
    // a shopper cannot publish a model (definitions are the engine's)
    await expectError(s, JSON.stringify({ type: 'event', id: 'k2d', kind: 'definition', defKind: 'intent_model', defId: 'live', defVersion: 99, payload: '{}' }), 'E_UNKNOWN_KIND', 'k2d');
    await expectError(s, JSON.stringify({ type: 'event', id: 'k3', kind: 'view' }), 'E_BAD_EVENT', 'k3');
    await expectError(s, JSON.stringify({ type: 'event', id: 'k4', kind: 'view', itemId: 42 }), 'E_BAD_EVENT', 'k4');
    await expectError(s, JSON.stringify({ type: 'event', id: 'k5', kind: 'cart_add', itemId: item, qty: 'two' }), 'E_BAD_EVENT', 'k5');
    await expectError(s, JSON.stringify({ type: 'event', id: 'k6', kind: 'cart_add', itemId: item, qty: 1e9 }), 'E_BAD_EVENT', 'k6');
    await expectError(s, JSON.stringify({ type: 'event', id: 'k7', kind: 'search', query: '' }), 'E_BAD_EVENT', 'k7');
    await expectError(s, JSON.stringify({ type: 'event', id: 'k8', kind: 'dwell', itemId: item }), 'E_BAD_EVENT', 'k8');
    await expectError(s, JSON.stringify({ type: 'event', id: 'x'.repeat(65), kind: 'view', itemId: item }), 'E_BAD_EVENT');
    await expectError(s, JSON.stringify({ type: 'event', id: 'k9', kind: 'view', itemId: 'no-such-item' }), 'E_UNKNOWN_ITEM', 'k9');
    await expectError(s, JSON.stringify({ type: 'event', id: 'k10', kind: 'view', itemId: item, pad: 'x'.repeat(70 * 1024) }), 'E_TOO_LARGE');
    // After all that, a good event still works on the same socket.
    const ack = await s.track({ id: 'good-1', kind: 'view', itemId: item });
    assert.ok((ack['seq'] as number) > 0);
    const p = await s.profile(engine.url);
    assert.deepEqual(p['recent'], [item], 'no rejected event reached the actor');
    s.close();
  });

  it('gateway - forged and expired tokens get E_BAD_TOKEN / E_TOKEN_EXPIRED and the socket is closed', async () => {
    const good = await Shopper.session(engine.url);
    const forged = good.token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    const other = new SessionTokens('another-secret-0123456789', 3600).issue(good.userId).token;
    const expired = new SessionTokens('test-secret-0123456789abcdef', 1).issue(good.userId, Date.now() - 10_000).token;
    for (const [token, code] of [[forged, 'E_BAD_TOKEN'], [other, 'E_BAD_TOKEN'], [expired, 'E_TOKEN_EXPIRED'], ['', 'E_BAD_TOKEN'], ['v1.a.b', 'E_BAD_TOKEN']] as const) {
      const s = await Shopper.connect(engine.url, { userId: good.userId, token });
      const m = await s.waitFor((x) => x.type === 'error');
      assert.equal(m['code'], code);
      const closed = await s.waitClosed();
      assert.equal(closed.code, 4401);
    }
    const r = await fetch(`${engine.url}/api/profile`, { headers: { authorization: `Bearer ${forged}` } });
    assert.equal(r.status, 401);
    assert.equal(((await r.json()) as { error: { code: string } }).error.code, 'E_BAD_TOKEN');
  });

  it('gateway - a flooding socket is rate limited while other shoppers are unaffected', async () => {
    const flooder = await Shopper.connect(engine.url);
    const calm = await Shopper.connect(engine.url);
    for (let i = 0; i < 500; i++) flooder.send({ type: 'event', id: `f${i}`, kind: 'view', itemId: item });
    const limited = await flooder.waitFor((m) => m.type === 'error' && m['code'] === 'E_RATE_LIMITED');
    assert.match(String(limited['message']), /messages\/s/);
    const ack = await calm.track({ id: 'calm-1', kind: 'view', itemId: item });
    assert.ok((ack['seq'] as number) > 0);
    await calm.waitFor((m) => m.type === 'recs' && m['causedBy'] === 'calm-1');
    await new Promise((r) => setTimeout(r, 500));
    const acks = flooder.messages.filter((m) => m.type === 'ack').length;
    assert.ok(acks <= 60, `most flood messages were dropped (acked ${acks})`);
    const errors = flooder.messages.filter((m) => m.type === 'error').length;
    assert.ok(errors <= 3, `rate-limit notices are throttled (${errors})`);
    flooder.close();
    calm.close();
  });

  it('gateway - one user flooding through 20 sockets is limited per user, not only per socket', async () => {
    const session = await Shopper.session(engine.url);
    const sockets = await Promise.all(Array.from({ length: 20 }, () => Shopper.connect(engine.url, session)));
    for (const [k, s] of sockets.entries()) for (let i = 0; i < 40; i++) s.send({ type: 'event', id: `u${k}-${i}`, kind: 'view', itemId: item });
    await new Promise((r) => setTimeout(r, 1500));
    const acks = sockets.reduce((n, s) => n + s.messages.filter((m) => m.type === 'ack').length, 0);
    // Per socket alone, each of the 20 would get its burst of 40 (800); per user: a burst of 80 plus 40/s.
    assert.ok(acks <= 160, `acked ${acks} of 800`);
    assert.ok(sockets.some((s) => s.messages.some((m) => m.type === 'error' && m['code'] === 'E_RATE_LIMITED' && /this user/.test(String(m['message'])))));
    for (const s of sockets) s.close();
  });

  it('gateway - a socket whose token expires while open gets E_TOKEN_EXPIRED and is closed (4401)', async () => {
    const { userId } = await Shopper.session(engine.url);
    const shortLived = new SessionTokens('test-secret-0123456789abcdef', 2).issue(userId);
    const s = await Shopper.connect(engine.url, { userId, token: shortLived.token });
    await s.track({ id: 'before-expiry', kind: 'view', itemId: item });
    const closed = await s.waitClosed(Math.max(0, shortLived.expiresAt - Date.now()) + 3000);
    assert.equal(closed.code, 4401);
    assert.ok(s.messages.some((m) => m.type === 'error' && m['code'] === 'E_TOKEN_EXPIRED'));
  });

  it('gateway - frames far over the limit close only that socket; the engine stays up', async () => {
    const s = await Shopper.connect(engine.url);
    s.send('x'.repeat(2 * 1024 * 1024));
    const closed = await s.waitClosed();
    assert.ok(closed.code >= 1000);
    const h = await fetch(`${engine.url}/health`);
    assert.equal(h.status, 200);
  });

  it('http - bad bodies, parameters and routes get typed JSON errors', async () => {
    const { token } = await Shopper.session(engine.url);
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const cases: Array<[string, RequestInit, number, string]> = [
      ['/api/events', { method: 'POST', headers: auth, body: '{oops' }, 400, 'E_BAD_JSON'],
      ['/api/events', { method: 'POST', headers: auth, body: JSON.stringify({ kind: 'view', itemId: 'nope' }) }, 404, 'E_UNKNOWN_ITEM'],
      ['/api/events', { method: 'POST', headers: auth, body: JSON.stringify({ kind: 'view', itemId: item, pad: 'x'.repeat(70_000) }) }, 413, 'E_TOO_LARGE'],
      ['/api/events', { method: 'POST', body: JSON.stringify({ kind: 'view', itemId: item }) }, 401, 'E_BAD_TOKEN'],
      ['/api/products?limit=100000', {}, 400, 'E_BAD_REQUEST'],
      ['/api/products?page=-1', {}, 400, 'E_BAD_REQUEST'],
      ['/api/products?sort=sideways', {}, 400, 'E_BAD_REQUEST'],
      ['/api/products/does-not-exist', {}, 404, 'E_UNKNOWN_ITEM'],
      ['/api/products/%ZZ', {}, 400, 'E_BAD_REQUEST'],
      ['/api/products/%E0%A4%A', {}, 400, 'E_BAD_REQUEST'],
      ['/api/nothing-here', {}, 404, 'E_NOT_FOUND'],
      ['/api/checkout', { method: 'POST', headers: auth, body: JSON.stringify({ lines: [{ itemId: item, qty: 0 }] }) }, 400, 'E_BAD_REQUEST'],
      ['/api/checkout', { method: 'POST', headers: auth }, 400, 'E_BAD_REQUEST'],
      ['/api/checkout', { method: 'POST', headers: auth, body: JSON.stringify({ lines: [{ itemId: item, qty: 999 }] }) }, 409, 'E_OUT_OF_STOCK'],
    ];
    for (const [path, init, status, code] of cases) {
      const r = await fetch(`${engine.url}${path}`, init);
      const body = (await r.json()) as { error: { code: string; message: string } };
      assert.equal(r.status, status, `${path} ${JSON.stringify(body)}`);
      assert.equal(body.error.code, code, path);
      assert.ok(body.error.message.length > 0);
    }
    const h = await fetch(`${engine.url}/health`);
    assert.equal(h.status, 200);
  });

  it('gateway - a shopper client cannot record a purchase (WebSocket or POST /api/events): E_NOT_ALLOWED, stock untouched', async () => {
    const stocked = [...engine.services.catalog.values()].find((p) => p.stock >= 3)!;
    const before = engine.services.inventory.stockOf(stocked.itemId);
    const s = await Shopper.connect(engine.url);
    await expectError(s, JSON.stringify({ type: 'event', id: 'buy-1', kind: 'purchase', itemId: stocked.itemId, qty: before }), 'E_NOT_ALLOWED', 'buy-1');
    const r = await fetch(`${engine.url}/api/events`, {
      method: 'POST', headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'buy-2', kind: 'purchase', itemId: stocked.itemId, qty: before }),
    });
    assert.equal(r.status, 403);
    assert.equal(((await r.json()) as { error: { code: string; field?: string } }).error.code, 'E_NOT_ALLOWED');
    await new Promise((res) => setTimeout(res, 300));
    assert.equal(engine.services.inventory.stockOf(stocked.itemId), before, 'no unit taken');
    const p = await s.profile(engine.url);
    assert.deepEqual(p['orders'], [], 'no order recorded');
    // The same shopper buys through checkout.
    const c = await fetch(`${engine.url}/api/checkout`, {
      method: 'POST', headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ lines: [{ itemId: stocked.itemId, qty: 1 }] }),
    });
    assert.equal(c.status, 200, await c.clone().text());
    assert.equal(typeof ((await c.json()) as { eventId?: unknown }).eventId, 'string');
    s.close();
  });

  /** Sends raw bytes on a fresh connection; resolves with what came back and whether the server closed it. */
  function raw(request: Buffer | string, keepSending?: Buffer): Promise<{ text: string; closedByServer: boolean }> {
    const port = Number(new URL(engine.url).port);
    return new Promise((resolve) => {
      let text = '';
      let done = false;
      const sock = connect(port, '127.0.0.1', () => {
        sock.write(request);
        if (keepSending) {
          const pump = () => {
            while (!done && sock.write(keepSending)) { /* until the kernel buffer is full */ }
            if (!done) sock.once('drain', pump);
          };
          pump();
        }
      });
      sock.on('data', (d) => (text += d.toString()));
      sock.on('error', () => undefined);
      sock.on('close', () => {
        done = true;
        resolve({ text, closedByServer: true });
      });
      setTimeout(() => {
        if (done) return;
        done = true;
        sock.destroy();
        resolve({ text, closedByServer: false });
      }, 3000);
    });
  }
  const statusOf = (text: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1]);
  const codeOf = (text: string) => (/"code":"(E_[A-Z_]+)"/.exec(text)?.[1]);

  it('http - framing: two Content-Lengths 400, unknown methods 405 with Allow, a long URL 414, /api is JSON, nosniff', async () => {
    const dup = await raw('POST /api/session HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 5\r\n\r\n{}');
    assert.equal(statusOf(dup.text), 400, dup.text);
    assert.equal(codeOf(dup.text), 'E_BAD_REQUEST');
    assert.ok(dup.closedByServer, 'an ambiguous body length closes the connection');

    for (const [req, allow] of [['DELETE / HTTP/1.1', 'GET, HEAD'], ['PUT /api/checkout HTTP/1.1', 'POST'], ['DELETE /api/products/x HTTP/1.1', 'GET']] as const) {
      const r = await raw(`${req}\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
      assert.equal(statusOf(r.text), 405, `${req}: ${r.text}`);
      assert.equal(codeOf(r.text), 'E_METHOD_NOT_ALLOWED');
      assert.match(r.text, new RegExp(`\r\nallow: ${allow}\r\n`, 'i'));
    }

    const long = await raw(`GET /api/products?q=${'a'.repeat(9000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    assert.equal(statusOf(long.text), 414, long.text.slice(0, 200));
    assert.equal(codeOf(long.text), 'E_URL_TOO_LONG');

    const bare = await fetch(`${engine.url}/api`);
    assert.equal(bare.status, 404);
    assert.match(bare.headers.get('content-type') ?? '', /application\/json/);
    assert.equal(((await bare.json()) as { error: { code: string } }).error.code, 'E_NOT_FOUND');
    for (const path of ['/api/categories', '/api/nothing', '/health']) {
      assert.equal((await fetch(`${engine.url}${path}`)).headers.get('x-content-type-options'), 'nosniff', path);
    }
  });

  it('http - a 100 MB body is refused with 413 and the connection closed, not read to its end', async () => {
    const { token } = await Shopper.session(engine.url);
    for (const auth of [`authorization: Bearer ${token}\r\n`, '']) {
      const t0 = Date.now();
      const r = await raw(`POST /api/events HTTP/1.1\r\nHost: x\r\n${auth}content-type: application/json\r\nContent-Length: 100000000\r\n\r\n`, Buffer.alloc(64 * 1024, 120));
      assert.equal(statusOf(r.text), auth ? 413 : 401, r.text.slice(0, 200));
      assert.ok(r.closedByServer, `closed by the engine (${auth ? 'too large' : 'no token'})`);
      assert.ok(Date.now() - t0 < 2500);
    }
  });

  it('gateway - /ws refuses a browser page of another origin (403), takes its own origin and clients without one', async () => {
    const { token } = await Shopper.session(engine.url);
    const wsUrl = `${engine.url.replace(/^http/, 'ws')}/ws?token=${encodeURIComponent(token)}`;
    const open = (origin?: string) => new Promise<number>((resolve) => {
      const ws = new WebSocket(wsUrl, origin ? { origin } : {});
      ws.on('open', () => {
        ws.close();
        resolve(101);
      });
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('error', () => resolve(-1));
    });
    assert.equal(await open('https://evil.example'), 403);
    assert.equal(await open(engine.url), 101, 'the page the engine serves');
    assert.equal(await open(), 101, 'a service without Origin');
  });

  it('http - /metrics asks for the API key (x-api-key or a bearer token)', async () => {
    const bare = await fetch(`${engine.url}/metrics`);
    assert.equal(bare.status, 401);
    assert.equal(((await bare.json()) as { error: { code: string } }).error.code, 'E_UNAUTHENTICATED');
    assert.equal((await fetch(`${engine.url}/metrics`, { headers: { 'x-api-key': 'wrong-key-0123456789' } })).status, 401);
    const key = resolveApiKey(engine.config.apiKey, engine.config.dataDir);
    assert.equal((await fetch(`${engine.url}/metrics`, { headers: { 'x-api-key': key } })).status, 200);
    const viaBearer = await fetch(`${engine.url}/metrics`, { headers: { authorization: `Bearer ${key}` } });
    assert.equal(viaBearer.status, 200);
    assert.match(await viaBearer.text(), /^# TYPE shop_ws_connections gauge$/m);
  });

  it('gateway - a socket never receives another user\'s pushes', async () => {
    const a = await Shopper.connect(engine.url);
    const b = await Shopper.connect(engine.url);
    await a.track({ id: 'a-1', kind: 'view', itemId: item });
    await a.waitFor((m) => m.type === 'recs' && m['causedBy'] === 'a-1');
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(b.messages.filter((m) => m.type === 'recs').length, 0);
    a.close();
    b.close();
  });
});
