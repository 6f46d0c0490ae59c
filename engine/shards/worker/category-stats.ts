/**
 * Shop-wide category facts for category picks, folded from every shopper's events
 * (part of the shard's model replica, snapshotted with it): decayed views and
 * purchases per category (conversion), and which categories the same shoppers buy
 * (pairs of a shopper's recent purchase categories).
 */
import type { CategoryStatsView } from '../../../actors/user/category-picks.js';
import type { ShopEvent } from '../../../protos/index.js';

const HALF_LIFE_MS = 7 * 86_400_000;
/** Prior weight (in views) pulling a category's conversion towards the shop's. */
const PRIOR_VIEWS = 20;
const POPULAR_TOP = 20;
const ALSO_TOP = 10;
/** Shoppers whose recent purchase categories are remembered (least recent forgotten first). */
const MAX_BUYERS = 20_000;
const CATEGORIES_PER_BUYER = 4;
const REFRESH_MS = 1000;

interface Counts { views: number; buys: number; ts: number }

export interface CategoryStatsSnapshot {
  counts: Array<[string, number, number, number]>;
  pairs: Array<[string, string, number]>;
  buyers: Array<[string, string[]]>;
}

export class CategoryStats implements CategoryStatsView {
  readonly #counts = new Map<string, Counts>();
  readonly #pairs = new Map<string, Map<string, number>>();
  readonly #buyers = new Map<string, string[]>();
  #now = 0;
  #popular: Array<{ category: string; score: number }> = [];
  #popularAt = 0;
  readonly #also = new Map<string, { at: number; list: Array<{ category: string; p: number }> }>();
  /** Before any shopper activity: the catalog's biggest categories (set by the shard from its catalog). */
  fallback: Array<{ category: string; score: number }> = [];

  /** The catalog's categories by product count, best first, as the cold-start list. */
  setCatalog(categoryOfItems: Iterable<string>): void {
    const n = new Map<string, number>();
    for (const c of categoryOfItems) n.set(c, (n.get(c) ?? 0) + 1);
    const rows = [...n].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, POPULAR_TOP);
    const max = rows[0]?.[1] ?? 1;
    this.fallback = rows.map(([category, count]) => ({ category, score: count / max }));
    this.#popularAt = 0;
  }

  observe(e: ShopEvent, category: string | undefined): void {
    if (!category) return;
    if (e.kind === 'view' || e.kind === 'rec_click') this.#bump(category, e.ts, 1, 0);
    else if (e.kind === 'purchase') {
      this.#bump(category, e.ts, 0, 1);
      this.#bought(e.userId, category);
    }
  }

  #bump(category: string, ts: number, views: number, buys: number): void {
    if (ts > this.#now) this.#now = ts;
    let c = this.#counts.get(category);
    if (!c) this.#counts.set(category, (c = { views: 0, buys: 0, ts }));
    if (ts > c.ts) {
      const d = Math.pow(0.5, (ts - c.ts) / HALF_LIFE_MS);
      c.views *= d;
      c.buys *= d;
      c.ts = ts;
    }
    c.views += views;
    c.buys += buys;
  }

  #bought(userId: string, category: string): void {
    const before = this.#buyers.get(userId) ?? [];
    this.#buyers.delete(userId);
    if (!before.includes(category)) {
      for (const a of before) {
        this.#pair(a, category);
        this.#pair(category, a);
      }
    }
    const next = [category, ...before.filter((c) => c !== category)].slice(0, CATEGORIES_PER_BUYER);
    this.#buyers.set(userId, next);
    if (this.#buyers.size > MAX_BUYERS) this.#buyers.delete(this.#buyers.keys().next().value as string);
  }

  #pair(a: string, b: string): void {
    let m = this.#pairs.get(a);
    if (!m) this.#pairs.set(a, (m = new Map()));
    m.set(b, (m.get(b) ?? 0) + 1);
  }

  popular(): ReadonlyArray<{ category: string; score: number }> {
    const wall = Date.now();
    if (wall - this.#popularAt < REFRESH_MS) return this.#popular;
    this.#popularAt = wall;
    let views = 0;
    let buys = 0;
    const decayed: Array<[string, number, number]> = [];
    for (const [cat, c] of this.#counts) {
      const d = Math.pow(0.5, (this.#now - c.ts) / HALF_LIFE_MS);
      decayed.push([cat, c.views * d, c.buys * d]);
      views += c.views * d;
      buys += c.buys * d;
    }
    const base = views > 0 ? buys / views : 0;
    // Expected purchases from showing the category: smoothed conversion x sqrt(reach).
    const rows = decayed.map(([category, v, b]) => ({ category, score: ((b + PRIOR_VIEWS * base) / (v + PRIOR_VIEWS)) * Math.sqrt(v) }));
    rows.sort((a, b) => b.score - a.score || (a.category < b.category ? -1 : 1));
    const top = rows.slice(0, POPULAR_TOP);
    const max = top[0]?.score ?? 0;
    this.#popular = max > 0 ? top.map((r) => ({ category: r.category, score: r.score / max })) : this.fallback;
    return this.#popular;
  }

  alsoBought(a: string): ReadonlyArray<{ category: string; p: number }> {
    const wall = Date.now();
    const hit = this.#also.get(a);
    if (hit && wall - hit.at < REFRESH_MS) return hit.list;
    const m = this.#pairs.get(a);
    let total = 0;
    if (m) for (const n of m.values()) total += n;
    const list = m && total > 0
      ? [...m].map(([category, n]) => ({ category, p: n / total })).sort((x, y) => y.p - x.p || (x.category < y.category ? -1 : 1)).slice(0, ALSO_TOP)
      : [];
    this.#also.set(a, { at: wall, list });
    return list;
  }

  toSnapshot(): CategoryStatsSnapshot {
    const pairs: Array<[string, string, number]> = [];
    for (const [a, m] of this.#pairs) for (const [b, n] of m) pairs.push([a, b, n]);
    return { counts: [...this.#counts].map(([c, x]) => [c, x.views, x.buys, x.ts]), pairs, buyers: [...this.#buyers] };
  }

  static fromSnapshot(snap: CategoryStatsSnapshot | undefined): CategoryStats {
    const s = new CategoryStats();
    if (!snap) return s;
    for (const [c, views, buys, ts] of snap.counts) {
      s.#counts.set(c, { views, buys, ts });
      if (ts > s.#now) s.#now = ts;
    }
    for (const [a, b, n] of snap.pairs) {
      let m = s.#pairs.get(a);
      if (!m) s.#pairs.set(a, (m = new Map()));
      m.set(b, n);
    }
    for (const [u, cats] of snap.buyers) s.#buyers.set(u, cats);
    return s;
  }
}
