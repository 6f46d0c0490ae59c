export { ShardSupervisor } from './shard-supervisor.js';
export type { AskReply, AskRequest, ShardInit, ShardState, ShardStats } from './shard-protocol.js';
export type { RecItem, CatalogFacts } from './shard-recommender.js';
