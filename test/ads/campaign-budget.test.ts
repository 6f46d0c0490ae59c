import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emptyCampaignBudget, foldCampaignEvent, parseCampaign, runAuction, type Campaign } from '../../actors/ads/index.js';
import { EngineError } from '../../engine/errors/index.js';
import type { ShopEvent } from '../../protos/index.js';

const T = Date.UTC(2026, 0, 10, 12);
const camp = (o: Record<string, unknown> = {}): Campaign => ({ ...parseCampaign({ id: 'c1', itemIds: ['p1'], bidPerClick: 1, dailyBudget: 3, totalBudget: 5, ...o }), version: 1 });
const imp = (id: string, user = 'u1', price = 1): ShopEvent => ({ id, userId: user, kind: 'ad_impression', ts: T, campaignId: 'c1', impressionId: id, itemId: 'p1', price });
const click = (id: string, imp: string, user = 'u1', ts = T): ShopEvent => ({ id, userId: user, kind: 'ad_click', ts, campaignId: 'c1', impressionId: imp });

describe('ads - campaign actor', () => {
  it('ads - a click is charged once at the impression price; repeats and unknown impressions are not', () => {
    const s = emptyCampaignBudget('c1');
    const c = camp();
    let seq = 0;
    foldCampaignEvent(s, imp('i1', 'u1', 0.7), ++seq, c);
    const d1 = foldCampaignEvent(s, click('k1', 'i1'), ++seq, c);
    assert.equal(d1.length, 1);
    assert.deepEqual([d1[0]!.event.kind, d1[0]!.event.id, d1[0]!.event.price], ['ad_charged', 'i1.c', 0.7]);
    assert.deepEqual(foldCampaignEvent(s, click('k2', 'i1'), ++seq, c), []);
    const u = foldCampaignEvent(s, click('k3', 'nope'), ++seq, c);
    assert.deepEqual([u[0]!.event.kind, u[0]!.event.reason], ['ad_charge_refused', 'unknown_impression']);
    // Another shopper's click on u1's impression is refused and leaves it open.
    foldCampaignEvent(s, imp('i2'), ++seq, c);
    assert.deepEqual(foldCampaignEvent(s, click('k4', 'i2', 'u2'), ++seq, c), []);
    assert.equal(foldCampaignEvent(s, click('k5', 'i2'), ++seq, c)[0]!.event.kind, 'ad_charged');
    assert.deepEqual([s.clicks, s.spendCents, s.duplicates, s.refusedBy['unknown_impression'], s.refusedBy['not_your_impression']], [2, 170, 1, 1, 1]);
  });

  it('ads - spend never passes the daily or the total budget', () => {
    const s = emptyCampaignBudget('c1');
    const c = camp();
    let seq = 0;
    const kinds: string[] = [];
    for (let i = 0; i < 5; i++) {
      foldCampaignEvent(s, imp(`d${i}`), ++seq, c);
      kinds.push(...foldCampaignEvent(s, click(`k${i}`, `d${i}`), ++seq, c).map((e) => e.event.reason ?? e.event.kind));
    }
    assert.deepEqual(kinds, ['ad_charged', 'ad_charged', 'ad_charged', 'budget_day', 'budget_day']);
    // Next day: two more fit the total of 5, then none.
    const next = T + 86_400_000;
    for (let i = 0; i < 3; i++) {
      foldCampaignEvent(s, { ...imp(`n${i}`), ts: next }, ++seq, c);
      kinds.push(...foldCampaignEvent(s, click(`m${i}`, `n${i}`, 'u1', next), ++seq, c).map((e) => e.event.reason ?? e.event.kind));
    }
    assert.deepEqual(kinds.slice(5), ['ad_charged', 'ad_charged', 'budget_total']);
    assert.equal(s.spendCents, 500);
  });

  it('ads - a paused or unknown campaign charges nothing', () => {
    const s = emptyCampaignBudget('c1');
    foldCampaignEvent(s, imp('i1'), 1, camp({ status: 'paused' }));
    assert.equal(foldCampaignEvent(s, click('k', 'i1'), 2, camp({ status: 'paused' }))[0]!.event.reason, 'not_live');
    foldCampaignEvent(s, imp('i2'), 3, undefined);
    assert.equal(foldCampaignEvent(s, click('k2', 'i2'), 4, undefined)[0]!.event.reason, 'unknown_campaign');
    assert.equal(s.spendCents, 0);
  });

  it('ads - campaign format errors name the field', () => {
    const code = (o: unknown) => { try { parseCampaign(o); return ''; } catch (e) { return `${(e as EngineError).code} ${(e as EngineError).field}`; } };
    assert.equal(code({ id: 'x', itemIds: [], bidPerClick: 1, dailyBudget: 1, totalBudget: 1 }), 'E_BAD_CAMPAIGN itemIds');
    assert.equal(code({ id: 'x', itemIds: ['p'], bidPerClick: 0.001, dailyBudget: 1, totalBudget: 1 }), 'E_BAD_CAMPAIGN bidPerClick');
    assert.equal(code({ id: 'x', itemIds: ['p'], bidPerClick: 1, dailyBudget: -1, totalBudget: 1 }), 'E_BAD_CAMPAIGN dailyBudget');
    assert.equal(code({ id: 'x y', itemIds: ['p'], bidPerClick: 1, dailyBudget: 1, totalBudget: 1 }), 'E_BAD_CAMPAIGN id');
    assert.equal(code({ id: 'x', itemIds: ['p'], bidPerClick: 1, dailyBudget: 1, totalBudget: 1, categories: ['Bad Cat'] }), 'E_BAD_CAMPAIGN categories[0]');
  });
});

describe('ads - auction', () => {
  it('ads - GSP: each winner pays the least bid that keeps its rank, capped by its bid, at least the reserve', () => {
    const w = runAuction([
      { campaignId: 'a', itemId: 'p1', bidCents: 200, ctr: 0.1, relevance: 1 }, // score 20
      { campaignId: 'b', itemId: 'p2', bidCents: 300, ctr: 0.05, relevance: 1 }, // 15
      { campaignId: 'c', itemId: 'p3', bidCents: 100, ctr: 0.1, relevance: 1 }, // 10
    ], 2, 5);
    assert.deepEqual(w.map((x) => [x.campaignId, x.priceCents]), [['a', 151], ['b', 201]]);
    // Alone: the reserve; below the reserve: not at all.
    assert.deepEqual(runAuction([{ campaignId: 'a', itemId: 'p1', bidCents: 200, ctr: 0.1, relevance: 1 }], 2, 5).map((x) => x.priceCents), [5]);
    assert.deepEqual(runAuction([{ campaignId: 'a', itemId: 'p1', bidCents: 4, ctr: 0.1, relevance: 1 }], 2, 5), []);
    // One entry per campaign, and zero relevance (sold out) never wins.
    const one = runAuction([
      { campaignId: 'a', itemId: 'p1', bidCents: 200, ctr: 0.1, relevance: 1 },
      { campaignId: 'a', itemId: 'p2', bidCents: 200, ctr: 0.09, relevance: 1 },
      { campaignId: 'b', itemId: 'p3', bidCents: 900, ctr: 0.9, relevance: 0 },
    ], 3, 5);
    assert.deepEqual(one.map((x) => x.itemId), ['p1']);
  });
});
