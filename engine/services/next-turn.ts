/**
 * Runs work together with the other work queued in the same event-loop turn
 * (setImmediate). Front doors receive one message per callback, and nats.js flushes
 * its outbound buffer on a microtask, so without this every event or ask leaves in
 * its own socket write; started together they share one. Under load that write is
 * most of a request's cost on the main thread.
 */
export class NextTurn {
  #queue: Array<() => void> | undefined;

  /** Starts `start` in the next turn, with everything else queued before then. */
  run<T>(start: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.#queue === undefined) {
        const queue: Array<() => void> = (this.#queue = []);
        setImmediate(() => {
          this.#queue = undefined;
          for (const run of queue) run();
        });
      }
      this.#queue.push(() => {
        try {
          start().then(resolve, reject);
        } catch (err) {
          reject(err);
        }
      });
    });
  }
}
