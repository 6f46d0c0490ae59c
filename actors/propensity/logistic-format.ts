/**
 * The logistic model's file: compact JSON with its own format name and version.
 * As for the trees (format.ts), loading checks every field first: a corrupt,
 * truncated or foreign file is a ModelError naming the first wrong field.
 */
import { ModelError } from '../../engine/errors/index.js';
import { featureByName } from './features.js';
import type { FeatureDef, FeatureLookup, IntentSession } from './features.js';
import { LogisticIntentModel } from './logistic-model.js';
import type { CategoryTerm, CrossTerm, SplineTerm } from './logistic-model.js';
import { checkedFeatures, finite, isObject, jsonOf, numbers } from './format-check.js';

export const LOGISTIC_FORMAT = 'shop-brain/intent-logistic';
export const LOGISTIC_VERSION = 1;

export interface LogisticFileV1 {
  format: typeof LOGISTIC_FORMAT;
  version: typeof LOGISTIC_VERSION;
  features: string[];
  intercept: number;
  splines: { feature: number; log: boolean; knots: number[]; linear: number; hinge: number[]; zero: number; mean: number }[];
  categories: { feature: number; levels: number[]; weights: number[]; mean: number }[];
  crosses: { a: number; b: number; levelsA: number[]; levelsB: number[]; weights: number[]; mean: number }[];
  stats: { q25: number[]; q75: number[] };
  info: Record<string, unknown>;
}

export function toLogisticFile<S>(m: LogisticIntentModel<S>): LogisticFileV1 {
  const t = m.terms;
  return {
    format: LOGISTIC_FORMAT,
    version: LOGISTIC_VERSION,
    features: m.features.map((f) => f.name),
    intercept: t.intercept,
    splines: t.splines.map((s) => ({ feature: s.feature, log: s.log, knots: Array.from(s.knots), linear: s.linear, hinge: Array.from(s.hinge), zero: s.zero, mean: s.mean })),
    categories: t.categories.map((c) => ({ feature: c.feature, levels: Array.from(c.levels), weights: Array.from(c.weights), mean: c.mean })),
    crosses: t.crosses.map((c) => ({ a: c.a, b: c.b, levelsA: Array.from(c.levelsA), levelsB: Array.from(c.levelsB), weights: Array.from(c.weights), mean: c.mean })),
    stats: { q25: Array.from(m.stats.q25), q75: Array.from(m.stats.q75) },
    info: m.info,
  };
}

/** JSON text of a logistic model; numbers round-trip exactly. */
export function serializeLogisticModel<S>(m: LogisticIntentModel<S>): string {
  return JSON.stringify(toLogisticFile(m));
}

function list(v: Record<string, unknown>, key: string): Record<string, unknown>[] {
  const a = v[key];
  if (!Array.isArray(a)) throw new ModelError(key, 'want an array of terms');
  a.forEach((e: unknown, i) => {
    if (!isObject(e)) throw new ModelError(`${key}[${i}]`, 'want an object');
  });
  return a as Record<string, unknown>[];
}

/** A feature index of a term: an integer in range, of the kind the term needs. */
function featureIndex<S>(o: Record<string, unknown>, key: string, at: string, features: readonly FeatureDef<S>[], kind: 'numeric' | 'category'): number {
  const j = o[key];
  if (typeof j !== 'number' || !Number.isInteger(j) || j < 0 || j >= features.length) throw new ModelError(`${at}.${key}`, `want a feature index in 0..${features.length - 1}, got ${jsonOf(j)}`);
  const def = features[j] as FeatureDef<S>;
  if (def.kind !== kind) throw new ModelError(`${at}.${key}`, `feature ${def.name} is ${def.kind}, this term needs a ${kind} feature`);
  return j;
}

/** Builds a logistic model from parsed JSON, validating everything first. */
export function logisticFromFile<S = IntentSession>(v: unknown, lookup: FeatureLookup<S> = featureByName as unknown as FeatureLookup<S>): LogisticIntentModel<S> {
  if (!isObject(v)) throw new ModelError('(root)', 'want a JSON object');
  if (v.format !== LOGISTIC_FORMAT) throw new ModelError('format', `want ${JSON.stringify(LOGISTIC_FORMAT)}, got ${jsonOf(v.format)}`);
  if (v.version !== LOGISTIC_VERSION) throw new ModelError('version', `this build reads version ${LOGISTIC_VERSION}, got ${jsonOf(v.version)}`);
  const features = checkedFeatures(v.features, lookup);
  const intercept = finite(v, 'intercept', 'intercept');
  const splines: SplineTerm[] = list(v, 'splines').map((s, i) => {
    const at = `splines[${i}]`;
    const feature = featureIndex(s, 'feature', at, features, 'numeric');
    if (typeof s.log !== 'boolean') throw new ModelError(`${at}.log`, 'want true or false');
    const knots = numbers(s, 'knots', at, undefined, false);
    for (let k = 1; k < knots.length; k++) if (!((knots[k] as number) > (knots[k - 1] as number))) throw new ModelError(`${at}.knots[${k}]`, 'knots must be increasing');
    const hinge = numbers(s, 'hinge', at, knots.length, false);
    return { feature, log: s.log, knots: Float64Array.from(knots), linear: finite(s, 'linear', at), hinge: Float64Array.from(hinge), zero: finite(s, 'zero', at), mean: finite(s, 'mean', at) };
  });
  const categories: CategoryTerm[] = list(v, 'categories').map((c, i) => {
    const at = `categories[${i}]`;
    const feature = featureIndex(c, 'feature', at, features, 'category');
    const levels = numbers(c, 'levels', at, undefined, false);
    if (new Set(levels).size !== levels.length) throw new ModelError(`${at}.levels`, 'a level appears twice');
    const weights = numbers(c, 'weights', at, levels.length, false);
    return { feature, levels: Float64Array.from(levels), weights: Float64Array.from(weights), mean: finite(c, 'mean', at) };
  });
  const crosses: CrossTerm[] = list(v, 'crosses').map((c, i) => {
    const at = `crosses[${i}]`;
    const a = featureIndex(c, 'a', at, features, 'category');
    const b = featureIndex(c, 'b', at, features, 'category');
    if (a === b) throw new ModelError(`${at}.b`, 'a feature crossed with itself');
    const levelsA = numbers(c, 'levelsA', at, undefined, false);
    const levelsB = numbers(c, 'levelsB', at, levelsA.length, false);
    const pairs = new Set(levelsA.map((x, k) => `${x}|${levelsB[k] as number}`));
    if (pairs.size !== levelsA.length) throw new ModelError(`${at}.levelsB`, 'a pair of levels appears twice');
    const weights = numbers(c, 'weights', at, levelsA.length, false);
    return { a, b, levelsA: Float64Array.from(levelsA), levelsB: Float64Array.from(levelsB), weights: Float64Array.from(weights), mean: finite(c, 'mean', at) };
  });
  if (!isObject(v.stats)) throw new ModelError('stats', 'want an object with q25 and q75');
  const q25 = numbers(v.stats, 'q25', 'stats', features.length, false);
  const q75 = numbers(v.stats, 'q75', 'stats', features.length, false);
  const info = isObject(v.info) ? v.info : {};
  return new LogisticIntentModel(features, { intercept, splines, categories, crosses }, { q25: Float64Array.from(q25), q75: Float64Array.from(q75) }, info);
}

/** Parses and validates logistic model JSON text. */
export function parseLogisticModel<S = IntentSession>(text: string, lookup?: FeatureLookup<S>): LogisticIntentModel<S> {
  if (typeof text !== 'string') throw new ModelError('(root)', `want JSON text, got ${typeof text}`);
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw new ModelError('(json)', `not valid JSON (truncated or corrupt file?): ${(e as Error).message}`, e);
  }
  return logisticFromFile<S>(v, lookup);
}
