/**
 * What every intent model class offers the actor (trees, logistic, blend): the
 * same pure, allocation-free scoring and the same explanations. `parseScorer`
 * reads any of the three files by its `format` field, with the same checks.
 */
import { ModelError } from '../../engine/errors/index.js';
import { BLEND_FORMAT, BlendedIntentModel, blendFromFile } from './blend.js';
import { serializeBlendedModel } from './blend.js';
import type { FeatureDef, FeatureLookup, IntentSession } from './features.js';
import { MODEL_FORMAT, modelFromFile, serializeModel } from './format.js';
import { isObject, jsonOf } from './format-check.js';
import { LOGISTIC_FORMAT, logisticFromFile, serializeLogisticModel } from './logistic-format.js';
import { LogisticIntentModel } from './logistic-model.js';
import type { Contribution } from './model.js';
import { IntentModel } from './model.js';

export interface IntentScorer<S = IntentSession> {
  readonly features: readonly FeatureDef<S>[];
  /** Log-odds of a purchase for a feature vector in `features` order. */
  margin(x: ArrayLike<number>): number;
  score(x: ArrayLike<number>): number;
  scoreSession(s: S): number;
  /** out[j] = feature j's share of the margin; returns the bias (bias + sum(out) = margin). */
  contributions(x: ArrayLike<number>, out: Float64Array): number;
  explain(x: ArrayLike<number>, k?: number): Contribution[];
  explainSession(s: S, k?: number): Contribution[];
}

/** Parses any intent model file (trees, logistic or blend), validating it. */
export function parseScorer<S = IntentSession>(text: string, lookup?: FeatureLookup<S>): IntentScorer<S> {
  if (typeof text !== 'string') throw new ModelError('(root)', `want JSON text, got ${typeof text}`);
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw new ModelError('(json)', `not valid JSON (truncated or corrupt file?): ${(e as Error).message}`, e);
  }
  if (!isObject(v)) throw new ModelError('(root)', 'want a JSON object');
  if (v.format === MODEL_FORMAT) return modelFromFile<S>(v, lookup);
  if (v.format === LOGISTIC_FORMAT) return logisticFromFile<S>(v, lookup);
  if (v.format === BLEND_FORMAT) return blendFromFile<S>(v, lookup);
  throw new ModelError('format', `want one of ${[MODEL_FORMAT, LOGISTIC_FORMAT, BLEND_FORMAT].map((f) => JSON.stringify(f)).join(', ')}, got ${jsonOf(v.format)}`);
}

export function serializeScorer<S>(m: IntentScorer<S>): string {
  if (m instanceof IntentModel) return serializeModel(m);
  if (m instanceof LogisticIntentModel) return serializeLogisticModel(m);
  if (m instanceof BlendedIntentModel) return serializeBlendedModel(m);
  throw new TypeError('serializeScorer: not an IntentModel, LogisticIntentModel or BlendedIntentModel');
}
