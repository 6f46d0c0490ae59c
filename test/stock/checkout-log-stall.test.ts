/**
 * The log stops answering (nats-server SIGSTOPped) while shoppers check out three
 * lines at a time. Checkouts in flight cannot be decided in time; clients retry
 * them with the same key. An order is placed whole or not at all, and once.
 */
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import type { Engine } from '../../engine/index.js';
import { readLog, referenceStock, startNats, startTestEngine, stockViolations, testEnv, type TestNats } from '../kit/index.js';
import { API_KEY, eventually, grpcCheckout, grpcClient, httpCheckout, ordersOf, session, setStock, stockOf, tally, untilDecided, units, type Line, type Outcome, type Target } from './stock-kit.js';

const STOCK = 5000;
const SHOPPERS = 20;
/** Stays under the profile's 100 most recent orders, and well inside STOCK. */
const MAX_CHECKOUTS_PER_SHOPPER = 60;
const STALL_MS = 6000;
/** Checkouts every shopper has decided before the stall, and again after it, before they stop. */
const PROGRESS = 3;

interface Tried {
  key: string;
  lines: Line[];
  outcomes: Outcome[];
}

describe('stock - the log stalls during checkouts', () => {
  let nats: TestNats;
  let engine: Engine;
  let t: Target;

  before(async () => {
    nats = await startNats();
    engine = await startTestEngine(testEnv(nats.url, { API_KEY }));
    t = { url: engine.url, grpc: grpcClient(engine.grpcPort) };
  });
  after(async () => {
    if (nats) process.kill(nats.pid, 'SIGCONT');
    t?.grpc.close();
    await engine?.stop();
    await nats?.stop();
  });

  it('stock - a 6 s log stall mid-run leaves no partial order and no second order per key; stock = initial - units ordered', async (ctx) => {
    const items = [...engine.services.catalog.values()].slice(30, 33).map((p) => p.itemId);
    for (const id of items) await setStock(t, id, STOCK);
    const shoppers = await Promise.all(Array.from({ length: SHOPPERS }, () => session(t.url)));
    const tried: Tried[][] = shoppers.map(() => []);
    let stopped = false;

    const loops = shoppers.map(async (s, i) => {
      for (let n = 0; !stopped && n < MAX_CHECKOUTS_PER_SHOPPER; n++) {
        const key = `stall-${i}-${n}`;
        const lines = items.map((itemId, j) => ({ itemId, qty: 1 + ((n + j) % 2) }));
        const attempt = i % 2 === 1
          ? () => grpcCheckout(t.grpc, s.userId, lines, key)
          : () => httpCheckout(t.url, s.token, lines, key, i % 4 === 0 ? 'header' : 'body');
        const outcomes = await untilDecided(attempt);
        tried[i]!.push({ key, lines, outcomes });
      }
    });
    /** Waits until every shopper has decided `more` checkouts beyond `base`. */
    const progress = async (base: number[], more: number) => {
      const end = Date.now() + 60_000;
      while (tried.some((x, i) => x.length < base[i]! + more) && Date.now() < end) await sleep(20);
    };

    await progress(tried.map(() => 0), PROGRESS);
    process.kill(nats.pid, 'SIGSTOP');
    const atStall = tried.map((x) => x.length);
    await sleep(STALL_MS); // the stall itself: nothing to poll for
    process.kill(nats.pid, 'SIGCONT');
    await progress(atStall, PROGRESS);
    stopped = true;
    await Promise.all(loops);

    const all = tried.flat();
    const attempts = all.flatMap((x) => x.outcomes);
    ctx.diagnostic(`${all.length} checkouts, ${attempts.length} attempts: ${tally(attempts)}`);
    for (const [i, x] of tried.entries()) assert.ok(x.length >= atStall[i]! + PROGRESS, `shopper ${i} checks out again after the stall`);
    for (const x of all) {
      const last = x.outcomes.at(-1)!;
      assert.equal(last.status, 'placed', `key ${x.key} placed (ample stock): ${JSON.stringify(x.outcomes)}`);
      const ids = new Set(x.outcomes.flatMap((o) => (o.status === 'placed' ? [o.orderId] : [])));
      assert.equal(ids.size, 1, `key ${x.key}: one order across its attempts`);
      if (last.status === 'placed') {
        for (const l of x.lines) assert.equal(units(last.lines, l.itemId), l.qty, `key ${x.key}: the answer has ${l.qty} of ${l.itemId}`);
      }
    }

    // Each shopper has exactly the orders it was answered, each with all three lines.
    const orders = await Promise.all(shoppers.map((s, i) =>
      eventually(() => ordersOf(t.url, s.token), (os) => os.length === tried[i]!.length, `orders of shopper ${i}`)));
    for (const [i, list] of orders.entries()) {
      const want = new Map(tried[i]!.map((x) => [x.outcomes.at(-1)!.status === 'placed' ? (x.outcomes.at(-1) as { orderId: string }).orderId : x.key, x]));
      assert.deepEqual(list.map((o) => o.orderId).sort(), [...want.keys()].sort(), `orders of shopper ${i} are the answered ones, no more`);
      for (const o of list) {
        const x = want.get(o.orderId)!;
        assert.deepEqual(items.map((id) => units(o.lines, id)), x.lines.map((l) => l.qty), `order ${o.orderId} (key ${x.key}) has all three lines`);
      }
    }

    const ordered = items.map((id) => orders.flat().reduce((n, o) => n + units(o.lines, id), 0));
    for (const [j, id] of items.entries()) {
      const want = STOCK - ordered[j]!;
      assert.equal(await eventually(() => stockOf(t.url, id), (n) => n === want, `stock of ${id}`, 20_000), want, `stock of ${id} = ${STOCK} - units ordered`);
    }

    const fold = referenceStock(await readLog(nats.url));
    assert.deepEqual(items.map((id) => fold.items.get(id)?.purchased ?? 0), ordered, 'purchase events in the log = units ordered');
    for (const o of fold.orders.values()) {
      assert.deepEqual(items.map((id) => o.lines.some((l) => l.itemId === id)), [true, true, true], `order ${o.orderId} in the log has all three lines`);
    }
    assert.deepEqual(stockViolations(fold, new Map(items.map((id) => [id, STOCK]))), []);
  });
});
