/**
 * An independent fold of the log for sponsored products: campaign definitions read
 * straight from their JSON, impressions and clicks in log order, and what a correct
 * spend owner must have charged (first click of the impression's own shopper, while
 * the total and the day's budget hold it). Compared with the engine's decisions.
 */
import type { LoggedEvent } from './reference.js';

export interface CampaignFold {
  impressions: number;
  clicks: number;
  /** Charged impressions -> cents, as the reference decides. */
  charged: Map<string, number>;
  spendCents: number;
  /** What the engine wrote: ad_charged per impression (count) and its price. */
  loggedCharges: Map<string, number>;
  loggedChargeCents: number;
}

export interface AdsFold {
  campaigns: Map<string, CampaignFold>;
  violations: string[];
}

export function referenceAds(log: readonly LoggedEvent[]): AdsFold {
  const defs = new Map<string, { v: number; total: number; daily: number }>();
  const campaigns = new Map<string, CampaignFold>();
  const open = new Map<string, { campaign: string; user: string; cents: number }>();
  const closed = new Set<string>();
  const day = new Map<string, number>();
  const violations: string[] = [];
  const fold = (id: string) => campaigns.get(id) ?? campaigns.set(id, { impressions: 0, clicks: 0, charged: new Map(), spendCents: 0, loggedCharges: new Map(), loggedChargeCents: 0 }).get(id)!;
  for (const { event: e } of log) {
    if (e.kind === 'definition' && e.defKind === 'ad_campaign') {
      const cur = defs.get(e.defId!);
      if (cur && cur.v >= e.defVersion!) continue;
      const j = JSON.parse(e.payload!) as { totalBudget: number; dailyBudget: number };
      defs.set(e.defId!, { v: e.defVersion!, total: Math.round(j.totalBudget * 100), daily: Math.round(j.dailyBudget * 100) });
    } else if (e.kind === 'ad_impression') {
      const imp = e.impressionId!;
      if (open.has(imp) || closed.has(imp)) continue;
      fold(e.campaignId!).impressions++;
      open.set(imp, { campaign: e.campaignId!, user: e.userId, cents: Math.round((e.price ?? 0) * 100) });
    } else if (e.kind === 'ad_click') {
      const imp = e.impressionId!;
      const h = open.get(imp);
      if (!h || h.user !== e.userId || h.campaign !== e.campaignId) continue;
      open.delete(imp);
      closed.add(imp);
      const f = fold(h.campaign);
      const d = defs.get(h.campaign);
      const dk = `${h.campaign}|${new Date(e.ts).toISOString().slice(0, 10)}`;
      if (!d || f.spendCents + h.cents > d.total || (day.get(dk) ?? 0) + h.cents > d.daily) continue;
      f.clicks++;
      f.spendCents += h.cents;
      day.set(dk, (day.get(dk) ?? 0) + h.cents);
      f.charged.set(imp, h.cents);
    } else if (e.kind === 'ad_charged') {
      const f = fold(e.campaignId!);
      const n = (f.loggedCharges.get(e.impressionId!) ?? 0) + 1;
      if (n > 1) violations.push(`impression ${e.impressionId} charged ${n} times`);
      f.loggedCharges.set(e.impressionId!, n);
      f.loggedChargeCents += Math.round((e.price ?? 0) * 100);
    }
  }
  for (const [id, f] of campaigns) {
    const d = defs.get(id);
    if (d && f.loggedChargeCents > d.total) violations.push(`campaign ${id} charged ${f.loggedChargeCents} cents over its total budget ${d.total}`);
  }
  return { campaigns, violations };
}
