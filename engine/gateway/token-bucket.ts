/** A token bucket: `ratePerS` refill, at most `burst` saved up. */
export class TokenBucket {
  #tokens: number;
  #refilledAt = Date.now();

  constructor(
    private readonly ratePerS: number,
    private readonly burst: number,
  ) {
    this.#tokens = burst;
  }

  /** Takes one token if there is one. */
  take(now: number): boolean {
    this.#tokens = Math.min(this.burst, this.#tokens + ((now - this.#refilledAt) / 1000) * this.ratePerS);
    this.#refilledAt = now;
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }
}
