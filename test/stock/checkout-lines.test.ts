/**
 * What one checkout asks for: two lines of one item are one demand, a retried key
 * places one order, and malformed requests are refused before anything is reserved.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as grpc from '@grpc/grpc-js';
import type { Engine } from '../../engine/index.js';
import { startNats, startTestEngine, testEnv, type TestNats } from '../kit/index.js';
import { API_KEY, eventually, grpcCheckout, grpcClient, httpCheckout, ordersOf, postCheckout, session, setStock, stockOf, units, withKey, type Outcome, type Target } from './stock-kit.js';

const placedId = (o: Outcome): string => {
  assert.equal(o.status, 'placed', `placed: ${JSON.stringify(o)}`);
  return o.status === 'placed' ? o.orderId : '';
};

describe('stock - what a checkout asks for', () => {
  let nats: TestNats;
  let engine: Engine;
  let t: Target;
  let items: string[];

  before(async () => {
    nats = await startNats();
    engine = await startTestEngine(testEnv(nats.url, { API_KEY }));
    t = { url: engine.url, grpc: grpcClient(engine.grpcPort) };
    items = [...engine.services.catalog.values()].slice(10, 16).map((p) => p.itemId);
    for (const id of items) await setStock(t, id, 10);
  });
  after(async () => {
    t?.grpc.close();
    await engine?.stop();
    await nats?.stop();
  });

  it('stock - two lines of 10 of an item with 10 units are one demand of 20: E_OUT_OF_STOCK, nothing taken', async () => {
    const x = items[0]!;
    const s = await session(t.url);
    const http = await httpCheckout(t.url, s.token, [{ itemId: x, qty: 10 }, { itemId: x, qty: 10 }]);
    assert.deepEqual(http.status === 'error' ? [http.http, http.code, http.field] : http, [409, 'E_OUT_OF_STOCK', x]);
    const viaGrpc = await grpcCheckout(t.grpc, s.userId, [{ itemId: x, qty: 6 }, { itemId: x, qty: 6 }]);
    assert.deepEqual(viaGrpc.status === 'error' ? [viaGrpc.code, viaGrpc.field] : viaGrpc, ['E_OUT_OF_STOCK', x]);
    assert.equal(await stockOf(t.url, x), 10, 'stock still 10');
    assert.deepEqual(await ordersOf(t.url, s.token), []);
  });

  it('stock - two lines of 5 of an item with 10 units place one order of 10 units and sell out', async () => {
    const y = items[1]!;
    const s = await session(t.url);
    const o = await httpCheckout(t.url, s.token, [{ itemId: y, qty: 5 }, { itemId: y, qty: 5 }]);
    const orderId = placedId(o);
    if (o.status === 'placed') assert.equal(units(o.lines, y), 10);
    assert.equal(await eventually(() => stockOf(t.url, y), (n) => n === 0, 'sold out'), 0);
    const orders = await eventually(() => ordersOf(t.url, s.token), (os) => os.length === 1, 'one order');
    assert.deepEqual(orders.map((x) => [x.orderId, units(x.lines, y)]), [[orderId, 10]]);
  });

  it('stock - the same idempotency key twice (header, body, gRPC, and two at once) answers the same order and takes the stock once', async () => {
    const z = items[2]!;
    const [a, b, c, d] = await Promise.all([session(t.url), session(t.url), session(t.url), session(t.url)]);
    const line = [{ itemId: z, qty: 1 }];

    const header1 = placedId(await httpCheckout(t.url, a!.token, line, 'key-header', 'header'));
    const header2 = placedId(await httpCheckout(t.url, a!.token, line, 'key-header', 'header'));
    assert.equal(header2, header1, 'Idempotency-Key header: same order');

    const body1 = placedId(await httpCheckout(t.url, b!.token, line, 'key-body'));
    const body2 = placedId(await httpCheckout(t.url, b!.token, line, 'key-body'));
    assert.equal(body2, body1, 'idempotencyKey in the body: same order');

    const grpc1 = placedId(await grpcCheckout(t.grpc, c!.userId, line, 'key-grpc'));
    const grpc2 = placedId(await grpcCheckout(t.grpc, c!.userId, line, 'key-grpc'));
    assert.equal(grpc2, grpc1, 'gRPC idempotency_key: same order');

    const both = await Promise.all([httpCheckout(t.url, d!.token, line, 'key-race'), httpCheckout(t.url, d!.token, line, 'key-race', 'header')]);
    assert.equal(placedId(both[1]!), placedId(both[0]!), 'two at once with one key: same order');

    assert.equal(await eventually(() => stockOf(t.url, z), (n) => n === 6, 'four units taken'), 6, 'four keys, four units taken');
    for (const [s, id] of [[a!, header1], [b!, body1], [c!, grpc1], [d!, placedId(both[0]!)]] as const) {
      const orders = await eventually(() => ordersOf(t.url, s.token), (os) => os.length === 1, 'one order');
      assert.deepEqual(orders.map((o) => o.orderId), [id], `one order for ${s.userId}`);
    }
  });

  it('stock - bad checkout input is a 400 naming the field, and reserves nothing', async () => {
    const w = items[3]!;
    const other = items[4]!;
    const s = await session(t.url);
    const ok = [{ itemId: w, qty: 1 }];
    const cases: Array<[string, unknown, Record<string, string>, RegExp]> = [
      ['empty lines', { lines: [] }, {}, /^lines$/],
      ['qty 0', { lines: [{ itemId: w, qty: 0 }] }, {}, /^lines\[0\]\.qty$/],
      ['qty 1000', { lines: [{ itemId: w, qty: 1000 }] }, {}, /^lines\[0\]\.qty$/],
      ['unknown item', { lines: [{ itemId: other, qty: 1 }, { itemId: 'no-such-item', qty: 1 }] }, {}, /^lines\[1\]\.itemId$/],
      ['non-string key', { lines: ok, idempotencyKey: 42 }, {}, /^idempotencyKey$/],
      ['key of 129 characters', { lines: ok, idempotencyKey: 'k'.repeat(129) }, {}, /^idempotencyKey$/],
      ['header key of 129 characters', { lines: ok }, { 'idempotency-key': 'k'.repeat(129) }, /idempotency.?key/i],
    ];
    for (const [what, body, headers, field] of cases) {
      const r = await postCheckout(t.url, s.token, body, headers);
      const e = r.json['error'] as { code?: string; field?: string } | undefined;
      // An item the catalog does not have is E_UNKNOWN_ITEM (404, docs/errors.md), still naming the line.
      const want = what === 'unknown item' ? 404 : 400;
      assert.equal(r.status, want, `${what}: ${want} (got ${r.status} ${JSON.stringify(r.json)})`);
      assert.match(e?.code ?? '', /^E_[A-Z_]+$/, `${what}: a typed error code`);
      assert.match(e?.field ?? '', field, `${what}: names the field`);
    }

    const g = async (lines: Array<{ itemId: string; qty: number }>, key: string) => {
      const o = await grpcCheckout(t.grpc, s.userId, lines, key);
      return o.status === 'error' ? o : assert.fail(`gRPC: refused, got ${JSON.stringify(o)}`);
    };
    const long = await g(ok, 'k'.repeat(129));
    assert.equal(long.field, 'idempotency_key', 'gRPC names the field as in the .proto');
    const zero = await g([{ itemId: w, qty: 0 }], 'key-zero');
    assert.match(zero.field ?? '', /^lines\[0\]\.qty$/);
    const raw = await new Promise<grpc.ServiceError | undefined>((resolve) =>
      t.grpc.Checkout({ userId: s.userId, lines: [{ itemId: w, qty: 0 }] }, withKey(), (err) => resolve(err ?? undefined)));
    assert.equal(raw?.code, grpc.status.INVALID_ARGUMENT, 'gRPC INVALID_ARGUMENT');

    assert.equal(await stockOf(t.url, w), 10, 'nothing reserved');
    assert.equal(await stockOf(t.url, other), 10, 'the valid line of a refused request reserved nothing either');
    assert.deepEqual(await ordersOf(t.url, s.token), []);
  });
});
