/**
 * What the nested selection chooses from: a few tree shapes crossed with two
 * feature sets. The list was drawn up with cross-validation inside training
 * folds only (eval/intent/README.md); which candidate serves each outer fold
 * is decided inside that fold's training rows by `selectCandidate`.
 */
import { ALL_FEATURES, RAW_FEATURES } from '../../actors/propensity/index.js';
import type { FeatureDef, TrainOptions } from '../../actors/propensity/index.js';

export interface Candidate {
  name: string;
  features: readonly FeatureDef[];
  options: Partial<TrainOptions>;
}

/** Columns that were noise in inner CV (codes of OS, browser, region; weekend), dropped by the lean set. */
export const NOISY_COLUMNS: readonly string[] = ['Region', 'OperatingSystems', 'Browser', 'Weekend'];

export const FEATURE_SETS: Readonly<Record<string, readonly FeatureDef[]>> = {
  raw: RAW_FEATURES,
  lean: ALL_FEATURES.filter((f) => !NOISY_COLUMNS.includes(f.name)),
};

export const SHAPES: Readonly<Record<string, Partial<TrainOptions>>> = {
  wide: { maxLeaves: 15, l2: 1, colsample: 0.8 },
  small: { maxLeaves: 7, l2: 10, colsample: 0.5 },
  stumpy: { maxLeaves: 4, maxDepth: 3, l2: 10, colsample: 0.5 },
  bagged: { maxLeaves: 15, minSamplesLeaf: 40, l2: 10, colsample: 0.5, subsample: 0.5 },
};

export const CANDIDATES: readonly Candidate[] = Object.entries(FEATURE_SETS).flatMap(([fs, features]) =>
  Object.entries(SHAPES).map(([shape, options]) => ({ name: `${shape}/${fs}`, features, options })),
);

/**
 * Boosters averaged in the final model of each fold. Selection runs with one
 * (5x cheaper; bagging shifts every candidate alike in inner CV).
 */
export const FINAL_BAGS = 5;
