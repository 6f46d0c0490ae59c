/**
 * Exponential time decay without touching stored weights on every event: a new
 * event is added with weight 2^((ts - origin) / halfLife), which grows instead
 * of old weights shrinking. Only ratios are ever compared, so the result is the
 * same as decaying everything. When the exponent gets large the origin moves
 * forward and the owner rescales what it stores (rare: every ~500 half-lives).
 */

/** Largest exponent (base 2) before the origin is moved; 2^500 ~ 1e150 leaves room for sums. */
const MAX_EXPONENT = 500;

export class DecayClock {
  readonly halfLifeMs: number;
  origin: number;

  constructor(halfLifeMs: number, origin = Number.NaN) {
    this.halfLifeMs = halfLifeMs;
    this.origin = origin;
  }

  /**
   * The weight of an event at `ts`. If the origin has to move first, `rescale`
   * is called with the factor every stored weight must be multiplied by.
   */
  weight(ts: number, rescale: (factor: number) => void): number {
    if (Number.isNaN(this.origin)) this.origin = ts;
    let e = (ts - this.origin) / this.halfLifeMs;
    if (e > MAX_EXPONENT) {
      rescale(Math.pow(2, -e));
      this.origin = ts;
      e = 0;
    }
    return Math.pow(2, e);
  }

  /** The weight of `ts` relative to `now` (1 at now, 1/2 one half-life earlier). */
  static relative(ts: number, now: number, halfLifeMs: number): number {
    return Math.pow(2, -Math.max(0, now - ts) / halfLifeMs);
  }
}
