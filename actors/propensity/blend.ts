/**
 * A blend of the trees and the logistic model: margin = (1 - w) x trees' margin
 * + w x logistic margin (w chosen by cross-validation inside the training rows,
 * eval/intent). The two may use different features; the blend's `features` are
 * the trees' followed by the logistic model's others, and each part reads its
 * own through an index map into reused buffers, so scoring allocates nothing.
 * Contributions are the same mix of the parts' contributions, so bias + shares
 * = margin still holds and explanations read as the trees' do.
 */
import { ModelError } from '../../engine/errors/index.js';
import { featureByName, featureVector } from './features.js';
import type { FeatureDef, FeatureLookup, IntentSession } from './features.js';
import { modelFromFile, toModelFile } from './format.js';
import { isObject, jsonOf } from './format-check.js';
import { explainFrom, LogisticIntentModel } from './logistic-model.js';
import { logisticFromFile, toLogisticFile } from './logistic-format.js';
import type { LogisticFileV1 } from './logistic-format.js';
import type { Contribution } from './model.js';
import { IntentModel } from './model.js';
import type { ModelFileV1 } from './format.js';

export const BLEND_FORMAT = 'shop-brain/intent-blend';
export const BLEND_VERSION = 1;

export class BlendedIntentModel<S = IntentSession> {
  readonly trees: IntentModel<S>;
  readonly logistic: LogisticIntentModel<S>;
  /** weight of the logistic margin, in [0, 1] */
  readonly weight: number;
  readonly features: readonly FeatureDef<S>[];
  readonly stats: { q25: Float64Array; q75: Float64Array };
  readonly info: Record<string, unknown>;
  /** position in `features` of each part's feature j */
  readonly #mapT: Int32Array;
  readonly #mapL: Int32Array;
  readonly #xt: Float64Array;
  readonly #xl: Float64Array;
  readonly #x: Float64Array;
  readonly #ct: Float64Array;
  readonly #cl: Float64Array;
  readonly #c: Float64Array;

  constructor(trees: IntentModel<S>, logistic: LogisticIntentModel<S>, weight: number, info: Record<string, unknown> = {}) {
    if (!(weight >= 0 && weight <= 1)) throw new RangeError(`blend weight must be in [0, 1], got ${weight}`);
    this.trees = trees;
    this.logistic = logistic;
    this.weight = weight;
    this.info = info;
    const features: FeatureDef<S>[] = [...trees.features];
    const at = new Map(features.map((f, j) => [f.name, j]));
    for (const f of logistic.features) if (!at.has(f.name)) {
      at.set(f.name, features.length);
      features.push(f);
    }
    this.features = features;
    this.#mapT = Int32Array.from(trees.features, (f) => at.get(f.name) as number);
    this.#mapL = Int32Array.from(logistic.features, (f) => at.get(f.name) as number);
    const q = (k: 'q25' | 'q75'): Float64Array => {
      const out = new Float64Array(features.length);
      logistic.features.forEach((_, j) => (out[this.#mapL[j] as number] = logistic.stats[k][j] as number));
      trees.features.forEach((_, j) => (out[this.#mapT[j] as number] = trees.stats[k][j] as number));
      return out;
    };
    this.stats = { q25: q('q25'), q75: q('q75') };
    this.#xt = new Float64Array(trees.features.length);
    this.#xl = new Float64Array(logistic.features.length);
    this.#x = new Float64Array(features.length);
    this.#ct = new Float64Array(trees.features.length);
    this.#cl = new Float64Array(logistic.features.length);
    this.#c = new Float64Array(features.length);
  }

  #split(x: ArrayLike<number>): void {
    for (let j = 0; j < this.#xt.length; j++) this.#xt[j] = x[this.#mapT[j] as number] as number;
    for (let j = 0; j < this.#xl.length; j++) this.#xl[j] = x[this.#mapL[j] as number] as number;
  }

  /** Log-odds of a purchase for a feature vector in `features` order (not re-entrant: one pair of buffers). */
  margin(x: ArrayLike<number>): number {
    this.#split(x);
    return (1 - this.weight) * this.trees.margin(this.#xt) + this.weight * this.logistic.margin(this.#xl);
  }

  score(x: ArrayLike<number>): number {
    return 1 / (1 + Math.exp(-this.margin(x)));
  }

  scoreSession(s: S): number {
    return this.score(featureVector(this.features, s, this.#x));
  }

  /** out[j] = feature j's share of the margin; returns the bias: bias + sum(out) = margin(x). */
  contributions(x: ArrayLike<number>, out: Float64Array): number {
    this.#split(x);
    const w = this.weight;
    const bt = this.trees.contributions(this.#xt, this.#ct);
    const bl = this.logistic.contributions(this.#xl, this.#cl);
    out.fill(0);
    for (let j = 0; j < this.#ct.length; j++) out[this.#mapT[j] as number] = (out[this.#mapT[j] as number] as number) + (1 - w) * (this.#ct[j] as number);
    for (let j = 0; j < this.#cl.length; j++) out[this.#mapL[j] as number] = (out[this.#mapL[j] as number] as number) + w * (this.#cl[j] as number);
    return (1 - w) * bt + w * bl;
  }

  explain(x: ArrayLike<number>, k = 3): Contribution[] {
    this.contributions(x, this.#c);
    return explainFrom(this.features, this.stats, x, this.#c, k);
  }

  explainSession(s: S, k = 3): Contribution[] {
    return this.explain(featureVector(this.features, s, this.#x), k);
  }
}

export interface BlendFileV1 {
  format: typeof BLEND_FORMAT;
  version: typeof BLEND_VERSION;
  weight: number;
  trees: ModelFileV1;
  logistic: LogisticFileV1;
  info: Record<string, unknown>;
}

export function toBlendFile<S>(m: BlendedIntentModel<S>): BlendFileV1 {
  return { format: BLEND_FORMAT, version: BLEND_VERSION, weight: m.weight, trees: toModelFile(m.trees), logistic: toLogisticFile(m.logistic), info: m.info };
}

export function serializeBlendedModel<S>(m: BlendedIntentModel<S>): string {
  return JSON.stringify(toBlendFile(m));
}

/** A part's ModelError again, its field under the part's key ("trees.trees.left[3]", "logistic.splines[0].knots"). */
function inPart<T>(part: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof ModelError) throw new ModelError(`${part}.${e.field ?? ''}`, e.message.replace(/^model [^:]*: /, ''), e);
    throw e;
  }
}

export function blendFromFile<S = IntentSession>(v: unknown, lookup: FeatureLookup<S> = featureByName as unknown as FeatureLookup<S>): BlendedIntentModel<S> {
  if (!isObject(v)) throw new ModelError('(root)', 'want a JSON object');
  if (v.format !== BLEND_FORMAT) throw new ModelError('format', `want ${JSON.stringify(BLEND_FORMAT)}, got ${jsonOf(v.format)}`);
  if (v.version !== BLEND_VERSION) throw new ModelError('version', `this build reads version ${BLEND_VERSION}, got ${jsonOf(v.version)}`);
  const w = v.weight;
  if (typeof w !== 'number' || !(w >= 0 && w <= 1)) throw new ModelError('weight', `want a number in [0, 1], got ${jsonOf(w)}`);
  const trees = inPart('trees', () => modelFromFile<S>(v.trees, lookup));
  const logistic = inPart('logistic', () => logisticFromFile<S>(v.logistic, lookup));
  return new BlendedIntentModel(trees, logistic, w, isObject(v.info) ? v.info : {});
}

export function parseBlendedModel<S = IntentSession>(text: string, lookup?: FeatureLookup<S>): BlendedIntentModel<S> {
  if (typeof text !== 'string') throw new ModelError('(root)', `want JSON text, got ${typeof text}`);
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw new ModelError('(json)', `not valid JSON (truncated or corrupt file?): ${(e as Error).message}`, e);
  }
  return blendFromFile<S>(v, lookup);
}
