/**
 * The ad campaign format (JSON, one `ad_campaign` definition event per version on the
 * log) and its validator. Money is kept in integer cents inside the engine so that a
 * budget is compared exactly; the JSON speaks dollars like the rest of the API.
 * Every refusal names the first wrong field (CampaignError, E_BAD_CAMPAIGN).
 */
import { CampaignError } from '../../engine/errors/index.js';

export const AD_CAMPAIGN_KIND = 'ad_campaign';
export const CAMPAIGN_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const ITEM_ID = /^[A-Za-z0-9_.:-]{1,64}$/;
const CATEGORY = /^[a-z0-9-]{1,64}$/;
const MAX_ITEMS = 1000;
const MAX_TERMS = 200;
/** Far above any real bid or budget; keeps cents exact in a double. */
const MAX_MONEY = 10_000_000;

export interface Campaign {
  id: string;
  /** The definition's version (set when applied from the log; 0 for a draft). */
  version: number;
  advertiser: string;
  itemIds: string[];
  bidCents: number;
  dailyBudgetCents: number;
  totalBudgetCents: number;
  /** Targeting: any of these query terms (lower case), any of these categories; both empty = everywhere. */
  queries: string[];
  categories: string[];
  /** Shown only between these times (ms since the epoch; 0 = no bound). */
  startAt: number;
  endAt: number;
  /** Impressions of this campaign one shopper may get per UTC day (0 = no cap). */
  frequencyCap: number;
  status: 'active' | 'paused';
}

export const toCents = (dollars: number) => Math.round(dollars * 100);

function money(o: Record<string, unknown>, field: string, required: boolean, min: number): number | undefined {
  const v = o[field];
  if (v === undefined && !required) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > MAX_MONEY) throw new CampaignError(field, `must be a number of dollars from ${min} to ${MAX_MONEY}`);
  if (Math.abs(v * 100 - Math.round(v * 100)) > 1e-6) throw new CampaignError(field, 'must be whole cents');
  return toCents(v);
}

function strings(o: Record<string, unknown>, field: string, pattern: RegExp, max: number, lower: boolean): string[] {
  const v = o[field];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || v.length > max) throw new CampaignError(field, `must be an array of at most ${max} strings`);
  const out = new Set<string>();
  v.forEach((x, i) => {
    if (typeof x !== 'string') throw new CampaignError(`${field}[${i}]`, 'must be a string');
    const s = lower ? x.trim().toLowerCase() : x;
    if (!pattern.test(s)) throw new CampaignError(`${field}[${i}]`, `"${s.slice(0, 40)}" does not match ${pattern}`);
    out.add(s);
  });
  return [...out];
}

function time(o: Record<string, unknown>, field: string): number {
  const v = o[field];
  if (v === undefined || v === null) return 0;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new CampaignError(field, 'must be ms since the epoch (an integer >= 0)');
  return v;
}

/** Checks an operator's campaign JSON (`itemExists` refuses unknown items at the admin door; the log replays without it). */
export function parseCampaign(input: unknown, version = 0, itemExists?: (id: string) => boolean): Campaign {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new CampaignError('(root)', 'must be a JSON object');
  const o = input as Record<string, unknown>;
  const id = o['id'];
  if (typeof id !== 'string' || !CAMPAIGN_ID_PATTERN.test(id)) throw new CampaignError('id', 'must be 1-64 characters of A-Z a-z 0-9 _ -');
  const itemIds = strings(o, 'itemIds', ITEM_ID, MAX_ITEMS, false);
  if (itemIds.length === 0) throw new CampaignError('itemIds', 'must name at least one product');
  if (itemExists) itemIds.forEach((it, i) => { if (!itemExists(it)) throw new CampaignError(`itemIds[${i}]`, `item "${it}" is not in the catalog`); });
  const bidCents = money(o, 'bidPerClick', true, 0.01)!;
  const dailyBudgetCents = money(o, 'dailyBudget', true, 0)!;
  const totalBudgetCents = money(o, 'totalBudget', true, 0)!;
  const queries = strings(o, 'queries', /^[\p{L}\p{N} '-]{1,64}$/u, MAX_TERMS, true);
  const categories = strings(o, 'categories', CATEGORY, MAX_TERMS, false);
  const advertiser = o['advertiser'] ?? '';
  if (typeof advertiser !== 'string' || advertiser.length > 100) throw new CampaignError('advertiser', 'must be a string of at most 100 characters');
  const startAt = time(o, 'startAt');
  const endAt = time(o, 'endAt');
  if (endAt && endAt <= startAt) throw new CampaignError('endAt', 'must be after startAt');
  const cap = o['frequencyCap'] ?? 0;
  if (typeof cap !== 'number' || !Number.isInteger(cap) || cap < 0 || cap > 10_000) throw new CampaignError('frequencyCap', 'must be an integer from 0 (no cap) to 10000');
  const status = o['status'] ?? 'active';
  if (status !== 'active' && status !== 'paused') throw new CampaignError('status', 'must be "active" or "paused"');
  return { id, version, advertiser, itemIds, bidCents, dailyBudgetCents, totalBudgetCents, queries, categories, startAt, endAt, frequencyCap: cap, status };
}

/** A definition payload from the log (the id comes from the event). */
export function parseCampaignPayload(payload: string, defId: string, version: number): Campaign {
  let raw: unknown;
  try {
    raw = JSON.parse(payload);
  } catch (err) {
    throw new CampaignError('(root)', `not JSON: ${(err as Error).message}`);
  }
  const c = parseCampaign(raw, version);
  if (c.id !== defId) throw new CampaignError('id', `"${c.id}" differs from the definition id "${defId}"`);
  return c;
}

/** Whether a campaign serves at `now` (status and flight dates; budgets are the actor's). */
export function isLive(c: Campaign, now: number): boolean {
  return c.status === 'active' && (c.startAt === 0 || now >= c.startAt) && (c.endAt === 0 || now < c.endAt);
}
