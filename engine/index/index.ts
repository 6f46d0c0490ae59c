/**
 * Public surface of the HNSW item index: the index itself, its off-thread build, its
 * files, and exact search for recall checks.
 */
export {
  AnnIndex,
  type AnnBuildOptions,
  type AnnHit,
  DEFAULT_M,
  DEFAULT_EF_CONSTRUCTION,
  DEFAULT_EF_SEARCH,
  MAX_K,
  MAX_DIM,
} from './ann-index.js';
export {
  IndexMismatchError,
  INDEX_FORMAT,
  type IndexInfo,
  type IndexMeta,
  readMeta as readIndexMeta,
  readVectors,
  metaPathOf,
  vectorsPathOf,
} from './index-files.js';
export {
  type BuildIndexTask,
  type BuildIndexResult,
  type BuildSource,
  type BuildTimings,
  type BuildTaskReply,
} from './build-messages.js';
export { buildIndexInPool, BUILD_TASK_URL, DEFAULT_BUILD_THREADS, type BuildPoolOptions, type BuildRunOptions } from './build-in-pool.js';
export { exactTopK, recallAtK } from './exact.js';
