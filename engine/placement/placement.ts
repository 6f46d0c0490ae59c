/**
 * Placement: where every actor lives and which subjects carry its messages. The one
 * place that computes it; shards, services, the push router, tests and benchmarks all
 * ask here. Partitions are the unit of ownership (later: partition leases per node).
 */

/** FNV-1a 32-bit: stable across processes and versions (placement must never change silently). */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The log partition of a user's events (and the partition of that user's actor). */
export function partitionOf(userId: string, partitions: number): number {
  return hash32(userId) % partitions;
}

/**
 * The slot of an item's actor. Slots are numbered like partitions, and the shard that
 * owns partition N owns item slot N; commands to an item actor go to its slot's subject.
 */
export function itemSlotOf(itemId: string, partitions: number): number {
  return hash32(itemId) % partitions;
}

/**
 * The slot of a promotion rule's actor (its budget's one owner): numbered like item
 * slots, hashed with a prefix so a rule id never shares a slot just because an item id
 * looks the same.
 */
export function ruleSlotOf(ruleId: string, partitions: number): number {
  return hash32(`rule:${ruleId}`) % partitions;
}

/** The slot of an ad campaign's actor (the one owner of its spend), like rule slots. */
export function campaignSlotOf(campaignId: string, partitions: number): number {
  return hash32(`campaign:${campaignId}`) % partitions;
}

/** Which of a node's shards owns a partition or item slot. */
export function shardOf(partition: number, shards: number): number {
  return partition % shards;
}

export const EVENT_STREAM = 'SHOP_EVENTS';
export const EVENT_SUBJECT_PREFIX = 'shop.ev.';
/** Every event subject, for consumers that read the whole log. */
export const ALL_EVENT_SUBJECTS = `${EVENT_SUBJECT_PREFIX}>`;
export const eventSubject = (partition: number) => `${EVENT_SUBJECT_PREFIX}${partition}`;
/**
 * Definitions (model versions; later rules, campaigns, experiments) travel on their own
 * subject of the same stream: every shard reads it, so all apply a definition at the
 * same log position, and a replay applies the ones that were live then.
 */
export const DEFINITIONS_SUBJECT = `${EVENT_SUBJECT_PREFIX}defs`;
/** Push subject for one user: any node holding that user's socket delivers it. */
export const pushSubject = (userId: string) => `shop.push.${userId}`;
/** Ask (request/reply) subject of one partition's user actors, served by the owning shard. */
export const askSubject = (partition: number) => `shop.ask.${partition}`;
/** Queue group of the ask subscriptions: one shard (of any node) answers each ask. */
export const ASK_QUEUE = 'shards';

/** One shard's view of placement: the partitions and item slots it owns. */
export class ShardPlacement {
  readonly partitions: number;
  readonly shards: number;
  readonly shardIndex: number;
  /** Partitions (and item slots) this shard owns, ascending. */
  readonly owned: readonly number[];

  constructor(opts: { partitions: number; shards: number; shardIndex: number }) {
    if (!Number.isInteger(opts.partitions) || opts.partitions < 1) throw new RangeError(`partitions must be a positive integer, got ${opts.partitions}`);
    if (!Number.isInteger(opts.shards) || opts.shards < 1) throw new RangeError(`shards must be a positive integer, got ${opts.shards}`);
    if (!Number.isInteger(opts.shardIndex) || opts.shardIndex < 0 || opts.shardIndex >= opts.shards) throw new RangeError(`shardIndex must be from 0 to ${opts.shards - 1}, got ${opts.shardIndex}`);
    this.partitions = opts.partitions;
    this.shards = opts.shards;
    this.shardIndex = opts.shardIndex;
    const owned: number[] = [];
    for (let p = 0; p < opts.partitions; p++) if (shardOf(p, opts.shards) === opts.shardIndex) owned.push(p);
    this.owned = owned;
  }

  owns(partitionOrSlot: number): boolean {
    return shardOf(partitionOrSlot, this.shards) === this.shardIndex;
  }

  partitionOf(userId: string): number {
    return partitionOf(userId, this.partitions);
  }

  itemSlotOf(itemId: string): number {
    return itemSlotOf(itemId, this.partitions);
  }

  ruleSlotOf(ruleId: string): number {
    return ruleSlotOf(ruleId, this.partitions);
  }

  campaignSlotOf(campaignId: string): number {
    return campaignSlotOf(campaignId, this.partitions);
  }
}
