/**
 * Budgets and single use under concurrency, across kill -9: 50 shoppers trigger a rule
 * whose budget is 10 coupons (exactly 10 issued), then 20 concurrent checkouts with one
 * code (exactly one order discounted). The engine is killed in the middle of each burst
 * and restarted; the counts are checked against an independent fold of the log.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { readLog, referencePromos, spawnEngine, startNats, testEnv, type EngineProcess, type TestNats } from '../kit/index.js';
import { API_KEY, eventually, session } from '../stock/stock-kit.js';

const SHOPPERS = 50;
const BUDGET = 10;
const CHECKOUTS = 20;
const RULE = {
  id: 'burst_ten', title: 'Ten for the fastest', codePrefix: 'FAST', priority: 900, stackingGroup: 'burst',
  trigger: { type: 'event', kinds: ['search'] }, conditions: [{ metric: 'searches', op: 'gte', value: 1 }],
  reward: { type: 'amount', amount: 7 }, perUser: 1, budget: { count: { total: BUDGET } }, couponValidMs: 86_400_000,
};

type Answer = { ok: true; body: Record<string, unknown> } | { ok: false; status: number; code: string };

async function post(url: string, path: string, token: string, body: unknown): Promise<Answer | undefined> {
  try {
    const r = await fetch(`${url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(15_000) });
    const json = (await r.json()) as Record<string, unknown>;
    if (r.status === 200) return { ok: true, body: json };
    const code = (json['error'] as { code: string }).code;
    // Not decided (the engine stopped answering, a shard recovering): unknown, retry.
    if (r.status === 503 || r.status === 504) return undefined;
    return { ok: false, status: r.status, code };
  } catch {
    return undefined; // the connection died with the engine
  }
}

async function coupons(url: string, token: string): Promise<Array<{ code: string; rule: string; status: string }>> {
  const r = await fetch(`${url}/api/coupons`, { headers: { authorization: `Bearer ${token}` } });
  if (r.status !== 200) throw new Error(`GET /api/coupons: ${r.status}`);
  return ((await r.json()) as { coupons: Array<{ code: string; rule: string; status: string }> }).coupons;
}

describe('promotions - budget and single use across kill -9', () => {
  let nats: TestNats | undefined;
  let engine: EngineProcess | undefined;
  after(async () => {
    await engine?.stop();
    await nats?.stop();
  });

  it('promotions - 50 shoppers vs a budget of 10: exactly 10 coupons; 20 concurrent checkouts with one code: one discounted order; kill -9 in each burst', async (ctx) => {
    nats = await startNats();
    const env = testEnv(nats.url, { API_KEY });
    engine = await spawnEngine(env);
    const created = await fetch(`${engine.url}/api/admin/promotions`, { method: 'POST', headers: { 'x-api-key': API_KEY, 'content-type': 'application/json' }, body: JSON.stringify(RULE) });
    assert.equal(created.status, 200, await created.clone().text());
    const shoppers = await Promise.all(Array.from({ length: SHOPPERS }, () => session(engine!.url)));

    // Burst 1: every shopper searches at once; kill -9 after the first 3 acks (decisions still in flight).
    const acked = new Array<boolean>(SHOPPERS).fill(false);
    let acks = 0;
    let killNow!: () => void;
    const third = new Promise<void>((r) => (killNow = r));
    const search = (i: number) => post(engine!.url, '/api/events', shoppers[i]!.token, { id: `s-${i}`, kind: 'search', query: 'anything' }).then((a) => {
      if (a?.ok) {
        acked[i] = true;
        if (++acks === 3) killNow();
      }
    });
    const burst = Promise.all(shoppers.map((_, i) => search(i)));
    await Promise.race([third, burst]);
    await engine.kill9();
    await burst;
    ctx.diagnostic(`searches acked before the kill: ${acked.filter(Boolean).length}`);
    engine = await spawnEngine(env);
    // The same event ids again: stored once; the others now.
    for (let round = 0; acked.some((a) => !a) && round < 20; round++) await Promise.all(shoppers.map((_, i) => (acked[i] ? undefined : search(i))));
    assert.ok(acked.every(Boolean), 'every search stored');

    const issued = await eventually(async () => {
      const all = await Promise.all(shoppers.map((s) => coupons(engine!.url, s.token)));
      return all.map((list) => list.filter((c) => c.rule === RULE.id));
    }, (per) => per.flat().length >= BUDGET, `${BUDGET} coupons issued`, 30_000);
    // Let any late decision land, then count again: never more than the budget.
    await new Promise((r) => setTimeout(r, 1500));
    const settled = await Promise.all(shoppers.map(async (s) => (await coupons(engine!.url, s.token)).filter((c) => c.rule === RULE.id)));
    assert.equal(settled.flat().length, BUDGET, 'exactly the budget was issued');
    assert.ok(settled.every((l) => l.length <= 1), 'nobody got two for one trigger');
    assert.equal(issued.flat().length, BUDGET);

    // Burst 2: one shopper's code, 20 checkouts at once with 20 keys; kill -9 after the first answer.
    const winner = shoppers[settled.findIndex((l) => l.length === 1)]!;
    const code = settled.find((l) => l.length === 1)![0]!.code;
    const item = ((await (await fetch(`${engine.url}/api/products?limit=5&page=2`)).json()) as { items: Array<{ itemId: string; price: number; stock: number }> }).items.find((p) => p.stock >= 30)!;
    const outcomes: Array<Answer | undefined> = new Array(CHECKOUTS).fill(undefined);
    let answers = 0;
    let killAgain!: () => void;
    const first = new Promise<void>((r) => (killAgain = r));
    const checkout = (i: number) => post(engine!.url, '/api/checkout', winner.token, { lines: [{ itemId: item.itemId, qty: 1 }], coupon: code, idempotencyKey: `one-code-${i}` }).then((a) => {
      if (a) {
        outcomes[i] = a;
        if (++answers === 1) killAgain();
      }
    });
    const burst2 = Promise.all(outcomes.map((_, i) => checkout(i)));
    await Promise.race([first, burst2]);
    await engine.kill9();
    await burst2;
    ctx.diagnostic(`checkouts answered before the kill: ${outcomes.filter(Boolean).length}`);
    engine = await spawnEngine(env);
    for (let round = 0; outcomes.some((o) => !o) && round < 20; round++) await Promise.all(outcomes.map((o, i) => (o ? undefined : checkout(i))));
    assert.ok(outcomes.every(Boolean), 'every checkout decided');
    const placed = outcomes.filter((o): o is Extract<Answer, { ok: true }> => !!o?.ok);
    assert.equal(placed.length, 1, `one checkout won the code: ${JSON.stringify(outcomes)}`);
    assert.equal(placed[0]!.body['discount'], 7);
    assert.equal(placed[0]!.body['coupon'], code);
    assert.equal(placed[0]!.body['total'], Math.round((item.price - 7 + (item.price >= 50 ? 0 : 4.99)) * 100) / 100);
    for (const o of outcomes) if (o && !o.ok) assert.deepEqual([o.status, o.code], [409, 'E_COUPON_USED']);
    // A retried key keeps its outcome.
    const again = await post(engine.url, '/api/checkout', winner.token, { lines: [{ itemId: item.itemId, qty: 1 }], coupon: code, idempotencyKey: `one-code-${outcomes.indexOf(placed[0]!)}` });
    assert.ok(again?.ok && again.body['orderId'] === placed[0]!.body['orderId']);
    const used = (await coupons(engine.url, winner.token)).find((c) => c.code === code)!;
    assert.equal(used.status, 'used');

    // The log, read independently.
    const fold = referencePromos(await readLog(nats.url));
    assert.deepEqual(fold.violations, []);
    const r = fold.rules.get(RULE.id)!;
    assert.equal(r.reserves, SHOPPERS, 'one ask per shopper and trigger');
    assert.equal(r.granted.size, BUDGET, 'granted = budget');
    assert.equal(r.refused.size, SHOPPERS - BUDGET);
    assert.equal(r.decisions, SHOPPERS, 'one decision per ask');
    assert.deepEqual([...r.committed], [[code, 7]], 'the code redeemed once, for its reward');
    const c = fold.checkoutsByCode.get(code)!;
    assert.equal(c.asked.size, CHECKOUTS);
    assert.equal(c.placed.size, 1, 'one order placed with the code');
    // The owner's numbers agree.
    const stats = (await (await fetch(`${engine.url}/api/admin/promotions/stats`, { headers: { 'x-api-key': API_KEY } })).json()) as { rules: Array<{ id: string; issued: number; refusedByBudget: number; redeemed: number }> };
    const mine = stats.rules.find((x) => x.id === RULE.id)!;
    assert.deepEqual([mine.issued, mine.refusedByBudget, mine.redeemed], [BUDGET, SHOPPERS - BUDGET, 1]);
    const metrics = await (await fetch(`${engine.url}/metrics`, { headers: { 'x-api-key': API_KEY } })).text();
    assert.match(metrics, new RegExp(`shop_promo_coupons_issued_total\\{rule="${RULE.id}"\\} ${BUDGET}`));
    assert.match(metrics, new RegExp(`shop_promo_coupons_refused_total\\{rule="${RULE.id}"\\} ${SHOPPERS - BUDGET}`));
    assert.match(metrics, new RegExp(`shop_promo_coupons_redeemed_total\\{rule="${RULE.id}"\\} 1`));
  });
});
