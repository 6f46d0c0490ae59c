/**
 * The CTR model is a fold of the log: clicks stored on the log move the engine's
 * predictions within seconds; after kill -9 (checkpoint + the log's tail) and after a
 * clean stop (the checkpoint alone) the restarted engine holds the same model; and a
 * fresh learner replaying the log from the start (a new node) holds it too.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { connect } from '@nats-io/transport-node';
import { CHECKPOINT_EVERY_MS, CtrLearner, type CtrModelReport } from '../../engine/services/ctr-learner.js';
import { spawnEngine, startNats, tempDir, testEnv, type EngineProcess, type TestNats } from '../kit/index.js';
import { API_KEY, eventually, session } from '../stock/stock-kit.js';

const SHOPPERS = 30;
const CLICKS = 12;

type SearchAnswer = { items: Array<{ itemId: string; sponsored?: boolean; campaignId?: string; impressionId?: string }> };

const admin = (url: string, path: string, body?: unknown) => fetch(`${url}${path}`, {
  method: body === undefined ? 'GET' : 'POST', headers: { 'x-api-key': API_KEY, 'content-type': 'application/json' },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});
const model = async (url: string) => ((await (await admin(url, '/api/admin/ads')).json()) as { model: CtrModelReport }).model;

async function click(url: string, token: string, id: string, impressionId: string, campaignId: string): Promise<void> {
  const r = await fetch(`${url}/api/events`, {
    method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ id, kind: 'ad_click', impressionId, campaignId }),
  });
  assert.equal(r.status, 200, await r.text());
}

describe('ads - the CTR model learns from the log', () => {
  let nats: TestNats | undefined;
  let engine: EngineProcess | undefined;
  after(async () => {
    await engine?.stop();
    await nats?.stop();
  });

  it('ads - clicks on the log move predictions within seconds; kill -9, a clean restart and a fresh replay hold the same model', async (ctx) => {
    nats = await startNats();
    const env = testEnv(nats.url, { API_KEY, PROMO_DEFAULT_RULES: 'false', ADS_RESERVE_CENTS: '10' });
    engine = await spawnEngine(env);
    const products = ((await (await fetch(`${engine.url}/api/products?limit=50`)).json()) as { items: Array<{ itemId: string; stock: number; name: string }> }).items;
    const item = products.find((p) => p.stock > 0)!;
    const created = await admin(engine.url, '/api/admin/campaigns', { id: 'learn', itemIds: [item.itemId], bidPerClick: 0.5, dailyBudget: 1000, totalBudget: 1000 });
    assert.equal(created.status, 200, await created.clone().text());

    const word = item.name.split(/\s+/)[0]!;
    const shoppers = await Promise.all(Array.from({ length: SHOPPERS }, () => session(engine!.url)));
    const seen = await Promise.all(shoppers.map(async (s) => {
      const r = (await (await fetch(`${engine!.url}/api/search?q=${encodeURIComponent(word)}&limit=10`, { headers: { authorization: `Bearer ${s.token}` } })).json()) as SearchAnswer;
      const ad = r.items.find((i) => i.campaignId === 'learn');
      assert.ok(ad?.impressionId, 'a sponsored entry');
      return ad.impressionId!;
    }));
    const m0 = await eventually(() => model(engine!.url), (m) => m.pending === SHOPPERS, 'the impressions are folded', 10_000);
    assert.equal(m0.examples, 0, 'nothing labelled yet (the click window is open)');

    // Clicks go to the log through the tracking API; the model folds them from there.
    const t0 = Date.now();
    await Promise.all(shoppers.slice(0, CLICKS).map((s, i) => click(engine!.url, s.token, `lc-${i}`, seen[i]!, 'learn')));
    const m1 = await eventually(() => model(engine!.url), (m) => m.clicks === CLICKS, 'the clicks are learned', 10_000);
    const learnMs = Date.now() - t0;
    ctx.diagnostic(`${CLICKS} clicks learned ${learnMs} ms after they were sent`);
    assert.ok(learnMs < 5000, `learned within seconds: ${learnMs} ms`);
    assert.equal(m1.examples, CLICKS);
    assert.equal(m1.pending, SHOPPERS - CLICKS);
    assert.notEqual(m1.fingerprint, m0.fingerprint, 'the clicks moved the model');
    assert.equal(m1.version, `ftrl-${CLICKS}`);
    // Someone else's click on an impression teaches nothing (as it charges nothing).
    await click(engine.url, shoppers[SHOPPERS - 1]!.token, 'lc-other', seen[0]!, 'learn');
    await new Promise((r) => setTimeout(r, 500));
    assert.equal((await model(engine.url)).clicks, CLICKS);

    // kill -9 after a checkpoint was written (every 5 s) and one more click: the checkpoint + the tail of the log.
    await new Promise((r) => setTimeout(r, CHECKPOINT_EVERY_MS + 500));
    await click(engine.url, shoppers[CLICKS]!.token, `lc-${CLICKS}`, seen[CLICKS]!, 'learn');
    const mOther = await eventually(() => model(engine!.url), (m) => m.clicks === CLICKS + 1, 'the click before the kill is learned', 10_000);
    await engine.kill9();
    engine = await spawnEngine(env);
    const m2 = await model(engine.url);
    ctx.diagnostic(`after kill -9: restored from ${JSON.stringify(m2.restoredFrom)}, seq ${m2.seq}`);
    assert.ok(typeof m2.restoredFrom === 'object' && m2.restoredFrom.checkpointSeq < m2.seq, `a checkpoint, then the tail: ${JSON.stringify(m2.restoredFrom)}`);
    assert.equal(m2.fingerprint, mOther.fingerprint, 'the same model after kill -9');
    assert.deepEqual([m2.version, m2.examples, m2.clicks, m2.pending], [mOther.version, mOther.examples, mOther.clicks, mOther.pending]);

    // A clean stop writes the checkpoint at the last sequence: the restart replays nothing before it.
    await engine.stop();
    engine = await spawnEngine(env);
    const m3 = await model(engine.url);
    assert.deepEqual(m3.restoredFrom, { checkpointSeq: m2.seq }, 'restored from the checkpoint written at stop');
    assert.equal(m3.fingerprint, m2.fingerprint, 'the same model after a clean restart');
    assert.deepEqual(m3.calibration, m2.calibration);

    // Clicks after the restart still land on impressions made before it.
    await click(engine.url, shoppers[CLICKS + 1]!.token, `lc-${CLICKS + 1}`, seen[CLICKS + 1]!, 'learn');
    const m4 = await eventually(() => model(engine!.url), (m) => m.clicks === CLICKS + 2, 'a click after the restart is learned', 10_000);

    // A new node: a learner with no checkpoint replays the whole log and holds the same model.
    const nc = await connect({ servers: nats.url });
    const fresh = new CtrLearner({ nc, dataDir: tempDir('ctr-fresh') });
    try {
      await fresh.start();
      // The charge decisions of the last click follow it on the log: compare once both stand at the same sequence.
      const both = async () => ({ e: await model(engine!.url), f: fresh.report() });
      const { e, f } = await eventually(both, ({ e, f }) => e.seq >= m4.seq && e.seq === f.seq, 'the fresh learner reaches the engine\'s position', 10_000);
      assert.equal(f.restoredFrom, 'replay');
      assert.equal(e.seq, f.seq);
      assert.equal(f.fingerprint, e.fingerprint, 'a replay from the start = the live model');
      assert.deepEqual(f.calibration, e.calibration);
    } finally {
      await fresh.close();
      await nc.close();
    }
  });
});
