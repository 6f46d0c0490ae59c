/** Placement: which log partition a user's events go to, and which shard owns an item. */

/** FNV-1a 32-bit: stable across processes and versions (placement must never change silently). */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function partitionOf(userId: string, partitions: number): number {
  return hash32(userId) % partitions;
}

export const EVENT_STREAM = 'SHOP_EVENTS';
export const EVENT_SUBJECT_PREFIX = 'shop.ev.';
export const eventSubject = (partition: number) => `${EVENT_SUBJECT_PREFIX}${partition}`;
/** Push subject for one user: any node holding that user's socket delivers it. */
export const pushSubject = (userId: string) => `shop.push.${userId}`;
/** Ask (request/reply) subject of one partition's user actors, served by the owning shard. */
export const askSubject = (partition: number) => `shop.ask.${partition}`;
