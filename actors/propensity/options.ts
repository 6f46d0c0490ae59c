/**
 * Training options of the gradient-boosted trees, with named defaults and a
 * bounds table; validated once (TypeError/RangeError naming the option). The
 * defaults are a common starting point (LightGBM-like shape, learning rate 0.05),
 * not tuned; eval/intent overrides the shape per training set by nested CV
 * (eval/intent/README.md says how), and the live trainer should do the same.
 */

export const DEFAULT_LEARNING_RATE = 0.05;
export const DEFAULT_MAX_ITERATIONS = 1000;
export const DEFAULT_MAX_LEAVES = 15;
export const DEFAULT_MAX_DEPTH = 6;
export const DEFAULT_MIN_SAMPLES_LEAF = 20;
export const DEFAULT_MIN_HESSIAN_LEAF = 1e-3;
export const DEFAULT_L2 = 1;
export const DEFAULT_MIN_GAIN = 0;
export const DEFAULT_SUBSAMPLE = 0.8;
export const DEFAULT_COLSAMPLE = 0.8;
export const DEFAULT_MAX_BINS = 255;
export const DEFAULT_VALIDATION_FRACTION = 0.1;
export const DEFAULT_EARLY_STOPPING_ROUNDS = 50;
export const DEFAULT_BAGS = 1;
export const DEFAULT_SEED = 0;

export interface TrainOptions {
  /** Shrinkage of every tree's values. @default 0.05 */
  learningRate: number;
  /** Upper bound on boosting rounds (early stopping usually ends sooner). @default 1000 */
  maxIterations: number;
  /** Leaves per tree (grown best-first). @default 15 */
  maxLeaves: number;
  /** Depth limit of a tree (root = depth 0). @default 6 */
  maxDepth: number;
  /** Fewest training rows in a leaf. @default 20 */
  minSamplesLeaf: number;
  /** Fewest summed hessian in a leaf (guards near-certain leaves). @default 1e-3 */
  minHessianLeaf: number;
  /** L2 penalty on leaf values (lambda). @default 1 */
  l2: number;
  /** Smallest loss reduction for a split. @default 0 */
  minGain: number;
  /** Share of rows drawn (without replacement) for each tree. @default 0.8 */
  subsample: number;
  /** Share of features offered to each tree. @default 0.8 */
  colsample: number;
  /** Histogram bins per feature, at most 255 (one byte per value). @default 255 */
  maxBins: number;
  /** Share of the training rows held out (stratified) for early stopping; 0 turns early stopping off. @default 0.1 */
  validationFraction: number;
  /** Stop after this many rounds without a better validation log-loss. @default 50 */
  earlyStoppingRounds: number;
  /** Boosters trained on different seeds and averaged (variance reduction). @default 1 */
  bags: number;
  /** Seed of row/feature subsampling and of the validation split. @default 0 */
  seed: number;
  /**
   * Monotone constraints by feature name: +1 the score may only rise with the
   * feature, -1 only fall; features not named are free. @default {}
   */
  monotone: Readonly<Record<string, -1 | 1>>;
}

export const DEFAULT_TRAIN_OPTIONS: Readonly<TrainOptions> = Object.freeze({
  learningRate: DEFAULT_LEARNING_RATE,
  maxIterations: DEFAULT_MAX_ITERATIONS,
  maxLeaves: DEFAULT_MAX_LEAVES,
  maxDepth: DEFAULT_MAX_DEPTH,
  minSamplesLeaf: DEFAULT_MIN_SAMPLES_LEAF,
  minHessianLeaf: DEFAULT_MIN_HESSIAN_LEAF,
  l2: DEFAULT_L2,
  minGain: DEFAULT_MIN_GAIN,
  subsample: DEFAULT_SUBSAMPLE,
  colsample: DEFAULT_COLSAMPLE,
  maxBins: DEFAULT_MAX_BINS,
  validationFraction: DEFAULT_VALIDATION_FRACTION,
  earlyStoppingRounds: DEFAULT_EARLY_STOPPING_ROUNDS,
  bags: DEFAULT_BAGS,
  seed: DEFAULT_SEED,
  monotone: Object.freeze({}),
});

/** [min, max, integer] per option. */
const BOUNDS: Record<Exclude<keyof TrainOptions, 'monotone'>, readonly [number, number, boolean]> = {
  learningRate: [1e-4, 1, false],
  maxIterations: [1, 100_000, true],
  maxLeaves: [2, 4096, true],
  maxDepth: [1, 32, true],
  minSamplesLeaf: [1, 1e9, true],
  minHessianLeaf: [0, 1e9, false],
  l2: [0, 1e9, false],
  minGain: [0, 1e9, false],
  subsample: [0.01, 1, false],
  colsample: [0.01, 1, false],
  maxBins: [2, 255, true],
  validationFraction: [0, 0.5, false],
  earlyStoppingRounds: [1, 100_000, true],
  bags: [1, 100, true],
  seed: [-2147483648, 4294967295, true],
};

/** Defaults overlaid with `options`, every value checked. */
export function resolveTrainOptions(options: Partial<TrainOptions> = {}): TrainOptions {
  if (typeof options !== 'object' || options === null) throw new TypeError('intent train options must be an object');
  const out: TrainOptions = { ...DEFAULT_TRAIN_OPTIONS };
  for (const [name, v] of Object.entries(options)) {
    if (name === 'monotone') {
      if (v === undefined) continue;
      if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new TypeError('intent train option monotone must be an object of feature name -> 1 or -1');
      for (const [f, c] of Object.entries(v as Record<string, unknown>)) {
        if (c !== 1 && c !== -1) throw new RangeError(`intent train option monotone.${f} must be 1 or -1, got ${String(c)}`);
      }
      out.monotone = Object.freeze({ ...(v as Record<string, -1 | 1>) });
      continue;
    }
    const b = BOUNDS[name as Exclude<keyof TrainOptions, 'monotone'>];
    if (b === undefined) throw new RangeError(`intent train option ${name} is not a known option`);
    if (v === undefined) continue;
    if (typeof v !== 'number' || Number.isNaN(v)) throw new TypeError(`intent train option ${name} must be a number, got ${String(v)}`);
    const [min, max, int] = b;
    if (int && !Number.isInteger(v)) throw new RangeError(`intent train option ${name} must be an integer, got ${v}`);
    if (v < min || v > max) throw new RangeError(`intent train option ${name} must be in [${min}, ${max}], got ${v}`);
    out[name as Exclude<keyof TrainOptions, 'monotone'>] = v;
  }
  return out;
}
