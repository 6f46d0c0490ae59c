/**
 * Live purchase intent against a real engine: shoppers who buy and shoppers who
 * browse make labelled sessions on the log; the trainer fits a model in piscina and
 * publishes it as a definition event; every shard scores with it (profile over HTTP
 * and gRPC, with reasons; an `intent` push on a band change); a corrupt model file on
 * the log is refused and the previous one keeps serving; a restart keeps the model.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import * as grpc from '@grpc/grpc-js';
import { connect } from '@nats-io/transport-node';
import { INTENT_MODEL_ID, INTENT_MODEL_KIND } from '../../actors/definitions/index.js';
import { loadEngineProto } from '../../engine/grpc/index.js';
import { EventLog } from '../../engine/log/index.js';
import type { IntentReport } from '../../protos/admin-contract.js';
import type { Profile as WireProfile } from '../../protos/gen/engine/shop/v1/Profile.js';
import type { ProtoGrpcType } from '../../protos/gen/engine/engine.js';
import type { Engine } from '../../engine/index.js';
import { fetchMetrics, Shopper, startNats, startTestEngine, testEnv, type TestNats } from '../kit/index.js';

const KEY = 'intent-test-key-0123456789';
const GAP_MS = 1500;

interface Profile {
  intent: { score: number; band: string; version: number; top: Array<{ feature: string; text: string }> } | null;
  categoryPicks: Array<{ category: string; score: number; reason: string }>;
}

describe('intent - live model from the log', () => {
  let nats: TestNats;
  let engine: Engine;
  let items: Array<{ itemId: string; category: string; stock: number }>;
  let env: Record<string, string>;

  const admin = async (): Promise<IntentReport> => {
    const r = await fetch(`${engine.url}/api/admin/intent`, { headers: { 'x-api-key': KEY } });
    assert.equal(r.status, 200);
    return (await r.json()) as IntentReport;
  };
  const session = async () => (await (await fetch(`${engine.url}/api/session`, { method: 'POST' })).json()) as { userId: string; token: string };
  const post = (token: string, path: string, body: unknown) =>
    fetch(`${engine.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const profile = async (token: string): Promise<Profile> => (await (await fetch(`${engine.url}/api/profile`, { headers: { authorization: `Bearer ${token}` } })).json()) as Profile;
  const metric = async (name: string): Promise<number[]> =>
    [...(await fetchMetrics(engine)).matchAll(new RegExp(`^${name}\\{[^}]*\\} (\\S+)$`, 'gm'))].map((m) => Number(m[1]));

  /** Buyers look at few items, again and again, cart them and check out; browsers look at many once. */
  async function shop(buyer: boolean, n: number): Promise<void> {
    const s = await session();
    const at = (n * 7) % (items.length - 12);
    const pool = items.slice(at, at + 12);
    if (buyer) {
      for (const it of [pool[0]!, pool[1]!, pool[0]!]) {
        await post(s.token, '/api/events', { kind: 'view', itemId: it.itemId });
        await post(s.token, '/api/events', { kind: 'dwell', itemId: it.itemId, dwellMs: 40_000 });
      }
      await post(s.token, '/api/events', { kind: 'cart_add', itemId: pool[0]!.itemId, qty: 1 });
      const r = await post(s.token, '/api/checkout', {});
      assert.equal(r.status, 200, await r.clone().text());
    } else {
      for (const it of pool.slice(0, 7)) await post(s.token, '/api/events', { kind: 'view', itemId: it.itemId });
    }
  }

  before(async () => {
    nats = await startNats();
    env = testEnv(nats.url, {
      API_KEY: KEY, INTENT_TRAIN_EVERY_MS: '1000', INTENT_SESSION_GAP_MS: String(GAP_MS), INTENT_MIN_SESSIONS: '60', DEMO_CATALOG_SIZE: '500',
    });
    engine = await startTestEngine(env);
    items = [];
    for (let p = 1; p <= 5; p++) items.push(...((await (await fetch(`${engine.url}/api/products?limit=100&page=${p}`)).json()) as { items: typeof items }).items);
    // buyers must be able to buy
    items = items.filter((i) => i.stock >= 20);
    assert.ok(items.length > 200, `enough items in stock: ${items.length}`);
  });

  after(async () => {
    await engine?.stop();
    await nats?.stop();
  });

  it('intent - no model before enough sessions: profiles say null, the report says so', async () => {
    const s = await session();
    await post(s.token, '/api/events', { kind: 'view', itemId: items[0]!.itemId });
    assert.equal((await profile(s.token)).intent, null);
    const rep = await admin();
    assert.equal(rep.model, null);
  });

  it('intent - the trainer fits on labelled sessions, publishes v1, and shoppers are scored with reasons (HTTP, gRPC, push)', async () => {
    // Sessions end on the log's clock: a ticker keeps events coming while they age past the gap.
    const ticker = await session();
    let ticking = true;
    const tick = (async () => {
      while (ticking) {
        await post(ticker.token, '/api/events', { kind: 'search', query: 'tick' });
        await sleep(250);
      }
    })();
    try {
      for (let wave = 0; wave < 4; wave++) {
        await Promise.all(Array.from({ length: 50 }, (_, i) => shop(i % 2 === 0, wave * 50 + i)));
      }
      const deadline = Date.now() + 60_000;
      let rep = await admin();
      while (!rep.model && Date.now() < deadline) {
        await sleep(500);
        rep = await admin();
      }
      assert.ok(rep.model, `a model was published (report ${JSON.stringify(rep).slice(0, 400)})`);
      assert.ok(rep.model.version >= 1);
      assert.ok(rep.lastFit && rep.lastFit.published && rep.lastFit.auc > 0.8, `the candidate separated buyers from browsers on the validation window: ${JSON.stringify(rep.lastFit)}`);
      assert.ok(rep.sessions.positives > 20 && rep.sessions.finished > 60);

      // every shard applied it at the same log position
      const deadline2 = Date.now() + 10_000;
      while ((await metric('shop_intent_model_version')).some((v) => v < 1) && Date.now() < deadline2) await sleep(200);
      assert.ok((await metric('shop_intent_model_version')).every((v) => v >= 1));

      // a new buyer-like shopper: scored on every event, pushed on the first score, explained in the profile
      const buyer = await Shopper.connect(engine.url);
      const it0 = items[3]!;
      buyer.send({ type: 'event', id: 'b1', kind: 'view', itemId: it0.itemId });
      const push = await buyer.waitFor((m) => m.type === 'intent', 10_000);
      assert.equal(push.previousBand, '');
      assert.ok(Number(push.version) >= 1 && typeof push.score === 'number' && push.score >= 0 && push.score <= 1);
      buyer.send({ type: 'event', id: 'b2', kind: 'dwell', itemId: it0.itemId, dwellMs: 40_000 });
      buyer.send({ type: 'event', id: 'b3', kind: 'view', itemId: it0.itemId });
      buyer.send({ type: 'event', id: 'b4', kind: 'cart_add', itemId: it0.itemId, qty: 1 });
      await buyer.waitFor((m) => m.type === 'ack' && m.id === 'b4');
      const p = await profile(buyer.token);
      assert.ok(p.intent, 'the profile has an intent score');
      assert.ok(p.intent.version >= 1);
      assert.ok(p.intent.top.length >= 1 && p.intent.top.every((t) => typeof t.text === 'string' && t.text.includes(t.feature)), JSON.stringify(p.intent.top));
      assert.match(p.intent.band, /^(low|medium|high)$/);
      assert.ok(p.categoryPicks.length >= 1 && p.categoryPicks[0]!.category === it0.category, `own interest first: ${JSON.stringify(p.categoryPicks)}`);

      const proto = grpc.loadPackageDefinition(loadEngineProto().packageDefinition) as unknown as ProtoGrpcType;
      const c = new proto.shop.v1.Engine(`127.0.0.1:${engine.grpcPort}`, grpc.credentials.createInsecure());
      const md = new grpc.Metadata();
      md.set('x-api-key', KEY);
      const gp = await new Promise<WireProfile>((resolve, reject) => c.GetProfile({ userId: buyer.userId }, md, (err, v) => (err ? reject(err) : resolve(v as WireProfile))));
      c.close();
      assert.ok(gp.intent && Number(gp.intent.version) >= 1 && (gp.intent.top ?? []).length >= 1, JSON.stringify(gp.intent));
      assert.equal(gp.categoryPicks?.[0]?.category, it0.category);
      buyer.ws.close();
    } finally {
      ticking = false;
      await tick;
    }
  });

  it('intent - a corrupt model on the log is refused everywhere and the previous one keeps serving', async () => {
    const before = (await admin()).model!.version;
    // other definitions (the default promotion rules) may have been refused before: count from here
    const refusedBefore = await metric('shop_definitions_refused');
    const nc = await connect({ servers: nats.url });
    try {
      const log = await EventLog.open(nc, engine.config.partitions, 1);
      await log.appendDefinition({ defKind: INTENT_MODEL_KIND, defId: INTENT_MODEL_ID, defVersion: before + 100, payload: '{"format":"shop-brain/intent-gbdt","version":1,"features":["NoSuchFeature"]' });
    } finally {
      await nc.close();
    }
    const deadline = Date.now() + 10_000;
    const grew = async () => (await metric('shop_definitions_refused')).every((v, i) => v > (refusedBefore[i] ?? 0));
    while (!(await grew()) && Date.now() < deadline) await sleep(200);
    assert.ok(await grew(), 'every shard refused it');
    assert.ok((await metric('shop_intent_model_version')).every((v) => v >= before), 'the previous model is still in force');
    const s = await session();
    await post(s.token, '/api/events', { kind: 'view', itemId: items[5]!.itemId });
    const p = await profile(s.token);
    assert.ok(p.intent && p.intent.version >= before);
    const deadline2 = Date.now() + 10_000;
    while ((await admin()).refused < 1 && Date.now() < deadline2) await sleep(200);
    assert.ok((await admin()).refused >= 1, 'the trainer saw the refusal too');
  });

  it('intent - after a restart the shards still score with the model from the log (no new fit needed)', async () => {
    const version = Math.min(...(await metric('shop_intent_model_version')));
    await engine.stop();
    engine = await startTestEngine({ ...env, INTENT_TRAIN_EVERY_MS: '0' });
    // shard stats arrive once a second
    const deadline = Date.now() + 5000;
    while ((await metric('shop_intent_model_version')).some((v) => v < version) && Date.now() < deadline) await sleep(200);
    assert.ok((await metric('shop_intent_model_version')).every((v) => v >= version));
    const s = await session();
    await post(s.token, '/api/events', { kind: 'view', itemId: items[7]!.itemId });
    const p = await profile(s.token);
    assert.ok(p.intent && p.intent.version >= version);
  });
});
