/**
 * The recent sessions that session-kNN searches: a ring of at most `capacity`
 * sessions (the oldest is overwritten) and, per item, the most recent sessions
 * that contain it (a ring of at most `perItem` session serials). A serial whose
 * slot has since been reused is stale and skipped, so eviction costs nothing.
 */

export interface Posting {
  buf: Float64Array;
  /** Next write position. */
  head: number;
  size: number;
}

export class SessionIndex {
  readonly capacity: number;
  readonly perItem: number;
  readonly maxLength: number;
  /** Serial of the session in each slot; -1 when empty. */
  readonly slotSerial: Float64Array;
  /** Time of the last click in each slot. */
  readonly slotTs: Float64Array;
  /** Items of each slot in click order (at most maxLength). */
  readonly slotItems: Array<number[] | undefined>;
  #postings: Array<Posting | undefined> = [];
  #next = 0;
  #postingEntries = 0;

  constructor(capacity: number, perItem: number, maxLength: number) {
    this.capacity = capacity;
    this.perItem = perItem;
    this.maxLength = maxLength;
    this.slotSerial = new Float64Array(capacity).fill(-1);
    this.slotTs = new Float64Array(capacity);
    this.slotItems = new Array<number[] | undefined>(capacity);
  }

  /** Starts a session, evicting the oldest one if the ring is full; returns its serial. */
  open(ts: number): number {
    const serial = this.#next++;
    const slot = serial % this.capacity;
    this.slotSerial[slot] = serial;
    this.slotTs[slot] = ts;
    this.slotItems[slot] = [];
    return serial;
  }

  /** Items of a live session, or undefined once its slot was reused. */
  items(serial: number): number[] | undefined {
    const slot = serial % this.capacity;
    return this.slotSerial[slot] === serial ? this.slotItems[slot] : undefined;
  }

  append(serial: number, item: number, ts: number): void {
    const slot = serial % this.capacity;
    if (this.slotSerial[slot] !== serial) return; // evicted: too old to be a neighbour
    const items = this.slotItems[slot] as number[];
    this.slotTs[slot] = ts;
    if (items.length >= this.maxLength) return;
    const seen = items.includes(item);
    items.push(item);
    if (!seen) this.#post(item, serial);
  }

  #post(item: number, serial: number): void {
    let p = this.#postings[item];
    if (p === undefined) this.#postings[item] = p = { buf: new Float64Array(Math.min(4, this.perItem)), head: 0, size: 0 };
    if (p.size === p.buf.length && p.size < this.perItem) {
      // grow a ring that has never wrapped: its entries are in order, oldest first
      const next = new Float64Array(Math.min(this.perItem, p.buf.length * 2));
      next.set(p.buf);
      p.buf = next;
      p.head = p.size;
    }
    p.buf[p.head] = serial;
    p.head = (p.head + 1) % p.buf.length;
    if (p.size < p.buf.length) {
      p.size++;
      this.#postingEntries++;
    }
  }

  posting(item: number): Posting | undefined {
    return this.#postings[item];
  }

  get sessions(): number {
    return Math.min(this.#next, this.capacity);
  }

  get nextSerial(): number {
    return this.#next;
  }

  get postingEntries(): number {
    return this.#postingEntries;
  }

  get bytes(): number {
    let n = this.capacity * 16;
    for (const it of this.slotItems) if (it !== undefined) n += 16 + it.length * 8;
    for (const p of this.#postings) if (p !== undefined) n += p.buf.length * 8;
    return n;
  }

  toData(): { next: number; slotSerial: Float64Array; slotTs: Float64Array; slotItems: Array<number[] | null>; postItems: number[]; postings: Posting[] } {
    const postItems: number[] = [];
    const postings: Posting[] = [];
    this.#postings.forEach((p, i) => {
      if (p !== undefined) {
        postItems.push(i);
        postings.push(p);
      }
    });
    const slotItems = Array.from(this.slotItems, (x) => x ?? null);
    return { next: this.#next, slotSerial: this.slotSerial, slotTs: this.slotTs, slotItems, postItems, postings };
  }

  static fromData(capacity: number, perItem: number, maxLength: number, d: ReturnType<SessionIndex['toData']>): SessionIndex {
    if (d.slotSerial.length !== capacity || d.slotTs.length !== capacity || d.slotItems.length !== capacity) {
      throw new RangeError('snapshot: session index does not match maxSessions');
    }
    const x = new SessionIndex(capacity, perItem, maxLength);
    x.slotSerial.set(d.slotSerial);
    x.slotTs.set(d.slotTs);
    d.slotItems.forEach((it, i) => (x.slotItems[i] = it ?? undefined));
    d.postItems.forEach((item, i) => {
      const p = d.postings[i];
      if (p === undefined) throw new RangeError(`snapshot: posting ${i} missing`);
      x.#postings[item] = p;
      x.#postingEntries += p.size;
    });
    x.#next = d.next;
    return x;
  }
}
