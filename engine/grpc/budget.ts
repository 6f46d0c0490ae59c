/**
 * A bounded count of work in progress. Unary calls `tryTake` and are refused at
 * the limit (RESOURCE_EXHAUSTED); streams `take` and wait, which pauses their reads
 * (HTTP/2 flow control pushes back on the client). Never an unbounded queue:
 * waiters are at most one per open stream.
 */
export class Budget {
  readonly limit: number;
  #used = 0;
  readonly #waiters: Array<() => void> = [];

  constructor(limit: number) {
    this.limit = limit;
  }

  get used(): number {
    return this.#used;
  }

  get waiting(): number {
    return this.#waiters.length;
  }

  tryTake(): boolean {
    if (this.#used >= this.limit || this.#waiters.length > 0) return false;
    this.#used++;
    return true;
  }

  /** Resolves once a unit is taken; `cancel()` on the result gives up waiting. */
  take(): { taken: Promise<void>; cancel(): void } {
    if (this.tryTake()) return { taken: Promise.resolve(), cancel: () => undefined };
    let waiter!: () => void;
    const taken = new Promise<void>((resolve) => {
      waiter = () => {
        this.#used++;
        resolve();
      };
      this.#waiters.push(waiter);
    });
    return {
      taken,
      cancel: () => {
        const i = this.#waiters.indexOf(waiter);
        if (i >= 0) this.#waiters.splice(i, 1);
      },
    };
  }

  release(): void {
    if (this.#used <= 0) throw new Error('Budget.release without take');
    this.#used--;
    const next = this.#waiters.shift();
    if (next) next();
  }
}
