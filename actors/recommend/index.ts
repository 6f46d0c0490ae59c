/**
 * Public surface of the recommendation code the user actor calls: pure,
 * synchronous, safe inside a worker thread. Siblings import only this file.
 */
export { SessionModel } from './session-model.js';
export type { SessionItem, SessionItemKind, RecommendQuery, Recommendation, SessionModelStats } from './types.js';
export { SESSION_ITEM_KINDS } from './types.js';
export type { SessionModelOptions } from './options.js';
export { DEFAULT_OPTIONS, DEFAULT_KIND_WEIGHTS } from './options.js';
export { MAX_K } from './recommend.js';
export { RECOMMEND_K, clampK } from './request-k.js';
export { SNAPSHOT_VERSION } from './snapshot.js';
export { trainItemEmbeddings, sessionVector, DEFAULT_EMBEDDING_OPTIONS } from './item2vec.js';
export type { ItemEmbeddingOptions, ItemEmbeddings } from './item2vec.js';
export { CONTEXT_VALUES, LEARNED_SHORTLIST, FUSION_FEATURES, FUSION_FEATURE_COUNT, DEFAULT_FUSION_WEIGHTS, RAW_SIGNALS, RAW_VALUES, fusionFeatures, fusionLogit, queryWeights } from './fusion.js';
export type { FusionFeature } from './fusion.js';
