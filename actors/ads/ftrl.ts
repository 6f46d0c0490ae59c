/**
 * FTRL-Proximal logistic regression over hashed binary features (McMahan et al., "Ad
 * Click Prediction: a View from the Trenches", KDD 2013, Algorithm 1). Per coordinate i
 * with gradient g_i = (p - y) x_i:
 *   sigma = (sqrt(n_i + g_i^2) - sqrt(n_i)) / alpha
 *   z_i += g_i - sigma * w_i ;  n_i += g_i^2
 *   w_i = 0                                             if |z_i| <= lambda1
 *       = -(z_i - sgn(z_i) lambda1) / ((beta + sqrt(n_i)) / alpha + lambda2)   otherwise
 * Weights are computed lazily from (z, n) at prediction, as the paper does. Pure and
 * synchronous; the state is two Float64Arrays, so a model is cheap to copy and persist.
 */
import { hash32 } from '../../engine/placement/index.js';

export interface FtrlOptions {
  /** @default 0.1 */ alpha: number;
  /** @default 1 */ beta: number;
  /** @default 1 */ lambda1: number;
  /** @default 1 */ lambda2: number;
  /** log2 of the hashed weight space. @default 18 */ bits: number;
}

export const DEFAULT_FTRL: FtrlOptions = { alpha: 0.1, beta: 1, lambda1: 1, lambda2: 1, bits: 18 };

const clamp = (x: number) => (x > 35 ? 35 : x < -35 ? -35 : x);
export const sigmoid = (x: number) => 1 / (1 + Math.exp(-clamp(x)));

export class FtrlModel {
  readonly opts: FtrlOptions;
  readonly z: Float64Array;
  readonly n: Float64Array;
  readonly #mask: number;
  /** Examples learned from (the model's version counts them). */
  updates = 0;

  constructor(opts: Partial<FtrlOptions> = {}) {
    this.opts = { ...DEFAULT_FTRL, ...opts };
    const o = this.opts;
    if (!(o.alpha > 0)) throw new RangeError('ftrl alpha must be > 0');
    if (!(o.beta >= 0) || !(o.lambda1 >= 0) || !(o.lambda2 >= 0)) throw new RangeError('ftrl beta, lambda1 and lambda2 must be >= 0');
    if (!Number.isInteger(o.bits) || o.bits < 4 || o.bits > 24) throw new RangeError('ftrl bits must be an integer from 4 to 24');
    this.z = new Float64Array(1 << o.bits);
    this.n = new Float64Array(1 << o.bits);
    this.#mask = (1 << o.bits) - 1;
  }

  /** Hashes feature strings ("slot=search", "item=p1", ...) to indices; index 0 is the bias. */
  index(features: readonly string[]): number[] {
    const out = [0];
    for (const f of features) out.push((hash32(f) & this.#mask) | 1); // odd: never the bias slot
    return out;
  }

  /** Indices of pre-hashed features (adFeatures); index 0 is the bias. */
  indexHashes(hashes: readonly number[]): number[] {
    const out = [0];
    for (const x of hashes) out.push((x & this.#mask) | 1);
    return out;
  }

  #weight(i: number): number {
    const z = this.z[i]!;
    const { lambda1, lambda2, alpha, beta } = this.opts;
    if (Math.abs(z) <= lambda1) return 0;
    return -(z - Math.sign(z) * lambda1) / ((beta + Math.sqrt(this.n[i]!)) / alpha + lambda2);
  }

  predictIdx(idx: readonly number[]): number {
    let s = 0;
    for (const i of idx) s += this.#weight(i);
    return sigmoid(s);
  }

  predict(features: readonly string[]): number {
    return this.predictIdx(this.index(features));
  }

  /** One step on example (features, clicked); returns the prediction made before it (progressive validation). */
  learnIdx(idx: readonly number[], clicked: boolean): number {
    const p = this.predictIdx(idx);
    const g = p - (clicked ? 1 : 0); // binary features: g_i = g for every present i
    const { alpha } = this.opts;
    for (const i of idx) {
      const w = this.#weight(i);
      const n = this.n[i]!;
      const sigma = (Math.sqrt(n + g * g) - Math.sqrt(n)) / alpha;
      this.z[i] = this.z[i]! + g - sigma * w;
      this.n[i] = n + g * g;
    }
    this.updates++;
    return p;
  }

  learn(features: readonly string[], clicked: boolean): number {
    return this.learnIdx(this.index(features), clicked);
  }
}
