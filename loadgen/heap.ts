/** A binary min-heap of ids keyed by time: the send schedule of one loadgen thread. */
export class TimeHeap {
  #ids: number[] = [];
  #times: number[] = [];

  get size(): number {
    return this.#ids.length;
  }

  /** Earliest time, or Infinity when empty. */
  peekTime(): number {
    return this.#times.length ? this.#times[0]! : Infinity;
  }

  push(id: number, time: number): void {
    const ids = this.#ids;
    const times = this.#times;
    let i = ids.length;
    ids.push(id);
    times.push(time);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (times[parent]! <= time) break;
      ids[i] = ids[parent]!;
      times[i] = times[parent]!;
      i = parent;
    }
    ids[i] = id;
    times[i] = time;
  }

  /** Removes and returns the id with the earliest time; undefined when empty. */
  pop(): number | undefined {
    const ids = this.#ids;
    const times = this.#times;
    if (ids.length === 0) return undefined;
    const top = ids[0]!;
    const lastId = ids.pop()!;
    const lastTime = times.pop()!;
    const n = ids.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && times[r]! < times[l]! ? r : l;
        if (times[c]! >= lastTime) break;
        ids[i] = ids[c]!;
        times[i] = times[c]!;
        i = c;
      }
      ids[i] = lastId;
      times[i] = lastTime;
    }
    return top;
  }
}
