/**
 * Public surface of the purchase-intent model the user actor scores: pure,
 * synchronous, safe inside a worker thread. Siblings import only this file.
 * Training (`trainIntentModel`) is also pure but is meant for a piscina worker
 * or the eval, never the hot path.
 */
export { ALL_FEATURES, DERIVED_FEATURES, MONTHS, RAW_FEATURES, VISITOR_TYPES, featureByName, featureVector } from './features.js';
export type { FeatureDef, FeatureKind, FeatureLookup, IntentSession, VisitorType } from './features.js';
export { IntentModel } from './model.js';
export type { Contribution, FeatureStats, ModelArrays, ModelInfo } from './model.js';
export { MODEL_FORMAT, MODEL_VERSION, modelFromFile, parseModel, serializeModel, toModelFile } from './format.js';
export type { ModelFileV1 } from './format.js';
export { DEFAULT_TRAIN_OPTIONS, resolveTrainOptions } from './options.js';
export type { TrainOptions } from './options.js';
export { stratifiedHoldout, trainIntentModel } from './train.js';
export type { TrainingSet } from './train.js';
export { Prng } from './prng.js';
export { LIVE_FEATURES, LIVE_STATE_VERSION, emptyLiveIntent, endSession, foldLiveIntent, isIntentActivity, isNewSession, liveFeatureByName } from './live-features.js';
export type { LiveFoldStep, LiveIntentSession, LiveIntentState, LiveItemFacts } from './live-features.js';
export { LogisticIntentModel } from './logistic-model.js';
export type { CategoryTerm, CrossTerm, LogisticTerms, SplineTerm } from './logistic-model.js';
export { DEFAULT_LOGISTIC_OPTIONS, resolveLogisticOptions, trainLogisticModel } from './logistic-train.js';
export type { LogisticOptions } from './logistic-train.js';
export { LOGISTIC_FORMAT, LOGISTIC_VERSION, logisticFromFile, parseLogisticModel, serializeLogisticModel, toLogisticFile } from './logistic-format.js';
export type { LogisticFileV1 } from './logistic-format.js';
export { BLEND_FORMAT, BLEND_VERSION, BlendedIntentModel, blendFromFile, parseBlendedModel, serializeBlendedModel, toBlendFile } from './blend.js';
export type { BlendFileV1 } from './blend.js';
export { parseScorer, serializeScorer } from './scorer.js';
export type { IntentScorer } from './scorer.js';
