export { ShardSupervisor } from './host/shard-supervisor.js';
export { annIndexPath, annIndexReady } from './worker/ann-replica.js';
export type { AskReply, AskRequest, ShardInit, ShardState, ShardStats } from './protocol/messages.js';
export type { RecItem, CatalogFacts } from './worker/shard-recommender.js';
export { PUSH_LATENCY_BUCKETS_MS } from './worker/push-latency.js';
