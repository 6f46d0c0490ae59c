/**
 * Sponsored products as the front doors offer them. Campaigns are `ad_campaign`
 * definition events (this service keeps its own registry of them, fed by the
 * definitions subject); an answer (a search, a recommendation strip) runs one auction
 * over the live campaigns matching its context, scored by the CTR model, and every
 * winner shown is an `ad_impression` on the campaign's slot before the answer leaves,
 * so the campaign actor knows the impression (and its price) before any click on it.
 * Spend is never decided here: the campaign actor owns it (actors/ads/campaign-budget.ts);
 * this service only reads its committed numbers to leave spent campaigns out.
 */
import { randomUUID } from 'node:crypto';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { DefinitionRegistry } from '../../actors/definitions/index.js';
import {
  AD_CAMPAIGN_KIND, adDayOf, adFeatures, isLive, pacingAllows, parseCampaign, runAuction,
  type AdCandidate, type AdContext, type Campaign, type CampaignBudgetState,
} from '../../actors/ads/index.js';
import { decodeEvent, type ShopEvent } from '../../protos/index.js';
import type { Catalog } from '../catalog/index.js';
import { NotFoundError } from '../errors/index.js';
import { readDefinitions, type EventLog } from '../log/index.js';
import type { Logger, Metrics } from '../observability/index.js';
import { DEFINITIONS_SUBJECT } from '../placement/index.js';
import type { StateStore } from '../store/index.js';
import { CtrLearner, type CtrModelReport } from './ctr-learner.js';
import { DEFAULT_LOGISTICS_WEIGHTS, logisticsScore, stockScore, type LogisticsWeights } from '../../actors/ranking/index.js';

/** Frequency-cap counters kept (per shopper and campaign and day; per node). */
const MAX_CAP_KEYS = 200_000;

export interface AdsOptions {
  /** Least price per click, dollars. */
  reservePrice: number;
  /** Share of an answer's slots ads may take. */
  slotShare: number;
  /** Spread the daily budget over the day (see PACING_SLACK). @default true */
  pacing?: boolean;
  /** The clock (tests and the simulated day move it). @default Date.now */
  now?: () => number;
  /** Weights of the logistics multiplier on relevance. @default DEFAULT_LOGISTICS_WEIGHTS */
  logistics?: LogisticsWeights;
}

export interface AdsDeps {
  log: EventLog;
  nc: NatsConnection;
  store: StateStore;
  catalog: Catalog;
  stockOf: (itemId: string) => number;
  metrics: Metrics;
  /** Where the CTR model's checkpoint lives. */
  dataDir: string;
  logger?: Logger | undefined;
}

/** Where an answer is shown and what it is about. */
export interface AdRequest {
  userId: string;
  slot: 'search' | 'recs' | 'product' | string;
  /** Slots of the answer (organic + sponsored); ads take at most floor(total x share). */
  total: number;
  queryTerms?: readonly string[];
  /** Categories of the context (the search filter, the product page, the strip's items), most relevant first. */
  categories?: readonly string[];
  /** Items of the answer's organic part (an ad for one of them replaces it). */
  organic?: readonly string[];
  /** The shopper's affinity per category, 0..1. */
  affinity?: ReadonlyMap<string, number>;
}

export interface SponsoredEntry {
  itemId: string;
  campaignId: string;
  impressionId: string;
  /** 0-based index in the answer's items. */
  index: number;
}

export interface CampaignStats {
  id: string;
  version: number;
  campaign: Omit<Campaign, 'bidCents' | 'dailyBudgetCents' | 'totalBudgetCents'> & { bidPerClick: number; dailyBudget: number; totalBudget: number };
  spend: number;
  spendToday: number;
  impressions: number;
  clicks: number;
  ctr: number;
  refused: number;
  refusedBy: Record<string, number>;
  duplicateClicks: number;
  remaining: number;
}

export class Ads {
  readonly #d: AdsDeps;
  readonly #o: Required<AdsOptions>;
  #reg = new DefinitionRegistry();
  #sub: Subscription | undefined;
  /** The CTR model, a fold of the log's ad events (engine/services/ctr-learner.ts). */
  readonly learner: CtrLearner;
  readonly #caps = new Map<string, number>();
  readonly #metrics: { auctions: { inc(): void }; impressions: { inc(by?: number): void } };

  constructor(deps: AdsDeps, opts: AdsOptions) {
    if (!(opts.reservePrice > 0)) throw new RangeError('ads reservePrice must be > 0');
    if (!(opts.slotShare >= 0 && opts.slotShare <= 0.5)) throw new RangeError('ads slotShare must be within 0..0.5');
    this.#d = deps;
    this.#o = { pacing: true, now: Date.now, logistics: DEFAULT_LOGISTICS_WEIGHTS, ...opts };
    const m = deps.metrics;
    this.#metrics = {
      auctions: m.counter('shop_ads_auctions_total', 'ad auctions run (answers that could carry ads)').with({}),
      impressions: m.counter('shop_ads_impressions_total', 'sponsored entries shown (ad_impression events appended)').with({}),
    };
    this.learner = new CtrLearner({ nc: deps.nc, dataDir: deps.dataDir, logger: deps.logger });
    const loss = () => this.learner.fold.loss;
    m.counterFrom('shop_ads_ctr_examples_total', 'impressions the CTR model learned from (clicked or not), folded from the log', () => [[{}, loss().n]]);
    m.gauge('shop_ads_ctr_progressive_logloss', 'progressive-validation logloss of the CTR model (each impression scored before it was learned)', () => (loss().n ? loss().sum / loss().n : Number.NaN));
    m.gauge('shop_ads_ctr_seq', 'last log sequence the CTR model folded', () => this.learner.seq);
  }

  /** Follows the definitions subject (live), then reads what is already on the log; restores the CTR model (checkpoint + the log's tail). */
  async start(): Promise<void> {
    this.#sub = this.#d.nc.subscribe(DEFINITIONS_SUBJECT, {
      callback: (err, msg) => {
        if (err) return;
        try {
          const e = decodeEvent(msg.data);
          if (e.defKind === AD_CAMPAIGN_KIND) this.#reg.apply(e, 0);
        } catch (e2) {
          this.#d.logger?.warn('ads: undecodable definition', { err: e2 });
        }
      },
    });
    for (const r of await readDefinitions(this.#d.nc)) if (r.event.defKind === AD_CAMPAIGN_KIND) this.#reg.apply(r.event, r.seq);
    await this.learner.start();
  }

  async close(): Promise<void> {
    this.#sub?.unsubscribe();
    await this.learner.close();
  }

  get model() {
    return this.learner.fold.model;
  }

  get campaigns(): Campaign[] {
    return this.#reg.campaigns;
  }

  /** Creates a campaign (version 1) or replaces it (the next version). */
  async put(body: unknown): Promise<{ id: string; version: number; seq: number }> {
    const c = parseCampaign(body, 0, (id) => this.#d.catalog.has(id));
    const version = this.#reg.version(AD_CAMPAIGN_KIND, c.id) + 1;
    const payload = JSON.stringify(body);
    const ack = await this.#d.log.appendDefinition({ defKind: AD_CAMPAIGN_KIND, defId: c.id, defVersion: version, payload });
    // Applied here at once, so the next answer can carry it (the subscription's copy is then stale).
    this.#reg.apply({ id: '', userId: '', kind: 'definition', ts: this.#o.now(), defKind: AD_CAMPAIGN_KIND, defId: c.id, defVersion: version, payload }, ack.seq);
    return { id: c.id, version, seq: ack.seq };
  }

  stats(id: string): CampaignStats {
    const entry = this.#reg.campaign(id);
    if (!entry) throw new NotFoundError('E_NOT_FOUND', `no campaign "${id.slice(0, 64)}"`);
    const b = this.#d.store.campaigns.get(id);
    const c = entry.campaign;
    const { bidCents, dailyBudgetCents, totalBudgetCents, ...rest } = c;
    const spendCents = b?.spendCents ?? 0;
    return {
      id, version: entry.version,
      campaign: { ...rest, bidPerClick: bidCents / 100, dailyBudget: dailyBudgetCents / 100, totalBudget: totalBudgetCents / 100 },
      spend: spendCents / 100, spendToday: (b?.days[adDayOf(this.#o.now())]?.spendCents ?? 0) / 100,
      impressions: b?.impressions ?? 0, clicks: b?.clicks ?? 0, ctr: b?.impressions ? (b.clicks / b.impressions) : 0,
      refused: b?.refused ?? 0, refusedBy: { ...(b?.refusedBy ?? {}) }, duplicateClicks: b?.duplicates ?? 0,
      remaining: Math.max(0, totalBudgetCents - spendCents) / 100,
    };
  }

  list(): { campaigns: CampaignStats[] } {
    return { campaigns: this.campaigns.map((c) => this.stats(c.id)).sort((a, b) => (a.id < b.id ? -1 : 1)) };
  }

  /** The CTR model: version, log position, progressive-validation numbers, calibration by bucket. */
  modelReport(): CtrModelReport {
    return this.learner.report();
  }

  get modelVersion(): string {
    return this.learner.fold.version;
  }

  /** Whether a campaign may bid now: live, budget left for a reserve-price click, and (pacing) not ahead of an even spread of today's budget. */
  #eligible(c: Campaign, b: CampaignBudgetState | undefined, now: number, reserveCents: number): boolean {
    if (!isLive(c, now)) return false;
    const spent = b?.spendCents ?? 0;
    if (c.totalBudgetCents - spent < reserveCents) return false;
    const today = b?.days[adDayOf(now)]?.spendCents ?? 0;
    if (c.dailyBudgetCents - today < reserveCents) return false;
    return !this.#o.pacing || pacingAllows(c.dailyBudgetCents, today, now);
  }

  #targets(c: Campaign, req: AdRequest): number {
    // 0 = not for this context; > 1: matched on a query term (the strongest signal).
    const anywhere = c.queries.length === 0 && c.categories.length === 0;
    if (req.queryTerms?.some((t) => c.queries.includes(t))) return 1.5;
    if (req.categories?.some((cat) => c.categories.includes(cat))) return 1.2;
    return anywhere ? 1 : 0;
  }

  /**
   * Runs the auction for one answer and appends the winners' impressions; resolves to
   * where they go in the answer. Never an ad for an out-of-stock item.
   */
  async sponsor(req: AdRequest): Promise<SponsoredEntry[]> {
    const slots = Math.floor(req.total * this.#o.slotShare);
    if (slots <= 0 || this.campaigns.length === 0) return [];
    this.#metrics.auctions.inc();
    const now = this.#o.now();
    const reserveCents = Math.round(this.#o.reservePrice * 100);
    const hour = new Date(now).getUTCHours();
    const cands: Array<AdCandidate & { idx: number[] }> = [];
    for (const c of this.campaigns) {
      const rel = this.#targets(c, req);
      if (rel === 0) continue;
      const b = this.#d.store.campaigns.get(c.id);
      if (!this.#eligible(c, b, now, reserveCents)) continue;
      if (c.frequencyCap > 0 && (this.#caps.get(`${req.userId}|${c.id}|${adDayOf(now)}`) ?? 0) >= c.frequencyCap) continue;
      for (const itemId of c.itemIds) {
        const p = this.#d.catalog.get(itemId);
        if (!p) continue;
        const left = this.#d.stockOf(itemId);
        const stock = stockScore(left);
        if (stock === 0) continue; // never an ad for what cannot be bought
        const organicBoost = req.organic?.includes(itemId) ? 1.2 : 1;
        const ctx: AdContext = {
          slot: req.slot, position: 1, itemId, category: p.category, campaignId: c.id, queryTerms: req.queryTerms ?? [],
          affinity: req.affinity?.get(p.category) ?? 0, hour,
        };
        const idx = this.model.indexHashes(adFeatures(ctx));
        cands.push({ campaignId: c.id, itemId, bidCents: c.bidCents, ctr: this.model.predictIdx(idx), relevance: rel * organicBoost * stock * logisticsScore(p, this.#o.logistics), idx });
      }
    }
    const winners = runAuction(cands, slots, reserveCents);
    if (winners.length === 0) return [];
    const step = Math.max(1, Math.floor(1 / Math.max(this.#o.slotShare, 1e-9)));
    const version = this.modelVersion;
    const out: SponsoredEntry[] = [];
    const events: ShopEvent[] = winners.map((w, i) => {
      const impressionId = `ai-${randomUUID()}`;
      const index = Math.min(i * step, req.total - 1);
      out.push({ itemId: w.itemId, campaignId: w.campaignId, impressionId, index });
      const p = this.#d.catalog.get(w.itemId)!;
      const ck = `${req.userId}|${w.campaignId}|${adDayOf(now)}`;
      if (this.#caps.size >= MAX_CAP_KEYS) this.#caps.clear();
      this.#caps.set(ck, (this.#caps.get(ck) ?? 0) + 1);
      return {
        id: impressionId, userId: req.userId, kind: 'ad_impression', ts: now, source: 'engine', itemId: w.itemId, slot: req.slot,
        position: index + 1, campaignId: w.campaignId, impressionId, price: w.priceCents / 100, modelVersion: version, adCtr: w.ctr,
        // What the CTR fold needs to learn this impression at the position it was shown (ctr-fold.ts).
        category: p.category, ...(req.queryTerms?.length ? { query: req.queryTerms.slice(0, 8).join(' ') } : {}),
        ...(affinityOf(req, p.category) > 0 ? { adAffinity: affinityOf(req, p.category) } : {}),
      };
    });
    try {
      await Promise.all(events.map((e) => this.#d.log.append(e)));
    } catch (err) {
      // No impression on the log, no ad in the answer (a click on it could not be charged): the organic answer still goes out.
      this.#d.logger?.warn('ads: impressions not stored; answering without ads', { err });
      return [];
    }
    this.#metrics.impressions.inc(events.length);
    return out;
  }
}

const affinityOf = (req: AdRequest, category: string): number => req.affinity?.get(category) ?? 0;
