/**
 * Field checks shared by the logistic and blend model files (format.ts keeps
 * its own copies of the first two so the tree format's file stays as it is).
 * Each throws a ModelError naming the field.
 */
import { ModelError } from '../../engine/errors/index.js';
import type { FeatureDef, FeatureLookup } from './features.js';

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const jsonOf = (v: unknown): string => JSON.stringify(v) ?? (v === undefined ? 'nothing' : typeof v);

export function numbers(o: Record<string, unknown>, key: string, path: string, length: number | undefined, int: boolean): number[] {
  const v = o[key];
  const at = `${path}.${key}`;
  if (!Array.isArray(v)) throw new ModelError(at, `want an array of numbers, got ${v === null ? 'null' : typeof v}`);
  if (length !== undefined && v.length !== length) throw new ModelError(at, `has ${v.length} entries, want ${length}`);
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i];
    if (typeof x !== 'number' || !Number.isFinite(x)) throw new ModelError(`${at}[${i}]`, `want a finite number, got ${jsonOf(x)}`);
    if (int && !Number.isInteger(x)) throw new ModelError(`${at}[${i}]`, `want an integer, got ${x}`);
  }
  return v as number[];
}

export function finite(o: Record<string, unknown>, key: string, path: string): number {
  const v = o[key];
  const at = path === key ? key : `${path}.${key}`;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new ModelError(at, `want a finite number, got ${jsonOf(v)}`);
  return v;
}

/** Feature names mapped to definitions: non-empty, each known to `lookup`, none twice. */
export function checkedFeatures<S>(v: unknown, lookup: FeatureLookup<S>): FeatureDef<S>[] {
  if (!Array.isArray(v) || v.length === 0) throw new ModelError('features', 'want a non-empty array of feature names');
  const features: FeatureDef<S>[] = [];
  const seen = new Set<string>();
  v.forEach((name: unknown, i) => {
    const def = typeof name === 'string' ? lookup(name) : undefined;
    if (def === undefined) throw new ModelError(`features[${i}]`, `${JSON.stringify(name)} is not a feature this build computes`);
    if (seen.has(def.name)) throw new ModelError(`features[${i}]`, `${def.name} appears twice`);
    seen.add(def.name);
    features.push(def);
  });
  return features;
}
