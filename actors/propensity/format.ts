/**
 * The model file: compact JSON with a format name and version. Loading checks
 * every field before anything is built (a corrupt, truncated or foreign file is
 * a ModelError naming the first wrong field, never a crash or a model that
 * walks out of its arrays), so a shard can refuse it and keep the model it has.
 */
import { ModelError } from '../../engine/errors/index.js';
import { featureByName } from './features.js';
import type { FeatureDef, FeatureLookup, IntentSession } from './features.js';
import { IntentModel } from './model.js';
import type { ModelArrays } from './model.js';

export const MODEL_FORMAT = 'shop-brain/intent-gbdt';
export const MODEL_VERSION = 1;

export interface ModelFileV1 {
  format: typeof MODEL_FORMAT;
  version: typeof MODEL_VERSION;
  features: string[];
  baseScore: number;
  trees: { roots: number[]; feature: number[]; threshold: number[]; left: number[]; right: number[]; value: number[] };
  stats: { q25: number[]; q75: number[] };
  info: Record<string, unknown>;
}

export function toModelFile<S>(m: IntentModel<S>): ModelFileV1 {
  const a = m.arrays;
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    features: m.features.map((f) => f.name),
    baseScore: m.baseScore,
    trees: {
      roots: Array.from(a.roots), feature: Array.from(a.feature), threshold: Array.from(a.threshold),
      left: Array.from(a.left), right: Array.from(a.right), value: Array.from(a.value),
    },
    stats: { q25: Array.from(m.stats.q25), q75: Array.from(m.stats.q75) },
    info: m.info,
  };
}

/** JSON text of a model; numbers round-trip exactly, so a loaded model scores bit-identically. */
export function serializeModel<S>(m: IntentModel<S>): string {
  return JSON.stringify(toModelFile(m));
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function numbers(o: Record<string, unknown>, key: string, path: string, length: number | undefined, int: boolean): number[] {
  const v = o[key];
  const at = `${path}.${key}`;
  if (!Array.isArray(v)) throw new ModelError(at, `want an array of numbers, got ${v === null ? 'null' : typeof v}`);
  if (length !== undefined && v.length !== length) throw new ModelError(at, `has ${v.length} entries, want ${length}`);
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i];
    if (typeof x !== 'number' || !Number.isFinite(x)) throw new ModelError(`${at}[${i}]`, `want a finite number, got ${JSON.stringify(x) ?? typeof x}`);
    if (int && !Number.isInteger(x)) throw new ModelError(`${at}[${i}]`, `want an integer, got ${x}`);
  }
  return v as number[];
}

/**
 * Checks tree structure: each tree's nodes are a contiguous block, children
 * inside it and after their parent (so no cycles), and every node but the root
 * has exactly one parent (so no shared subtrees and no unreachable nodes).
 */
function checkTrees(t: ModelFileV1['trees'], nFeatures: number): void {
  const nodes = t.value.length;
  const parents = new Uint8Array(nodes);
  for (let k = 0; k < t.roots.length; k++) {
    const start = t.roots[k] as number;
    const end = k + 1 < t.roots.length ? (t.roots[k + 1] as number) : nodes;
    if (start < 0 || start >= end || end > nodes) throw new ModelError(`trees.roots[${k}]`, `tree ${k} spans nodes [${start}, ${end}), outside 0..${nodes}`);
    if (k === 0 && start !== 0) throw new ModelError('trees.roots[0]', `the first tree must start at node 0, got ${start}`);
    for (let i = start; i < end; i++) {
      const f = t.feature[i] as number;
      const l = t.left[i] as number;
      const r = t.right[i] as number;
      if (f === -1) {
        if (l !== -1 || r !== -1) throw new ModelError(`trees.left[${i}]`, 'a leaf (feature -1) must have left = right = -1');
        continue;
      }
      if (f < 0 || f >= nFeatures) throw new ModelError(`trees.feature[${i}]`, `feature index ${f} is not in 0..${nFeatures - 1}`);
      if (l <= i || l >= end) throw new ModelError(`trees.left[${i}]`, `child ${l} is not after node ${i} inside its tree [${start}, ${end})`);
      if (r <= i || r >= end) throw new ModelError(`trees.right[${i}]`, `child ${r} is not after node ${i} inside its tree [${start}, ${end})`);
      if (l === r) throw new ModelError(`trees.right[${i}]`, `both children of node ${i} are node ${l}`);
      for (const [side, c] of [['left', l], ['right', r]] as const) {
        if (parents[c] !== 0) throw new ModelError(`trees.${side}[${i}]`, `node ${c} already has a parent`);
        parents[c] = 1;
      }
    }
    for (let i = start + 1; i < end; i++) if (parents[i] === 0) throw new ModelError(`trees.roots[${k}]`, `node ${i} of tree ${k} is not reachable from its root`);
  }
}

/**
 * Builds a model from parsed JSON, validating everything. `lookup` maps feature
 * names to the definitions of the session shape the caller scores (UCI by default).
 */
export function modelFromFile<S = IntentSession>(v: unknown, lookup: FeatureLookup<S> = featureByName as unknown as FeatureLookup<S>): IntentModel<S> {
  if (!isObject(v)) throw new ModelError('(root)', 'want a JSON object');
  if (v.format !== MODEL_FORMAT) throw new ModelError('format', `want ${JSON.stringify(MODEL_FORMAT)}, got ${JSON.stringify(v.format) ?? 'nothing'}`);
  if (v.version !== MODEL_VERSION) throw new ModelError('version', `this build reads version ${MODEL_VERSION}, got ${JSON.stringify(v.version) ?? 'nothing'}`);
  if (!Array.isArray(v.features) || v.features.length === 0) throw new ModelError('features', 'want a non-empty array of feature names');
  const features: FeatureDef<S>[] = [];
  const seen = new Set<string>();
  v.features.forEach((name: unknown, i) => {
    const def = typeof name === 'string' ? lookup(name) : undefined;
    if (def === undefined) throw new ModelError(`features[${i}]`, `${JSON.stringify(name)} is not a feature this build computes`);
    if (seen.has(def.name)) throw new ModelError(`features[${i}]`, `${def.name} appears twice`);
    seen.add(def.name);
    features.push(def);
  });
  if (typeof v.baseScore !== 'number' || !Number.isFinite(v.baseScore)) throw new ModelError('baseScore', 'want a finite number');
  if (!isObject(v.trees)) throw new ModelError('trees', 'want an object of node arrays');
  const roots = numbers(v.trees, 'roots', 'trees', undefined, true);
  const value = numbers(v.trees, 'value', 'trees', undefined, false);
  const nodes = value.length;
  const trees = {
    roots, value,
    feature: numbers(v.trees, 'feature', 'trees', nodes, true),
    threshold: numbers(v.trees, 'threshold', 'trees', nodes, false),
    left: numbers(v.trees, 'left', 'trees', nodes, true),
    right: numbers(v.trees, 'right', 'trees', nodes, true),
  };
  if (roots.length === 0) throw new ModelError('trees.roots', 'a model needs at least one tree');
  checkTrees(trees, features.length);
  if (!isObject(v.stats)) throw new ModelError('stats', 'want an object with q25 and q75');
  const q25 = numbers(v.stats, 'q25', 'stats', features.length, false);
  const q75 = numbers(v.stats, 'q75', 'stats', features.length, false);
  const info = isObject(v.info) ? v.info : {};
  const arrays: ModelArrays = {
    roots: Int32Array.from(roots), feature: Int32Array.from(trees.feature), threshold: Float64Array.from(trees.threshold),
    left: Int32Array.from(trees.left), right: Int32Array.from(trees.right), value: Float64Array.from(value),
  };
  return new IntentModel(features, v.baseScore, arrays, { q25: Float64Array.from(q25), q75: Float64Array.from(q75) }, info);
}

/** Parses and validates model JSON text (e.g. a file's contents). */
export function parseModel<S = IntentSession>(text: string, lookup?: FeatureLookup<S>): IntentModel<S> {
  if (typeof text !== 'string') throw new ModelError('(root)', `want JSON text, got ${typeof text}`);
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    // a truncated file ends up here: say so in words
    throw new ModelError('(json)', `not valid JSON (truncated or corrupt file?): ${(e as Error).message}`, e);
  }
  return modelFromFile<S>(v, lookup);
}
