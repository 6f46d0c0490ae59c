/**
 * Customer analytics over the live consumer's order histories: RFM segments,
 * cohorts and ABC classes as of a date (definitions in docs/analytics-models.md),
 * and one customer's scores with P(alive) and CLV from a BG/NBD + Gamma-Gamma fit
 * made in a piscina worker. Histories are read once per folded log position.
 */
import { Piscina } from 'piscina';
import {
  abc, clv, cohorts, expectedPurchases, pAlive, repeatSummaries, repeatSummary, rfm, rfmInputOf, scoreRfm, segmentTransitions,
  type BgNbdParams, type CustomerHistory, type GammaGammaParams,
} from './customers/index.js';
import type { ClvFitReply, ClvFitTask } from './clv-fit-task.js';
import { DEFAULT_SEGMENT_MAP, type SegmentMap } from './customers/segments.js';
import type { AnalyticsStore } from './analytics-store.js';

const FIT_TASK_URL = new URL('./clv-fit-task.js', import.meta.url);
const DAY_MS = 86_400_000;
/** P(alive) and expected purchases look this far ahead (in the fit's unit: weeks). */
const HORIZON_WEEKS = 90 / 7;

export interface CustomerScores {
  customerId: string;
  orders: number;
  revenue: number;
  firstOrder: string | null;
  lastOrder: string | null;
  rfm: { recencyDays: number; frequency: number; monetary: number; r: number; f: number; m: number; fm: number } | null;
  segment: string | null;
  pAlive: number | null;
  expectedPurchases90d: number | null;
  clv12m: number | null;
  model: { asOf: string; customers: number; bgnbd: BgNbdParams; gammaGamma: GammaGammaParams | null } | null;
}

export class CustomerReport {
  readonly #store: AnalyticsStore;
  readonly #appliedSeq: () => number;
  #cache: { seq: number; histories: CustomerHistory[] } | undefined;
  #fit: { key: string; reply: Promise<ClvFitReply> } | undefined;
  #pool: Piscina | undefined;

  readonly #segments: { segments: SegmentMap };

  constructor(store: AnalyticsStore, appliedSeq: () => number, segments: SegmentMap = DEFAULT_SEGMENT_MAP) {
    this.#store = store;
    this.#appliedSeq = appliedSeq;
    this.#segments = { segments };
  }

  /** Every customer's history, orders sorted by (ts, orderId) as the models want them. */
  histories(): CustomerHistory[] {
    const seq = this.#appliedSeq();
    if (this.#cache?.seq === seq) return this.#cache.histories;
    const out: CustomerHistory[] = [];
    for (const { key, value } of this.#store.orders.getRange({})) {
      const orders = [...value].sort((a, b) => a.ts - b.ts || (a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0));
      out.push({ customerId: key, orders });
    }
    this.#cache = { seq, histories: out };
    return out;
  }

  rfm(asOf: number) {
    const r = rfm(this.histories(), asOf, this.#segments);
    return { asOf: new Date(asOf).toISOString().slice(0, 10), customers: r.customers, segments: r.segments };
  }

  cohorts(asOf: number) {
    const t = cohorts(this.histories(), asOf);
    return { asOf: new Date(asOf).toISOString().slice(0, 10), cohorts: t.cohorts };
  }

  abc(asOf: number, from?: number) {
    const r = abc(this.histories(), from === undefined ? { asOf } : { asOf, from });
    return {
      asOf: new Date(asOf).toISOString().slice(0, 10), ...(from !== undefined && { from: new Date(from).toISOString().slice(0, 10) }),
      classes: r.classes, revenue: r.revenue, totalRevenue: r.totalRevenue, top: r.products.slice(0, 50),
    };
  }

  /** Segment sizes as of `asOf` and how customers moved since `since` (counts[from][to], "(none)" = not yet a customer). */
  segments(asOf: number, since: number) {
    const all = this.histories();
    const now = rfm(all, asOf, this.#segments);
    const t = segmentTransitions(rfm(all, since, this.#segments), now);
    const day = (x: number) => new Date(x).toISOString().slice(0, 10);
    return { asOf: day(asOf), since: day(since), customers: now.customers, segments: now.segments, moved: t.moves.length, transitions: t.counts };
  }

  /**
   * Lifetime value over every customer as of `asOf`: the fit, a histogram of 12-month
   * CLV (log-spaced bins), and the customers with the highest CLV.
   */
  async clvOverview(asOf: number, limit: number) {
    const fit = await this.#fitFor(asOf);
    const day = new Date(asOf).toISOString().slice(0, 10);
    if (!fit) return { asOf: day, customers: 0, model: null, distribution: [], top: [] };
    if (!fit.ok) return { asOf: day, customers: 0, model: null, distribution: [], top: [], error: fit.message };
    const all = this.histories();
    const inputs = all.map((x) => rfmInputOf(x, asOf)).filter((x): x is NonNullable<typeof x> => x !== undefined);
    const segmentOf = new Map(scoreRfm(inputs, asOf, this.#segments).scores.map((x) => [x.customerId, x.segment]));
    const rows: Array<{ customerId: string; clv12m: number; pAlive: number; orders: number; revenue: number; segment: string | null }> = [];
    for (const h of all) {
      const s = repeatSummary(h, { asOf });
      if (!s) continue;
      const value = fit.gammaGamma ? clv(fit.bgnbd, fit.gammaGamma, s) : 0;
      const before = h.orders.filter((o) => o.ts < asOf);
      rows.push({
        customerId: h.customerId, clv12m: Math.round(value * 100) / 100, pAlive: round(pAlive(fit.bgnbd, s)), orders: before.length,
        revenue: Math.round(before.reduce((t, o) => t + o.revenue, 0) * 100) / 100, segment: segmentOf.get(h.customerId) ?? null,
      });
    }
    rows.sort((a, b) => b.clv12m - a.clv12m || (a.customerId < b.customerId ? -1 : 1));
    return {
      asOf: day, customers: rows.length,
      model: { bgnbd: fit.bgnbd, gammaGamma: fit.gammaGamma ?? null, customers: fit.customers },
      totalClv12m: Math.round(rows.reduce((t, r) => t + r.clv12m, 0) * 100) / 100,
      distribution: clvHistogram(rows.map((r) => r.clv12m)),
      top: rows.slice(0, limit),
    };
  }

  async customer(customerId: string, asOf: number): Promise<CustomerScores | undefined> {
    const all = this.histories();
    const h = all.find((x) => x.customerId === customerId);
    if (!h) return undefined;
    const inputs = all.map((x) => rfmInputOf(x, asOf)).filter((x): x is NonNullable<typeof x> => x !== undefined);
    const score = scoreRfm(inputs, asOf, this.#segments).scores.find((s) => s.customerId === customerId);
    const fit = await this.#fitFor(asOf);
    const s = repeatSummary(h, { asOf });
    const revenue = Math.round(h.orders.reduce((t, o) => t + o.revenue, 0) * 100) / 100;
    const day = (t: number | undefined) => (t === undefined ? null : new Date(t).toISOString().slice(0, 10));
    const out: CustomerScores = {
      customerId, orders: h.orders.length, revenue, firstOrder: day(h.orders[0]?.ts), lastOrder: day(h.orders.at(-1)?.ts),
      rfm: score ? { recencyDays: score.recencyDays, frequency: score.frequency, monetary: Math.round(score.monetary * 100) / 100, r: score.r, f: score.f, m: score.m, fm: score.fm } : null,
      segment: score?.segment ?? null, pAlive: null, expectedPurchases90d: null, clv12m: null, model: null,
    };
    if (fit?.ok && s) {
      out.pAlive = round(pAlive(fit.bgnbd, s));
      out.expectedPurchases90d = round(expectedPurchases(fit.bgnbd, s, HORIZON_WEEKS));
      // One-time buyers too: Gamma-Gamma gives them the population's mean spend (x = 0).
      if (fit.gammaGamma) out.clv12m = Math.round(clv(fit.bgnbd, fit.gammaGamma, s) * 100) / 100;
      out.model = { asOf: new Date(asOf).toISOString().slice(0, 10), customers: fit.customers, bgnbd: fit.bgnbd, gammaGamma: fit.gammaGamma ?? null };
    }
    return out;
  }

  /** The fit for this asOf and log position, made once (in the pool) and shared. */
  async #fitFor(asOf: number): Promise<ClvFitReply | undefined> {
    const key = `${asOf}|${this.#appliedSeq()}`;
    if (this.#fit?.key !== key) {
      const summaries = repeatSummaries(this.histories(), { asOf });
      if (summaries.length === 0) return undefined;
      this.#pool ??= new Piscina({ filename: FIT_TASK_URL.href, minThreads: 0, maxThreads: 1, idleTimeout: 60_000 });
      const task: ClvFitTask = { summaries };
      this.#fit = { key, reply: this.#pool.run(task) as Promise<ClvFitReply> };
    }
    return this.#fit.reply;
  }

  async close(): Promise<void> {
    await this.#pool?.destroy();
  }
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

/** Bins of 0, then [1, 10), [10, 100), ... in money units: CLV spans orders of magnitude. */
export function clvHistogram(values: readonly number[]): Array<{ from: number; to: number | null; customers: number }> {
  const zero = values.filter((v) => v < 1).length;
  const bins = [{ from: 0, to: 1 as number | null, customers: zero }];
  const max = Math.max(1, ...values);
  for (let lo = 1; lo <= max; lo *= 10) bins.push({ from: lo, to: lo * 10, customers: values.filter((v) => v >= lo && v < lo * 10).length });
  return bins;
}
export const tomorrowUtc = () => Math.floor(Date.now() / DAY_MS) * DAY_MS + DAY_MS;
