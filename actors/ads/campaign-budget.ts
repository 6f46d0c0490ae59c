/**
 * The campaign actor: the one owner of a campaign's spend. Impressions and clicks of the
 * campaign travel on its slot's subject, so it sees them in log order. An impression
 * opens a chargeable click at the auction's price; the first click on it is charged if
 * the budgets (total, today's) hold it, and the impression is closed either way. A click
 * on a closed or unknown impression is never charged. Pure: a replay decides the same
 * way, so spend never exceeds the budget and a click is charged at most once.
 */
import type { ShopEvent } from '../../protos/index.js';
import { isLive, type Campaign } from './campaign.js';

const DAY_MS = 86_400_000;
/** Open impressions remembered per campaign: a click on an older one is refused (unknown_impression). */
export const MAX_OPEN_IMPRESSIONS = 20_000;
/** Closed impressions remembered, so a repeated click counts as a duplicate rather than unknown. */
const MAX_SETTLED = 2_000;
const MAX_DAYS = 40;

export interface CampaignDay {
  impressions: number;
  clicks: number;
  spendCents: number;
}

export interface CampaignBudgetState {
  campaignId: string;
  impressions: number;
  clicks: number;
  spendCents: number;
  /** Clicks on an impression already charged or refused (not charged again). */
  duplicates: number;
  refused: number;
  refusedBy: Record<string, number>;
  /** Per UTC day (`YYYY-MM-DD`). */
  days: Record<string, CampaignDay>;
  /** Open impressions: id -> who saw which item at what price per click. Insertion order = age. */
  open: Record<string, { userId: string; itemId: string; priceCents: number; ts: number }>;
  settled: string[];
  lastSeq: number;
}

export function emptyCampaignBudget(campaignId: string): CampaignBudgetState {
  return { campaignId, impressions: 0, clicks: 0, spendCents: 0, duplicates: 0, refused: 0, refusedBy: {}, days: {}, open: {}, settled: [], lastSeq: 0 };
}

export type CampaignEffect = { type: 'decision'; event: ShopEvent };

export const adDayOf = (ts: number) => new Date(Math.floor(ts / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
/** The decision's id is derived from the impression's: at most one decision per impression reaches the log. */
export const adDecisionId = (impressionId: string) => `${impressionId}.c`;

function day(s: CampaignBudgetState, d: string): CampaignDay {
  let x = s.days[d];
  if (!x) {
    x = s.days[d] = { impressions: 0, clicks: 0, spendCents: 0 };
    const keys = Object.keys(s.days);
    if (keys.length > MAX_DAYS) for (const k of keys.sort().slice(0, keys.length - MAX_DAYS)) delete s.days[k];
  }
  return x;
}

function settle(s: CampaignBudgetState, impressionId: string): void {
  delete s.open[impressionId];
  s.settled.push(impressionId);
  if (s.settled.length > MAX_SETTLED) s.settled.splice(0, s.settled.length - MAX_SETTLED);
}

/** Which limit a charge of `cents` on day `d` would break ('' = none). */
export function chargeProblem(s: CampaignBudgetState, c: Campaign | undefined, d: string, cents: number, now: number): string {
  if (!c) return 'unknown_campaign';
  if (!isLive(c, now)) return 'not_live';
  if (s.spendCents + cents > c.totalBudgetCents) return 'budget_total';
  if ((s.days[d]?.spendCents ?? 0) + cents > c.dailyBudgetCents) return 'budget_day';
  return '';
}

/** Folds one campaign event (CAMPAIGN_COMMAND_KINDS); `c` is the definition in force at this log position. */
export function foldCampaignEvent(s: CampaignBudgetState, e: ShopEvent, seq: number, c: Campaign | undefined): CampaignEffect[] {
  const imp = e.impressionId ?? '';
  const effects: CampaignEffect[] = [];
  if (!imp) return effects;
  if (e.kind === 'ad_impression') {
    if (s.open[imp] || s.settled.includes(imp)) return effects; // a re-published impression
    s.impressions++;
    day(s, adDayOf(e.ts)).impressions++;
    s.open[imp] = { userId: e.userId, itemId: e.itemId ?? '', priceCents: Math.max(0, Math.round((e.price ?? 0) * 100)), ts: e.ts };
    const ids = Object.keys(s.open);
    if (ids.length > MAX_OPEN_IMPRESSIONS) for (const id of ids.slice(0, ids.length - MAX_OPEN_IMPRESSIONS)) delete s.open[id];
  } else if (e.kind === 'ad_click') {
    const h = s.open[imp];
    if (!h) {
      if (s.settled.includes(imp)) s.duplicates++; // its one decision is already on the log
      else {
        // Never shown (or long forgotten): refused under an id of its own (this click's).
        refuse(s, 'unknown_impression');
        effects.push({ type: 'decision', event: decision(s, e, `${e.id}.r`, 'ad_charge_refused', 0, '', 'unknown_impression') });
      }
    } else if (h.userId !== e.userId) {
      refuse(s, 'not_your_impression'); // someone else's impression stays open for its shopper
    } else {
      const d = adDayOf(e.ts);
      const problem = chargeProblem(s, c, d, h.priceCents, e.ts);
      settle(s, imp);
      if (problem) {
        refuse(s, problem);
        effects.push({ type: 'decision', event: decision(s, e, adDecisionId(imp), 'ad_charge_refused', 0, h.itemId, problem) });
      } else {
        s.clicks++;
        s.spendCents += h.priceCents;
        const x = day(s, d);
        x.clicks++;
        x.spendCents += h.priceCents;
        effects.push({ type: 'decision', event: decision(s, e, adDecisionId(imp), 'ad_charged', h.priceCents, h.itemId, '') });
      }
    }
  } else return effects;
  s.lastSeq = seq;
  return effects;
}

function refuse(s: CampaignBudgetState, why: string): void {
  s.refused++;
  s.refusedBy[why] = (s.refusedBy[why] ?? 0) + 1;
}

function decision(s: CampaignBudgetState, e: ShopEvent, id: string, kind: 'ad_charged' | 'ad_charge_refused', cents: number, itemId: string, reason: string): ShopEvent {
  return {
    id, userId: e.userId, kind, ts: e.ts, source: 'engine', campaignId: s.campaignId, impressionId: e.impressionId ?? '',
    ...(itemId ? { itemId } : {}), ...(cents ? { price: cents / 100 } : {}), ...(reason ? { reason } : {}),
  };
}
