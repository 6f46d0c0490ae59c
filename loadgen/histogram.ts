/**
 * Latency histograms: HdrHistogram (hdr-histogram-js) recording microseconds, so
 * sub-millisecond acks keep 3 significant digits and a 60 s stall still fits.
 * Histograms cross threads as compressed base64 (the library's own encoding).
 */
import { build, decodeFromCompressedBase64, encodeIntoCompressedBase64, type Histogram } from 'hdr-histogram-js';

/** Highest latency tracked: one hour, in microseconds. */
const HIGHEST_US = 3_600_000_000;

export function newHistogram(): Histogram {
  return build({ lowestDiscernibleValue: 1, highestTrackableValue: HIGHEST_US, numberOfSignificantValueDigits: 3, autoResize: false });
}

/** Records a latency given in milliseconds (clamped to the tracked range). */
export function recordMs(h: Histogram, ms: number): void {
  const us = Math.round(ms * 1000);
  h.recordValue(us < 1 ? 1 : us > HIGHEST_US ? HIGHEST_US : us);
}

export function encodeHistogram(h: Histogram): string {
  return encodeIntoCompressedBase64(h);
}

/** Adds an encoded histogram into `into`. */
export function mergeEncoded(into: Histogram, encoded: string): void {
  if (encoded === '') return;
  const h = decodeFromCompressedBase64(encoded);
  into.add(h);
  h.destroy();
}

export interface LatencySummary {
  count: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  p999: number;
  max: number;
  mean: number;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Percentiles in milliseconds (3 decimals); all zero when nothing was recorded. */
export function summarize(h: Histogram): LatencySummary {
  if (h.totalCount === 0) return { count: 0, p50: 0, p90: 0, p95: 0, p99: 0, p999: 0, max: 0, mean: 0 };
  const at = (p: number) => round3(h.getValueAtPercentile(p) / 1000);
  return {
    count: h.totalCount,
    p50: at(50),
    p90: at(90),
    p95: at(95),
    p99: at(99),
    p999: at(99.9),
    max: round3(h.maxValue / 1000),
    mean: round3(h.mean / 1000),
  };
}

export type { Histogram };
