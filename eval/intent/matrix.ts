/** Feature matrices for a subset of rows: what the trainer and the scorer take. */
import { featureVector } from '../../actors/propensity/index.js';
import type { FeatureDef, IntentSession, TrainingSet } from '../../actors/propensity/index.js';

export function toMatrix(sessions: readonly IntentSession[], rows: ArrayLike<number>, features: readonly FeatureDef[]): Float64Array {
  const nf = features.length;
  const x = new Float64Array(rows.length * nf);
  const v = new Float64Array(nf);
  for (let k = 0; k < rows.length; k++) {
    featureVector(features, sessions[rows[k] as number] as IntentSession, v);
    x.set(v, k * nf);
  }
  return x;
}

export function trainingSet(sessions: readonly IntentSession[], labels: ArrayLike<number>, rows: ArrayLike<number>, features: readonly FeatureDef[]): TrainingSet {
  const y = new Uint8Array(rows.length);
  for (let k = 0; k < rows.length; k++) y[k] = labels[rows[k] as number] as number;
  return { x: toMatrix(sessions, rows, features), y, features };
}
