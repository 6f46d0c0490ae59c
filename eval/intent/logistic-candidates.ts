/**
 * Logistic models the nested selection may blend with the trees (README.md says
 * how the list was drawn up: inner CV of outer training folds only).
 */
import { ALL_FEATURES, RAW_FEATURES } from '../../actors/propensity/index.js';
import type { FeatureDef, LogisticOptions } from '../../actors/propensity/index.js';

export interface LogisticCandidate {
  name: string;
  features: readonly FeatureDef[];
  options: Partial<LogisticOptions>;
}

const MONTH_X_VISITOR: LogisticOptions['crosses'] = [['Month', 'VisitorType']];

export const LOGISTIC_CANDIDATES: readonly LogisticCandidate[] = [
  { name: 'lr-raw-l1', features: RAW_FEATURES, options: { l2: 1 } },
  { name: 'lr-raw-l10', features: RAW_FEATURES, options: { l2: 10 } },
  { name: 'lr-raw-l100', features: RAW_FEATURES, options: { l2: 100 } },
  { name: 'lr-all-l10', features: ALL_FEATURES, options: { l2: 10 } },
  { name: 'lr-all-l30', features: ALL_FEATURES, options: { l2: 30 } },
  { name: 'lr-all-x-l10', features: ALL_FEATURES, options: { l2: 10, crosses: MONTH_X_VISITOR } },
  { name: 'lr-all-x-l30', features: ALL_FEATURES, options: { l2: 30, crosses: MONTH_X_VISITOR } },
  { name: 'lr-all-k3-l10', features: ALL_FEATURES, options: { l2: 10, knots: 3 } },
  { name: 'lr-all-k8-l10', features: ALL_FEATURES, options: { l2: 10, knots: 8 } },
];

/** What the eval's nested selection chooses from (each outer training set picks one, then its blend weight). */
export const BLEND_CANDIDATES: readonly LogisticCandidate[] = LOGISTIC_CANDIDATES.filter((c) => ['lr-all-l10', 'lr-all-l30', 'lr-all-x-l10', 'lr-all-x-l30'].includes(c.name));
