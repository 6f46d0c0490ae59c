/**
 * A user's last computed recs (no context) answer a plain Recommend while the user's
 * state is unchanged and they are younger than the TTL; the shared model moves with
 * every shopper's events, so they are not reused for longer. Stock is re-checked on
 * every reuse. Bounded (oldest dropped first).
 */
import type { RecItem } from './shard-recommender.js';

export const RECS_CACHE_TTL_MS = 2000;
export const RECS_CACHE_MAX = 50_000;

export class RecsCache {
  readonly #entries = new Map<string, { seq: number; at: number; items: RecItem[] }>();
  readonly #inStock: (itemId: string) => boolean;
  hits = 0;

  constructor(inStock: (itemId: string) => boolean) {
    this.#inStock = inStock;
  }

  /** Catalog or index changed: cached recs may show old names, prices or items. */
  clear(): void {
    this.#entries.clear();
  }

  put(userId: string, seq: number, items: RecItem[]): void {
    this.#entries.delete(userId); // re-insert: Map order is age order
    if (this.#entries.size >= RECS_CACHE_MAX) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    this.#entries.set(userId, { seq, at: performance.now(), items });
  }

  /** The cached recs if still valid for this state and k, minus items sold out since. */
  get(userId: string, seq: number, k: number): RecItem[] | undefined {
    const c = this.#entries.get(userId);
    if (!c || c.seq !== seq || performance.now() - c.at > RECS_CACHE_TTL_MS) return undefined;
    const items = c.items.filter((r) => this.#inStock(r.itemId));
    if (items.length < k) return undefined;
    this.hits++;
    return items.slice(0, k);
  }
}
