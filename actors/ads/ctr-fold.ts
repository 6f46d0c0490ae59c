/**
 * The CTR model as a fold of the log: `ad_impression` events are remembered with the
 * features the auction saw (all carried on the event: slot, position, item, category,
 * campaign, query terms, affinity, hour), the viewer's `ad_click` on one labels it 1,
 * and an impression not clicked within CLICK_WINDOW_MS of log time is labelled 0. Log
 * time is the largest event time seen so far on ad events, so a replay of the same log
 * labels the same impressions at the same positions and every node folding it holds the
 * same model. Each example is scored before it is learned (progressive validation).
 * Pure and synchronous.
 */
import { adFeatures } from './auction.js';
import { FtrlModel, type FtrlOptions } from './ftrl.js';

/** An impression not clicked within this long (log time) is learned as a non-click. */
export const CLICK_WINDOW_MS = 30_000;
/** Impressions awaiting their label (bounded: past it the oldest are labelled non-clicks early). */
export const MAX_PENDING = 50_000;
/** Calibration buckets of the predicted CTR: [0, 0.01), [0.01, 0.02), ... the last open-ended. */
export const CALIBRATION_EDGES = [0.01, 0.02, 0.03, 0.05, 0.08, 0.12, 0.2, 0.3, 0.5] as const;

/** The fields of an ad event the fold reads (a subset of ShopEvent). */
export interface AdLogEvent {
  kind: string;
  userId: string;
  ts: number;
  itemId?: string | undefined;
  slot?: string | undefined;
  position?: number | undefined;
  campaignId?: string | undefined;
  impressionId?: string | undefined;
  category?: string | undefined;
  /** ad_impression: the analysed query terms, space-separated. */
  query?: string | undefined;
  adAffinity?: number | undefined;
}

export interface PendingImpression {
  userId: string;
  ts: number;
  idx: number[];
}

export interface CalibrationBucket {
  /** Upper edge of predicted CTR (null: the last, open-ended; JSON has no Infinity). */
  upTo: number | null;
  n: number;
  predicted: number;
  clicks: number;
}

export class CtrFold {
  readonly model: FtrlModel;
  /** Map order = impression order on the log (oldest first). */
  readonly pending = new Map<string, PendingImpression>();
  /** Largest event time on the ad events folded (ms). */
  clock = 0;
  loss = { sum: 0, n: 0, clicks: 0 };
  /** Per bucket: examples, sum of predictions, clicks (progressive: each scored before learned). */
  calib: { n: number; predicted: number; clicks: number }[] = Array.from({ length: CALIBRATION_EDGES.length + 1 }, () => ({ n: 0, predicted: 0, clicks: 0 }));

  constructor(opts: Partial<FtrlOptions> = {}) {
    this.model = new FtrlModel(opts);
  }

  get version(): string {
    return `ftrl-${this.model.updates}`;
  }

  /** Folds one event; only ad_impression and ad_click change anything. Returns whether it did. */
  apply(e: AdLogEvent): boolean {
    if (e.kind === 'ad_impression') {
      this.#advance(e.ts);
      if (!e.impressionId || !e.itemId || this.pending.has(e.impressionId)) return false;
      const terms = e.query ? e.query.split(' ').filter((t) => t.length > 0) : [];
      const idx = this.model.indexHashes(adFeatures({
        slot: e.slot ?? '', position: e.position ?? 1, itemId: e.itemId, category: e.category ?? '', campaignId: e.campaignId ?? '',
        queryTerms: terms, affinity: e.adAffinity ?? 0, hour: new Date(e.ts).getUTCHours(),
      }));
      if (this.pending.size >= MAX_PENDING) {
        const oldest = this.pending.keys().next().value;
        if (oldest !== undefined) this.#learn(oldest, false);
      }
      this.pending.set(e.impressionId, { userId: e.userId, ts: e.ts, idx });
      return true;
    }
    if (e.kind === 'ad_click') {
      this.#advance(e.ts);
      const p = e.impressionId ? this.pending.get(e.impressionId) : undefined;
      // Only the viewer's click counts (as for the charge): anyone else's says nothing about the impression.
      if (!p || p.userId !== e.userId) return false;
      this.#learn(e.impressionId!, true);
      return true;
    }
    return false;
  }

  /** Moves log time on and labels what it leaves behind as non-clicks. */
  #advance(ts: number): void {
    if (ts > this.clock) this.clock = ts;
    for (const [id, p] of this.pending) {
      if (this.clock - p.ts < CLICK_WINDOW_MS) break;
      this.#learn(id, false);
    }
  }

  #learn(impressionId: string, clicked: boolean): void {
    const p = this.pending.get(impressionId);
    if (!p) return;
    this.pending.delete(impressionId);
    const pred = this.model.learnIdx(p.idx, clicked);
    const q = Math.min(1 - 1e-15, Math.max(1e-15, pred));
    this.loss.sum += clicked ? -Math.log(q) : -Math.log(1 - q);
    this.loss.n++;
    let b = CALIBRATION_EDGES.findIndex((edge) => pred < edge);
    if (b < 0) b = CALIBRATION_EDGES.length;
    const c = this.calib[b]!;
    c.n++;
    c.predicted += pred;
    if (clicked) {
      this.loss.clicks++;
      c.clicks++;
    }
  }

  calibration(): CalibrationBucket[] {
    return this.calib.map((c, i) => ({ upTo: CALIBRATION_EDGES[i] ?? null, ...c }));
  }
}
