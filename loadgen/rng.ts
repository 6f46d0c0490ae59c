/**
 * A small seeded PRNG (mulberry32) and the distributions the behaviour models draw
 * from. Seeded so a run's sequence of actions is reproducible; not for crypto.
 */
export class Rng {
  #s: number;

  constructor(seed: number) {
    this.#s = seed >>> 0 || 0x9e3779b9;
  }

  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.#s = (this.#s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(list: readonly T[]): T {
    if (list.length === 0) throw new RangeError('cannot pick from an empty list');
    return list[this.int(list.length)]!;
  }

  /** Exponential with the given mean: gaps of a Poisson process. */
  exp(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  /** Index in [0, n) with probability proportional to 1 / (i + 1)^s: a few popular, a long tail. */
  zipf(n: number, s = 1): number {
    const cdf = zipfCdf(n, s);
    const r = this.next() * cdf[n - 1]!;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cdf[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

const zipfTables = new Map<string, Float64Array>();

/** Cumulative weights of a zipf draw, cached: the hot path is a binary search. */
function zipfCdf(n: number, s: number): Float64Array {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`zipf needs n >= 1, got ${n}`);
  const key = `${n}:${s}`;
  let cdf = zipfTables.get(key);
  if (!cdf) {
    cdf = new Float64Array(n);
    let total = 0;
    for (let i = 0; i < n; i++) cdf[i] = total += 1 / Math.pow(i + 1, s);
    zipfTables.set(key, cdf);
  }
  return cdf;
}

/** Derives independent seeds for workers and shoppers from the run's seed. */
export function deriveSeed(seed: number, ...parts: number[]): number {
  let h = (seed ^ 0x811c9dc5) >>> 0;
  for (const p of parts) {
    h = Math.imul(h ^ (p >>> 0), 0x01000193);
    h ^= h >>> 13;
  }
  return h >>> 0;
}
