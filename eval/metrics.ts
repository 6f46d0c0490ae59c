/**
 * Hit rate and mean reciprocal rank at a cut-off, plus a per-query latency
 * histogram (hdr-histogram-js, microsecond resolution).
 */
import * as hdr from 'hdr-histogram-js';

export const CUTOFF = 20;

export interface MetricSummary {
  n: number;
  hr: number;
  mrr: number;
  p50Ms: number;
  p99Ms: number;
}

export class RankMetrics {
  #n = 0;
  #hits = 0;
  #rr = 0;
  #latency = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: 3 });

  /** `ranked`: item ids best first; only the first CUTOFF count. */
  add(ranked: readonly string[], target: string, micros?: number): void {
    this.#n++;
    const lim = Math.min(CUTOFF, ranked.length);
    for (let i = 0; i < lim; i++) {
      if (ranked[i] === target) {
        this.#hits++;
        this.#rr += 1 / (i + 1);
        break;
      }
    }
    if (micros !== undefined) this.#latency.recordValue(Math.max(1, Math.round(micros)));
  }

  summary(): MetricSummary {
    const n = this.#n;
    return {
      n,
      hr: n === 0 ? 0 : this.#hits / n,
      mrr: n === 0 ? 0 : this.#rr / n,
      p50Ms: this.#latency.getValueAtPercentile(50) / 1000,
      p99Ms: this.#latency.getValueAtPercentile(99) / 1000,
    };
  }
}
