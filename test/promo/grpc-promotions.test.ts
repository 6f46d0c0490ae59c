/** Promotions over gRPC: the admin calls and coupons at Checkout, with the HTTP API's typed errors. */
import assert from 'node:assert/strict';
import type * as grpc from '@grpc/grpc-js';
import { after, before, describe, it } from 'node:test';
import type { Engine } from '../../engine/index.js';
import { CODE_TRAILER, FIELD_TRAILER } from '../../engine/grpc/client.js';
import type { EngineClient } from '../../protos/gen/engine/shop/v1/Engine.js';
import { startNats, startTestEngine, testEnv, type TestNats } from '../kit/index.js';
import { API_KEY, grpcClient, session, withKey } from '../stock/stock-kit.js';

function call<Req, Res>(client: EngineClient, name: string, req: Req): Promise<Res> {
  const fn = (client as unknown as Record<string, (r: Req, m: grpc.Metadata, o: grpc.CallOptions, cb: (e: grpc.ServiceError | null, r?: Res) => void) => void>)[name]!;
  return new Promise((resolve, reject) => fn.call(client, req, withKey(), { deadline: Date.now() + 10_000 }, (e, r) => (e ? reject(e) : resolve(r!))));
}

async function refusal(p: Promise<unknown>): Promise<[number, string, string]> {
  try {
    await p;
  } catch (err) {
    const e = err as grpc.ServiceError;
    return [e.code, e.metadata.get(CODE_TRAILER)[0]?.toString() ?? '', e.metadata.get(FIELD_TRAILER)[0]?.toString() ?? ''];
  }
  throw new Error('expected a refusal');
}

describe('promotions - gRPC', () => {
  let nats: TestNats;
  let engine: Engine;
  let client: EngineClient;
  before(async () => {
    nats = await startNats();
    engine = await startTestEngine(testEnv(nats.url, { API_KEY }));
    client = grpcClient(engine.grpcPort);
  });
  after(async () => {
    client?.close();
    await engine?.stop();
    await nats?.stop();
  });

  it('promotions - PutPromotion, ListPromotions, SetPromotionStatus, DryRunPromotion; bad rules are INVALID_ARGUMENT E_BAD_RULE naming the field', async () => {
    const rule = { id: 'grpc_rule', title: 'Over gRPC', trigger: { type: 'event', kinds: ['view'] }, reward: { type: 'amount', amount: 3 } };
    assert.deepEqual(await refusal(call(client, 'PutPromotion', { ruleJson: JSON.stringify({ ...rule, reward: { type: 'amount', amount: -3 } }) })), [3, 'E_BAD_RULE', 'reward.amount']);
    assert.deepEqual(await refusal(call(client, 'PutPromotion', { ruleJson: '{nope' })), [3, 'E_BAD_RULE', '$']);
    const v1 = await call<object, { id: string; version: number }>(client, 'PutPromotion', { ruleJson: JSON.stringify(rule) });
    assert.deepEqual([v1.id, v1.version], ['grpc_rule', 1]);
    const v2 = await call<object, { version: number }>(client, 'PutPromotion', { ruleJson: JSON.stringify({ ...rule, title: 'v2' }), update: true });
    assert.equal(v2.version, 2);
    assert.deepEqual(await refusal(call(client, 'SetPromotionStatus', { id: 'no_such', paused: true })), [5, 'E_NOT_FOUND', '']);
    await call(client, 'SetPromotionStatus', { id: 'grpc_rule', paused: true });
    const list = await call<object, { rules: Array<{ id: string; version: number; status: string; ruleJson: string }> }>(client, 'ListPromotions', {});
    const mine = list.rules.find((r) => r.id === 'grpc_rule')!;
    assert.deepEqual([mine.version, mine.status, (JSON.parse(mine.ruleJson) as { title: string }).title], [3, 'paused', 'v2']);
    assert.ok(list.rules.length >= 18, 'with the default rules');
    const dry = await call<object, { rule: string; issued: number }>(client, 'DryRunPromotion', { ruleJson: JSON.stringify({ ...rule, id: 'grpc_draft' }), hours: 1 });
    assert.equal(dry.rule, 'grpc_draft');
  });

  it('promotions - Checkout takes a coupon: a foreign code is NOT_FOUND E_COUPON_UNKNOWN; ListCoupons lists the shopper\'s', async () => {
    const s = await session(engine.url);
    const item = [...engine.services.catalog.values()].find((p) => p.stock > 10 && p.price > 30 && p.price < 250)!;
    const r = await call<object, { total: number; subtotal: number; delivery: number; discount: number; coupon: string }>(client, 'Checkout', { userId: s.userId, lines: [{ itemId: item.itemId, qty: 1 }] });
    assert.deepEqual([r.subtotal, r.discount, r.coupon], [item.price, 0, '']);
    assert.equal(r.total, Math.round((r.subtotal + r.delivery) * 100) / 100);
    assert.deepEqual(await refusal(call(client, 'Checkout', { userId: s.userId, lines: [{ itemId: item.itemId, qty: 1 }], coupon: 'SOMEONE-ELSES' })), [5, 'E_COUPON_UNKNOWN', 'coupon']);
    // The first order earned the welcome coupon ($5 off $30+): listed, then redeemed over gRPC.
    let coupons: Array<{ code: string; rule: string; status: string }> = [];
    for (let i = 0; i < 50 && coupons.length === 0; i++) {
      coupons = (await call<object, { coupons: typeof coupons }>(client, 'ListCoupons', { userId: s.userId })).coupons;
      if (coupons.length === 0) await new Promise((res) => setTimeout(res, 100));
    }
    assert.deepEqual(coupons.map((c) => [c.rule, c.status]), [['first_purchase_welcome', 'live']]);
    const paid = await call<object, { discount: number; coupon: string; lines: Array<{ discount: number }> }>(client, 'Checkout', { userId: s.userId, lines: [{ itemId: item.itemId, qty: 1 }], coupon: coupons[0]!.code });
    assert.deepEqual([paid.discount, paid.coupon, paid.lines[0]!.discount], [5, coupons[0]!.code, 5]);
    assert.deepEqual(await refusal(call(client, 'Checkout', { userId: s.userId, lines: [{ itemId: item.itemId, qty: 1 }], coupon: coupons[0]!.code })), [9, 'E_COUPON_USED', 'coupon']);
  });
});
