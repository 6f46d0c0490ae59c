/**
 * kill -9 of the engine in the middle of a burst of checkouts of the last units.
 * Sagas cut short must finish (or be undone) after the restart, from the log alone:
 * no unit sold twice, no unit held forever, one order per idempotency key.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { readLog, referenceStock, spawnEngine, startNats, stockViolations, testEnv, type EngineProcess, type TestNats } from '../kit/index.js';
import { API_KEY, eventually, grpcCheckout, grpcClient, httpCheckout, ordersOf, session, setStock, stockOf, tally, untilDecided, units, type Outcome, type Target } from './stock-kit.js';

const UNITS = 7;
const SHOPPERS = 30;
const KILL_AFTER_ANSWERS = 10;
const SEND_EVERY_MS = 5;

describe('stock - kill -9 during checkouts', () => {
  let nats: TestNats | undefined;
  let engine: EngineProcess | undefined;
  let t: Target | undefined;
  after(async () => {
    t?.grpc.close();
    await engine?.stop();
    await nats?.stop();
  });

  it('stock - after kill -9 mid-burst and a restart, retried keys settle: no unit sold twice or held forever, one order per key', async (ctx) => {
    nats = await startNats();
    const env = testEnv(nats.url, { API_KEY });
    engine = await spawnEngine(env);
    t = { url: engine.url, grpc: grpcClient(engine.grpcPort) };
    const listed = (await (await fetch(`${t.url}/api/products?limit=1&page=3`)).json()) as { items: Array<{ itemId: string }> };
    const itemId = listed.items[0]!.itemId;
    await setStock(t, itemId, UNITS);
    const shoppers = await Promise.all(Array.from({ length: SHOPPERS }, () => session(t!.url)));
    const line = [{ itemId, qty: 1 }];
    // Reads `t` at call time: after the restart the same attempt goes to the new engine.
    const attempt = (i: number) => i % 2 === 0
      ? httpCheckout(t!.url, shoppers[i]!.token, line, `k9-${i}`, i % 4 === 0 ? 'header' : 'body')
      : grpcCheckout(t!.grpc, shoppers[i]!.userId, line, `k9-${i}`);

    // Open loop: one checkout every SEND_EVERY_MS; kill -9 once KILL_AFTER_ANSWERS are answered.
    const history: Outcome[][] = shoppers.map(() => []);
    let answered = 0;
    let onTenth!: () => void;
    const tenth = new Promise<void>((r) => (onTenth = r));
    const first: Array<Promise<void>> = [];
    const sender = (async () => {
      for (let i = 0; i < SHOPPERS; i++) {
        first.push(attempt(i).then((o) => {
          history[i]!.push(o);
          if (o.status !== 'unknown' && ++answered === KILL_AFTER_ANSWERS) onTenth();
        }));
        await new Promise((r) => setTimeout(r, SEND_EVERY_MS));
      }
    })();
    await Promise.race([tenth, sender.then(() => Promise.all(first))]);
    await engine.kill9();
    await sender;
    await Promise.all(first);
    const lost = history.filter((h) => h[0]!.status === 'unknown').length;
    ctx.diagnostic(`before the kill: ${tally(history.map((h) => h[0]!))}`);
    assert.ok(lost > 0, 'some answers were lost to the kill');

    t.grpc.close();
    engine = await spawnEngine(env);
    t = { url: engine.url, grpc: grpcClient(engine.grpcPort) };
    // Every checkout without an answer, again with its key, until it has one.
    await Promise.all(history.map(async (h, i) => {
      if (h[0]!.status === 'unknown') h.push(...(await untilDecided(() => attempt(i))));
    }));
    const final = history.map((h) => h.at(-1)!);
    for (const [i, o] of final.entries()) {
      assert.ok(o.status === 'placed' || (o.status === 'error' && o.code === 'E_OUT_OF_STOCK'), `checkout ${i} decided: ${JSON.stringify(history[i])}`);
    }
    // A decided key keeps its outcome across the restart.
    for (const [i, o] of final.entries()) {
      const again = await attempt(i);
      if (o.status === 'placed') assert.equal(again.status === 'placed' ? again.orderId : JSON.stringify(again), o.orderId, `key k9-${i} again: the same order`);
      else assert.equal(again.status === 'error' ? again.code : JSON.stringify(again), 'E_OUT_OF_STOCK', `key k9-${i} again: still refused`);
    }
    for (const [i, h] of history.entries()) {
      const ids = new Set(h.flatMap((o) => (o.status === 'placed' ? [o.orderId] : [])));
      assert.ok(ids.size <= 1, `key k9-${i} answered ${ids.size} different orders`);
    }
    const placedUnits = final.reduce((n, o) => n + (o.status === 'placed' ? units(o.lines, itemId) : 0), 0);
    ctx.diagnostic(`final: ${tally(final)}`);
    assert.ok(placedUnits <= UNITS, `no unit sold twice: ${placedUnits} placed of ${UNITS}`);

    // Profiles: each key's order and nothing else (an attempt lost in the kill left no second order).
    const orders = await Promise.all(shoppers.map((s, i) =>
      eventually(() => ordersOf(t!.url, s.token), (os) => os.length === (final[i]!.status === 'placed' ? 1 : 0), `orders of shopper ${i}`)));
    for (const [i, o] of final.entries()) {
      assert.deepEqual(orders[i]!.map((x) => x.orderId), o.status === 'placed' ? [o.orderId] : [], `orders of shopper ${i} (key k9-${i})`);
    }
    const orderedUnits = orders.flat().reduce((n, o) => n + units(o.lines, itemId), 0);
    assert.equal(orderedUnits, placedUnits);
    // No hold outlives the crash: what is not in a placed order is on sale again.
    const stock = await eventually(() => stockOf(t!.url, itemId), (n) => n === UNITS - orderedUnits, 'stock = 7 - units in placed orders', 20_000);
    assert.equal(stock, UNITS - orderedUnits, 'product stock = 7 - units in placed orders');

    const fold = referenceStock(await readLog(nats.url));
    assert.equal(fold.items.get(itemId)?.purchased ?? 0, orderedUnits, 'units in purchase events = units in placed orders');
    assert.equal(UNITS - (fold.items.get(itemId)?.purchased ?? 0), stock, 'placed units = 7 - final stock');
    assert.deepEqual(stockViolations(fold, new Map([[itemId, UNITS]])), [], 'every placed unit was granted; nothing granted beyond stock');
  });
});
