/**
 * The last units of an item, bought by many shoppers at once over both front doors:
 * the item's owner decides in log order, so exactly the units on hand are sold.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Engine } from '../../engine/index.js';
import { readLog, referenceStock, startNats, startTestEngine, stockViolations, testEnv, type TestNats } from '../kit/index.js';
import { API_KEY, eventually, grpcCheckout, grpcClient, httpCheckout, ordersOf, session, setStock, stockOf, tally, units, type Outcome, type Target } from './stock-kit.js';

const UNITS = 7;
const SHOPPERS = 30;

describe('stock - concurrent checkouts of the last units', () => {
  let nats: TestNats;
  let engine: Engine;
  let t: Target;

  before(async () => {
    nats = await startNats();
    engine = await startTestEngine(testEnv(nats.url, { API_KEY }));
    t = { url: engine.url, grpc: grpcClient(engine.grpcPort) };
  });
  after(async () => {
    t?.grpc.close();
    await engine?.stop();
    await nats?.stop();
  });

  it('stock - 30 concurrent checkouts of 7 units (15 HTTP, 15 gRPC) sell exactly 7; the rest get E_OUT_OF_STOCK', async () => {
    const itemId = [...engine.services.catalog.values()][0]!.itemId;
    await setStock(t, itemId, UNITS);
    const shoppers = await Promise.all(Array.from({ length: SHOPPERS }, () => session(t.url)));

    // Interleaved, all in flight together: even shoppers over HTTP, odd over gRPC.
    const outcomes: Outcome[] = await Promise.all(shoppers.map((s, i) =>
      i % 2 === 0 ? httpCheckout(t.url, s.token, [{ itemId, qty: 1 }]) : grpcCheckout(t.grpc, s.userId, [{ itemId, qty: 1 }])));

    const placed = outcomes.filter((o) => o.status === 'placed');
    const outOfStock = outcomes.filter((o) => o.status === 'error' && o.code === 'E_OUT_OF_STOCK');
    assert.equal(placed.length, UNITS, `placed ${UNITS}; outcomes: ${tally(outcomes)}`);
    assert.equal(outOfStock.length, SHOPPERS - UNITS, `the rest refused; outcomes: ${tally(outcomes)}`);
    for (const [i, o] of outcomes.entries()) {
      if (o.status === 'error') {
        assert.equal(o.field, itemId, 'E_OUT_OF_STOCK names the item');
        if (i % 2 === 0) assert.equal(o.http, 409);
      }
      if (o.status === 'placed') {
        assert.deepEqual(o.lines.map((l) => [l.itemId, l.qty]), [[itemId, 1]]);
        assert.ok(o.seq > 0 && o.orderId.length > 0);
      }
    }

    assert.equal(await eventually(() => stockOf(t.url, itemId), (n) => n === 0, 'sold out'), 0, '/api/products shows 0 left');

    // Every shopper's own view: the placed ones have exactly their order, the others none.
    const orders = await Promise.all(shoppers.map((s, i) =>
      eventually(() => ordersOf(t.url, s.token), (os) => os.length === (outcomes[i]!.status === 'placed' ? 1 : 0), `orders of shopper ${i}`)));
    assert.equal(orders.flat().reduce((n, o) => n + units(o.lines, itemId), 0), UNITS, 'units in all 30 profiles\' orders');
    for (const [i, o] of outcomes.entries()) {
      assert.deepEqual(orders[i]!.map((x) => x.orderId), o.status === 'placed' ? [o.orderId] : [], `orders of shopper ${i}`);
    }

    // The log, read independently, agrees.
    const log = await readLog(nats.url);
    const fold = referenceStock(log);
    assert.equal(fold.items.get(itemId)?.purchased ?? 0, UNITS, 'purchased units in the log');
    assert.deepEqual(stockViolations(fold, new Map([[itemId, UNITS]])), []);
    const bySeq = new Map(log.map((l) => [l.seq, l.event]));
    for (const o of placed) {
      if (o.status !== 'placed') continue;
      const order = fold.orders.get(o.orderId);
      assert.ok(order, `order ${o.orderId} is in the log`);
      const placing = bySeq.get(o.seq);
      assert.ok(placing && (placing.orderId === o.orderId || (order.checkoutId !== undefined && placing.checkoutId === order.checkoutId)),
        `seq ${o.seq} of order ${o.orderId} is an event of that order (got ${JSON.stringify(placing)})`);
    }
  });
});
