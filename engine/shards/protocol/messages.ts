/** Messages between the main thread and a shard worker: tagged unions, one per direction. */
import type { AskReply } from '../../../protos/contract.js';

export type { AskReply } from '../../../protos/contract.js';

export interface ShardInit {
  shardIndex: number;
  shards: number;
  partitions: number;
  natsUrl: string;
  dataDir: string;
  cartAbandonMs: number;
  actorCap: number;
  actorIdleMs: number;
  excludePurchased: boolean;
  /** Weights of the logistics multiplier in recommendations (absent: the defaults). */
  logistics?: import('../../../actors/ranking/index.js').LogisticsWeights;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** CPU niceness of the shard thread (0 = as the gateway). */
  niceness: number;
  /** Directory of the ANN index built for the current catalog. */
  indexDir: string;
  /** Purchase intent in the user actors: off, or the bands and the session gap. */
  intent: { enabled: boolean; bands: number[]; gapMs: number };
}

/** Shard lifecycle: starting -> recovering -> serving -> draining -> stopped. */
export type ShardState = 'starting' | 'recovering' | 'serving' | 'draining' | 'stopped' | 'crashed';

export type MainToShard =
  | { type: 'drain' }
  /** Fault injection: the shard throws an uncaught error between batches. */
  | { type: 'crash' }
  /** Answered with `applied` carrying the same requestId once the shard uses the new facts. */
  | { type: 'catalog-changed'; requestId: number; itemIds: string[] }
  | { type: 'index-changed'; indexDir: string }
  /** Asks from this process (those of one event-loop turn together), answered by `ask-replies` with the same ids: no NATS round trip, no JSON. */
  | { type: 'asks'; asks: Array<{ id: number; req: AskRequest }> };

export interface ShardStats {
  appliedSeq: number;
  eventsApplied: number;
  batches: number;
  activeUsers: number;
  activeItems: number;
  activations: number;
  passivations: number;
  recomputes: number;
  recomputeMsP50: number;
  /** Users whose recs push waits for a recompute (grows when recomputes cannot keep up). */
  pendingPushes: number;
  /** Recommend asks answered from the user's last recs (state unchanged, young enough). */
  recsCacheHits: number;
  /** Events the shard's actors emitted that JetStream has not acked yet. */
  outboxPending: number;
  /** Event -> push latency in this shard (per-bucket counts; see worker/push-latency.ts). */
  pushLatency: { counts: number[]; sumMs: number; count: number };
  /** Events in the log after the last one this shard was delivered. */
  lagEvents: number;
  heapUsed: number;
  /** The intent model version in force in this shard (0: none yet), and definitions it refused. */
  intentModelVersion: number;
  definitionsRefused: number;
}

export type ShardToMain =
  | { type: 'state'; state: ShardState; appliedSeq: number }
  | { type: 'stats'; stats: ShardStats }
  | { type: 'applied'; requestId: number }
  | { type: 'ask-replies'; replies: Array<{ id: number; reply: AskReply }> }
  | { type: 'fatal'; message: string; stack?: string };

/** Asks to the shard owning a partition: over its worker port in this process, or the partition's NATS ask subject (request/reply, JSON). */
export type AskRequest =
  | { op: 'profile'; userId: string; minSeq?: number }
  | { op: 'recommend'; userId: string; k: number; itemId?: string; category?: string; exclude?: string[]; minSeq?: number }
  /** A checkout's record in the user actor (null when it has none by that id). */
  | { op: 'checkout'; userId: string; checkoutId: string; minSeq?: number };

