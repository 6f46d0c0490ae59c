/**
 * Pacing over a simulated day: traffic heavy in the morning (3x the evening's), a daily
 * budget worth a fraction of what the traffic would click. Without pacing the budget is
 * gone by hour 4; with the throttle spend per hour stays within +-10 % of budget/24 in
 * hours 1-22 (hour 0 takes two hours' share: the slack), and
 * the day's spend is the budget (never more: the campaign actor's check, folded here).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emptyCampaignBudget, foldCampaignEvent, pacingAllows, parseCampaign } from '../../actors/ads/index.js';
import { mulberry32 } from '../../eval/ctr/prng.js';

const DAY0 = Date.UTC(2026, 5, 1);
const HOUR = 3_600_000;

function simulate(paced: boolean): number[] {
  const c = { ...parseCampaign({ id: 'pace', itemIds: ['p1'], bidPerClick: 0.5, dailyBudget: 240, totalBudget: 100_000 }), version: 1 };
  const s = emptyCampaignBudget('pace');
  const rnd = mulberry32(3);
  const perHour = new Array<number>(24).fill(0);
  let seq = 0;
  for (let h = 0; h < 24; h++) {
    const auctions = h < 12 ? 3000 : 1000; // a busy morning
    for (let i = 0; i < auctions; i++) {
      const now = DAY0 + h * HOUR + Math.floor((i / auctions) * HOUR);
      const today = s.days[new Date(DAY0).toISOString().slice(0, 10)]?.spendCents ?? 0;
      if (paced && !pacingAllows(c.dailyBudgetCents, today, now)) continue;
      if (c.dailyBudgetCents - today < 50) continue; // the auction leaves out a campaign that cannot pay a click
      const imp = `i${++seq}`;
      foldCampaignEvent(s, { id: imp, userId: 'u', kind: 'ad_impression', ts: now, campaignId: 'pace', impressionId: imp, itemId: 'p1', price: 0.5 }, seq, c);
      if (rnd() < 0.05) {
        const before = s.spendCents;
        foldCampaignEvent(s, { id: `k${seq}`, userId: 'u', kind: 'ad_click', ts: now, campaignId: 'pace', impressionId: imp }, ++seq, c);
        perHour[h]! += (s.spendCents - before) / 100;
      }
    }
  }
  return perHour;
}

describe('ads - pacing over a simulated day', () => {
  it('ads - with the throttle, spend per hour stays within +-10 % of budget/24 (hours 1-22) and the day spends the budget; without it the morning spends it all', (ctx) => {
    const paced = simulate(true);
    const unpaced = simulate(false);
    ctx.diagnostic(`paced per hour: ${paced.map((x) => x.toFixed(1)).join(' ')}`);
    ctx.diagnostic(`unpaced per hour: ${unpaced.map((x) => x.toFixed(1)).join(' ')}`);
    const even = 240 / 24;
    const total = paced.reduce((a, b) => a + b, 0);
    assert.ok(total <= 240 && total >= 235, `day spend ${total}`);
    // The slack lets the day run one hour ahead: hour 0 spends two hours' share, the last hour what is left (here none).
    for (const [h, x] of paced.entries()) if (h > 0 && h < 23) assert.ok(x >= 0.9 * even && x <= 1.1 * even, `hour ${h}: ${x}`);
    assert.ok(paced[0]! <= 2 * even + 0.5, 'the first hour runs one hour ahead, no more');
    const unpacedEvening = unpaced.slice(12).reduce((a, b) => a + b, 0);
    assert.equal(unpacedEvening, 0, 'first come, first served: nothing left for the afternoon');
  });
});
