/**
 * A trained purchase-intent model: all trees in flat typed arrays (one node per
 * index; leaves have left = -1), so a score walks arrays and allocates nothing.
 * For scoring the nodes are laid out again so that siblings are adjacent: a step
 * is `child = firstChild + (x > threshold)`, with no branch to mispredict, and a
 * node's feature and first child share one Int32Array (one cache line).
 * `contributions` splits a margin into per-feature parts by path attribution
 * (Saabas): each split on the path adds value[child] - value[node] to the
 * feature it tests; the parts plus the bias sum to the margin exactly.
 */
import type { FeatureDef, IntentSession } from './features.js';
import { featureVector } from './features.js';

export interface ModelArrays {
  /** First node of each tree. */
  roots: Int32Array;
  /** Feature index tested at the node; -1 at a leaf. */
  feature: Int32Array;
  /** Go left when x <= threshold (NaN goes right). */
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  /** Leaf value, or at an inner node the value it would have as a leaf. */
  value: Float64Array;
}

/** Per-feature training quartiles: explanations say "high" above q75, "low" below q25. */
export interface FeatureStats {
  q25: Float64Array;
  q75: Float64Array;
}

export interface Contribution {
  feature: string;
  value: number;
  /** Share of the log-odds margin, + towards buying. */
  contribution: number;
  /** e.g. "PageValues high (+1.80)" */
  text: string;
}

export interface ModelInfo {
  /** Training rows, positives, rounds kept per bag, options used: for people, not for scoring. */
  [key: string]: unknown;
}

export class IntentModel<S = IntentSession> {
  readonly features: readonly FeatureDef<S>[];
  readonly baseScore: number;
  readonly stats: FeatureStats;
  readonly info: ModelInfo;
  readonly #a: ModelArrays;
  /** scoring layout: #fk[2i] feature (-1 at a leaf), #fk[2i+1] first child; #thr threshold, or the value at a leaf */
  readonly #roots: Int32Array;
  readonly #fk: Int32Array;
  readonly #thr: Float64Array;
  /** node values in the scoring layout, for contributions */
  readonly #val: Float64Array;
  readonly #x: Float64Array;
  readonly #c: Float64Array;

  constructor(features: readonly FeatureDef<S>[], baseScore: number, arrays: ModelArrays, stats: FeatureStats, info: ModelInfo = {}) {
    this.features = features;
    this.baseScore = baseScore;
    this.#a = arrays;
    this.stats = stats;
    this.info = info;
    this.#x = new Float64Array(features.length);
    this.#c = new Float64Array(features.length);
    const n = arrays.value.length;
    this.#roots = new Int32Array(arrays.roots.length);
    this.#fk = new Int32Array(2 * n);
    this.#thr = new Float64Array(n);
    this.#val = new Float64Array(n);
    // breadth-first per tree, children placed side by side as their parent is placed
    const queue = new Int32Array(n);
    let next = 0;
    for (let t = 0; t < arrays.roots.length; t++) {
      const root = next++;
      this.#roots[t] = root;
      queue[root] = arrays.roots[t] as number;
      for (let at = root; at < next; at++) {
        const old = queue[at] as number;
        const f = arrays.feature[old] as number;
        this.#val[at] = arrays.value[old] as number;
        this.#fk[2 * at] = f;
        if (f < 0) {
          this.#thr[at] = arrays.value[old] as number;
          this.#fk[2 * at + 1] = -1;
        } else {
          this.#thr[at] = arrays.threshold[old] as number;
          this.#fk[2 * at + 1] = next;
          queue[next++] = arrays.left[old] as number;
          queue[next++] = arrays.right[old] as number;
        }
      }
    }
  }

  get arrays(): Readonly<ModelArrays> {
    return this.#a;
  }

  get treeCount(): number {
    return this.#a.roots.length;
  }

  get nodeCount(): number {
    return this.#a.value.length;
  }

  /** Log-odds of a purchase for a feature vector in `features` order. */
  margin(x: ArrayLike<number>): number {
    const roots = this.#roots;
    const fk = this.#fk;
    const thr = this.#thr;
    let m = this.baseScore;
    for (let t = 0; t < roots.length; t++) {
      let i = roots[t] as number;
      let f = fk[2 * i] as number;
      while (f >= 0) {
        // !(x <= t) rather than x > t: NaN goes right, as the trainer put it
        i = (fk[2 * i + 1] as number) + ((x[f] as number) <= (thr[i] as number) ? 0 : 1);
        f = fk[2 * i] as number;
      }
      m += thr[i] as number;
    }
    return m;
  }

  /** Probability of a purchase, in (0, 1). */
  score(x: ArrayLike<number>): number {
    return 1 / (1 + Math.exp(-this.margin(x)));
  }

  /** Score of a session; reuses one internal vector (not re-entrant, which a synchronous actor never needs). */
  scoreSession(s: S): number {
    return this.score(featureVector(this.features, s, this.#x));
  }

  /**
   * Fills out[j] with feature j's share of the margin and returns the bias
   * (base score plus the root values): bias + sum(out) = margin(x).
   */
  contributions(x: ArrayLike<number>, out: Float64Array): number {
    const roots = this.#roots;
    const fk = this.#fk;
    const thr = this.#thr;
    const value = this.#val;
    out.fill(0);
    let bias = this.baseScore;
    for (let t = 0; t < roots.length; t++) {
      let i = roots[t] as number;
      bias += value[i] as number;
      let f = fk[2 * i] as number;
      while (f >= 0) {
        const c = (fk[2 * i + 1] as number) + ((x[f] as number) <= (thr[i] as number) ? 0 : 1);
        out[f] = (out[f] as number) + (value[c] as number) - (value[i] as number);
        i = c;
        f = fk[2 * i] as number;
      }
    }
    return bias;
  }

  /** The `k` features that moved this score most, largest first, as text a person can read. */
  explain(x: ArrayLike<number>, k = 3): Contribution[] {
    const c = this.#c;
    this.contributions(x, c);
    const order: number[] = [];
    for (let j = 0; j < c.length; j++) if (c[j] !== 0) order.push(j);
    order.sort((a, b) => Math.abs(c[b] as number) - Math.abs(c[a] as number) || a - b);
    return order.slice(0, k).map((j) => {
      const def = this.features[j] as FeatureDef<S>;
      const v = x[j] as number;
      const contribution = c[j] as number;
      return { feature: def.name, value: v, contribution, text: `${def.name} ${this.#level(j, v)} (${contribution >= 0 ? '+' : '-'}${Math.abs(contribution).toFixed(2)})` };
    });
  }

  explainSession(s: S, k = 3): Contribution[] {
    return this.explain(featureVector(this.features, s, this.#x), k);
  }

  #level(j: number, v: number): string {
    const def = this.features[j] as FeatureDef<S>;
    if (def.kind === 'category') return def.show === undefined ? String(v) : def.show(v);
    if (v === 0) return 'zero';
    if (v > (this.stats.q75[j] as number)) return 'high';
    if (v < (this.stats.q25[j] as number)) return 'low';
    return 'typical';
  }
}
