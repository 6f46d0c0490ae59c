/**
 * Trending items over ALL shoppers' events (every shard sees the whole log), with
 * exponential decay. Part of the shard's model replica: the fallback for shoppers
 * with no history, and a business signal in re-ranking.
 */
import { decayTrend, TREND_WEIGHT } from '../../../actors/signals.js';
import type { ShopEvent } from '../../../protos/index.js';

const REFRESH_MS = 500;
const TOP_SIZE = 500;

export class TrendingBoard {
  readonly #scores = new Map<string, { s: number; ts: number }>();
  #top: Array<{ itemId: string; score: number }> = [];
  #topAt = 0;
  #now = 0;

  observe(itemId: string, kind: ShopEvent['kind'], ts: number): void {
    const w = TREND_WEIGHT[kind];
    if (w === undefined) return;
    const e = this.#scores.get(itemId);
    if (!e) this.#scores.set(itemId, { s: w, ts });
    else {
      if (ts > e.ts) {
        e.s = decayTrend(e.s, e.ts, ts);
        e.ts = ts;
      }
      e.s += w;
    }
    if (ts > this.#now) this.#now = ts;
  }

  score(itemId: string): number {
    const e = this.#scores.get(itemId);
    if (!e) return 0;
    return decayTrend(e.s, e.ts, this.#now);
  }

  /** The top items, best first; refreshed at most every REFRESH_MS of wall time. */
  top(): ReadonlyArray<{ itemId: string; score: number }> {
    const wall = Date.now();
    if (wall - this.#topAt > REFRESH_MS) {
      this.#topAt = wall;
      const all: Array<{ itemId: string; score: number }> = [];
      for (const id of this.#scores.keys()) all.push({ itemId: id, score: this.score(id) });
      all.sort((a, b) => b.score - a.score);
      this.#top = all.slice(0, TOP_SIZE);
    }
    return this.#top;
  }

  toJSON(): Array<[string, number, number]> {
    return [...this.#scores].map(([id, e]) => [id, e.s, e.ts]);
  }

  static from(rows: Array<[string, number, number]>): TrendingBoard {
    const b = new TrendingBoard();
    for (const [id, s, ts] of rows) {
      b.#scores.set(id, { s, ts });
      if (ts > b.#now) b.#now = ts;
    }
    return b;
  }
}
