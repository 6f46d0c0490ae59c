/**
 * Deterministic assignment: the same user, experiment and phase give the same
 * variant on every node, after every restart and in every replay (no state, no
 * clock, no Math.random). As GrowthBook's hash v2: FNV-1a 32 of FNV-1a 32 of
 * `seed + userId`, mapped to [0, 1) in 1/10000 steps, then to the variant whose
 * cumulative weight range holds it. The seed is `experimentId:phase`, so a new
 * phase (changed weights) re-draws everyone instead of carrying a biased mix over.
 */
import type { Experiment, Variant } from './definition.js';

export function fnv1a32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The user's bucket in [0, 1) for this experiment phase. */
export function bucketOf(experimentId: string, phase: number, userId: string): number {
  return (fnv1a32(String(fnv1a32(`${experimentId}:${phase}${userId}`))) % 10_000) / 10_000;
}

/** Index of the variant whose cumulative weight range holds bucket b. */
export function variantAt(variants: readonly Variant[], b: number): number {
  const total = variants.reduce((s, v) => s + v.weight, 0);
  let acc = 0;
  for (let i = 0; i < variants.length; i++) {
    acc += variants[i]!.weight / total;
    if (b < acc) return i;
  }
  // Rounding of the cumulative sum: the last variant with a weight.
  for (let i = variants.length - 1; i >= 0; i--) if (variants[i]!.weight > 0) return i;
  return 0;
}

export function assign(e: Pick<Experiment, 'id' | 'phase' | 'variants'>, userId: string): Variant {
  return e.variants[variantAt(e.variants, bucketOf(e.id, e.phase, userId))]!;
}
