/**
 * Budgets exactly once across kill -9: 100 shoppers each see a sponsored entry of a
 * campaign whose budget pays for 20 clicks and click it twice at once (200 clicks); the
 * engine is killed in the middle of the burst and restarted, the clicks not acked are
 * sent again with the same ids. Spend is the budget exactly, each charged impression is
 * charged once, and the engine's numbers equal an independent fold of the log.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { readLog, referenceAds, spawnEngine, startNats, testEnv, type EngineProcess, type TestNats } from '../kit/index.js';
import * as grpc from '@grpc/grpc-js';
import { API_KEY, eventually, grpcClient, session, withKey } from '../stock/stock-kit.js';

const SHOPPERS = 100;
const CLICKS_PAID = 20;

type SearchAnswer = { items: Array<{ itemId: string; sponsored?: boolean; campaignId?: string; impressionId?: string }> };

async function click(url: string, token: string, id: string, impressionId: string, campaignId: string): Promise<boolean> {
  try {
    const r = await fetch(`${url}/api/events`, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ id, kind: 'ad_click', impressionId, campaignId }), signal: AbortSignal.timeout(10_000),
    });
    return r.status === 200;
  } catch {
    return false; // the engine died under it: not acked, sent again
  }
}

const admin = (url: string, path: string, body?: unknown) => fetch(`${url}${path}`, {
  method: body === undefined ? 'GET' : 'POST', headers: { 'x-api-key': API_KEY, 'content-type': 'application/json' },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});

describe('ads - budget exactly once across kill -9', () => {
  let nats: TestNats | undefined;
  let engine: EngineProcess | undefined;
  after(async () => {
    await engine?.stop();
    await nats?.stop();
  });

  it('ads - 100 shoppers x 2 concurrent clicks vs a budget of 20 clicks: spend = budget, each impression charged once, kill -9 mid-burst', async (ctx) => {
    nats = await startNats();
    // Reserve = bid: every click costs exactly $1, so the budget of $20 pays 20 clicks.
    const env = testEnv(nats.url, { API_KEY, PROMO_DEFAULT_RULES: 'false', ADS_RESERVE_CENTS: '100' });
    engine = await spawnEngine(env);
    const products = ((await (await fetch(`${engine.url}/api/products?limit=50`)).json()) as { items: Array<{ itemId: string; stock: number; name: string }> }).items;
    const item = products.find((p) => p.stock > 0)!;
    const campaign = { id: 'burst20', itemIds: [item.itemId], bidPerClick: 1, dailyBudget: 1000, totalBudget: CLICKS_PAID };
    const created = await admin(engine.url, '/api/admin/campaigns', campaign);
    assert.equal(created.status, 200, await created.clone().text());
    const bad = await admin(engine.url, '/api/admin/campaigns', { ...campaign, bidPerClick: -1 });
    assert.equal(bad.status, 400);
    assert.equal(((await bad.json()) as { error: { code: string } }).error.code, 'E_BAD_CAMPAIGN');

    const shoppers = await Promise.all(Array.from({ length: SHOPPERS }, () => session(engine!.url)));
    const word = item.name.split(/\s+/)[0]!;
    const seen = await Promise.all(shoppers.map(async (s) => {
      const r = (await (await fetch(`${engine!.url}/api/search?q=${encodeURIComponent(word)}&limit=10`, { headers: { authorization: `Bearer ${s.token}` } })).json()) as SearchAnswer;
      const ads = r.items.filter((i) => i.sponsored);
      assert.ok(ads.length <= 2, 'at most 20 % of 10 slots');
      const ad = ads.find((i) => i.campaignId === campaign.id);
      assert.ok(ad?.impressionId, `a sponsored entry for ${word}: ${JSON.stringify(r.items.map((i) => i.itemId))}`);
      assert.equal(ad.itemId, item.itemId);
      return ad.impressionId!;
    }));

    // 200 clicks at once; kill -9 after the 30th ack.
    const jobs = shoppers.flatMap((s, i) => [0, 1].map((k) => ({ token: s.token, id: `ac-${i}-${k}`, imp: seen[i]!, acked: false })));
    let acks = 0;
    let killNow!: () => void;
    const thirty = new Promise<void>((r) => (killNow = r));
    const send = (j: (typeof jobs)[number]) => click(engine!.url, j.token, j.id, j.imp, campaign.id).then((ok) => {
      if (ok) {
        j.acked = true;
        if (++acks === 30) killNow();
      }
    });
    const burst = Promise.all(jobs.map(send));
    await Promise.race([thirty, burst]);
    await engine.kill9();
    await burst;
    ctx.diagnostic(`clicks acked before the kill: ${jobs.filter((j) => j.acked).length}`);
    engine = await spawnEngine(env);
    for (let round = 0; jobs.some((j) => !j.acked) && round < 20; round++) await Promise.all(jobs.filter((j) => !j.acked).map(send));
    assert.ok(jobs.every((j) => j.acked), 'every click stored');

    const stats = await eventually(async () => (await (await admin(engine!.url, `/api/admin/campaigns/${campaign.id}`)).json()) as {
      spend: number; clicks: number; impressions: number; refused: number; duplicateClicks: number; refusedBy: Record<string, number>;
    }, (s) => s.clicks + (s.refusedBy['budget_total'] ?? 0) >= SHOPPERS && s.duplicateClicks >= SHOPPERS, 'every click decided', 30_000);
    await new Promise((r) => setTimeout(r, 1000));
    assert.deepEqual([stats.clicks, stats.spend, stats.impressions], [CLICKS_PAID, CLICKS_PAID, SHOPPERS]);
    assert.equal(stats.refusedBy['budget_total'], SHOPPERS - CLICKS_PAID);
    assert.equal(stats.duplicateClicks, SHOPPERS, 'the second click of each shopper charged nothing');

    // The log, read independently.
    const fold = referenceAds(await readLog(nats.url));
    assert.deepEqual(fold.violations, []);
    const f = fold.campaigns.get(campaign.id)!;
    assert.equal(f.impressions, SHOPPERS);
    assert.equal(f.spendCents, CLICKS_PAID * 100);
    assert.deepEqual([...f.loggedCharges.keys()].sort(), [...f.charged.keys()].sort(), 'the engine charged exactly the impressions the reference charges');
    assert.equal(f.loggedChargeCents, CLICKS_PAID * 100);

    // gRPC answers the same numbers, and refuses a bad campaign with the field.
    const client = grpcClient(engine.grpcPort);
    try {
      const g = await new Promise<{ clicks: number; spend: number; impressions: number; duplicateClicks: number }>((res, rej) =>
        client.GetAdCampaign({ id: campaign.id }, withKey(), (err, r) => (err ? rej(err) : res(r!))));
      assert.deepEqual([g.clicks, g.spend, g.impressions, g.duplicateClicks], [CLICKS_PAID, CLICKS_PAID, SHOPPERS, SHOPPERS]);
      const bad = await new Promise<grpc.ServiceError>((res) => client.PutAdCampaign({ campaignJson: JSON.stringify({ ...campaign, totalBudget: 'lots' }) }, withKey(), (err) => res(err!)));
      assert.equal(bad.code, grpc.status.INVALID_ARGUMENT);
      assert.match(bad.details, /totalBudget/);
    } finally {
      client.close();
    }

    // Once spent, the campaign is no longer shown.
    const r = (await (await fetch(`${engine.url}/api/search?q=${encodeURIComponent(word)}&limit=10`, { headers: { authorization: `Bearer ${shoppers[0]!.token}` } })).json()) as SearchAnswer;
    assert.ok(!r.items.some((i) => i.campaignId === campaign.id), 'a spent campaign is not in the auction');
  });
});
