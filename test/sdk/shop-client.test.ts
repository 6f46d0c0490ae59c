/**
 * The SDK against a real engine: ShopClient (HTTP + live WebSocket), the examples
 * (curl.sh, typescript-http.ts), and the browser entry bundled for the browser.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import WebSocket from 'ws';
import type { Engine } from '../../engine/index.js';
import type { OrderResult as EngineOrderResult } from '../../engine/services/index.js';
import type { Profile as EngineProfile } from '../../actors/user/index.js';
import { main as httpExample } from '../../examples/typescript-http.js';
import { ShopApiError, ShopClient, ShopConnectionError, type OrderPush, type OrderResult, type Profile, type RecsPush, type Session, type WebSocketLike } from '../../sdk/src/index.js';
import { startNats, startTestEngine, testEnv, type TestNats } from '../kit/index.js';

// Compile-time: the SDK's resource types are the engine's.
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const sameProfile: Equal<Profile, EngineProfile> = true;
const sameOrder: Equal<OrderResult, EngineOrderResult> = true;

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The ws package's WebSocket (Node 20 has no global one), remembered so a test can cut it. */
const webSocket = (url: string, opened: WebSocket[] = []) => {
  const ws = new WebSocket(url);
  opened.push(ws);
  return ws as unknown as WebSocketLike;
};

describe('sdk - ShopClient against a real engine', () => {
  let nats: TestNats;
  let engine: Engine;
  let items: Array<{ itemId: string; stock: number }>;

  before(async () => {
    nats = await startNats();
    engine = await startTestEngine(testEnv(nats.url));
    items = [...engine.services.catalog.values()].filter((p) => p.stock > 3 && p.stock < 900).slice(0, 4).map((p) => ({ itemId: p.itemId, stock: p.stock }));
  });
  after(async () => {
    await engine?.stop();
    await nats?.stop();
  });

  it('sdk - types: Profile and OrderResult are the engine\'s', () => assert.deepEqual([sameProfile, sameOrder], [true, true]));

  it('sdk - session, catalog, events, recommendations, profile, cart, checkout with an idempotency key, typed errors', async () => {
    const sessions: Session[] = [];
    const shop = new ShopClient({ baseUrl: engine.url, onSession: (s) => sessions.push(s) });
    const [a, b] = [items[0]!, items[1]!];
    const page = await shop.listProducts({ limit: 3, sort: 'price_desc' });
    assert.equal(page.items.length, 3);
    assert.ok(page.items[0]!.price >= page.items[1]!.price);
    assert.deepEqual((await shop.lookupProducts([a.itemId, 'nope'])).map((p) => p.itemId), [a.itemId]);
    assert.equal((await shop.getProduct(a.itemId)).itemId, a.itemId);
    assert.ok((await shop.categories()).length > 0);
    assert.ok((await shop.recommendations({ anonymous: true, k: 3 })).items.length > 0);
    const aName = (await shop.getProduct(a.itemId)).name;
    const found = await shop.search({ q: aName, limit: 100 }, { anonymous: true });
    assert.ok(found.items.some((i) => i.itemId === a.itemId) && found.personalised === false);
    assert.ok((await shop.suggest(aName.split(' ').find((w) => w.length >= 4)!.slice(0, 4))).products.length > 0, 'a word being typed is completed');
    await assert.rejects(shop.search({ q: 'x', page: 0 }, { anonymous: true }), (e: unknown) => e instanceof ShopApiError && e.code === 'E_BAD_REQUEST' && e.field === 'page');

    const ack = await shop.track({ kind: 'view', itemId: a.itemId });
    assert.equal(sessions.length, 1, 'the first shopper call made a session');
    assert.ok(ack.seq > 0);
    const again = await shop.track({ id: ack.id, kind: 'view', itemId: a.itemId });
    assert.deepEqual([again.seq, again.duplicate], [ack.seq, true]);
    await shop.track({ kind: 'cart_add', itemId: b.itemId, qty: 2 });
    assert.deepEqual((await shop.cart()).lines.map((l) => [l.itemId, l.qty, l.product?.itemId]), [[b.itemId, 2, b.itemId]]);
    assert.deepEqual((await shop.profile()).recent, [a.itemId]);
    assert.ok((await shop.recommendations({ k: 4, itemId: a.itemId })).items.length > 0);

    const order = await shop.checkout({ idempotencyKey: 'sdk-order-1' });
    const retry = await shop.checkout({ idempotencyKey: 'sdk-order-1' });
    assert.equal(retry.orderId, order.orderId, 'a retry with the key reports the one order');
    assert.equal((await shop.orders()).length, 1);

    await assert.rejects(shop.checkout({ lines: [{ itemId: a.itemId, qty: a.stock + 1 }] }), (e: unknown) =>
      e instanceof ShopApiError && e.code === 'E_OUT_OF_STOCK' && e.status === 409 && e.field === a.itemId);
    await assert.rejects(shop.getProduct('no-such-item'), (e: unknown) => e instanceof ShopApiError && e.code === 'E_UNKNOWN_ITEM' && e.status === 404);
    await assert.rejects(shop.track({ kind: 'view', itemId: a.itemId, qty: 0 }), (e: unknown) => e instanceof ShopApiError && e.code === 'E_BAD_EVENT' && e.field === 'qty');
    await assert.rejects(new ShopClient({ baseUrl: 'http://127.0.0.1:1' }).categories(), ShopConnectionError);
    assert.throws(() => new ShopClient({ baseUrl: 'localhost:8080' }), TypeError);
  });

  it('sdk - a refused token is renewed once (a new session), and not without autoRenew', async () => {
    const stale: Session = { userId: 'u-stale00000', token: 'v1.u-stale00000.9999999999.bad', expiresAt: Date.now() + 3_600_000 };
    const renewed: Session[] = [];
    const shop = new ShopClient({ baseUrl: engine.url, session: stale, onSession: (s) => renewed.push(s) });
    assert.equal((await shop.profile()).userId, renewed[0]?.userId);
    const strict = new ShopClient({ baseUrl: engine.url, session: stale, autoRenew: false });
    await assert.rejects(strict.profile(), (e: unknown) => e instanceof ShopApiError && e.code === 'E_BAD_TOKEN' && e.status === 401);
  });

  it('sdk - live connection: hello, acked events, typed recs and order pushes, reconnect with backoff after the socket drops', async () => {
    const opened: WebSocket[] = [];
    const shop = new ShopClient({ baseUrl: engine.url, webSocket: (url) => webSocket(url, opened) });
    const recs: RecsPush[] = [];
    const orders: OrderPush[] = [];
    const states: string[] = [];
    const live = shop.connect({ onRecs: (r) => recs.push(r), onOrder: (o) => orders.push(o), onState: (s) => states.push(s), minBackoffMs: 50 });
    await live.opened();
    const c = items[2]!;
    const ack = await live.track({ kind: 'cart_add', itemId: c.itemId });
    await waitUntil(() => recs.some((r) => r.causedBy === ack.id));
    assert.equal(recs.find((r) => r.causedBy === ack.id)!.seq, ack.seq);
    await assert.rejects(live.track({ kind: 'view', itemId: 'no-such-item' }), (e: unknown) => e instanceof ShopApiError && e.code === 'E_UNKNOWN_ITEM' && e.status === undefined);
    const order = await shop.checkout();
    await waitUntil(() => orders.some((o) => o.orderId === order.orderId && o.status === 'placed'));

    // The connection is lost (no close handshake): the client reconnects by itself.
    opened[0]!.terminate();
    await waitUntil(() => states.filter((s) => s === 'open').length >= 2, 10_000);
    assert.deepEqual(states.slice(0, 4), ['open', 'waiting', 'connecting', 'open']);
    assert.ok((await live.track({ kind: 'view', itemId: c.itemId })).seq > ack.seq);
    live.close();
    assert.equal(live.state, 'closed');
  });

  it('sdk - examples/curl.sh and examples/typescript-http.ts run against the engine', async () => {
    const { stdout } = await run('bash', [`${ROOT}examples/curl.sh`], { env: { ...process.env, SHOP_URL: engine.url }, timeout: 60_000 });
    assert.match(stdout, /"type":"ack"/);
    assert.match(stdout, /"orderId"/);
    assert.match(stdout, /E_UNKNOWN_ITEM/);
    assert.match(stdout, /\nok\n$/);
    const log = console.log;
    const lines: string[] = [];
    console.log = (...a: unknown[]) => void lines.push(a.join(' '));
    try {
      assert.match(await httpExample(engine.url), /\S/);
    } finally {
      console.log = log;
    }
    assert.ok(lines.some((l) => l.startsWith('typed error: E_UNKNOWN_ITEM (HTTP 404)')), lines.join('\n'));
  });

  it('sdk - the browser entry bundles for the browser with no Node built-ins', async () => {
    const r = await build({ entryPoints: [`${ROOT}sdk/src/index.ts`], bundle: true, platform: 'browser', format: 'esm', write: false, logLevel: 'silent' });
    const js = r.outputFiles[0]!.text;
    assert.ok(js.includes('ShopClient') && js.includes('/api/checkout'), 'bundled');
    assert.doesNotMatch(js, /from ["']node:|require\(["']/);
  });
});

async function waitUntil(pred: () => boolean, timeoutMs = 5000): Promise<void> {
  const t0 = Date.now();
  while (!pred()) {
    if (Date.now() - t0 > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
