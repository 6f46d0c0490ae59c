/**
 * Virtual actors: activated from LMDB on first message, kept in memory while used,
 * passivated (dropped from memory) when idle or when the cache is over its cap.
 * State is written to LMDB at every batch commit, so only clean actors are evicted
 * and passivation never loses anything.
 *
 * Lifecycle of one actor: inactive -> activating (LMDB read) -> active -> passivating -> inactive.
 */
export interface ActorCacheOptions<S> {
  /** Most actors held in memory. */
  cap: number;
  /** An actor unused this long is passivated by `sweep`. */
  idleMs: number;
  /** Reads committed state (LMDB); undefined = a new actor. */
  load(id: string): S | undefined;
  create(id: string): S;
}

interface Entry<S> {
  state: S;
  lastUsed: number;
}

export class ActorCache<S> {
  readonly #opts: ActorCacheOptions<S>;
  // Map iteration order is insertion order: re-inserting on use keeps it LRU.
  readonly #active = new Map<string, Entry<S>>();
  readonly #dirty = new Set<string>();
  activations = 0;
  passivations = 0;

  constructor(opts: ActorCacheOptions<S>) {
    if (!Number.isInteger(opts.cap) || opts.cap < 1) throw new RangeError(`actor cache option "cap" must be a positive integer, got ${opts.cap}`);
    if (!(opts.idleMs > 0)) throw new RangeError(`actor cache option "idleMs" must be positive, got ${opts.idleMs}`);
    this.#opts = opts;
  }

  get size(): number {
    return this.#active.size;
  }

  /** The actor's live state, activating it if needed. */
  get(id: string, now = Date.now()): S {
    let e = this.#active.get(id);
    if (e) {
      this.#active.delete(id);
    } else {
      const state = this.#opts.load(id) ?? this.#opts.create(id);
      e = { state, lastUsed: now };
      this.activations++;
    }
    e.lastUsed = now;
    this.#active.set(id, e);
    return e.state;
  }

  /** Live state if active, without activating. */
  peek(id: string): S | undefined {
    return this.#active.get(id)?.state;
  }

  markDirty(id: string): void {
    this.#dirty.add(id);
  }

  /** The dirty actors to write in this commit; they become clean. */
  takeDirty(): Array<[string, S]> {
    const out: Array<[string, S]> = [];
    for (const id of this.#dirty) {
      const e = this.#active.get(id);
      if (e) out.push([id, e.state]);
    }
    this.#dirty.clear();
    return out;
  }

  /** Passivates least recently used clean actors while over the cap. */
  enforceCap(): void {
    if (this.#active.size <= this.#opts.cap) return;
    for (const id of this.#active.keys()) {
      if (this.#active.size <= this.#opts.cap) break;
      if (this.#dirty.has(id)) continue;
      this.#active.delete(id);
      this.passivations++;
    }
  }

  /** Passivates clean actors idle for longer than idleMs. */
  sweep(now = Date.now()): void {
    for (const [id, e] of this.#active) {
      if (now - e.lastUsed < this.#opts.idleMs) break; // LRU order: the rest are fresher
      if (this.#dirty.has(id)) continue;
      this.#active.delete(id);
      this.passivations++;
    }
  }

  /** Drops everything (after a failed commit the in-memory state may be ahead of LMDB). */
  clear(): void {
    this.#active.clear();
    this.#dirty.clear();
  }
}
